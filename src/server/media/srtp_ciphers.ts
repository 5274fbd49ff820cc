/**
 * Makes werift's SRTP and SRTCP ciphers cheap per packet, producing the same bytes. werift (0.25) builds
 * a new AES cipher (`createCipheriv`, GCM or CTR) and for AES_CM an HMAC (`createHmac`) for every packet,
 * and under Deno each of those is a stream object set up and torn down, with its buffers: tens of µs a
 * packet, most of what a call's packets cost (`deno task bench:srtp`, scripts/bench_srtp.ts). Here each
 * session key is prepared once, on its first packet: its AES-128 round keys (`@stablelib/aes`, in
 * JavaScript, so a packet makes no call into the runtime at all) and
 * - for AEAD_AES_128_GCM (RFC 7714, what two werift peers choose): the GHASH tables of its hash key
 *   (ghash.ts);
 * - for AES_CM_128_HMAC_SHA1_80 (RFC 3711, what Chromium chooses): the HMAC-SHA1 key's inner and outer
 *   states (hmac_sha1.ts).
 * A packet is then XORed with the AES counter-mode keystream of its IV and authenticated, into one buffer.
 *
 * Imported for its effect by endpoint.ts, so every werift peer in the server's process has it (the tests'
 * too), and by the client processes of `bench:calls`: it replaces the four methods of werift's two
 * cipher classes and its SrtpContext's decryptRtp once. The originals are kept in {@link WERIFT_CIPHERS}
 * and {@link WERIFT_SRTP_CONTEXT} so that tests can compare packets byte for byte.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import {
  AES,
  ProtectionProfileAeadAes128Gcm,
  ProtectionProfileAes128CmHmacSha1_80,
  RtcpHeader,
  RtpHeader,
  SrtpAuthenticationError,
  SrtpSession,
} from "./deps.ts";
import { ghashTable, ghashTag } from "./ghash.ts";
import { HmacSha1 } from "./hmac_sha1.ts";

/** What werift's RTP header is to a cipher. */
type Header = {
  ssrc: number;
  sequenceNumber: number;
  padding: boolean;
  paddingSize: number;
  payloadOffset: number;
  serializeSize: number;
  serialize(size: number): Buffer;
};
/** The four methods of a werift SRTP cipher (its CipherAesCtr and CipherAesGcm). */
export type SrtpCipherMethods = {
  encryptRtp(header: Header, payload: Uint8Array, rolloverCounter: number): Buffer;
  decryptRtp(cipherText: Buffer, rolloverCounter: number, header?: Header): [Buffer, Header];
  encryptRTCP(rtcp: Buffer, srtcpIndex: number): Buffer;
  decryptRTCP(encrypted: Buffer): [Buffer, unknown];
};
/** The session keys werift's ciphers hold (the authentication keys only AES_CM's). */
type Cipher = SrtpCipherMethods & {
  srtpSessionKey: Buffer;
  srtpSessionSalt: Buffer;
  srtcpSessionKey: Buffer;
  srtcpSessionSalt: Buffer;
  srtpSessionAuthTag?: Buffer;
  srtcpSessionAuthTag?: Buffer;
  [KEYS]?: { rtp?: Keyed; rtcp?: Keyed };
};

const KEYS = Symbol("srtp_ciphers.keys");
const SRTP_FAILED = "Failed to authenticate SRTP packet";
const SRTCP_FAILED = "Failed to authenticate SRTCP packet";
const GCM_TAG = 16;
const HMAC_TAG = 10; // HMAC_SHA1_80; werift has no _32
const INDEX = 4; // the SRTCP index with its E flag

/** What one session key (SRTP's or SRTCP's) keeps between packets. */
class Keyed {
  readonly #aes: AES;
  /** GHASH tables (GCM). */
  readonly ghash: Int32Array | undefined;
  /** HMAC-SHA1 with its pads hashed (AES_CM). */
  readonly #hmac: HmacSha1 | undefined;

