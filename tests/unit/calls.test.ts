// The call registry against scripted pushes (wire-protocol.md §7.2): which voice callbacks each push
// produces, with which arguments and reasons, and which pushes change nothing.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { CallMedia } from "../../src/client/call_media.ts";
import { CallRegistry } from "../../src/client/calls.ts";
import { Emitter, type VonageEvent } from "../../src/client/emitter.ts";
import { recordingLogger } from "./_log.ts";
import { pushed, T } from "./_push.ts";

const ME = "USR-me";
const OTHER = "USR-other";

function registry() {
  const emitter = new Emitter<VonageEvent>(recordingLogger().logger);
  const heard: unknown[][] = [];
  const names = [
    "callInvite",
    "callInviteCancel",
    "callHangup",
    "legStatusUpdate",
    "callTransfer",
    "mute",
    "earmuff",
    "dtmf",
  ] as const;
  for (const name of names) {
    emitter.on(name, ((...args: unknown[]) => heard.push([name, ...args])) as VonageEvent[typeof name]);
  }
  return { calls: new CallRegistry(emitter, () => ME), heard };
}

/** Hands `payload` to the registry as the inbox does: read at the edge first. */
function receive(calls: CallRegistry, type: string, payload: unknown) {
  calls.receive(pushed(type, payload));
}

const invited = (legId: string, user = ME) => ({
  id: 1,
  cid: "CON-1",
  timestamp: T,
  body: {
    member_id: "MEM-me",
    user: { id: user, name: "me" },
    channel: { type: "app", id: legId, from: { type: "app", user: "alice" } },
    media: { audio_settings: { enabled: true } },
    sdp: "v=0",
  },
});
const left = (code: string, member = "MEM-me") => ({
  id: 3,
  cid: "CON-1",
  timestamp: T,
  body: { member_id: member, user: { id: ME, name: "me" }, channel: { type: "app" }, reason: { code } },
});
const hangup = (legId: string, code = "REMOTE_HANGUP", sip = 200) => ({
  id: 4,
  cid: "CON-1",
  timestamp: T,
  body: { channel: { id: legId }, reason: { code, text: "", sip_code: sip }, quality: { mos_score: 4.2 } },
});

