// A WebRTC stack for our client outside browsers, as an app would plug it into the `media` option:
// werift's RTCPeerConnection (host candidates on 127.0.0.1), a "microphone" that plays a sine tone
// (Opus, encoded with opusscript, a 20 ms packet every 20 ms) and a "speaker" that decodes what
// arrives, so a test can find a tone in it (Goertzel).
import { Buffer } from "node:buffer";
import {
  MediaStream,
  MediaStreamTrack,
  OpusScript,
  RTCPeerConnection,
  RTCRtpCodecParameters,
  RtpHeader,
  RtpPacket,
} from "./_deps.ts";
import type { PeerConfiguration, WebRtcStack } from "../mod.ts";

const RATE = 48_000;
const FRAME = 960; // 20 ms

/** werift as a {@link WebRtcStack} whose microphone plays `hz` and whose speaker keeps what it hears. */
export class WeriftToneStack implements WebRtcStack {
  /** Decoded frames received, with their arrival time. */
  readonly heard: { at: number; pcm: Int16Array }[] = [];
  /** Microphone tracks handed out, and whether each was stopped. */
  readonly mics: MediaStreamTrack[] = [];
  readonly RTCPeerConnection: WebRtcStack["RTCPeerConnection"];
  readonly #hz: number;
  readonly #decoder = new OpusScript(RATE, 1, OpusScript.Application.VOIP);
  readonly #encoder = new OpusScript(RATE, 1, OpusScript.Application.VOIP);

  constructor(hz: number) {
    this.#hz = hz;
    const hear = (payload: Buffer) => {
      const out = this.#decoder.decode(payload as never);
      this.heard.push({
        at: performance.now(),
        pcm: new Int16Array(out.buffer, out.byteOffset, out.byteLength / 2),
      });
    };
    class Peer extends RTCPeerConnection {
      constructor(configuration: PeerConfiguration = {}) {
        super({
          iceServers: configuration.iceServers ?? [],
          iceUseIpv6: false,
          iceAdditionalHostAddresses: ["127.0.0.1"],
          iceInterfaceAddresses: { udp4: "127.0.0.1" },
          codecs: {
            audio: [
              new RTCRtpCodecParameters({
                mimeType: "audio/opus",
                clockRate: RATE,
                channels: 2,
                payloadType: 111,
              }),
            ],
          },
        });
        this.onTrack.subscribe((track) => track.onReceiveRtp.subscribe((rtp) => hear(rtp.payload)));
      }
    }
    this.RTCPeerConnection = Peer as unknown as WebRtcStack["RTCPeerConnection"];
  }

  /** A microphone: a track that carries the tone until it is stopped. */
  getUserMedia(): ReturnType<WebRtcStack["getUserMedia"]> {
    const track = new MediaStreamTrack({ kind: "audio" });
    this.mics.push(track);
    let n = 0;
    const start = performance.now();
    const timer = setInterval(() => {
      // Frames due by the clock, so a busy event loop does not slow the tone down.
      while (n * 20 <= performance.now() - start) {
        const pcm = new Int16Array(FRAME);
        for (let i = 0; i < FRAME; i++) {
          pcm[i] = Math.round(8000 * Math.sin(2 * Math.PI * this.#hz * (n * FRAME + i) / RATE));
        }
        const opus = this.#encoder.encode(new Uint8Array(pcm.buffer) as never, FRAME);
        const header = new RtpHeader({ payloadType: 111, sequenceNumber: n & 0xffff, timestamp: n * FRAME });
        track.writeRtp(new RtpPacket(header, Buffer.from(opus)));
        n++;
      }
    }, 20);
    const stop = track.stop;
    track.stop = () => (clearInterval(timer), stop());
    return Promise.resolve(
      new MediaStream([track]) as unknown as Awaited<ReturnType<WebRtcStack["getUserMedia"]>>,
    );
  }

  /** Amplitude (0 to 1 of full scale) of `hz` in what arrived after `since` (a `performance.now()` time). */
  level(hz: number, since = 0): number {
    const pcm = this.heard.filter((h) => h.at >= since).flatMap((h) => [...h.pcm]);
    return goertzel(pcm, hz);
  }
}

/** Amplitude (0 to 1 of full scale) of the `hz` component of `pcm` at 48 kHz (the Goertzel algorithm). */
export function goertzel(pcm: ArrayLike<number>, hz: number): number {
  const n = pcm.length;
  if (n === 0) return 0;
  const coeff = 2 * Math.cos(2 * Math.PI * hz / RATE);
  let s1 = 0, s2 = 0;
  for (let i = 0; i < n; i++) {
    const s = pcm[i]! + coeff * s1 - s2;
    s2 = s1;
    s1 = s;
  }
  return 2 * Math.sqrt(Math.max(0, s1 * s1 + s2 * s2 - coeff * s1 * s2)) / n / 32768;
}