  /** `authKey` for AES_CM's HMAC; none for GCM, whose hash key comes from the cipher key. */
  constructor(key: Uint8Array, authKey: Uint8Array | undefined) {
    this.#aes = new AES(key, true);
    if (authKey) this.#hmac = new HmacSha1(authKey);
    else {
      const h = new Uint8Array(16);
      this.encryptBlock(h);
      this.ghash = ghashTable(h);
    }
  }

  /** AES-128 of one 16-byte block, in place. */
  encryptBlock(block: Uint8Array): void {
    this.#aes.encryptBlock(block, block);
  }

  /**
   * Counter mode: `out[at + i] = data[start + i] ⊕ keystream[i]` up to `end`, the keystream being AES
   * of the counter block `iv` and those after it, counting up in its last 32 bits (`iv` is left
   * changed). GCM's counter is those 32 bits; AES_CM's is the whole block, but its low 16 bits start at
   * 0 and a packet is far shorter than 2^16 blocks, so it never carries out of them.
   */
  xorKeystream(
    iv: Uint8Array,
    data: Uint8Array,
    start: number,
    end: number,
    out: Uint8Array,
    at: number,
  ): void {
    let counter = be(iv, 12);
    const shift = at - start;
    for (let i = start; i < end; i += 16) {
      this.#aes.encryptBlock(iv, keystream);
      counter = (counter + 1) >>> 0;
      putBe(iv, 12, counter);
      const n = end - i < 16 ? end - i : 16;
      for (let j = 0; j < n; j++) out[shift + i + j] = data[i + j]! ^ keystream[j]!;
    }
  }

  /** The first 10 bytes of HMAC-SHA1(`data[0, end)` ‖ `tail`), written at `out[at]`. */
  hmacInto(data: Uint8Array, end: number, tail: Uint8Array | undefined, out: Uint8Array, at: number): void {
    this.#hmac!.tag(data, end, tail, out, at, HMAC_TAG);
  }
}

/** The state kept for the cipher's SRTP or SRTCP key, made on its first packet. */
function keyed(cipher: Cipher, rtcp: boolean, withHmac: boolean): Keyed {
  const keys = cipher[KEYS] ??= {};
  let k = rtcp ? keys.rtcp : keys.rtp;
  if (!k) {
    const authKey = rtcp ? cipher.srtcpSessionAuthTag : cipher.srtpSessionAuthTag;
    if (withHmac && !authKey) throw new Error("werift's AES_CM cipher has no authentication key");
    k = new Keyed(rtcp ? cipher.srtcpSessionKey : cipher.srtpSessionKey, withHmac ? authKey : undefined);
    if (rtcp) keys.rtcp = k;
    else keys.rtp = k;
  }
  return k;
}

// Scratch space: every method runs to its end synchronously, so one of each serves all packets.
const iv = new Uint8Array(16);
const keystream = new Uint8Array(16);
const mask = new Uint8Array(16);
const expected = new Uint8Array(16);
const roc = new Uint8Array(4);
const aad = new Uint8Array(12);

/** The AES_CM IV (RFC 3711 4.1.1): salt ⊕ (SSRC ‖ index) in bytes 4–13, the block counter 0. */
function cmIv(salt: Uint8Array, ssrc: number, high: number, low16: number): Uint8Array {
  iv.fill(0);
  putBe(iv, 4, ssrc);
  putBe(iv, 8, high);
  iv[12] = low16 >>> 8;
  iv[13] = low16;
  for (let i = 0; i < 14; i++) iv[i]! ^= salt[i]!;
  return iv;
}

/**
 * GCM's first counter block (RFC 7714 8.1 and 9.1): salt ⊕ (0x0000 ‖ SSRC ‖ ROC ‖ SEQ) for RTP,
 * salt ⊕ (0x0000 ‖ SSRC ‖ 0x0000 ‖ SRTCP index) for RTCP (`seq` -1), then 0x00000001; its AES, the
 * tag's mask, into {@link mask}, and the block left counting from 2, where the payload's keystream starts.
 */
