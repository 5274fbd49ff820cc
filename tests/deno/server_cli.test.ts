// The server's command line (`deno task serve`): it prints the URL and ready-made dev tokens, serves
// requests with them, and stops cleanly on SIGTERM and SIGINT. Deno only: it runs server.ts as a
// program.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";

const serverTs = new URL("../../server.ts", import.meta.url);

/** Starts the CLI and reads its output until `until` matches it. */
async function startCli(args: string[], until = /^ {2}carol: \S+$/m) {
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-net",
      "--allow-read",
      "--allow-write",
      "--allow-env",
      "--allow-sys",
      serverTs.pathname,
      ...args,
    ],
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let output = "";
  while (!until.test(output)) {
    const { value, done } = await reader.read();
    if (done) break;
    output += value;
  }
  return { child, reader, output };
}

describe("deno task serve", () => {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    it(`prints the URL and dev tokens, serves them, and stops on ${signal}`, async () => {
      const { child, reader, output } = await startCli(["--port", "0", "--memory", "--user", "carol"]);
      try {
        const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
        const token = /^ {2}carol: (\S+)$/m.exec(output)?.[1];
        assert.ok(url && token, output);
        const res = await fetch(`${url}/v0.3/users/carol`, { headers: { authorization: `bearer ${token}` } });
        assert.equal(res.status, 200);
        assert.equal((await res.json()).name, "carol");
      } finally {
        child.kill(signal);
        while (!(await reader.read()).done);
        await child.stderr.cancel();
      }
      assert.equal((await child.status).code, 0);
    });
  }

  it("runs in production mode with --public-key, minting nothing", async () => {
    const { publicKey } = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      publicKeyEncoding: { type: "spki", format: "pem" },
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
    });
    const file = await Deno.makeTempFile({ suffix: ".pem" });
    try {
      await Deno.writeTextFile(file, publicKey);
      const { child, reader, output } = await startCli(
        ["--port", "0", "--memory", "--public-key", file],
        /acl\.\n/,
      );
      child.kill("SIGTERM");
      while (!(await reader.read()).done);
      await child.stderr.cancel();
      assert.equal((await child.status).code, 0);
      assert.match(output, /Production mode/);
      assert.doesNotMatch(output, /eyJ/);
    } finally {
      await Deno.remove(file);
    }
  });

  it("keeps its state and dev keys in --data DIR: a token printed by one run still works in the next", async () => {
    const dir = await Deno.makeTempDir({ prefix: "parley-cli-" });
    try {
      const first = await startCli(["--port", "0", "--data", dir, "--user", "carol"]);
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(first.output)?.[1];
      const token = /^ {2}carol: (\S+)$/m.exec(first.output)?.[1];
      assert.ok(url && token, first.output);
      assert.match(first.output, new RegExp(`state: ${dir.replaceAll("/", "\\/")} \\(SQLite\\)`));
      const headers = { authorization: `bearer ${token}`, "content-type": "application/json" };
      const created = await fetch(`${url}/v0.3/conversations`, {
        method: "POST",
        headers,
        body: JSON.stringify({ name: "kept" }),
      });
      assert.equal(created.status, 201);
      const { id } = await created.json();
      first.child.kill("SIGKILL");
      while (!(await first.reader.read()).done);
      await first.child.stderr.cancel();
      await first.child.status;

      const second = await startCli(["--port", "0", "--data", dir, "--user", "carol"]);
      try {
        const again = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(second.output)?.[1];
        const res = await fetch(`${again}/v0.3/conversations/${id}`, { headers });
        assert.equal(res.status, 200);
        assert.equal((await res.json()).name, "kept");
      } finally {
        second.child.kill("SIGTERM");
        while (!(await second.reader.read()).done);
        await second.child.stderr.cancel();
      }
      assert.equal((await second.child.status).code, 0);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  });

  it("explains its flags and refuses unknown ones", async () => {
    const help = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--allow-net",
        "--allow-read",
        "--allow-env",
        "--allow-sys",
        serverTs.pathname,
        "--bogus",
      ],
    }).output();
    assert.equal(help.code, 2);
    assert.match(new TextDecoder().decode(help.stderr), /unknown argument --bogus[\s\S]*--public-key FILE/);
  });
});
