// Call media for tests: werift peer connections plugged into a VonageClient as its `media` adapter,
// each sending a sine tone (Opus, encoded with opusscript) and keeping what it receives, decoded, so a
// test can find a tone's frequency in it (Goertzel). The adapter's mute and earmuff do nothing on
// purpose: the tests prove that the server stops the audio. Every address is 127.0.0.1.
import { Buffer } from "node:buffer";
import {
  MediaStreamTrack,
  OpusScript,
  RTCPeerConnection,
  RTCRtpCodecParameters,
  RtpHeader,
  RtpPacket,
} from "./_deps.ts";
import type { MediaAdapter, MediaConnection } from "../mod.ts";

const RATE = 48_000;
const FRAME = 960;

/** A received frame: when it arrived and its samples. */
export interface Heard {
  at: number;
  pcm: Int16Array;
}

/** A werift peer connection configured like the server's: Opus, host candidates on 127.0.0.1. */
export function loopbackPeer(): RTCPeerConnection {
  return new RTCPeerConnection({
    iceUseIpv4: false,
    iceUseIpv6: false,
    iceAdditionalHostAddresses: ["127.0.0.1"],
    iceInterfaceAddresses: { udp4: "127.0.0.1" },
    codecs: {
      audio: [
        new RTCRtpCodecParameters({ mimeType: "audio/opus", clockRate: RATE, channels: 2, payloadType: 111 }),
      ],
    },
  });
}

/** Resolves the local SDP once every candidate is in it. */
export async function gathered(pc: RTCPeerConnection): Promise<string> {
  if (pc.iceGatheringState !== "complete") await pc.iceGatheringStateChange.watch((s) => s === "complete");
  return pc.localDescription!.sdp;
}

/**
 * The `MediaConnection` our client drives, over a werift peer connection that sends `track`: the
 * caller's offer or the callee's answer (each with every candidate in it), and `close`. Mute and
 * earmuff do nothing here on purpose: the tests prove that the server stops the audio.
 */
export function weriftConnection(
  pc: RTCPeerConnection,
  track: MediaStreamTrack,
  close: () => void,
): MediaConnection {
  return {
    createOffer: async () => {
      pc.addTransceiver(track, { direction: "sendrecv" });
      await pc.setLocalDescription(await pc.createOffer());
      return await gathered(pc);
    },
    applyAnswer: async (sdp) => void await pc.setRemoteDescription({ type: "answer", sdp }),
    createAnswer: async (offer) => {
      await pc.setRemoteDescription({ type: "offer", sdp: offer });
      const transceiver = pc.getTransceivers()[0]!;
      transceiver.setDirection("sendrecv");
      await transceiver.sender.replaceTrack(track);
      await pc.setLocalDescription(await pc.createAnswer());
      return await gathered(pc);
    },
    mute() {},
    earmuff() {},
    close,
  };
}

/** A client's media: sends `frequency` Hz (nothing when undefined) and records what arrives. */
export class TonePeer implements MediaAdapter {
  readonly heard: Heard[] = [];
  #peers: RTCPeerConnection[] = [];
  #timers: ReturnType<typeof setInterval>[] = [];
  #decoder = new OpusScript(RATE, 1, OpusScript.Application.VOIP);
  #encoder = new OpusScript(RATE, 1, OpusScript.Application.VOIP);

  constructor(readonly frequency?: number) {}

