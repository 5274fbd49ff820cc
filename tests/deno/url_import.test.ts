// Deno users import mod.ts by URL, from a project that never reads our deno.json. `deno check`
// passes even when such an import cannot resolve (toolchain.md Q2), so this test serves the
// repository over HTTP on loopback and `deno run`s a consumer script from an empty folder.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";

const root = new URL("../../", import.meta.url);

describe("mod.ts imported by URL", () => {
  let server: Deno.HttpServer<Deno.NetAddr>;
  let base = "";

  before(() => {
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
  });

  it("loads and runs from a folder with no deno.json", async () => {
    const dir = await Deno.makeTempDir({ prefix: "parley-url-import-" });
    try {
      await Deno.writeTextFile(
        `${dir}/main.ts`,
        `import { none, some, VonageClient, VonageError } from "${base}/mod.ts";\n` +
          `const err = new VonageError("CS_ERROR", "conversation:error:not-found", "missing");\n` +
          `const client = new VonageClient({ region: "EU", disableInternalLogger: true });\n` +
          `const events = typeof client.on("conversationEvent", () => {});\n` +
          `console.log(JSON.stringify({ some: some(1).kind, none: none().kind, code: err.code, events }));\n`,
      );
      const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
        // --allow-env: socket.io-client's `debug` dependency reads the environment when loaded.
        args: ["run", "--quiet", "--allow-env", `--allow-import=127.0.0.1:${server.addr.port}`, "main.ts"],
        cwd: dir,
        stdout: "piped",
        stderr: "piped",
      }).output();
      const out = new TextDecoder().decode(stdout).trim();
      assert.equal(code, 0, new TextDecoder().decode(stderr));
      assert.deepEqual(JSON.parse(out), {
        some: "some",
        none: "none",
        code: "conversation:error:not-found",
        events: "symbol",
      });
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  });
});
