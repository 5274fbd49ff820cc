// Custom events (stored, `custom:` type) and ephemeral events (pushed only) between official clients.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { interopSuite, senderName, sharedConversation } from "./_fixture.ts";

describe("official SDK custom and ephemeral events", () => {
  const ctx = interopSuite();

  it("sendCustomEvent arrives as kind custom with its type and data, and is stored", async () => {
    const { alice, bob } = ctx;
    const cid = await sharedConversation(ctx);
    await alice.call("sendCustomEvent", cid, "custom:game-move", { from: "e2", to: "e4", n: 1 });
    const [e] = await bob.nextEvent(
      "conversationEvent",
      (e) => e.kind === "custom" && e.conversationId === cid,
    );
    assert.equal(e.kind === "custom" && e.eventType, "custom:game-move");
    assert.deepEqual(e.body, { from: "e2", to: "e4", n: 1 });
    assert.equal(senderName(e), "alice");

    // The SDK adds the `custom:` prefix when it is missing.
    await alice.call("sendCustomEvent", cid, "game-over", { winner: "alice" });
    const [over] = await bob.nextEvent(
      "conversationEvent",
      (e) => e.kind === "custom" && e.eventType === "custom:game-over",
    );
    assert.deepEqual(over.body, { winner: "alice" });

    const page = await bob.call("getConversationEvents", cid, {
      eventFilter: ["custom:game-move", "custom:game-over"],
    });
    assert.deepEqual(page.events.map((e) => e.id), [e.id, over.id]);
    assert.deepEqual(page.events.map((e) => e.kind === "custom" && e.eventType), [
      "custom:game-move",
      "custom:game-over",
    ]);
  });

  it("sendEphemeralEvent is pushed to the other user and never stored", async () => {
    const { alice, bob } = ctx;
    const cid = await sharedConversation(ctx);
    assert.equal(
      typeof await alice.call("sendEphemeralEvent", cid, { typing: true, who: "alice" }),
      "string",
    );
    const [e] = await bob.nextEvent(
      "conversationEvent",
      (e) => e.kind === "ephemeral" && e.conversationId === cid,
    );
    assert.deepEqual(e.body, { typing: true, who: "alice" });
    assert.equal(senderName(e), "alice");

    // A stored event sent after it comes back, the ephemeral one does not (and does not break the page).
    await alice.call("sendMessageTextEvent", cid, "done typing");
    await bob.nextEvent("conversationEvent", (e) => e.kind === "message:text" && e.conversationId === cid);
    const page = await bob.call("getConversationEvents", cid, { pageSize: 100 });
    const kinds: string[] = page.events.map((e) => e.kind);
    assert.ok(kinds.includes("message:text"), kinds.join());
    assert.ok(!kinds.includes("ephemeral"), kinds.join());
  });
});
