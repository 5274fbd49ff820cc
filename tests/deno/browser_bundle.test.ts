// The browser bundle (what `deno task size` measures) is a self-contained ES module: loaded on its
// own, with the runtime's global WebSocket and fetch (as in a browser), it logs in and chats.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { type ReferenceServer, startServer } from "../../server.ts";
import type * as Parley from "../../mod.ts";

const root = new URL("../../", import.meta.url);

describe("browser bundle of mod.ts", () => {
  let server: ReferenceServer;
  let dir = "";
  before(async () => {
    server = await startServer({ port: 0, host: "127.0.0.1" });
    dir = await Deno.makeTempDir({ prefix: "parley-bundle-" });
  });
  after(async () => {
    await server.close();
    await Deno.remove(dir, { recursive: true });
  });

  it("bundles without imports and runs a session against the server", async () => {
    const file = `${dir}/parley.min.js`;
    const { code, stderr } = await new Deno.Command(Deno.execPath(), {
      args: ["bundle", "--quiet", "--platform", "browser", "--minify", "-o", file, "mod.ts"],
      cwd: root,
      stderr: "piped",
    }).output();
    assert.equal(code, 0, new TextDecoder().decode(stderr));
    const source = await Deno.readTextFile(file);
    assert.doesNotMatch(source, /\bfrom\s*["'](npm:|node:)/, "self-contained: no npm: or node: imports");

    const { VonageClient } = await import(new URL(`file://${file}`).href) as typeof Parley;
    const client = new VonageClient({
      apiUrl: server.url,
      websocketUrl: server.url,
      disableInternalLogger: true,
    });
    const received = new Promise<string>((resolve) => {
      client.on("conversationEvent", (event) => {
        if (event.kind === "message:text") resolve(event.body.text);
      });
    });
    await client.createSession(await server.token("alice"));
    const cid = await client.createConversation();
    await client.joinConversation(cid);
    await client.sendMessageTextEvent(cid, "hello from the bundle");
    assert.equal(await received, "hello from the bundle");
    await client.deleteSession();
  });
});
