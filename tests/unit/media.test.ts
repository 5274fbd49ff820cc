// The media adapters: webRtcMedia over a scripted WebRTC stack (offer after ICE gathering, answers,
// mute and earmuff on the tracks, close, the microphone's constraints), and the default where the
// runtime has no WebRTC.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  defaultMedia,
  type DescriptionLike,
  type PeerConnectionLike,
  signallingOnly,
  type TrackLike,
  webRtcMedia,
} from "../../src/client/media.ts";

class Track implements TrackLike {
  enabled = true;
  stopped = false;
  stop() {
    this.stopped = true;
  }
}

const log: string[] = [];

class FakePeer implements PeerConnectionLike {
  localDescription: { sdp?: string } | null = null;
  iceGatheringState = "new";
  readonly senders: { track: TrackLike | null }[] = [];
  readonly receivers = [{ track: new Track() as TrackLike | null }];
  #listeners: Record<string, ((event: { streams?: readonly unknown[] }) => void)[]> = {};
  addTrack(track: TrackLike) {
    this.senders.push({ track });
  }
  createOffer(): Promise<DescriptionLike> {
    return Promise.resolve({ type: "offer", sdp: "v=0 offer" });
  }
  createAnswer(): Promise<DescriptionLike> {
    return Promise.resolve({ type: "answer", sdp: "v=0 answer" });
  }
  setLocalDescription(description: DescriptionLike): Promise<void> {
    log.push(`local ${description.type}`);
    this.iceGatheringState = "gathering";
    // Candidates are found later; the SDP must wait for them.
    setTimeout(() => {
      this.localDescription = { sdp: `${description.sdp} +candidates` };
      this.iceGatheringState = "complete";
      for (const listener of this.#listeners["icegatheringstatechange"] ?? []) listener({});
    }, 5);
    return Promise.resolve();
  }
  setRemoteDescription(description: DescriptionLike): Promise<void> {
    log.push(`remote ${description.type} ${description.sdp}`);
    return Promise.resolve();
  }
  getSenders() {
    return this.senders;
  }
  getReceivers() {
    return this.receivers;
  }
  addEventListener(type: string, listener: (event: { streams?: readonly unknown[] }) => void) {
    (this.#listeners[type] ??= []).push(listener);
  }
  close() {
    log.push("close");
  }
}

describe("media", () => {
  it("webRtcMedia: offers after ICE gathering, applies answers, answers offers, mutes, earmuffs, closes", async () => {
    const peers: FakePeer[] = [];
    const mic = new Track();
    const media = webRtcMedia({
      RTCPeerConnection: class extends FakePeer {
        constructor() {
          super();
          peers.push(this);
        }
      },
      getUserMedia: (constraints) => {
        assert.deepEqual(constraints, { audio: true, video: false });
        return Promise.resolve({ getTracks: () => [mic] });
      },
    });
    const outbound = await media.connect();
    assert.equal(await outbound.createOffer(), "v=0 offer +candidates");
    await outbound.applyAnswer("v=0 server");
    outbound.mute(true);
    assert.equal(mic.enabled, false);
    outbound.mute(false);
    assert.equal(mic.enabled, true);
    outbound.earmuff(true);
    assert.equal(peers[0]!.receivers[0]!.track!.enabled, false);
    outbound.close();
    assert.equal(mic.stopped, true);

    const inbound = await media.connect();
    assert.equal(await inbound.createAnswer("v=0 caller"), "v=0 answer +candidates");
    assert.deepEqual(log, [
      "local offer",
      "remote answer v=0 server",
      "close",
      "remote offer v=0 caller",
      "local answer",
    ]);
    assert.equal(peers.length, 2);
  });

  it("webRtcMedia opens the microphone with the call's settings (noise suppression), else the defaults", async () => {
    const asked: unknown[] = [];
    const media = webRtcMedia({
      RTCPeerConnection: FakePeer,
      getUserMedia: (constraints) => {
        asked.push(constraints);
        return Promise.resolve({ getTracks: () => [new Track()] });
      },
    });
    await media.connect(undefined, { noiseSuppression: false });
    await media.connect(undefined, { noiseSuppression: true });
    await media.connect();
    assert.deepEqual(asked, [
      { audio: { noiseSuppression: false }, video: false },
      { audio: { noiseSuppression: true }, video: false },
      { audio: true, video: false },
    ]);
  });

  it("signallingOnly answers with a placeholder SDP and has nothing to toggle", async () => {
    const media = await signallingOnly.connect();
    const offer = await media.createOffer();
    assert.match(offer, /^v=0\r\n[\s\S]*\r\nm=audio 9 UDP\/TLS\/RTP\/SAVPF 111\r\n[\s\S]*a=inactive\r\n/);
    assert.equal(await media.createAnswer(offer), offer);
    media.mute(true);
    media.earmuff(true);
    media.close();
  });

  it("defaultMedia is signalling only where the runtime has no RTCPeerConnection", () => {
    assert.equal("RTCPeerConnection" in globalThis, false);
    assert.equal(defaultMedia(), signallingOnly);
  });
});
