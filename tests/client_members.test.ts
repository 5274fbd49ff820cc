// Members against the reference server: invite, join, leave, read one, list and iterate.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { VonageError } from "../mod.ts";
import { clientSuite, shared, type TestClient } from "./_client_fixture.ts";

describe("VonageClient members", () => {
  const suite = clientSuite(["alice", "bob", "carol"]);
  const alice = () => suite.clients.alice as TestClient;
  const bob = () => suite.clients.bob as TestClient;
  const carol = () => suite.clients.carol as TestClient;

  it("inviteToConversation invites by user name; the invitee gets member:invited", async () => {
    const cid = await shared(suite);
    const memberId = await alice().client.inviteToConversation(cid, "carol");
    const invited = await carol().event((e) => e.kind === "member:invited" && e.conversationId === cid);
    assert.equal(invited.kind === "member:invited" && invited.body.memberId, memberId);
    assert.equal(invited.kind === "member:invited" && invited.body.user.name, "carol");
    const body = JSON.parse(alice().sent(`/v0.3/conversations/${cid}/members`, "POST").at(-1)!.body);
    assert.equal(body.state, "invited");
    assert.deepEqual(body.user, { name: "carol" });
    assert.deepEqual(body.channel, { type: "app", from: { type: "app" }, to: { type: "app" } });
    assert.match(body.originating_session, /\S/);

    const member = await alice().client.getConversationMember(cid, memberId);
    assert.equal(member.id, memberId);
    assert.equal(member.state, "INVITED");
    assert.equal(member.user?.name, "carol");
    assert.equal(member.channel?.type, "APP");
  });

  it("joinConversation joins as the session's user and resolves the member id", async () => {
    const cid = await alice().client.createConversation();
    const memberId = await bob().client.joinConversation(cid);
    const body = JSON.parse(bob().sent(`/v0.3/conversations/${cid}/members`, "POST").at(-1)!.body);
    assert.equal(body.state, "joined");
    assert.equal(body.user.name, "bob");
    assert.match(body.user.id, /\S/);
    const member = await bob().client.getConversationMember(cid, memberId);
    assert.equal(member.state, "JOINED");
    assert.equal(member.id, memberId);
    assert.equal(member.user?.name, "bob");
    assert.equal(member.user?.id, body.user.id);
    const joinedPush = await bob().get(cid, "member:joined", (e) => e.body.memberId === memberId);
    assert.equal(
      member.timestamp?.joined,
      joinedPush.timestamp,
      "the join time is the member:joined event's",
    );
  });

  it("getConversationMembers pages; conversationMembers() iterates every member", async () => {
    const cid = await shared(suite);
    await alice().client.inviteToConversation(cid, "carol");
    const first = await alice().client.getConversationMembers(cid, { pageSize: 2 });
    assert.equal(first.members.length, 2);
    assert.ok(first.nextCursor);
    const rest = await alice().client.getConversationMembers(cid, { pageSize: 2, cursor: first.nextCursor });
    const names = [...first.members, ...rest.members].map((m) => m.user?.name).sort();
    assert.deepEqual(names, ["alice", "bob", "carol"]);

    const iterated = [];
    for await (const member of alice().client.conversationMembers(cid, { pageSize: 1 })) {
      iterated.push(member);
    }
    assert.deepEqual(iterated.map((m) => m.user?.name).sort(), ["alice", "bob", "carol"]);
    assert.deepEqual(iterated.map((m) => m.state).sort(), ["INVITED", "JOINED", "JOINED"]);
    // Unlike the official SDK's, listed members keep their channel and timestamps.
    const joined = iterated.find((m) => m.user?.name === "bob")!;
    assert.equal(joined.channel?.type, "APP");
    assert.ok(joined.timestamp?.joined);
  });

  it("leaveConversation leaves (v0.2 path); member:left reaches the others; sends then fail", async () => {
    const cid = await shared(suite);
    await bob().client.leaveConversation(cid);
    const left = await alice().event((e) => e.kind === "member:left" && e.conversationId === cid);
    assert.equal(left.kind === "member:left" && left.body.user.name, "bob");
    const del = bob().sent(`/v0.2/conversations/${cid}/members/`, "DELETE");
    assert.equal(del.length, 1);
    // The cached member id was dropped on leave: the next send asks members/me again, and is refused.
    const before = bob().sent(`/v0.3/conversations/${cid}/members/me`).length;
    await assert.rejects(bob().client.sendMessageTextEvent(cid, "still here?"), VonageError);
    assert.equal(bob().sent(`/v0.3/conversations/${cid}/members/me`).length, before + 1);
  });

  it("a member:left push about oneself drops the cached member id", async () => {
    const cid = await shared(suite);
    const otherDevice = suite.extra("bob");
    await otherDevice.client.createSession(await suite.server.token("bob"));
    await otherDevice.client.leaveConversation(cid);
    await bob().event((e) =>
      e.kind === "member:left" && e.conversationId === cid && e.body.user.name === "bob"
    );
    await assert.rejects(bob().client.sendMessageTextEvent(cid, "gone"), VonageError);
    assert.equal(bob().sent(`/v0.3/conversations/${cid}/members/me`).length, 1);
  });
});
