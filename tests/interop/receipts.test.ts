// Receipts between two official clients: the SDK posts message:delivered by itself for every
// message it receives (wire-protocol.md §7.3), and sendMessageSeenEvent posts message:seen.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { interopSuite, senderName, sharedConversation } from "./_fixture.ts";

describe("official SDK receipts", () => {
  const ctx = interopSuite();

  it("delivered (automatic) and seen reach the sender and show in the message's statuses", async () => {
    const { alice, bob } = ctx;
    const cid = await sharedConversation(ctx);
    const bobMid = (await bob.call("getConversation", cid)).memberId;
    assert.ok(bobMid);

    await alice.call("sendMessageTextEvent", cid, "did you get this");
    const [msg] = await bob.nextEvent(
      "conversationEvent",
      (e) => e.kind === "message:text" && e.conversationId === cid,
    );
    const messageId = msg.id as number;

    // bob's SDK acknowledged the push on its own; alice hears about it.
    const [delivered] = await alice.nextEvent(
      "conversationEvent",
      (e) => e.kind === "message:delivered" && e.body.eventId === messageId && senderName(e) === "bob",
    );
    assert.equal(delivered.conversationId, cid);

    const seenAt = await bob.call("sendMessageSeenEvent", messageId, cid);
    const [seen] = await alice.nextEvent(
      "conversationEvent",
      (e) => e.kind === "message:seen" && e.body.eventId === messageId,
    );
    assert.equal(senderName(seen), "bob");
    assert.equal(seen.conversationId, cid);
    // The SDK resolves the receipt's own timestamp: the one its push carries.
    assert.equal(seenAt, seen.timestamp);
    assert.ok(Date.parse(seenAt) >= Date.parse(msg.timestamp), `${seenAt} after ${msg.timestamp}`);

    // The stored message carries bob's receipts.
    const page = await alice.call("getConversationEvents", cid, { eventFilter: ["message"] });
    const stored = page.events.find((e) => e.id === messageId);
    assert.ok(stored && "memberStatuses" in stored, "the message is in the page");
    const statuses = stored.memberStatuses as Record<string, { seen?: unknown; delivered?: unknown }> | null;
    assert.equal(statuses?.[bobMid]?.delivered, delivered.timestamp);
    assert.equal(statuses?.[bobMid]?.seen, seenAt);
  });
});