function gcmCounter(k: Keyed, salt: Uint8Array, ssrc: number, rocOrIndex: number, seq: number): Uint8Array {
  iv.fill(0);
  putBe(iv, 2, ssrc);
  if (seq < 0) putBe(iv, 8, rocOrIndex);
  else {
    putBe(iv, 6, rocOrIndex);
    iv[10] = seq >>> 8;
    iv[11] = seq;
  }
  for (let i = 0; i < 12; i++) iv[i]! ^= salt[i]!;
  iv[15] = 1;
  copy(iv, 0, 16, mask, 0);
  k.encryptBlock(mask);
  iv[15] = 2;
  return iv;
}

function be(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
}

function putBe(b: Uint8Array, at: number, v: number): void {
  b[at] = v >>> 24;
  b[at + 1] = v >>> 16;
  b[at + 2] = v >>> 8;
  b[at + 3] = v;
}

/** Compares in a time that depends on the length only. */
function same(a: Uint8Array, b: Uint8Array, bAt: number, length: number): boolean {
  let diff = 0;
  for (let i = 0; i < length; i++) diff |= a[i]! ^ b[bAt + i]!;
  return diff === 0;
}

function fail(message: string): never {
  throw new SrtpAuthenticationError(message);
}

// werift's checks of a packet's length and header before it authenticates it (its srtp/packet.ts).

function parseRtp(packet: Buffer, tag: number): Header {
  const tagAt = packet.length - tag;
  if (packet.length < 12 + tag) fail(SRTP_FAILED);
  let header: Header;
  try {
    header = RtpHeader.deSerialize(packet.subarray(0, tagAt)) as unknown as Header;
  } catch {
    return fail(SRTP_FAILED);
  }
  header.paddingSize = 0;
  if (!(header.payloadOffset >= 12 && header.payloadOffset <= tagAt)) fail(SRTP_FAILED);
  return header;
}

/**
 * What {@link parseRtp} finds of a received packet's header, without building werift's RtpHeader
 * (which werift builds again from the decrypted packet): the SSRC, sequence number and padding bit,
 * and where the payload starts, found as werift's `RtpHeader.deSerialize` finds it, quirks included
 * (an extension element with id 15 ends the walk; bytes past the packet read as werift reads them).
 * Throws as parseRtp throws for what it rejects.
 */
function rtpHeaderOf(packet: Uint8Array, tag: number): Header {
  const n = packet.length - tag; // werift parses the packet without its tag
  if (n < 12) fail(SRTP_FAILED);
  const first = packet[0]!;
  // Reading past `n` (into the tag) only ever moves `at` past `n`, rejected below as werift rejects it.
  let at = 12 + (first & 0x0f) * 4;
  if (first & 0x10 && at + 4 <= n) {
    const profile = (packet[at]! << 8) | packet[at + 1]!;
    const end = at + 4 + ((packet[at + 2]! << 8) | packet[at + 3]!) * 4;
    at += 4;
    if (profile === 0xbede) { // RFC 8285 one-byte elements
      while (at < end) {
        const b = packet[at++]!;
        if (b === 0) continue;
        if (b >> 4 === 15) break;
        at += (b & 0x0f) + 1;
      }
    } else if (profile === 0x1000) { // two-byte elements
      while (at < end) {
        if (packet[at++] === 0) continue;
        at += 1 + (packet[at] ?? 0);
      }
    } else at = Math.min(end, n);
  } else if (first & 0x10) fail(SRTP_FAILED);
  if (at > n) fail(SRTP_FAILED);
  light.ssrc = ((packet[8]! << 24) | (packet[9]! << 16) | (packet[10]! << 8) | packet[11]!) >>> 0;
  light.sequenceNumber = (packet[2]! << 8) | packet[3]!;
  light.padding = (first & 0x20) !== 0;
  light.paddingSize = 0;
  light.payloadOffset = at;
  return light;
}

/** The header {@link rtpHeaderOf} fills, one for all packets: werift's only caller drops it. */
const light = {
  ssrc: 0,
  sequenceNumber: 0,
  padding: false,
  paddingSize: 0,
  payloadOffset: 0,
  serializeSize: 0,
  serialize(): Buffer {
    throw new Error("a received packet's header is not serialized");
  },
};

