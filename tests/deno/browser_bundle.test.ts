// The browser bundle (what `deno task size` builds and measures): ES modules with no npm: or node:
// imports; loaded on their own, with the runtime's global WebSocket and fetch (as in a browser),
// they log in and chat, and the voice chunk loads on demand.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { type ReferenceServer, startServer } from "../../server.ts";
import type * as Parley from "../../mod.ts";
import { bundleForBrowser } from "../../scripts/size.ts";

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

  it("bundles without npm: or node: imports and runs a session against the server", async () => {
    await bundleForBrowser(dir);
    const files = [...Deno.readDirSync(dir)].map((e) => e.name);
    assert.ok(files.includes("mod.js"), `entry mod.js among ${files.join(", ")}`);
    assert.ok(files.some((name) => name.startsWith("voice-")), "voice is a chunk of its own");
    for (const name of files) {
      const source = await Deno.readTextFile(`${dir}/${name}`);
      assert.doesNotMatch(source, /\bfrom\s*["'](npm:|node:)/, `${name}: no npm: or node: imports`);
    }
    const file = `${dir}/mod.js`;

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
    // The first voice method loads the voice chunk; an unknown call is refused by it.
    await assert.rejects(client.hangup("no-such-call"), { code: "voice:error:no_call_found" });
    await client.deleteSession();
  });
});
