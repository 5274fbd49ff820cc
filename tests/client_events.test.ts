// Listing stored events against the reference server: query, filters, delivery state per member,
// deleted messages, paging and iteration.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { MessageTextEvent } from "../mod.ts";
import { clientSuite, shared, type TestClient } from "./_client_fixture.ts";

describe("VonageClient.getConversationEvents", () => {
  const suite = clientSuite();
  const alice = () => suite.clients.alice as TestClient;
  const bob = () => suite.clients.bob as TestClient;

  it("sends the fixed filter and the parameters in the documented order", async () => {
    const cid = await shared(suite);
    await alice().client.getConversationEvents(cid, {
      order: "desc",
      pageSize: 5,
      eventFilter: ["message", "custom:x y"],
      includeDeletedEvents: true,
      startId: 1,
    });
    assert.equal(
      alice().requests.at(-1)!.path,
      `/v0.3/conversations/${cid}/events?order=DESC&page_size=5&filter_group_type=ChatEvents&filter_group_version=3` +
        `&event_type=message%2Ccustom%3Ax%20y&exclude_deleted_events=false&start_id=1`,
    );
    await alice().client.getConversationEvents(cid);
    assert.equal(
      alice().requests.at(-1)!.path,
      `/v0.3/conversations/${cid}/events?filter_group_type=ChatEvents&filter_group_version=3&exclude_deleted_events=true`,
    );
  });

  it("lists members and messages with their delivery state (memberStatuses)", async () => {
    const cid = await shared(suite);
    await alice().client.sendMessageTextEvent(cid, "hello");
    await alice().client.sendCustomEvent(cid, "mood", { happy: true });
    const pushed = await bob().get(cid, "message:text");
    const seenAt = await bob().client.sendMessageSeenEvent(pushed.id, cid);
    await alice().get(cid, "message:seen");

    const page = await alice().client.getConversationEvents(cid);
    assert.deepEqual(page.events.map((e) => e.kind), [
      "member:joined",
      "member:joined",
      "message:text",
      "custom",
    ]);
    assert.ok(page.events.every((e) => e.conversationId === cid));
    const text = page.events[2] as MessageTextEvent;
    assert.equal(text.id, pushed.id);
    assert.equal(text.body.text, "hello");
    const bobsMember = page.events[1]!.kind === "member:joined" ? page.events[1]!.body.memberId : "";
    assert.equal(text.memberStatuses?.[bobsMember]?.current, "seen");
    assert.equal(text.memberStatuses?.[bobsMember]?.seen, seenAt);
    const custom = page.events[3]!;
    assert.equal(custom.kind === "custom" && custom.eventType, "custom:mood");
  });

  it("filters by type, starts at an id, and lists deleted messages only on request", async () => {
    const cid = await shared(suite);
    await alice().client.sendMessageTextEvent(cid, "keep");
    await alice().client.sendMessageTextEvent(cid, "drop");
    const drop = await bob().get(cid, "message:text", (e) => e.body.text === "drop");
    await alice().client.deleteEvent(drop.id, cid);
    await bob().get(cid, "event:delete");

    const messages = await alice().client.getConversationEvents(cid, { eventFilter: ["message"] });
    assert.deepEqual(messages.events.map((e) => e.kind === "message:text" && e.body.text), ["keep"]);

    const withDeleted = await alice().client.getConversationEvents(cid, {
      eventFilter: ["message"],
      includeDeletedEvents: true,
    });
    const deleted = withDeleted.events.find((e) => e.id === drop.id) as MessageTextEvent;
    const deletion = await bob().get(cid, "event:delete", (e) => e.body.eventId === drop.id);
    assert.equal(deleted.body.deleted, deletion.timestamp, "deleted carries the deletion time");

    const from = await alice().client.getConversationEvents(cid, {
      startId: drop.id,
      includeDeletedEvents: true,
    });
    assert.ok(from.events.every((e) => e.id >= drop.id));
    assert.equal(from.events[0]!.id, drop.id);
  });

  it("pages in both orders; conversationEvents() iterates every event", async () => {
    const cid = await shared(suite);
    for (let i = 1; i <= 5; i++) await alice().client.sendMessageTextEvent(cid, `m${i}`);
    const first = await alice().client.getConversationEvents(cid, { pageSize: 3, order: "desc" });
    assert.deepEqual(first.events.map((e) => e.kind === "message:text" && e.body.text), ["m5", "m4", "m3"]);
    const next = await alice().client.getConversationEvents(cid, {
      pageSize: 3,
      order: "desc",
      cursor: first.nextCursor,
    });
    assert.deepEqual(next.events.map((e) => e.kind), ["message:text", "message:text", "member:joined"]);
    // The previous cursor leads back to the first page.
    const back = await alice().client.getConversationEvents(cid, {
      pageSize: 3,
      order: "desc",
      cursor: next.previousCursor,
    });
    assert.deepEqual(back.events.map((e) => e.id), first.events.map((e) => e.id));

    const texts: string[] = [];
    for await (
      const event of alice().client.conversationEvents(cid, { pageSize: 2, eventFilter: ["message"] })
    ) {
      if (event.kind === "message:text") texts.push(event.body.text);
    }
    assert.deepEqual(texts, ["m1", "m2", "m3", "m4", "m5"]);
  });
});
