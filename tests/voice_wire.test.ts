// What the voice methods send (wire protocol §3.5), read from the requests our VonageClient made, and
// the media option: a plugged-in MediaAdapter makes the SDP and hears mute and earmuff.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type MediaAdapter, type MediaConnection, signallingOnly } from "../mod.ts";
import { connect, voiceSuite } from "./_voice_fixture.ts";

/** A media adapter that records what the calls did with it. */
function recordingMedia(log: string[]): MediaAdapter {
  return {
    connect(): Promise<MediaConnection> {
      log.push("connect");
      return Promise.resolve({
        createOffer: () => (log.push("offer"), signallingOnly.connect().then((m) => m.createOffer())),
        applyAnswer: (sdp) => (log.push(`answer applied ${sdp.startsWith("v=0")}`), Promise.resolve()),
        createAnswer: (
          offer,
        ) => (log.push(`answering ${offer.includes("m=audio")}`), Promise.resolve("v=0\r\nanswer")),
        mute: (on) => void log.push(`mute ${on}`),
        earmuff: (on) => void log.push(`earmuff ${on}`),
        close: () => void log.push("close"),
      });
    },
  };
}

describe("voice: requests on the wire", () => {
  const aliceMedia: string[] = [];
  const bobMedia: string[] = [];
  const suite = voiceSuite(["carol"]);

  it("serverCall, answer, say, mute, earmuff, DTMF, getCallLegs and hangup send what the official SDK sends", async () => {
    const alice = await suite.phone("alice", { media: recordingMedia(aliceMedia) });
    const bob = await suite.phone("bob", { media: recordingMedia(bobMedia) });
    const { callerId, calleeId } = await connect(alice, bob);
    const [legs, knocking] = [alice.sent("/v0.3/legs", "POST")[0]!, alice.sent("/v0.3/knocking", "POST")[0]!];
    const session = JSON.parse(legs.body).originating_session;
    assert.match(session, /^SES-/);
    assert.deepEqual(JSON.parse(legs.body).body.offer.type, "offer");
    assert.match(JSON.parse(legs.body).body.offer.sdp, /^v=0\r\n[\s\S]*m=audio /);
    assert.deepEqual(JSON.parse(knocking.body), {
      originating_session: session,
      channel: {
        type: "app",
        id: callerId,
        from: { type: "app", user: "alice" },
        to: { type: "phone", number: "bob" },
      },
      properties: { custom_data: { to: "bob" } },
    });

    const put = bob.sent("/v0.3/conversations/", "PUT")[0];
    const answer = bob.sent("/v0.3/conversations/", "POST").find((r) => r.path.endsWith("/answer"));
    assert.equal(put!.method, "PUT");
    assert.match(put!.path, /^\/v0\.3\/conversations\/CON-[^/]+\/members\/MEM-[^/]+$/);
    const mid = put!.path.split("/").at(-1);
    assert.deepEqual(JSON.parse(put!.body), {
      originating_session: JSON.parse(put!.body).originating_session,
      channel: { type: "app" },
      from: mid,
      state: "joined",
    });
    assert.equal(answer!.method, "POST");
    assert.ok(answer!.path.endsWith(`/rtc/${calleeId}/answer`));
    assert.deepEqual(JSON.parse(answer!.body).body, { answer: "v=0\r\nanswer" });
    assert.equal(JSON.parse(answer!.body).from, mid);

    const count = alice.sent("/v0.3/conversations/", "POST").length;
    await alice.client.say(callerId, { text: "Hi", loop: 0, ssml: false });
    await alice.client.mute(callerId);
    await alice.client.enableEarmuff(callerId);
    await alice.client.sendDTMF(callerId, "5");
    const events = alice.sent("/v0.3/conversations/", "POST").slice(count).map((r) => JSON.parse(r.body));
    const from = events[0].from;
    assert.deepEqual(events.map((e) => e.type), [
      "audio:say",
      "audio:mute:on",
      "audio:earmuff:on",
      "audio:dtmf",
    ]);
    assert.deepEqual(events[0].body, {
      text: "Hi",
      level: 1,
      loop: 0,
      queue: true,
      voice_name: "amy",
      ssml: false,
    });
    assert.deepEqual(events[1], {
      type: "audio:mute:on",
      to: from,
      body: { rtc_id: callerId },
      from,
      originating_session: session,
    });
    assert.deepEqual(events[3].body, { digit: "5", channel: { id: callerId, type: "app" } });
    assert.deepEqual(aliceMedia, ["connect", "offer", "answer applied true", "mute true", "earmuff true"]);
    assert.deepEqual(bobMedia, ["connect", "answering true"]);

    const before = alice.sent("/v0.3/conversations/", "GET").length;
    await alice.client.getCallLegs(callerId, { order: "desc", pageSize: 5 });
    const [conversation, list] = alice.sent("/v0.3/conversations/", "GET").slice(before);
    assert.match(conversation!.path, /^\/v0\.3\/conversations\/CON-[^/?]+$/);
    assert.equal(list!.path, `${conversation!.path}/legs?order=DESC&page_size=5`);

    await alice.client.hangup(callerId);
    const hangup = alice.sent("/v0.2/conversations/", "DELETE").at(-1)!;
    assert.match(hangup.path, /^\/v0\.2\/conversations\/CON-[^/]+\/members\/MEM-[^/?]+$/);
    await alice.next("callHangup", (id) => id === callerId);
    await bob.next("callHangup", (id) => id === calleeId);
    assert.equal(aliceMedia.at(-1), "close");
    assert.equal(bobMedia.at(-1), "close");
  });

  it("without a WebRTC runtime the default media is signalling only", async () => {
    const { carol } = suite.phones;
    const callId = await carol.client.serverCall();
    const offer = JSON.parse(carol.sent("/v0.3/legs", "POST")[0]!.body).body.offer.sdp;
    assert.match(offer, /\r\na=inactive\r\n/);
    await carol.next("callHangup", (id) => id === callId);
  });
});
