/**
 * Hands each RTP packet received to its track through werift's (0.25) `RTCRtpReceiver` without the
 * per-packet work a plain audio stream does not need: werift's `handleRTP` asks each packet's codec
 * for its name twice (a getter that splits the MIME type, then lower-cased) to look for RTX and RED,
 * asks whether transport-wide congestion control is on (a getter that lists and sorts the codecs),
 * and starts its RTCP loop again (an async call, a promise per packet) though it already runs.
 *
 * Here, once a stream has its statistics (werift makes them on its first packet) and when the codec
 * is neither RTX nor RED and no transport-wide congestion control is on, the packet updates the same
 * statistics, reaches the track the same way (a copy, with its header extensions), and the RTCP loop
 * is started only if it is not running; otherwise werift's own `handleRTP` runs. Whether congestion
 * control is on is asked once per receiver and again after its codecs change (`prepareReceive`).
 *
 * Imported for its effect by endpoint.ts; it wraps `RTCRtpReceiver.prototype.handleRTP` and
 * `prepareReceive` once.
 *
 * @module
 */
import { RTCRtpReceiver } from "./deps.ts";

interface Packet {
  header: { payloadType: number; ssrc: number };
  clone(): Packet;
}
interface Track {
  kind: string;
  onReceiveRtp: { execute(packet: Packet, extensions: unknown): void };
}
/** The fields and methods of werift's `RTCRtpReceiver` its `handleRTP` uses. */
interface Receiver {
  handleRTP(packet: Packet, extensions: unknown, track: Track | undefined): void;
  prepareReceive(params: unknown): void;
  runRtcp(): Promise<void>;
  stopped: boolean;
  rtcpRunning: boolean;
  nackEnabled: boolean;
  receiverTWCC?: unknown;
  twccEnabled?: boolean;
  codecs: Record<number, { mimeType: string } | undefined>;
  remoteStreams: Record<number, { add(packet: Packet): void } | undefined>;
}

const receiver = RTCRtpReceiver.prototype as unknown as Receiver;
/** werift's own, for what the lean path does not cover. */
export const weriftHandleRtp = receiver.handleRTP;

/** Whether a MIME type names a codec werift unwraps (RTX, RED): by MIME type, as werift's `name` getter reads it. */
const unwrapped = new Map<string, boolean>();
function isWrapper(mimeType: string): boolean {
  let wrapper = unwrapped.get(mimeType);
  if (wrapper === undefined) {
    const name = (mimeType.split("/")[1] ?? "").toLowerCase();
    unwrapped.set(mimeType, wrapper = name === "rtx" || name === "red");
  }
  return wrapper;
}

/** Whether each receiver has transport-wide congestion control on, as last asked. */
const twcc = new WeakMap<Receiver, boolean>();
const prepareReceive = receiver.prepareReceive;
receiver.prepareReceive = function (params) {
  twcc.delete(this);
  return prepareReceive.call(this, params);
};

receiver.handleRTP = function (packet, extensions, track) {
  const codec = this.codecs[packet.header.payloadType];
  const stream = this.remoteStreams[packet.header.ssrc];
  let congestionControl = twcc.get(this);
  if (congestionControl === undefined) twcc.set(this, congestionControl = !!this.twccEnabled);
  if (
    this.stopped || !codec || !stream || isWrapper(codec.mimeType) || this.receiverTWCC !== undefined ||
    congestionControl || (track?.kind === "video" && this.nackEnabled)
  ) {
    return weriftHandleRtp.call(this, packet, extensions, track);
  }
  stream.add(packet);
  track?.onReceiveRtp.execute(packet.clone(), extensions);
  if (!this.rtcpRunning) void this.runRtcp();
};
