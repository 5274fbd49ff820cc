// The official SDK against the reference server's default access policy (the other interop tests pass
// OPEN_CONVERSATIONS): the invite-then-join flow works as with the hosted service, and a user who was
// not let in gets system:error:permission for everything, as a CS_ERROR.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_POLICY } from "../../server.ts";
import { interopSuite, isMemberEvent, uniqueName } from "./_fixture.ts";

describe("official SDK under the default access policy", () => {
  const ctx = interopSuite(["carol"], { server: { policy: DEFAULT_POLICY } });

  it("invited users join and chat; others are refused; only the creator deletes", async () => {
    const { alice, bob } = ctx;
    const carol = ctx.others[0]!;
    const name = uniqueName("private");
    const cid = await alice.call("createConversation", { name });
    await alice.call("joinConversation", cid);
    await alice.call("inviteToConversation", cid, "bob");
    assert.equal((await bob.call("getConversation", cid)).memberState, "INVITED");
    await bob.call("joinConversation", cid);
    await bob.call("sendMessageTextEvent", cid, "hello, alice");
    await alice.nextEvent("conversationEvent", (e) => e.kind === "message:text" && e.conversationId === cid);

    const refusals = [
      await carol.callError("getConversation", cid),
      await carol.callError("getConversation", name),
      await carol.callError("joinConversation", cid),
      await carol.callError("getConversationEvents", cid),
      await carol.callError("getConversationMembers", cid),
      await bob.callError("deleteConversation", cid),
    ];
    for (const [i, err] of refusals.entries()) {
      assert.equal(err.type, "CS_ERROR", `refusal ${i}`);
      assert.equal(err.code, "system:error:permission", `refusal ${i}: ${err.message}`);
    }
    // The official SDK looks up its own membership before sending, which carol has none of.
    const send = await carol.callError("sendMessageTextEvent", cid, "let me in");
    assert.equal(send.code, "conversation:error:member-not-found");
    const events = await alice.call("getConversationEvents", cid, { pageSize: 100 });
    assert.deepEqual(
      events.events.map((e) => e.kind),
      ["member:joined", "member:invited", "member:joined", "message:text"],
    );
    // Having left, bob still finds the conversation, with his membership, but reads no more of it.
    await bob.call("leaveConversation", cid);
    assert.equal((await bob.call("getConversation", cid)).memberState, "LEFT");
    assert.equal((await bob.callError("getConversationEvents", cid)).code, "system:error:permission");
    await alice.call("deleteConversation", cid);
    assert.equal((await bob.callError("getConversation", cid)).code, "conversation:error:not-found");
    assert.ok(isMemberEvent(events.events[2]!, "member:joined", cid, "bob"));
  });
});