  connect(): Promise<MediaConnection> {
    const pc = loopbackPeer();
    this.#peers.push(pc);
    const track = new MediaStreamTrack({ kind: "audio" });
    pc.onTrack.subscribe((remote) =>
      remote.onReceiveRtp.subscribe((rtp) => {
        const out = this.#decoder.decode(rtp.payload as never);
        const pcm = new Int16Array(out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength));
        this.heard.push({ at: performance.now(), pcm });
      })
    );
    pc.connectionStateChange.subscribe((state) => {
      if (state === "connected" && this.frequency !== undefined) this.#send(track, this.frequency);
    });
    return Promise.resolve(weriftConnection(pc, track, () => this.close()));
  }

  /** Strength (0–1 of full scale) of `hz` in what arrived after `since` (a `performance.now()` time). */
  level(hz: number, since = 0): number {
    const pcm = this.heard.filter((h) => h.at >= since).flatMap((h) => [...h.pcm]);
    return goertzel(pcm, hz);
  }

  /** Root mean square (0–1 of full scale) of what arrived after `since`. */
  rms(since = 0): number {
    const pcm = this.heard.filter((h) => h.at >= since).flatMap((h) => [...h.pcm]);
    if (pcm.length === 0) return 0;
    return Math.sqrt(pcm.reduce((s, x) => s + x * x, 0) / pcm.length) / 32768;
  }

  /**
   * What arrived after `since` that carries sound (frames above -50 dBFS): how many such frames and
   * their root mean square (0–1 of full scale). Silent frames (pauses, a late start) count for neither,
   * so two windows of the same speech compare alike however long each waited.
   */
  sound(since: number): { frames: number; rms: number } {
    const loud = this.heard.filter((h) => h.at >= since && frameRms(h.pcm) > 0.003);
    const squares = loud.reduce((sum, h) => sum + frameRms(h.pcm) ** 2, 0);
    return { frames: loud.length, rms: loud.length === 0 ? 0 : Math.sqrt(squares / loud.length) };
  }

  /** Resolves once no frame has arrived for `quietMs` (or after `ms`): what was sent has all arrived. */
  async settled(quietMs = 300, ms = 5_000): Promise<void> {
    const end = performance.now() + ms;
    while (performance.now() < end && performance.now() - (this.heard.at(-1)?.at ?? 0) < quietMs) {
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Frames that arrived after `since`. */
  framesSince(since: number): number {
    return this.heard.filter((h) => h.at >= since).length;
  }

  /** Resolves once `check` holds, polling every 50 ms; rejects after `ms` (generous: CI machines are busy). */
  async until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
    const end = performance.now() + ms;
    while (!check()) {
      if (performance.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Stops sending and closes the peer connections. */
  close(): void {
    for (const timer of this.#timers.splice(0)) clearInterval(timer);
    for (const pc of this.#peers.splice(0)) pc.close().catch(() => {});
  }

  #send(track: MediaStreamTrack, hz: number): void {
    let n = 0;
    let seq = 1;
    const start = performance.now();
    this.#timers.push(setInterval(() => {
      // Frames due by the clock, so a busy event loop does not slow the tone down.
      while (n * 20 <= performance.now() - start) {
        const pcm = new Int16Array(FRAME);
        for (let i = 0; i < FRAME; i++) {
          pcm[i] = Math.round(8000 * Math.sin((2 * Math.PI * hz * (n * FRAME + i)) / RATE));
        }
        const opus = this.#encoder.encode(new Uint8Array(pcm.buffer) as never, FRAME);
        const header = new RtpHeader({
          payloadType: 111,
          sequenceNumber: seq++ & 0xffff,
          timestamp: n * FRAME,
        });
        track.writeRtp(new RtpPacket(header, Buffer.from(opus)));
        n++;
      }
    }, 20));
  }
}

/** Root mean square (0–1 of full scale) of one frame. */
function frameRms(pcm: Int16Array): number {
  let sum = 0;
  for (const x of pcm) sum += x * x;
  return pcm.length === 0 ? 0 : Math.sqrt(sum / pcm.length) / 32768;
}

/** Amplitude (0–1 of full scale) of the `hz` component of `pcm` at 48 kHz (Goertzel). */
export function goertzel(pcm: ArrayLike<number>, hz: number): number {
  const n = pcm.length;
  if (n === 0) return 0;
  const coeff = 2 * Math.cos((2 * Math.PI * hz) / RATE);
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const s = pcm[i]! + coeff * s1 - s2;
    s2 = s1;
    s1 = s;
  }
  const power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
  return (2 * Math.sqrt(Math.max(0, power))) / n / 32768;
}
