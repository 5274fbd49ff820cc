// Test-only npm dependencies, named in one place.
export { default as FakeTimers } from "npm:@sinonjs/fake-timers@^15.5.0";
export { io } from "npm:socket.io-client@^4.8.1";
export type { Socket as ClientSocket } from "npm:socket.io-client@^4.8.1";
export { Server as SocketIoServer } from "npm:socket.io@^4.8.1";
export type { Socket as SocketIoServerSocket } from "npm:socket.io@^4.8.1";
export { default as puppeteer } from "npm:puppeteer-core@^24.43.1";
export type { Browser, Page } from "npm:puppeteer-core@^24.43.1";
export {
  Event,
  MediaStream,
  MediaStreamTrack,
  ProtectionProfileAeadAes128Gcm,
  ProtectionProfileAes128CmHmacSha1_80,
  RTCPeerConnection,
  RTCRtpCodecParameters,
  RTCRtpReceiver,
  RTCRtpSender,
  RtpHeader,
  RtpPacket,
  SrtcpSession,
  SrtpSession,
} from "npm:werift@^0.25.2";
export { default as OpusScript } from "npm:opusscript@^0.1.1";
