// The media stack's npm dependencies, named in one place. Server only: nothing under src/client
// imports this file, so none of it reaches the client's bundle.
export {
  MediaStreamTrack,
  RTCPeerConnection,
  RTCRtpCodecParameters,
  RtpHeader,
  RtpPacket,
} from "npm:werift@^0.25.2";
export type { RTCIceServer, RTCRtpTransceiver } from "npm:werift@^0.25.2";
export { default as OpusScript } from "npm:opusscript@^0.1.1";

/**
 * eSpeak-NG compiled to WebAssembly (GPL-3.0, like eSpeak-NG itself), loaded on the first `say` that
 * has someone to hear it: its voice data is 24 MB.
 */
export const loadEspeak = (): Promise<{ default: () => Promise<unknown> }> =>
  // deno-lint-ignore no-import-prefix
  import("npm:@echogarden/espeak-ng-emscripten@^0.3.5") as Promise<{ default: () => Promise<unknown> }>;
