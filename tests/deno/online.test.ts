// A runtime that reports `online` (browsers; Deno's global object is an EventTarget too) cuts a
// waiting reconnection short.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { clientSuite } from "../_client_fixture.ts";

describe("VonageClient and the online event", () => {
  const suite = clientSuite([]);

  it("a retry scheduled a minute away starts at once when the runtime is back online", async () => {
    const client = suite.extra("mia", { reconnectBaseDelayMs: 60_000, reconnectMaxDelayMs: 60_000 });
    const scheduled = new Promise<number>((resolve) =>
      client.on("connectionStateChange", (c) => c.reason === "connectionLost" && resolve(c.nextRetryAt!))
    );
    // Math.random() may draw a delay near zero; draw a long one.
    const random = Math.random;
    Math.random = () => 0.99;
    try {
      await client.client.createSession(await suite.server.token("mia"));
      suite.server.dropConnections("mia");
      assert.ok((await scheduled) > Date.now() + 30_000);
    } finally {
      Math.random = random;
    }
    globalThis.dispatchEvent(new Event("online"));
    await client.signal("reconnection");
    assert.equal(client.client.connectionState, "connected");
  });
});