function finalizeHeader(header: Header, packet: Uint8Array): Header {
  if (!header.padding) {
    header.paddingSize = 0;
    return header;
  }
  if (!(packet.length > header.payloadOffset)) fail(SRTP_FAILED);
  const paddingSize = packet[packet.length - 1]!;
  if (!(paddingSize > 0 && paddingSize <= packet.length - header.payloadOffset)) fail(SRTP_FAILED);
  header.paddingSize = paddingSize;
  return header;
}

function parseRtcp(packet: Buffer, tag: number): unknown {
  if (packet.length < 8 + tag + INDEX) fail(SRTCP_FAILED);
  try {
    return RtcpHeader.deSerialize(packet.subarray(0, 4));
  } catch {
    return fail(SRTCP_FAILED);
  }
}

const gcm: SrtpCipherMethods = {
  encryptRtp(this: Cipher, header, payload, rolloverCounter) {
    const k = keyed(this, false, false);
    const at = header.serializeSize;
    const end = at + payload.length;
    const out = header.serialize(end + GCM_TAG);
    const counter = gcmCounter(k, this.srtpSessionSalt, header.ssrc, rolloverCounter, header.sequenceNumber);
    k.xorKeystream(counter, payload, 0, payload.length, out, at);
    ghashTag(k.ghash!, out, at, out, at, end, mask, out, end);
    return out;
  },

  decryptRtp(this: Cipher, cipherText, rolloverCounter, header) {
    header ??= parseRtp(cipherText, GCM_TAG);
    const k = keyed(this, false, false);
    const tagAt = cipherText.length - GCM_TAG;
    const at = header.payloadOffset;
    const counter = gcmCounter(k, this.srtpSessionSalt, header.ssrc, rolloverCounter, header.sequenceNumber);
    ghashTag(k.ghash!, cipherText, at, cipherText, at, tagAt, mask, expected, 0);
    if (!same(expected, cipherText, tagAt, GCM_TAG)) fail(SRTP_FAILED);
    const out = Buffer.allocUnsafe(tagAt);
    copy(cipherText, 0, at, out, 0);
    k.xorKeystream(counter, cipherText, at, tagAt, out, at);
    return [out, finalizeHeader(header, out)];
  },

  encryptRTCP(this: Cipher, rtcp, srtcpIndex) {
    const ssrc = rtcp.readUInt32BE(4);
    const k = keyed(this, true, false);
    const indexAt = rtcp.length + GCM_TAG;
    const out = Buffer.allocUnsafe(indexAt + INDEX);
    copy(rtcp, 0, 8, out, 0);
    const counter = gcmCounter(k, this.srtcpSessionSalt, ssrc, srtcpIndex, -1);
    k.xorKeystream(counter, rtcp, 8, rtcp.length, out, 8);
    putBe(out, indexAt, (srtcpIndex | 0x80000000) >>> 0);
    copy(out, 0, 8, aad, 0);
    copy(out, indexAt, indexAt + INDEX, aad, 8);
    ghashTag(k.ghash!, aad, 12, out, 8, rtcp.length, mask, out, rtcp.length);
    return out;
  },

  decryptRTCP(this: Cipher, encrypted) {
    const header = parseRtcp(encrypted, GCM_TAG);
    const indexAt = encrypted.length - INDEX;
    const tagAt = indexAt - GCM_TAG;
    const encodedIndex = be(encrypted, indexAt);
    const isEncrypted = encodedIndex >>> 31 === 1;
    const k = keyed(this, true, false);
    const counter = gcmCounter(k, this.srtcpSessionSalt, be(encrypted, 4), encodedIndex & 0x7fffffff, -1);
    // encrypted: the first 8 bytes and the index are authenticated, the rest encrypted; if not, all
    const clear = isEncrypted ? 8 : tagAt;
    const authenticated = new Uint8Array(clear + INDEX);
    copy(encrypted, 0, clear, authenticated, 0);
    copy(encrypted, indexAt, indexAt + INDEX, authenticated, clear);
    ghashTag(
      k.ghash!,
      authenticated,
      clear + INDEX,
      encrypted,
      8,
      isEncrypted ? tagAt : 8,
      mask,
      expected,
      0,
    );
    if (!same(expected, encrypted, tagAt, GCM_TAG)) fail(SRTCP_FAILED);
    const out = Buffer.allocUnsafe(tagAt);
    copy(encrypted, 0, clear, out, 0);
    if (isEncrypted) k.xorKeystream(counter, encrypted, 8, tagAt, out, 8);
    return [out, header];
  },
};