describe("CallRegistry", () => {
  it("an invitation with an offer for this user is a callInvite; others are not", () => {
    const { calls, heard } = registry();
    receive(calls, "member:invited", invited("LEG-1"));
    receive(calls, "member:invited", invited("LEG-1")); // a duplicate push
    receive(calls, "member:invited", invited("LEG-2", OTHER));
    receive(calls, "member:invited", {
      ...invited("LEG-3"),
      body: { ...invited("LEG-3").body, sdp: undefined },
    });
    assert.deepEqual(heard, [["callInvite", "LEG-1", "alice", "app"]]);
    assert.deepEqual(calls.get("LEG-1")?.conversationId, "CON-1");
  });

  it("an unanswered invitation ends once both its rtc:hangup and member:left came, with the reason they tell", () => {
    const cases: [string, number, string][] = [
      ["remote_cancel", 200, "RemoteCancel"],
      ["ring_timer", 487, "RemoteTimeout"],
      ["REMOTE_REJECT", 200, "RejectedElsewhere"],
    ];
    for (const [code, sip, reason] of cases) {
      const { calls, heard } = registry();
      receive(calls, "member:invited", invited("LEG-1"));
      receive(calls, "rtc:hangup", hangup("LEG-1", "X", sip));
      assert.equal(heard.length, 1, "not before the member:left");
      receive(calls, "member:left", left(code));
      assert.deepEqual(heard.at(-1), ["callInviteCancel", "LEG-1", reason]);
      assert.equal(calls.get("LEG-1"), undefined);
    }
  });

  it("our member joining without an answer here is AnsweredElsewhere", () => {
    const { calls, heard } = registry();
    receive(calls, "member:invited", invited("LEG-1"));
    receive(calls, "member:joined", {
      id: 2,
      cid: "CON-1",
      timestamp: T,
      body: { ...invited("LEG-1").body },
    });
    assert.deepEqual(heard.at(-1), ["callInviteCancel", "LEG-1", "AnsweredElsewhere"]);
  });

  it("the hangup reason: ours, else our member:left's code, else the rtc:hangup code", () => {
    const cases: [string | null, string, string, boolean][] = [
      [null, "REMOTE_HANGUP", "LOCAL_HANGUP", true],
      ["remote_rejected", "REMOTE_REJECT", "REMOTE_REJECT", false],
      ["remote_no_answer", "X", "REMOTE_REJECT", false],
      ["ring_timer", "X", "REMOTE_NO_ANSWER_TIMEOUT", false],
      ["local_cancel", "X", "REMOTE_NO_ANSWER_TIMEOUT", false],
      ["remote_hangup", "X", "REMOTE_HANGUP", false],
      [null, "RING_TIMER", "MEDIA_TIMEOUT", false],
      [null, "REMOTE_HANGUP", "REMOTE_HANGUP", false],
    ];
    for (const [leftCode, code, reason, ours] of cases) {
      const { calls, heard } = registry();
      const call = calls.add("LEG-1", false, { conversationId: "CON-1", memberId: "MEM-me", live: true });
      call.ending = ours;
      if (leftCode) receive(calls, "member:left", left(leftCode));
      receive(calls, "rtc:hangup", hangup("LEG-1", code));
      assert.deepEqual(heard, [["callHangup", "LEG-1", { mos_score: 4.2 }, reason]], `${leftCode} ${code}`);
    }
  });

  it("leg statuses of other users' legs, each once; audio events; transfers", () => {
    const { calls, heard } = registry();
    calls.add("LEG-1", false, { conversationId: "CON-1", memberId: "MEM-me", live: true });
    const status = (from: string, status: string) => ({
      id: 5,
      cid: "CON-1",
      body: { leg_id: "LEG-2", status, direction: "outbound", type: "app", statusHistory: [] },
      _embedded: { from_user: { id: from } },
    });
    receive(calls, "leg:status:update", status(OTHER, "ringing"));
    receive(calls, "leg:status:update", status(OTHER, "ringing"));
    receive(calls, "leg:status:update", status(ME, "answered"));
    receive(calls, "leg:status:update", { ...status(OTHER, "answered"), cid: "CON-x" });
    receive(calls, "leg:status:update", status(OTHER, "answered"));
    receive(calls, "audio:mute:on", { id: 6, cid: "CON-1", body: { rtc_id: "LEG-2" } });
    receive(calls, "audio:earmuff:off", { id: 7, cid: "CON-1", body: { rtc_id: "LEG-1" } });
    receive(calls, "audio:dtmf", { id: 8, cid: "CON-1", body: { digit: "12", channel: { id: "LEG-2" } } });
    receive(calls, "rtc:transfer", {
      id: 9,
      cid: "CON-1",
      from: "MEM-3",
      body: { channel: { id: "LEG-3" } },
    });
    receive(calls, "rtc:transfer", {
      id: 1,
      cid: "CON-2",
      from: "MEM-9",
      body: { channel: { id: "LEG-1" } },
    });
    receive(calls, "audio:mute:on", { id: 6, cid: "CON-1", body: { rtc_id: "LEG-2" } }); // the call left CON-1
    assert.deepEqual(heard, [
      ["legStatusUpdate", "LEG-1", "LEG-2", "RINGING"],
      ["legStatusUpdate", "LEG-1", "LEG-2", "ANSWERED"],
      ["mute", "LEG-1", "LEG-2", true],
      ["earmuff", "LEG-1", "LEG-1", false],
      ["dtmf", "LEG-1", "LEG-2", "12"],
      ["legStatusUpdate", "LEG-1", "LEG-3", "ANSWERED"],
      ["callTransfer", "LEG-1", "CON-2"],
    ]);
    assert.deepEqual([calls.get("LEG-1")?.conversationId, calls.get("LEG-1")?.memberId], ["CON-2", "MEM-9"]);
  });

  it("member:joined of our leg completes a serverCall; clear() forgets every call and closes its media", async () => {
    const { calls } = registry();
    let joined = false, closed = 0;
    const media = await CallMedia.open({
      connect: () =>
        Promise.resolve({
          createOffer: () => Promise.resolve(""),
          applyAnswer: () => Promise.resolve(),
          createAnswer: () => Promise.resolve(""),
          mute() {},
          earmuff() {},
          close: () => void closed++,
        }),
    });
    const call = calls.add("LEG-1", false, { media, joined: () => joined = true });
    receive(calls, "member:joined", {
      id: 1,
      cid: "CON-1",
      timestamp: T,
      body: { member_id: "MEM-me", user: { id: ME, name: "me" }, channel: { type: "app", id: "LEG-1" } },
    });
    assert.deepEqual([joined, call.live, call.conversationId, call.memberId], [
      true,
      true,
      "CON-1",
      "MEM-me",
    ]);
    calls.clear();
    assert.equal(calls.get("LEG-1"), undefined);
    assert.equal(closed, 1);
  });
});
