// Calls between two app users with our VonageClient, against the reference server (which rings the
// user named by serverCall's `to`): answer, leg statuses, say, legs, mute, earmuff, DTMF, hangup from
// either side; reject; hangup before answer; another device answering or rejecting.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CancelReason, HangupReason, LegStatus, VoiceChannelType } from "../mod.ts";
import { connect, voiceSuite } from "./_voice_fixture.ts";

describe("voice: calls between app users", () => {
  const suite = voiceSuite(["alice", "bob"]);

  it("alice calls bob, bob answers; both see ANSWERED, legs, say, and hang up with the right reasons", async () => {
    const { alice, bob } = suite.phones;
    const aliceId = await alice.client.serverCall({ to: "bob" });
    const [bobId, from, channelType] = await bob.next("callInvite");
    assert.deepEqual([from, channelType], ["alice", VoiceChannelType.App]);
    assert.notEqual(bobId, aliceId, "each side has its own leg, hence its own call id");
    assert.deepEqual(await alice.next("legStatusUpdate"), [aliceId, bobId, LegStatus.Ringing]);

    await bob.client.answer(bobId);
    assert.deepEqual(await alice.next("legStatusUpdate"), [aliceId, bobId, LegStatus.Answered]);
    assert.deepEqual(await bob.next("legStatusUpdate"), [bobId, aliceId, LegStatus.Answered]);

    await alice.client.say(aliceId, "Hello Bob");
    await bob.client.say(bobId, { text: "<speak>Hi</speak>", level: 0.5, loop: 2, voiceName: "kimberly" });
    const says = alice.sent(`/v0.3/conversations/`, "POST").filter((r) => r.body.includes("audio:say"));
    assert.equal(says.length, 1);
    assert.deepEqual(JSON.parse(says[0]!.body).body, {
      text: "Hello Bob",
      level: 1,
      loop: 1,
      queue: true,
      voice_name: "amy",
      ssml: true,
    });

    const legs = await alice.client.getCallLegs(aliceId);
    assert.deepEqual(legs.legs.map((l) => l.id).sort(), [aliceId, bobId].sort());
    const byId = Object.fromEntries(legs.legs.map((l) => [l.id, l]));
    assert.equal(byId[aliceId]!.direction, "inbound");
    assert.equal(byId[bobId]!.direction, "outbound");
    assert.deepEqual(byId[bobId]!.to, { type: "app", user: "bob", number: null });
    for (const leg of legs.legs) {
      assert.equal(leg.status, "answered");
      assert.equal(leg.conversationId, legs.legs[0]!.conversationId);
      assert.equal(leg.mediaState?.mute, false);
    }
    assert.deepEqual(await bob.client.getLeg(aliceId), byId[aliceId]);

    await alice.client.hangup(aliceId);
    const [, quality, reason] = await alice.next("callHangup", (id) => id === aliceId);
    assert.equal(reason, HangupReason.LocalHangup);
    assert.equal(typeof quality.mos_score, "number");
    assert.deepEqual(await bob.next("legStatusUpdate"), [bobId, aliceId, LegStatus.Completed]);
    assert.equal((await bob.next("callHangup", (id) => id === bobId))[2], HangupReason.RemoteHangup);

    // The call is gone on both sides: controls now fail locally, without a request.
    const before = alice.sentCount();
    await assert.rejects(alice.client.say(aliceId, "still there?"), { code: "voice:error:no_call_found" });
    assert.equal(alice.sentCount(), before);
    const leg = await alice.client.getLeg(bobId);
    assert.equal(leg.status, "completed");
    assert.ok(!Number.isNaN(Date.parse(leg.endTime)));
  });

  it("the callee hangs up: the caller hears REMOTE_HANGUP", async () => {
    const { alice, bob } = suite.phones;
    const { callerId, calleeId } = await connect(alice, bob);
    await bob.client.hangup(calleeId, "bye", "done-talking");
    assert.equal((await bob.next("callHangup", (id) => id === calleeId))[2], HangupReason.LocalHangup);
    assert.equal((await alice.next("callHangup", (id) => id === callerId))[2], HangupReason.RemoteHangup);
    const hangup = bob.sent("/v0.2/conversations/", "DELETE").at(-1)!;
    assert.match(hangup.path, /\?reason_code=done-talking&reason_text=bye&from=MEM-/);
  });

  it("mute, earmuff and DTMF reach both sides as callbacks", async () => {
    const { alice, bob } = suite.phones;
    const { callerId, calleeId } = await connect(alice, bob);
    await alice.client.mute(callerId);
    assert.deepEqual(await alice.next("mute"), [callerId, callerId, true]);
    assert.deepEqual(await bob.next("mute"), [calleeId, callerId, true]);
    await alice.client.unmute(callerId);
    assert.deepEqual(await bob.next("mute"), [calleeId, callerId, false]);
    await bob.client.enableEarmuff(calleeId);
    assert.deepEqual(await alice.next("earmuff"), [callerId, calleeId, true]);
    const legs = await alice.client.getCallLegs(callerId);
    assert.equal(legs.legs.find((l) => l.id === calleeId)?.mediaState?.earmuff, true);
    await bob.client.disableEarmuff(calleeId);
    assert.deepEqual(await alice.next("earmuff"), [callerId, calleeId, false]);
    await bob.client.sendDTMF(calleeId, "12#*9p");
    assert.deepEqual(await alice.next("dtmf"), [callerId, calleeId, "12#*9p"]);
    await alice.client.hangup(callerId);
    await bob.next("callHangup", (id) => id === calleeId);
  });

  it("bob rejects: alice hears REMOTE_REJECT, bob's rejecting client reports nothing more", async () => {
    const { alice, bob } = suite.phones;
    const callerId = await alice.client.serverCall({ to: "bob" });
    const [calleeId] = await bob.next("callInvite");
    await bob.client.reject(calleeId);
    const reject = bob.sent("/v0.2/conversations/", "DELETE").at(-1)!;
    assert.match(reject.path, /\?reason_code=REMOTE_REJECT&reason_text=call-rejected-by-callee&from=MEM-/);
    assert.deepEqual(await alice.next("legStatusUpdate", (id) => id === callerId), [
      callerId,
      calleeId,
      LegStatus.Ringing,
    ]);
    assert.deepEqual(await alice.next("legStatusUpdate", (id) => id === callerId), [
      callerId,
      calleeId,
      LegStatus.Completed,
    ]);
    const [, , reason] = await alice.next("callHangup", (id) => id === callerId);
    assert.equal(reason, HangupReason.RemoteReject);
    await assert.rejects(bob.client.answer(calleeId), { code: "voice:error:no_call_found" });
    assert.ok(!bob.names().includes("callInviteCancel"), bob.names().join());
  });

  it("alice hangs up before bob answers: bob hears callInviteCancel(RemoteCancel)", async () => {
    const { alice, bob } = suite.phones;
    const callerId = await alice.client.serverCall({ to: "bob" });
    const [calleeId] = await bob.next("callInvite");
    await alice.client.hangup(callerId);
    assert.equal((await alice.next("callHangup", (id) => id === callerId))[2], HangupReason.LocalHangup);
    assert.deepEqual(await bob.next("callInviteCancel", (id) => id === calleeId), [
      calleeId,
      CancelReason.RemoteCancel,
    ]);
    await assert.rejects(bob.client.answer(calleeId), { code: "voice:error:no_call_found" });
  });

  it("with two devices, answering or rejecting on one cancels the invitation on the other", async () => {
    const { alice, bob } = suite.phones;
    const tablet = await suite.phone("bob");
    const first = await alice.client.serverCall({ to: "bob" });
    const [calleeId] = await bob.next("callInvite");
    assert.equal((await tablet.next("callInvite"))[0], calleeId);
    await bob.client.answer(calleeId);
    assert.deepEqual(await tablet.next("callInviteCancel"), [calleeId, CancelReason.AnsweredElsewhere]);
    await alice.client.hangup(first);
    await bob.next("callHangup", (id) => id === calleeId);

    const again = await alice.client.serverCall({ to: "bob" });
    const [second] = await tablet.next("callInvite");
    await bob.next("callInvite", (id) => id === second);
    await tablet.client.reject(second);
    assert.deepEqual(await bob.next("callInviteCancel", (id) => id === second), [
      second,
      CancelReason.RejectedElsewhere,
    ]);
    assert.equal((await alice.next("callHangup", (id) => id === again))[2], HangupReason.RemoteReject);
  });
});