const ctr: SrtpCipherMethods = {
  encryptRtp(this: Cipher, header, payload, rolloverCounter) {
    const k = keyed(this, false, true);
    const at = header.serializeSize;
    const end = at + payload.length;
    const out = header.serialize(end + HMAC_TAG);
    const counter = cmIv(this.srtpSessionSalt, header.ssrc, rolloverCounter, header.sequenceNumber);
    k.xorKeystream(counter, payload, 0, payload.length, out, at);
    putBe(roc, 0, rolloverCounter);
    k.hmacInto(out, end, roc, out, end);
    return out;
  },

  decryptRtp(this: Cipher, cipherText, rolloverCounter, header) {
    header ??= parseRtp(cipherText, HMAC_TAG);
    const k = keyed(this, false, true);
    const tagAt = cipherText.length - HMAC_TAG;
    putBe(roc, 0, rolloverCounter);
    k.hmacInto(cipherText, tagAt, roc, expected, 0);
    if (!same(expected, cipherText, tagAt, HMAC_TAG)) fail(SRTP_FAILED);
    const at = header.payloadOffset;
    const out = Buffer.allocUnsafe(tagAt);
    copy(cipherText, 0, at, out, 0);
    const counter = cmIv(this.srtpSessionSalt, header.ssrc, rolloverCounter, header.sequenceNumber);
    k.xorKeystream(counter, cipherText, at, tagAt, out, at);
    return [out, finalizeHeader(header, out)];
  },

  encryptRTCP(this: Cipher, rtcp, srtcpIndex) {
    const ssrc = rtcp.readUInt32BE(4);
    const k = keyed(this, true, true);
    const end = rtcp.length + INDEX;
    const out = Buffer.allocUnsafe(end + HMAC_TAG);
    copy(rtcp, 0, 8, out, 0);
    const counter = cmIv(this.srtcpSessionSalt, ssrc, srtcpIndex >> 16, srtcpIndex & 0xffff);
    k.xorKeystream(counter, rtcp, 8, rtcp.length, out, 8);
    putBe(out, rtcp.length, (srtcpIndex | 0x80000000) >>> 0);
    k.hmacInto(out, end, undefined, out, end);
    return out;
  },

  decryptRTCP(this: Cipher, encrypted) {
    const header = parseRtcp(encrypted, HMAC_TAG);
    const tagAt = encrypted.length - HMAC_TAG;
    const indexAt = tagAt - INDEX;
    const k = keyed(this, true, true);
    k.hmacInto(encrypted, tagAt, undefined, expected, 0);
    if (!same(expected, encrypted, tagAt, HMAC_TAG)) fail(SRTCP_FAILED);
    const out = Buffer.allocUnsafe(indexAt);
    copy(encrypted, 0, indexAt, out, 0);
    if (encrypted[indexAt]! >>> 7 === 0) return [out, header]; // sent unencrypted
    const index = be(encrypted, indexAt) & 0x7fffffff;
    const counter = cmIv(this.srtcpSessionSalt, be(encrypted, 4), index >> 16, index & 0xffff);
    k.xorKeystream(counter, encrypted, 8, indexAt, out, 8);
    return [out, header];
  },
};

/** out[at…] = src[start, end): a loop, cheaper than a Buffer's subarray for a header's few bytes. */
function copy(src: Uint8Array, start: number, end: number, out: Uint8Array, at: number): void {
  for (let i = start; i < end; i++) out[at + i - start] = src[i]!;
}

/** werift's cipher class of a profile, found through a throwaway session (the classes are not exported). */
function cipherPrototype(profile: number): SrtpCipherMethods {
  const key = Buffer.alloc(16), salt = Buffer.alloc(14);
  const session = new SrtpSession({
    keys: { localMasterKey: key, localMasterSalt: salt, remoteMasterKey: key, remoteMasterSalt: salt },
    profile,
  } as never) as unknown as { localContext: { cipher: SrtpCipherMethods } };
  return Object.getPrototypeOf(session.localContext.cipher);
}

