// deleteEvent with the official SDK: the other user is told (event:delete), and the history hides
// the message unless deleted events are asked for, in which case it is marked deleted.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { interopSuite, senderName, sharedConversation } from "./_fixture.ts";

describe("official SDK deleteEvent", () => {
  const ctx = interopSuite();

  it("deletes a message: pushed event:delete, hidden by default, marked deleted on request", async () => {
    const { alice, bob } = ctx;
    const cid = await sharedConversation(ctx);
    await alice.call("sendMessageTextEvent", cid, "oops, wrong chat");
    await alice.call("sendMessageTextEvent", cid, "this one stays");
    const [doomed] = await bob.nextEvent(
      "conversationEvent",
      (e) => e.kind === "message:text" && e.body.text === "oops, wrong chat",
    );
    const [kept] = await bob.nextEvent(
      "conversationEvent",
      (e) => e.kind === "message:text" && e.body.text === "this one stays",
    );
    const doomedId = doomed.id as number;

    assert.equal(await alice.call("deleteEvent", doomedId, cid), null);
    const [deletion] = await bob.nextEvent(
      "conversationEvent",
      (e) => e.kind === "event:delete" && e.body.eventId === doomedId,
    );
    assert.equal(deletion.conversationId, cid);
    assert.equal(senderName(deletion), "alice");

    const visible = await bob.call("getConversationEvents", cid, { eventFilter: ["message"] });
    assert.deepEqual(visible.events.map((e) => e.id), [kept.id]);

    const all = await bob.call("getConversationEvents", cid, {
      eventFilter: ["message"],
      includeDeletedEvents: true,
    });
    assert.deepEqual(all.events.map((e) => e.id), [doomedId, kept.id]);
    const [deleted, stays] = all.events;
    assert.equal(deleted?.kind, "message:text");
    assert.equal(
      typeof (deleted?.body as { deleted?: unknown }).deleted,
      "string",
      "marked with the deletion time",
    );
    assert.equal((stays?.body as { deleted?: unknown }).deleted ?? null, null);
  });

  it("bob cannot delete alice's message", async () => {
    const { alice, bob } = ctx;
    const cid = await sharedConversation(ctx);
    await alice.call("sendMessageTextEvent", cid, "mine");
    const [msg] = await bob.nextEvent(
      "conversationEvent",
      (e) => e.kind === "message:text" && e.conversationId === cid,
    );
    const err = await bob.callError("deleteEvent", msg.id as number, cid);
    assert.equal(err.type, "CS_ERROR");
    const page = await alice.call("getConversationEvents", cid, { eventFilter: ["message"] });
    assert.deepEqual(page.events.map((e) => e.id), [msg.id]);
  });
});
