/**
 * HMAC-SHA1 (RFC 2104, FIPS 180-4) for one key used packet after packet, as SRTP's AES_CM profiles
 * authenticate (srtp_ciphers.ts): the key's inner and outer pads are hashed once, and a tag is then
 * computed from those two states without allocating anything. `@noble/hashes` does the same from a
 * cloned HMAC, but spends 4–5 µs a packet on its copies, views and clean-ups (a 136-byte message; `deno
 * task bench:srtp`), about four times what the hashing takes here.
 *
 * @module
 */

const w = new Int32Array(80);
// the round constants above 2^31 as int32, so that the rounds stay in 32-bit integer arithmetic
const K3 = 0x8f1bbcdc | 0, K4 = 0xca62c1d6 | 0;
const block = new Uint8Array(64);
const state = new Int32Array(5);

/** SHA-1's compression of the 64 bytes at `bytes[at]` into `h`. */
function compress(h: Int32Array, bytes: Uint8Array, at: number): void {
  for (let t = 0; t < 16; t++, at += 4) {
    w[t] = (bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!;
  }
  for (let t = 16; t < 80; t++) {
    const x = w[t - 3]! ^ w[t - 8]! ^ w[t - 14]! ^ w[t - 16]!;
    w[t] = (x << 1) | (x >>> 31);
  }
  let a = h[0]!, b = h[1]!, c = h[2]!, d = h[3]!, e = h[4]!;
  // four rounds of 20 with their own function and constant (one loop with a choice per step is slower)
  for (let t = 0; t < 20; t++) {
    const temp = (((a << 5) | (a >>> 27)) + ((b & c) | (~b & d)) + 0x5a827999 + e + w[t]!) | 0;
    e = d;
    d = c;
    c = (b << 30) | (b >>> 2);
    b = a;
    a = temp;
  }
  for (let t = 20; t < 40; t++) {
    const temp = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + 0x6ed9eba1 + e + w[t]!) | 0;
    e = d;
    d = c;
    c = (b << 30) | (b >>> 2);
    b = a;
    a = temp;
  }
  for (let t = 40; t < 60; t++) {
    const temp = (((a << 5) | (a >>> 27)) + ((b & c) | (b & d) | (c & d)) + K3 + e + w[t]!) | 0;
    e = d;
    d = c;
    c = (b << 30) | (b >>> 2);
    b = a;
    a = temp;
  }
  for (let t = 60; t < 80; t++) {
    const temp = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + K4 + e + w[t]!) | 0;
    e = d;
    d = c;
    c = (b << 30) | (b >>> 2);
    b = a;
    a = temp;
  }
  h[0] = h[0]! + a;
  h[1] = h[1]! + b;
  h[2] = h[2]! + c;
  h[3] = h[3]! + d;
  h[4] = h[4]! + e;
}

/** SHA-1 of `data` from a state that has hashed `before` bytes already, into `h`. */
function finish(
  h: Int32Array,
  data: Uint8Array,
  end: number,
  tail: Uint8Array | undefined,
  before: number,
): void {
  let at = 0;
  for (; at + 64 <= end; at += 64) compress(h, data, at);
  // what is left of the data, the tail, then 0x80, zeros and the length in bits, in one or two blocks
  let n = 0;
  for (; at < end; at++) block[n++] = data[at]!;
  const tailLength = tail ? tail.length : 0;
  for (let i = 0; i < tailLength; i++) {
    block[n++] = tail![i]!;
    if (n === 64) {
      compress(h, block, 0);
      n = 0;
    }
  }
  block[n++] = 0x80;
  if (n > 56) {
    block.fill(0, n);
    compress(h, block, 0);
    n = 0;
  }
  block.fill(0, n, 60);
  const bits = (before + end + tailLength) * 8; // packets are far below 2^29 bytes
  block[60] = bits >>> 24;
  block[61] = bits >>> 16;
  block[62] = bits >>> 8;
  block[63] = bits;
  compress(h, block, 0);
}

const INITIAL = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];

/** HMAC-SHA1 with one key. */
export class HmacSha1 {
  readonly #inner = new Int32Array(5);
  readonly #outer = new Int32Array(5);

  constructor(key: Uint8Array) {
    let k = key;
    if (k.length > 64) { // RFC 2104: a longer key is hashed first
      const h = Int32Array.from(INITIAL);
      finish(h, k, k.length, undefined, 0);
      k = bytesOf(h);
    }
    const pad = new Uint8Array(64);
    for (const [h, x] of [[this.#inner, 0x36], [this.#outer, 0x5c]] as const) {
      for (let i = 0; i < 64; i++) pad[i] = (k[i] ?? 0) ^ x;
      h.set(INITIAL);
      compress(h, pad, 0);
    }
  }

  /** The first `length` (at most 20) bytes of HMAC(`data[0, end)` ‖ `tail`), written at `out[at]`. */
  tag(
    data: Uint8Array,
    end: number,
    tail: Uint8Array | undefined,
    out: Uint8Array,
    at: number,
    length: number,
  ) {
    state.set(this.#inner);
    finish(state, data, end, tail, 64);
    const digest = bytesOf(state, inner);
    state.set(this.#outer);
    finish(state, digest, 20, undefined, 64);
    bytesOf(state, inner);
    for (let i = 0; i < length; i++) out[at + i] = inner[i]!;
  }
}

const inner = new Uint8Array(20);

function bytesOf(h: Int32Array, into = new Uint8Array(20)): Uint8Array {
  for (let i = 0; i < 5; i++) {
    const v = h[i]!;
    into[i * 4] = v >>> 24;
    into[i * 4 + 1] = v >>> 16;
    into[i * 4 + 2] = v >>> 8;
    into[i * 4 + 3] = v;
  }
  return into;
}
