// npm dependencies of the maintenance scripts (benchmarks), named in one place.
export { io as connectSocket } from "npm:socket.io-client@^4.8.4";
export type { Socket } from "npm:socket.io-client@^4.8.4";
export {
  MediaStreamTrack,
  RTCPeerConnection,
  RTCRtpCodecParameters,
  RtpHeader,
  RtpPacket,
} from "npm:werift@^0.25.2";
export { default as OpusScript } from "npm:opusscript@^0.1.1";
