// The media API over the reference server, with scripted WebRTC-shaped connections (their state set
// by the test): reconnectCall sends a new offer and applies the answer the server pushes
// (rtc:answer); a connection that fails ends the call for both sides, with callMediaError and
// MEDIA_TIMEOUT here; getPeerConnection and getAudioOutputElement hand out the call's objects.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { MediaAdapter, MediaConnection, MediaConnectionState, VonageError } from "../mod.ts";
import { connect, voiceSuite } from "./_voice_fixture.ts";

/** A WebRTC-shaped media adapter whose connections the test drives. */
function scriptedMedia() {
  const log: string[] = [];
  const connections: { setState: (state: MediaConnectionState) => void; pc: object; audio: object }[] = [];
  const adapter: MediaAdapter = {
    connect(onState): Promise<MediaConnection> {
      const pc = { name: `pc ${connections.length}` }, audio = { name: `audio ${connections.length}` };
      connections.push({ setState: (state) => onState?.(state), pc, audio });
      return Promise.resolve({
        createOffer: () => Promise.resolve("v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n"),
        applyAnswer: (sdp) => {
          log.push(`answer ${sdp.startsWith("v=0")}`);
          setTimeout(() => onState?.("connected"), 5); // as a peer connection would, once ICE and DTLS are done
          return Promise.resolve();
        },
        createAnswer: () => Promise.resolve("v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n"),
        reconnectOffer:
          () => (log.push("restart"), Promise.resolve("v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n")),
        mute() {},
        earmuff() {},
        close: () => void log.push("close"),
        peerConnection: pc,
        audioElement: audio,
      });
    },
  };
  return { adapter, log, connections };
}

describe("voice: the media API", () => {
  const suite = voiceSuite([]);

  it("reconnectCall reconnects the media: an offer to the server, its rtc:answer applied, resolved once connected", async () => {
    const media = scriptedMedia();
    const alice = await suite.phone("alice", { media: media.adapter });
    const bob = await suite.phone("bob", { media: scriptedMedia().adapter });
    assert.equal(alice.client.getPeerConnection("nothing"), undefined);
    const { callerId } = await connect(alice, bob);
    media.connections[0]!.setState("connected");
    assert.equal(alice.client.getPeerConnection(callerId), media.connections[0]!.pc);
    assert.equal(alice.client.getAudioOutputElement(), media.connections[0]!.audio);

    media.log.length = 0;
    await alice.client.reconnectCall(callerId);
    assert.deepEqual(media.log, ["restart", "answer true"]);
    const offer = alice.sent("/v0.3/conversations/", "POST").find((r) =>
      r.path.endsWith(`/rtc/${callerId}/offer`)
    );
    assert.ok(offer, "the offer went to /rtc/{leg}/offer");
    assert.deepEqual(JSON.parse(offer.body).body.offer, {
      sdp: "v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n",
    });
    await assert.rejects(alice.client.reconnectCall("LEG-unknown"), { code: "voice:error:no_call_found" });
    await alice.client.hangup(callerId);
    await alice.next("callHangup");
    assert.equal(alice.client.getPeerConnection(callerId), undefined);
  });

  it("a media connection that fails ends the call: callMediaError here, callHangup MEDIA_TIMEOUT here and a hangup there", async () => {
    const media = scriptedMedia();
    const alice = await suite.phone("alice", { media: scriptedMedia().adapter });
    const bob = await suite.phone("bob", { media: media.adapter });
    const { callerId, calleeId } = await connect(alice, bob);
    media.connections[0]!.setState("failed");
    const [id, error] = await bob.next("callMediaError");
    assert.equal(id, calleeId);
    assert.equal((error as VonageError).code, "voice:error:media_timeout");
    const [, , reason] = await bob.next("callHangup", (callId) => callId === calleeId);
    assert.equal(reason, "MEDIA_TIMEOUT");
    const [, , aliceReason] = await alice.next("callHangup", (callId) => callId === callerId);
    assert.equal(aliceReason, "REMOTE_HANGUP");
    assert.ok(media.log.includes("close"), "the media is closed");
  });
});
