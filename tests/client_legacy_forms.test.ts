// The 1.x call forms, kept as typed, deprecated overloads so 1.x apps (Vonage's community React
// library among them) compile and run unchanged: positional (order, pageSize, cursor) paging and
// createConversation(name, displayName). Each must send what the object form sends.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { PresentingOrder } from "../mod.ts";
import { clientSuite, type TestClient, unique } from "./_client_fixture.ts";

describe("VonageClient 1.x call forms", () => {
  const suite = clientSuite();
  const alice = () => suite.clients.alice as TestClient;
  const lastQuery = (path: string) =>
    new URL(alice().sent(path, "GET").at(-1)!.path, "http://x").searchParams;

  it("createConversation(name, displayName) creates with both", async () => {
    const name = unique("legacy");
    const id = await alice().client.createConversation(name, "Legacy room");
    const conversation = await alice().client.getConversation(id);
    assert.equal(conversation.name, name);
    assert.equal(conversation.displayName, "Legacy room");
    const unnamed = await alice().client.createConversation(undefined, "Only a display name");
    assert.equal((await alice().client.getConversation(unnamed)).displayName, "Only a display name");
  });

  it("getConversations(order, pageSize, cursor) pages like the object form", async () => {
    for (let i = 0; i < 3; i++) {
      await alice().client.joinConversation(
        await alice().client.createConversation({ name: unique("mine") }),
      );
    }
    const first = await alice().client.getConversations(PresentingOrder.DESC, 2);
    assert.equal(first.conversations.length, 2);
    assert.equal(lastQuery("/v0.3/users/").get("order"), "DESC");
    assert.equal(lastQuery("/v0.3/users/").get("page_size"), "2");
    const next = await alice().client.getConversations(PresentingOrder.DESC, 2, first.nextCursor!);
    assert.equal(lastQuery("/v0.3/users/").get("cursor"), first.nextCursor);
    const byObject = await alice().client.getConversations({
      order: "desc",
      pageSize: 2,
      cursor: first.nextCursor,
    });
    assert.deepEqual(next.conversations.map((c) => c.id), byObject.conversations.map((c) => c.id));
  });

  it("getConversationMembers and getConversationEvents take (id, order, pageSize, cursor)", async () => {
    const id = await alice().client.createConversation();
    await alice().client.joinConversation(id);
    await alice().client.inviteToConversation(id, "bob");
    for (const text of ["one", "two", "three"]) await alice().client.sendMessageTextEvent(id, text);

    const members = await alice().client.getConversationMembers(id, PresentingOrder.ASC, 1);
    assert.equal(members.members.length, 1);
    const more = await alice().client.getConversationMembers(id, PresentingOrder.ASC, 1, members.nextCursor!);
    assert.equal(more.members.length, 1);
    assert.notEqual(more.members[0]!.id, members.members[0]!.id);

    const newest = await alice().client.getConversationEvents(id, PresentingOrder.DESC, 1);
    const [last] = newest.events;
    assert.ok(last?.kind === "message:text" && last.body.text === "three", JSON.stringify(last));
    const older = await alice().client.getConversationEvents(id, PresentingOrder.DESC, 1, newest.nextCursor!);
    assert.ok(older.events[0]?.kind === "message:text" && older.events[0].body.text === "two");
  });
});
