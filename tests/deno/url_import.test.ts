// Deno users import mod.ts by URL, from a project that never reads our deno.json. `deno check`
// passes even when such an import cannot resolve (toolchain.md Q2), so this test serves the
// repository over HTTP on loopback and `deno run`s a consumer script from an empty folder, with
// `--allow-net` as its only permission (no --allow-env, no --allow-read), plus the --allow-import
// that a host outside Deno's default import list (this loopback one) needs.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { type ReferenceServer, startServer } from "../../server.ts";

const root = new URL("../../", import.meta.url);

/** Runs `source` as main.ts in a fresh folder with no deno.json, with only `--allow-net`. */
async function runConsumer(
  base: string,
  source: string,
  args: string[] = [],
): Promise<{ code: number; out: string; err: string }> {
  const dir = await Deno.makeTempDir({ prefix: "parley-url-import-" });
  try {
    await Deno.writeTextFile(`${dir}/main.ts`, source);
    const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--quiet",
        "--no-prompt",
        "--allow-net=127.0.0.1",
        `--allow-import=${new URL(base).host}`,
        "main.ts",
        ...args,
      ],
      cwd: dir,
      stdout: "piped",
      stderr: "piped",
    }).output();
    const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes).trim();
    return { code, out: text(stdout), err: text(stderr) };
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

describe("mod.ts imported by URL", () => {
  let server: Deno.HttpServer<Deno.NetAddr>;
  let base = "";
  let chat: ReferenceServer;

  before(async () => {
    chat = await startServer({ port: 0, host: "127.0.0.1" });
    server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, async (req) => {
      const path = decodeURIComponent(new URL(req.url).pathname);
      if (path.includes("..")) return new Response("bad path", { status: 400 });
      try {
        const body = await Deno.readFile(new URL("." + path, root));
        const type = path.endsWith(".ts") ? "application/typescript" : "application/octet-stream";
        return new Response(body, { headers: { "content-type": type } });
      } catch {
        return new Response("not found", { status: 404 });
      }
    });
    base = `http://127.0.0.1:${server.addr.port}`;
  });

  after(async () => {
    await server.shutdown();
    await chat.close();
  });

  it("loads and runs from a folder with no deno.json", async () => {
    const { code, out, err } = await runConsumer(
      base,
      `import { none, some, VonageClient, VonageError } from "${base}/mod.ts";\n` +
        `const err = new VonageError("CS_ERROR", "conversation:error:not-found", "missing");\n` +
        `const client = new VonageClient({ region: "EU", disableInternalLogger: true });\n` +
        `const events = typeof client.on("conversationEvent", () => {});\n` +
        `console.log(JSON.stringify({ some: some(1).kind, none: none().kind, code: err.code, events }));\n`,
    );
    assert.equal(code, 0, err);
    assert.deepEqual(JSON.parse(out), {
      some: "some",
      none: "none",
      code: "conversation:error:not-found",
      events: "symbol",
    });
  });

  it("logs in over the websocket and chats with --allow-net alone", async () => {
    const { code, out, err } = await runConsumer(
      base,
      `import { VonageClient } from "${base}/mod.ts";\n` +
        `const [url, token] = Deno.args;\n` +
        `const client = new VonageClient({ apiUrl: url, websocketUrl: url, disableInternalLogger: true });\n` +
        `const got = new Promise((resolve) => client.on("conversationEvent", (e) => {\n` +
        `  if (e.kind === "message:text") resolve(e.body.text);\n` +
        `}));\n` +
        `await client.createSession(token);\n` +
        `const id = await client.createConversation();\n` +
        `await client.joinConversation(id);\n` +
        `await client.sendMessageTextEvent(id, "hello by URL");\n` +
        `console.log(await got);\n` +
        `await client.deleteSession();\n`,
      [chat.url, await chat.token("alice")],
    );
    assert.equal(code, 0, err);
    assert.equal(out, "hello by URL");
  });
});
