// How the reference server routes calls placed with our VonageClient: an answer handler's NCCO (talk,
// conversation, connect that rings out) and the default routing without a handler.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CancelReason, HangupReason, LegStatus } from "../mod.ts";
import type { Ncco } from "../server.ts";
import { voiceSuite } from "./_voice_fixture.ts";

describe("voice: calls routed by an answer handler", () => {
  const suite = voiceSuite(["alice", "bob"], {
    answer: (call): Ncco => {
      switch (call.context.route) {
        case "talk":
          return [{ action: "talk", text: "Your balance is 42." }];
        case "conference":
          return [{ action: "conversation", name: String(call.context.room) }];
        case "busy":
          return [{ action: "connect", endpoint: [{ type: "app", user: "bob" }], timeout: 0.05 }];
        default:
          return [];
      }
    },
  });

  it("a talk-only call connects, says its text, and ends as a remote hangup", async () => {
    const { alice } = suite.phones;
    const callId = await alice.client.serverCall({ route: "talk" });
    const [, quality, reason] = await alice.next("callHangup", (id) => id === callId);
    assert.equal(reason, HangupReason.RemoteHangup);
    assert.equal(quality.packet_cnt, 0);
    const leg = await alice.client.getLeg(callId);
    assert.deepEqual([leg.id, leg.status, leg.direction], [callId, "completed", "inbound"]);
    assert.deepEqual(leg.from, { type: "app", user: "alice", number: null });
    await assert.rejects(alice.client.say(callId, "hello?"), { code: "voice:error:no_call_found" });
  });

  it("a conversation NCCO moves the call (callTransfer); it goes on there until hung up", async () => {
    const { alice, bob } = suite.phones;
    const room = `room-${crypto.randomUUID().slice(0, 8)}`;
    const callId = await alice.client.serverCall({ route: "conference", room });
    const [id, conversationId] = await alice.next("callTransfer");
    assert.equal(id, callId);
    const conversation = await alice.client.getConversation(room);
    assert.equal(conversation.id, conversationId);
    assert.equal(conversation.memberState, "JOINED");
    const legs = await alice.client.getCallLegs(callId);
    assert.deepEqual(legs.legs.map((l) => [l.id, l.conversationId]), [[callId, conversationId]]);

    // Bob joins the same room by phone: alice's call hears his leg arrive.
    const bobCall = await bob.client.serverCall({ route: "conference", room });
    await bob.next("callTransfer", (cid) => cid === bobCall);
    await alice.next(
      "legStatusUpdate",
      (cid, leg, status) => cid === callId && leg === bobCall && status === "ANSWERED",
    );
    await alice.client.say(callId, "Welcome, Bob");
    await bob.client.hangup(bobCall);
    assert.equal((await bob.next("callHangup", (cid) => cid === bobCall))[2], HangupReason.LocalHangup);
    await alice.client.hangup(callId);
    assert.equal((await alice.next("callHangup", (cid) => cid === callId))[2], HangupReason.LocalHangup);
  });

  it("a connect nobody answers rings out: the caller hears REMOTE_NO_ANSWER_TIMEOUT, the callee RemoteTimeout", async () => {
    const { alice, bob } = suite.phones;
    const callId = await alice.client.serverCall({ route: "busy" });
    const [bobId] = await bob.next("callInvite");
    assert.deepEqual(await bob.next("callInviteCancel", (id) => id === bobId), [
      bobId,
      CancelReason.RemoteTimeout,
    ]);
    assert.deepEqual(
      await alice.next("legStatusUpdate", (id, _leg, status) => id === callId && status !== "RINGING"),
      [
        callId,
        bobId,
        LegStatus.Completed,
      ],
    );
    assert.equal(
      (await alice.next("callHangup", (id) => id === callId))[2],
      HangupReason.RemoteNoAnswerTimeout,
    );
  });
});

describe("voice: calls without an answer handler", () => {
  const suite = voiceSuite(["carol"]);

  it("a call naming nobody hears the server's greeting and ends", async () => {
    const { carol } = suite.phones;
    const callId = await carol.client.serverCall();
    assert.equal((await carol.next("callHangup", (id) => id === callId))[2], HangupReason.RemoteHangup);
    const knocking = carol.sent("/v0.3/knocking", "POST")[0]!;
    assert.deepEqual(JSON.parse(knocking.body).channel.to, { type: "phone", number: "" });
  });
});
