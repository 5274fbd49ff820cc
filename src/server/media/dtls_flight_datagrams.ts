/**
 * Sends each DTLS flight werift (0.25) writes in as few datagrams as fit, in order. werift sends every
 * record of a flight as its own datagram, all in the same tick, and Deno's `node:dgram` does not keep
 * sends of one tick in order: a burst of 5 left in the reverse order once in 200 and once in 1,000
 * bursts at a load average of 3 to 4. A werift DTLS server that then gets the client's CertificateVerify
 * before its Certificate fails the handshake for good ("client certificate missing before certificate
 * verify"): in `deno task bench:calls` at 50 calls, where the callers are werift DTLS servers, 2, 8, 11
 * and 5 callers failed so in four runs, their Finished, ChangeCipherSpec and CertificateVerify arriving
 * first; none in three runs with this.
 *
 * DTLS allows several records in one datagram (RFC 6347 §4.1.1), as OpenSSL and BoringSSL send them:
 * the records written in one tick are joined, in order, into datagrams of at most `DATAGRAM_BYTES` (a
 * larger record goes alone), and sent in the next microtask. A flight of ours (ECDSA certificate) is
 * about 800 bytes: one datagram.
 *
 * Imported for its effect by endpoint.ts; it patches `RTCDtlsTransport.prototype.start` once.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import { RTCDtlsTransport } from "./deps.ts";

/** The most bytes of records joined into one datagram: under any path MTU WebRTC meets. */
export const DATAGRAM_BYTES = 1_200;

/** Joins `records`, in order, into datagrams of at most `limit` bytes (a larger record goes alone). */
export function joinRecords(records: Uint8Array[], limit = DATAGRAM_BYTES): Uint8Array[] {
  const datagrams: Uint8Array[][] = [];
  let current: Uint8Array[] = [];
  let size = 0;
  for (const record of records) {
    if (current.length > 0 && size + record.length > limit) {
      datagrams.push(current);
      current = [];
      size = 0;
    }
    current.push(record);
    size += record.length;
  }
  if (current.length > 0) datagrams.push(current);
  return datagrams.map((parts) => parts.length === 1 ? parts[0]! : Buffer.concat(parts));
}

type Send = (record: Uint8Array, address?: unknown) => Promise<void>;
type Socket = { transport: { send: Send } };

const transport = RTCDtlsTransport.prototype as unknown as { start(this: { dtls?: Socket }): Promise<void> };
const start = transport.start;
transport.start = function () {
  // start() creates its DTLS socket synchronously, before its first await: wrap it before any packet.
  const started = start.call(this);
  const context = this.dtls?.transport;
  if (context) {
    const send = context.send;
    let pending: Uint8Array[] = [];
    let flushed: Promise<void> | undefined;
    context.send = (record, address) => {
      pending.push(record);
      flushed ??= Promise.resolve().then(() => {
        const records = pending;
        pending = [];
        flushed = undefined;
        return Promise.all(joinRecords(records).map((datagram) => send(datagram, address))).then(() => {});
      });
      return flushed;
    };
  }
  return started;
};
