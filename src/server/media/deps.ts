// The media stack's npm dependencies, named in one place, but for eSpeak-NG, which speech.ts imports
// itself so that its worker thread loads nothing else. Server only: nothing under src/client imports
// these, so none of it reaches the client's package or bundle.
export {
  MediaStreamTrack,
  ProtectionProfileAeadAes128Gcm,
  ProtectionProfileAes128CmHmacSha1_80,
  RTCDtlsTransport,
  RTCPeerConnection,
  RtcpHeader,
  RTCRtpCodecParameters,
  RTCRtpReceiver,
  RTCRtpSender,
  RTCRtpTransceiver,
  RtpHeader,
  RtpPacket,
  SrtcpSession,
  SrtpAuthenticationError,
  SrtpSession,
  StunProtocol,
  UdpTransport,
} from "npm:werift@^0.25.2";
export type { RTCIceServer } from "npm:werift@^0.25.2";
// AES with its round keys made once per key, for the SRTP ciphers (srtp_ciphers.ts): 4 KiB of tables,
// which stay in the cache among a server's other work.
export { AES } from "npm:@stablelib/aes@^2.0.1";
export { default as OpusScript } from "npm:opusscript@^0.1.1";
