/**
 * Sends an RTP packet through werift's (0.25) `RTCRtpSender` without the per-packet work that an audio
 * sender without header extensions does not need. werift's `dispatchRtp` takes the time as an NTP
 * timestamp for every packet by printing the seconds as a string and splitting it, writing both halves
 * into a new buffer and reading them back as a BigInt (`ntpTime`); adds two numbers through BigInts
 * twice (`uint32Add`); rebuilds, filters and sorts the header extension list; starts its RTCP loop
 * (an async call) again; and hands each packet's send time to its bandwidth estimator, which lists,
 * sorts and filters the keys of its table (it uses them only with transport-wide congestion control,
 * a header extension). 2 to 5 % of the server's and the clients' samples at 40 calls.
 *
 * Here, when the sender has no header extensions to write (our server and test peers negotiate none),
 * uses no RED, has no source switch pending, and the packet carries no extensions, the packet is sent
 * with the same header (SSRC, payload type, sequence number and timestamp offsets), the same counters
 * for the sender reports, the same retransmission cache and the same RTCP loop; otherwise werift's own
 * `dispatchRtp` runs. The NTP timestamp is now a real one (RFC 3550: seconds since 1900 and the
 * fraction of a second in 1/2^32), where werift put the fraction's decimal digits.
 *
 * Imported for its effect by endpoint.ts; it wraps `RTCRtpSender.prototype.dispatchRtp` once.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import { RTCRtpSender } from "./deps.ts";

/** Milliseconds from the NTP epoch (1900) to the Unix epoch (1970). */
const NTP_EPOCH_MS = 2_208_988_800_000;

/** Now as a 64-bit NTP timestamp: seconds since 1900, then the fraction of a second in 1/2^32. */
export function ntpNow(ms = performance.timeOrigin + performance.now()): bigint {
  const since1900 = ms + NTP_EPOCH_MS;
  const seconds = Math.floor(since1900 / 1000);
  const fraction = Math.floor(((since1900 - seconds * 1000) / 1000) * 0x1_0000_0000);
  return (BigInt(seconds) << 32n) | BigInt(fraction);
}

interface Header {
  ssrc: number;
  payloadType: number;
  sequenceNumber: number;
  timestamp: number;
  extensions: unknown[];
  readonly serializeSize: number;
}
interface Packet {
  header: Header;
  payload: Buffer;
  clone(): Packet;
}
/** The fields and methods of werift's `RTCRtpSender` its `dispatchRtp` uses. */
interface Sender {
  dispatchRtp(rtp: Packet | Buffer): Promise<void>;
  canSendRtp(): boolean;
  runRtcp(): Promise<void>;
  codec?: { payloadType: number };
  ssrc: number;
  headerExtensions: unknown[];
  redRedundantPayloadType?: number;
  rtpContinuityPending: boolean;
  timestampOffset: number;
  seqOffset: number;
  timestamp?: number;
  sequenceNumber?: number;
  ntpTimestamp: bigint;
  rtpTimestamp: number;
  octetCount: number;
  headerBytesSent: number;
  packetCount: number;
  rtpCache: Packet[];
  rtcpRunning: boolean;
  dtlsTransport: { sendRtp(payload: Buffer, header: Header): Promise<number> };
}

/** werift keeps this many packets for retransmission (its `RTP_HISTORY_SIZE`). */
const RTP_HISTORY_SIZE = 128;

const sender = RTCRtpSender.prototype as unknown as Sender;
/** werift's own, for what the lean path does not cover. */
export const weriftDispatchRtp = sender.dispatchRtp;

sender.dispatchRtp = function (rtp) {
  if (
    Buffer.isBuffer(rtp) || this.headerExtensions.length > 0 || this.redRedundantPayloadType !== undefined ||
    this.rtpContinuityPending || rtp.header.extensions.length > 0
  ) {
    return weriftDispatchRtp.call(this, rtp);
  }
  return leanDispatchRtp.call(this, rtp);
};

async function leanDispatchRtp(this: Sender, original: Packet): Promise<void> {
  const codec = this.codec;
  if (!this.canSendRtp() || !codec) return;
  const rtp = original.clone();
  const { header, payload } = rtp;
  header.ssrc = this.ssrc;
  header.payloadType = codec.payloadType;
  header.timestamp = (header.timestamp + this.timestampOffset) >>> 0;
  header.sequenceNumber = (header.sequenceNumber + this.seqOffset) & 0xffff;
  this.timestamp = header.timestamp;
  this.sequenceNumber = header.sequenceNumber;
  this.ntpTimestamp = ntpNow();
  this.rtpTimestamp = header.timestamp;
  this.octetCount += payload.length;
  this.headerBytesSent += header.serializeSize;
  this.packetCount = (this.packetCount + 1) >>> 0;
  this.rtpCache[header.sequenceNumber % RTP_HISTORY_SIZE] = rtp;
  await this.dtlsTransport.sendRtp(payload, header);
  if (!this.rtcpRunning) void this.runRtcp();
}
