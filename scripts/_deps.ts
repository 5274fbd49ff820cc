// npm dependencies of the maintenance scripts (benchmarks), named in one place.
export { io as connectSocket } from "npm:socket.io-client@^4.8.4";
export type { Socket } from "npm:socket.io-client@^4.8.4";
// The bench's lean receivers (scripts/_push_receiver.ts): the same `ws` the server's engine.io uses.
export { default as WebSocket } from "npm:ws@^8.17.1";
export {
  MediaStreamTrack,
  RTCPeerConnection,
  RTCRtpCodecParameters,
  RtpHeader,
  RtpPacket,
} from "npm:werift@^0.25.2";
export { default as OpusScript } from "npm:opusscript@^0.1.1";
