/**
 * Fires werift's per-packet events without an async function each time. werift's (0.25) `Event`
 * runs its subscribers, then always starts an async function for its queued subscribers
 * (`queuingSubscribe`), even when it has none: a promise, a closure and a microtask per event fired.
 * Every RTP packet received fires four of them (the ICE socket's data, the ICE connection's data, the
 * DTLS transport's RTP, the remote track's RTP): about 0.5 µs each in a loop here, and garbage. A
 * lean event runs its subscribers as werift does, and the queued ones as werift does when there are
 * any (then werift's own `execute` runs).
 *
 * `execute` is an arrow function werift sets on each event, so it cannot be replaced on a prototype:
 * the events on the packet path are made lean where werift wires them, once per connection.
 * Imported for its effect by endpoint.ts; it wraps `RTCDtlsTransport.prototype.startSrtp` (the ICE
 * socket's, the ICE connection's and the transport's own packet events) and
 * `RTCRtpTransceiver.prototype.addTrack` (each remote track's `onReceiveRtp`).
 *
 * @module
 */
import { RTCDtlsTransport, RTCRtpTransceiver } from "./deps.ts";

/** What of werift's `Event` this file uses. */
interface WeriftEvent {
  ended: boolean;
  event: { stack: { execute: (...args: unknown[]) => void }[]; promiseStack: unknown[] };
  execute: (...args: unknown[]) => void;
}

const LEAN = Symbol("lean");

/** Makes `event` fire without an async function when it has no queued subscribers (once; idempotent). */
export function leanEvent(event: unknown): void {
  const e = event as WeriftEvent & { [LEAN]?: true };
  if (e[LEAN]) return;
  const weriftExecute = e.execute;
  e.execute = (...args) => {
    if (e.ended) return;
    if (e.event.promiseStack.length > 0) return weriftExecute(...args);
    for (const item of e.event.stack) item.execute(...args);
  };
  e[LEAN] = true;
}

/** Whether {@link leanEvent} was applied to `event`. */
export function isLean(event: unknown): boolean {
  return (event as { [LEAN]?: true })[LEAN] === true;
}

type Transport = {
  startSrtp(): void;
  onRtp: unknown;
  onRtcp: unknown;
  iceTransport: { connection: { onData: unknown; protocols: { onDataReceived: unknown }[] } };
};

const transport = RTCDtlsTransport.prototype as unknown as Transport;
const startSrtp = transport.startSrtp;
transport.startSrtp = function () {
  leanEvent(this.onRtp);
  leanEvent(this.onRtcp);
  const { connection } = this.iceTransport;
  leanEvent(connection.onData);
  for (const protocol of connection.protocols) leanEvent(protocol.onDataReceived);
  return startSrtp.call(this);
};

const transceiver = RTCRtpTransceiver.prototype as unknown as {
  addTrack(track: { onReceiveRtp: unknown }): void;
};
const addTrack = transceiver.addTrack;
transceiver.addTrack = function (track) {
  leanEvent(track.onReceiveRtp);
  return addTrack.call(this, track);
};
