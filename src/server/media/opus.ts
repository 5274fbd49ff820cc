/**
 * Opus at 48 kHz, mono, 20 ms frames: what every leg carries. Encoders are made at the lowest
 * complexity (Opus scales it down to a fraction of the CPU of the default with little loss for speech).
 *
 * @module
 */
import { OpusScript } from "./deps.ts";

/** Samples per second of every frame. */
export const SAMPLE_RATE = 48_000;
/** Samples in one 20 ms frame (also the RTP timestamp step). */
export const FRAME_SAMPLES = 960;
const OPUS_SET_COMPLEXITY = 4010;

/** Makes an Opus encoder; `encode` takes one frame of PCM and answers one Opus packet. */
export function opusEncoder(): { encode(pcm: Int16Array): Uint8Array; close(): void } {
  const opus = new OpusScript(SAMPLE_RATE, 1, OpusScript.Application.VOIP);
  opus.encoderCTL(OPUS_SET_COMPLEXITY, 1);
  return {
    encode: (pcm) => new Uint8Array(opus.encode(bytesOf(pcm) as never, FRAME_SAMPLES)),
    close: () => opus.delete(),
  };
}

/** Makes an Opus decoder; `decode` answers the PCM of one packet (mono; stereo packets are folded). */
export function opusDecoder(): { decode(packet: Uint8Array): Int16Array; close(): void } {
  const opus = new OpusScript(SAMPLE_RATE, 1, OpusScript.Application.VOIP);
  return {
    decode: (packet) => {
      const out = opus.decode(packet as never);
      return new Int16Array(out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength));
    },
    close: () => opus.delete(),
  };
}

function bytesOf(pcm: Int16Array): Uint8Array {
  return new Uint8Array(pcm.buffer, pcm.byteOffset, pcm.byteLength);
}
