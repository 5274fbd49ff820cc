// The media stack's npm dependencies, named in one place, but for eSpeak-NG, which speech.ts imports
// itself so that its worker thread loads nothing else. Server only: nothing under src/client imports
// these, so none of it reaches the client's package or bundle.
export {
  MediaStreamTrack,
  RTCDtlsTransport,
  RTCPeerConnection,
  RTCRtpCodecParameters,
  RtpHeader,
  RtpPacket,
  StunProtocol,
  UdpTransport,
} from "npm:werift@^0.25.2";
export type { RTCIceServer, RTCRtpTransceiver } from "npm:werift@^0.25.2";
export { default as OpusScript } from "npm:opusscript@^0.1.1";