/** Puts `fast`'s methods on werift's prototype; returns werift's own. */
function install(prototype: SrtpCipherMethods, fast: SrtpCipherMethods): SrtpCipherMethods {
  const original = {
    encryptRtp: prototype.encryptRtp,
    decryptRtp: prototype.decryptRtp,
    encryptRTCP: prototype.encryptRTCP,
    decryptRTCP: prototype.decryptRTCP,
  };
  Object.assign(prototype, fast);
  return original;
}

/** A werift SRTP context's receiving side (its SrtpContext). */
export type SrtpContextMethods = {
  decryptRtp(this: SrtpContext, cipherText: Buffer): [Buffer, unknown];
};
type RolloverState = {
  ssrc: number;
  rolloverCounter: number;
  lastSequenceNumber: number;
  rolloverHasProcessed?: boolean | undefined;
};
type SrtpContext = {
  profile: number;
  cipher: SrtpCipherMethods;
  srtpSSRCStates: Record<number, RolloverState>;
  updateRolloverCount(sequenceNumber: number, state: RolloverState): void;
};

const next: RolloverState = { ssrc: 0, rolloverCounter: 0, lastSequenceNumber: 0 };

/**
 * werift's SrtpContext.decryptRtp, but with {@link rtpHeaderOf} instead of a whole RtpHeader, and
 * the rollover counter worked out in one reused state rather than a copy per packet: a stream's state
 * changes only once its packet is authenticated, as in werift.
 */
const context: SrtpContextMethods = {
  decryptRtp(cipherText) {
    const header = rtpHeaderOf(
      cipherText,
      this.profile === ProtectionProfileAeadAes128Gcm ? GCM_TAG : HMAC_TAG,
    );
    const existing = this.srtpSSRCStates[header.ssrc];
    next.ssrc = header.ssrc;
    next.rolloverCounter = existing?.rolloverCounter ?? 0;
    next.lastSequenceNumber = existing?.lastSequenceNumber ?? 0;
    next.rolloverHasProcessed = existing?.rolloverHasProcessed;
    this.updateRolloverCount(header.sequenceNumber, next);
    const decrypted = this.cipher.decryptRtp(cipherText, next.rolloverCounter, header);
    const state = existing ?? (this.srtpSSRCStates[header.ssrc] = { ssrc: header.ssrc } as RolloverState);
    state.rolloverCounter = next.rolloverCounter;
    state.lastSequenceNumber = next.lastSequenceNumber;
    state.rolloverHasProcessed = next.rolloverHasProcessed; // true: werift sets it on the first packet
    return decrypted;
  },
};

/** werift's SrtpContext class (not exported either). */
function contextPrototype(): SrtpContextMethods {
  const key = Buffer.alloc(16), salt = Buffer.alloc(14);
  const session = new SrtpSession({
    keys: { localMasterKey: key, localMasterSalt: salt, remoteMasterKey: key, remoteMasterSalt: salt },
    profile: ProtectionProfileAeadAes128Gcm,
  } as never) as unknown as { remoteContext: SrtpContextMethods };
  return Object.getPrototypeOf(session.remoteContext);
}

/** werift's own SrtpContext.decryptRtp, from before this module replaced it. */
export const WERIFT_SRTP_CONTEXT: SrtpContextMethods = (() => {
  const prototype = contextPrototype();
  const original = { decryptRtp: prototype.decryptRtp };
  prototype.decryptRtp = context.decryptRtp;
  return original;
})();

/** werift's own cipher methods, from before this module replaced them: for tests and benches to compare. */
export const WERIFT_CIPHERS: { gcm: SrtpCipherMethods; ctr: SrtpCipherMethods } = {
  gcm: install(cipherPrototype(ProtectionProfileAeadAes128Gcm), gcm),
  ctr: install(cipherPrototype(ProtectionProfileAes128CmHmacSha1_80), ctr),
};
