// A dropped socket: the official SDK reports `reconnecting`, reconnects by itself (after 1.25–5 s,
// its own fixed backoff) and reports `reconnection`; pushes flow again afterwards.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { interopSuite, senderName, sharedConversation } from "./_fixture.ts";

const RECONNECT_TIMEOUT_MS = 10_000; // the SDK's first retry comes within 5 s

describe("official SDK reconnection", () => {
  const ctx = interopSuite();

  it("dropConnections → reconnecting → reconnection, then messages arrive again", async () => {
    const { alice, bob, server } = ctx;
    const cid = await sharedConversation(ctx);

    await server.dropConnections("alice");
    await alice.nextEvent("reconnecting", undefined, RECONNECT_TIMEOUT_MS);
    await alice.nextEvent("reconnection", undefined, RECONNECT_TIMEOUT_MS);
    // A drop is not the end of the session, and bob's connection was left alone.
    assert.deepEqual(alice.events.received("sessionError"), []);
    assert.deepEqual(bob.events.received("reconnecting"), []);

    await bob.call("sendMessageTextEvent", cid, "welcome back");
    const [e] = await alice.nextEvent(
      "conversationEvent",
      (e) => e.kind === "message:text" && e.conversationId === cid,
    );
    assert.equal(e.kind === "message:text" && e.body.text, "welcome back");
    assert.equal(senderName(e), "bob");
  });
});
