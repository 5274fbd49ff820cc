// Membership with the official SDK: join, invite, the member events each side receives, the
// member list, and leaving.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { interopSuite, isMemberEvent, uniqueName } from "./_fixture.ts";

describe("official SDK membership", () => {
  const ctx = interopSuite();

  it("join, invite, accept by joining, list, leave", async () => {
    const { alice, bob } = ctx;
    const cid = await alice.call("createConversation", { name: uniqueName("members") });

    const aliceMid = await alice.call("joinConversation", cid);
    assert.equal(typeof aliceMid, "string");
    const [aliceJoined] = await alice.nextEvent(
      "conversationEvent",
      (e) => isMemberEvent(e, "member:joined", cid, "alice"),
    );
    assert.equal(aliceJoined.kind === "member:joined" && aliceJoined.body.memberId, aliceMid);

    // An invitation reaches the invited user, who was no member until now.
    const bobMid = await alice.call("inviteToConversation", cid, "bob");
    const [invited] = await bob.nextEvent(
      "conversationEvent",
      (e) => isMemberEvent(e, "member:invited", cid, "bob"),
    );
    assert.equal(invited.kind === "member:invited" && invited.body.memberId, bobMid);
    await alice.nextEvent("conversationEvent", (e) => isMemberEvent(e, "member:invited", cid, "bob"));
    assert.equal((await bob.call("getConversation", cid)).memberState, "INVITED");

    // Joining accepts the invitation: same member.
    assert.equal(await bob.call("joinConversation", cid), bobMid);
    const [bobJoined] = await alice.nextEvent(
      "conversationEvent",
      (e) => isMemberEvent(e, "member:joined", cid, "bob"),
    );
    assert.equal(bobJoined.kind === "member:joined" && bobJoined.body.memberId, bobMid);
    await bob.nextEvent("conversationEvent", (e) => isMemberEvent(e, "member:joined", cid, "bob"));

    const { members } = await alice.call("getConversationMembers", cid, { pageSize: 10 });
    const byName = Object.fromEntries(members.map((m) => [m.user?.name, m]));
    assert.deepEqual(Object.keys(byName).sort(), ["alice", "bob"]);
    assert.equal(byName.alice?.id, aliceMid);
    assert.equal(byName.alice?.state, "JOINED");
    assert.equal(byName.bob?.id, bobMid);
    assert.equal(byName.bob?.state, "JOINED");

    const member = await alice.call("getConversationMember", cid, bobMid);
    assert.equal(member.id, bobMid);
    assert.equal(member.state, "JOINED");

    // Leaving: resolves undefined, both sides see member:left, the member's state is LEFT.
    assert.equal(await bob.call("leaveConversation", cid), undefined);
    await alice.nextEvent("conversationEvent", (e) => isMemberEvent(e, "member:left", cid, "bob"));
    await bob.nextEvent("conversationEvent", (e) => isMemberEvent(e, "member:left", cid, "bob"));
    assert.equal((await alice.call("getConversationMember", cid, bobMid)).state, "LEFT");
    const ids = (await bob.call("getConversations", { pageSize: 100 })).conversations.map((c) => c.id);
    assert.ok(!ids.includes(cid), "a conversation bob left is not among his conversations");
  });

  it("joining twice is refused with conversation:error:member-already-joined", async () => {
    const { alice } = ctx;
    const cid = await alice.call("createConversation", { name: uniqueName("twice") });
    await alice.call("joinConversation", cid);
    const err = await alice.callError("joinConversation", cid);
    assert.equal(err.type, "CS_ERROR");
    assert.equal(err.code, "conversation:error:member-already-joined");
  });
});
