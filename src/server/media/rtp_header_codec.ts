/**
 * Reads and writes RTP headers with bit operations instead of werift's (0.25) string and object
 * helpers. werift's `RtpHeader.deSerialize` reads each of its four bit fields by printing the byte as
 * a binary string, splitting, padding and re-parsing it (`getBit`), and werift ran it twice for every
 * RTP packet received (once to decrypt SRTP, which srtp_ciphers.ts now does from the few fields it
 * needs, and once to parse the packet); `serialize` builds two `BitWriter`
 * objects per packet sent. At 40 bridged calls (8,000 packets a second in, as many out) `getBit`
 * alone was 3.6 % of the server's CPU, and the werift clients pay the same.
 *
 * The results are the same, field for field and byte for byte (tests/unit/rtp_header_codec.test.ts
 * compares them with werift's own on many headers), including werift's handling of header extensions.
 *
 * Imported for its effect by endpoint.ts; it replaces `RtpHeader.deSerialize` and
 * `RtpHeader.prototype.serialize` once.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import { RtpHeader } from "./deps.ts";

const ONE_BYTE = 0xbede;
const TWO_BYTE = 0x1000;

interface Extension {
  id: number;
  payload: Buffer;
}
/** The fields of werift's `RtpHeader` this file reads and writes. */
interface Header {
  version: number;
  padding: boolean;
  paddingSize: number;
  extension: boolean;
  marker: boolean;
  payloadOffset: number;
  payloadType: number;
  sequenceNumber: number;
  timestamp: number;
  ssrc: number;
  csrcLength: number;
  csrc: number[];
  extensionProfile: number;
  extensionLength?: number;
  extensions: Extension[];
  readonly serializeSize: number;
}
type HeaderClass = {
  new (): Header;
  deSerialize(raw: Buffer): Header;
  prototype: { serialize(this: Header, size: number): Buffer };
};

const header = RtpHeader as unknown as HeaderClass;

/** werift's own reader and writer, kept for the tests that compare ours with them. */
export const weriftCodec = { deSerialize: header.deSerialize, serialize: header.prototype.serialize };

/** Parses an RTP header as werift's `RtpHeader.deSerialize` does. */
export function deSerialize(raw: Buffer): Header {
  const h = new header();
  const first = raw[0]!;
  h.version = first >> 6;
  h.padding = (first & 0x20) !== 0;
  h.extension = (first & 0x10) !== 0;
  h.csrcLength = first & 0x0f;
  const second = raw[1]!;
  h.marker = (second & 0x80) !== 0;
  h.payloadType = second & 0x7f;
  h.sequenceNumber = raw.readUInt16BE(2);
  h.timestamp = raw.readUInt32BE(4);
  h.ssrc = raw.readUInt32BE(8);
  const csrc: number[] = [];
  for (let i = 0; i < h.csrcLength; i++) csrc.push(raw.readUInt32BE(12 + 4 * i));
  h.csrc = csrc;
  let offset = 12 + 4 * h.csrcLength;
  if (h.extension) {
    h.extensionProfile = raw.readUInt16BE(offset);
    const length = raw.readUInt16BE(offset + 2) * 4;
    h.extensionLength = length;
    offset += 4;
    const extensions: Extension[] = [];
    const end = offset + length;
    if (h.extensionProfile === ONE_BYTE) {
      while (offset < end) {
        const byte = raw[offset]!;
        if (byte === 0) {
          offset++;
          continue;
        }
        const id = byte >> 4;
        const size = (byte & 0x0f) + 1;
        offset++;
        if (id === 15) break; // as werift: the payload starts here
        extensions.push({ id, payload: raw.subarray(offset, offset + size) });
        offset += size;
      }
    } else if (h.extensionProfile === TWO_BYTE) {
      while (offset < end) {
        if (raw[offset] === 0) {
          offset++;
          continue;
        }
        const id = raw[offset]!;
        const size = raw[offset + 1]!;
        offset += 2;
        extensions.push({ id, payload: raw.subarray(offset, offset + size) });
        offset += size;
      }
    } else {
      const payload = raw.subarray(offset, offset + length);
      extensions.push({ id: 0, payload });
      offset += payload.length;
    }
    h.extensions = extensions;
  }
  h.payloadOffset = offset;
  if (h.padding) h.paddingSize = raw[raw.length - 1]!;
  return h;
}

/** Writes an RTP header into a new buffer of `size` bytes, as werift's `RtpHeader.serialize` does. */
export function serialize(this: Header, size: number): Buffer {
  const buf = Buffer.alloc(size);
  if (this.extensions.length > 0) this.extension = true;
  buf[0] = (this.version & 0x03) << 6 | (this.padding ? 0x20 : 0) | (this.extension ? 0x10 : 0) |
    (this.csrc.length & 0x0f);
  buf[1] = (this.marker ? 0x80 : 0) | (this.payloadType & 0x7f);
  buf.writeUInt16BE(this.sequenceNumber, 2);
  buf.writeUInt32BE(this.timestamp, 4);
  buf.writeUInt32BE(this.ssrc, 8);
  let offset = 12;
  for (const csrc of this.csrc) {
    buf.writeUInt32BE(csrc, offset);
    offset += 4;
  }
  if (this.extension) {
    const lengthAt = offset + 2;
    buf.writeUInt16BE(this.extensionProfile, offset);
    offset += 4;
    const start = offset;
    if (this.extensionProfile === ONE_BYTE) {
      for (const { id, payload } of this.extensions) {
        buf.writeUInt8(id << 4 | payload.length - 1, offset++);
        payload.copy(buf, offset);
        offset += payload.length;
      }
    } else if (this.extensionProfile === TWO_BYTE) {
      for (const { id, payload } of this.extensions) {
        buf.writeUInt8(id, offset++);
        buf.writeUInt8(payload.length, offset++);
        payload.copy(buf, offset);
        offset += payload.length;
      }
    } else {
      const payload = this.extensions[0]!.payload;
      if (payload.length % 4 !== 0) throw new Error();
      payload.copy(buf, offset);
      offset += payload.length;
    }
    const words = Math.trunc((offset - start + 3) / 4);
    buf.writeUInt16BE(words, lengthAt);
    offset = start + 4 * words; // the padding is already zero
  }
  this.payloadOffset = offset;
  return buf;
}

header.deSerialize = deSerialize;
header.prototype.serialize = serialize;
