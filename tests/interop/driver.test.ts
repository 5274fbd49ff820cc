// The driver itself, without a server: the official SDK loads in Node, its rejections come back
// with their VonageError type and code, and a dead server is reported as the SDK reports it.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { OFFICIAL_SDK_VERSION } from "./_install.ts";
import { OfficialClient } from "./_official.ts";

describe("official SDK driver", () => {
  let client: OfficialClient;
  before(async () => {
    // Port 9 (discard) on loopback: nothing listens, so every request fails fast.
    client = await OfficialClient.start("http://127.0.0.1:9", "nobody");
  });
  after(async () => {
    await client?.close();
  });

  it("loads the pinned SDK version", () => {
    assert.equal(client.sdkVersion, OFFICIAL_SDK_VERSION);
  });

  it("passes rejections through with type and code", async () => {
    const err = await client.callError("createSession", "");
    assert.equal(err.type, "SESSION_ERROR");
    assert.equal(err.code, "session:error:empty-token");
  });

  it("methods needing a session reject before any request", async () => {
    const err = await client.callError("sendMessageTextEvent", "CON-1", "hello");
    assert.equal(err.type, "SESSION_ERROR");
    assert.equal(err.code, "session:error:no-active-session");
  });

  it("an unreachable server is a NETWORK_ERROR", async () => {
    const err = await client.callError("getConversation", "CON-1");
    assert.equal(err.type, "NETWORK_ERROR");
  });

  it("an unknown method is refused by the driver", async () => {
    await assert.rejects(client.callAny("noSuchMethod", []), /no method noSuchMethod/);
  });
});
