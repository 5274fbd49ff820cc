/**
 * GHASH, the authentication of AES-GCM (NIST SP 800-38D, section 6.4), for one hash key H kept across
 * packets: `srtp_ciphers.ts` computes the keystream of AES_128_GCM SRTP with one long-lived AES cipher and
 * needs the tag's GHASH beside it, which no library offers for a key reused packet after packet (they
 * build their tables anew for each message). Multiplication by H uses Shoup's 8-bit tables: 256 multiples
 * of H made once per key (4 KiB), 16 table steps a 16-byte block.
 *
 * A 128-bit value is four 32-bit words, the first byte of the block in the top of the first word; in GCM's
 * bit order the first bit is the coefficient of x^0, so multiplying by x shifts the value right.
 *
 * @module
 */

/** Reduction of the byte shifted out when a value is multiplied by x^8: what to XOR into its top word. */
const REDUCE8 = (() => {
  const table = new Int32Array(256);
  for (let byte = 0; byte < 256; byte++) {
    const v = [0, 0, 0, byte];
    for (let i = 0; i < 8; i++) timesX(v);
    table[byte] = v[0]!; // the other three words are 0: the reduction lands in the top 15 bits
  }
  return table;
})();

/** v · x in GF(2^128) with GCM's polynomial (x^128 + x^7 + x^2 + x + 1), in place. */
function timesX(v: number[]): void {
  const carry = v[3]! & 1;
  v[3] = (v[3]! >>> 1) | (v[2]! << 31);
  v[2] = (v[2]! >>> 1) | (v[1]! << 31);
  v[1] = (v[1]! >>> 1) | (v[0]! << 31);
  v[0] = (v[0]! >>> 1) ^ (carry ? 0xe1000000 : 0);
}

/** The 256 multiples of H by one byte's polynomial (the byte's top bit is x^0), four words each. */
export function ghashTable(h: Uint8Array): Int32Array {
  const table = new Int32Array(256 * 4);
  const v = [word(h, 0), word(h, 4), word(h, 8), word(h, 12)];
  for (let bit = 0x80; bit > 0; bit >>= 1) {
    table.set(v, bit * 4);
    timesX(v);
  }
  for (let byte = 2; byte < 256; byte++) {
    const low = byte & -byte; // one bit of it, whose multiple is already there
    if (low === byte) continue;
    for (let w = 0; w < 4; w++) table[byte * 4 + w] = table[low * 4 + w]! ^ table[(byte ^ low) * 4 + w]!;
  }
  return table;
}

const partial = new Uint8Array(16);
const y = new Int32Array(4);

/**
 * GCM's tag: GHASH of `aad[0, aadEnd)` then `text[textStart, textEnd)` (each zero-padded to whole
 * blocks) then their lengths in bits, XORed with `mask` (the encrypted first counter block); its 16
 * bytes written into `out` at `at`. Ranges rather than subarrays: a Buffer's subarray costs more than
 * hashing a block.
 */
export function ghashTag(
  table: Int32Array,
  aad: Uint8Array,
  aadEnd: number,
  text: Uint8Array,
  textStart: number,
  textEnd: number,
  mask: Uint8Array,
  out: Uint8Array,
  at: number,
): void {
  y.fill(0);
  absorb(table, aad, 0, aadEnd);
  absorb(table, text, textStart, textEnd);
  multiply(table, 0, aadEnd * 8, 0, (textEnd - textStart) * 8);
  for (let w = 0; w < 4; w++) {
    const v = y[w]!;
    const o = at + w * 4, m = w * 4;
    out[o] = (v >>> 24) ^ mask[m]!;
    out[o + 1] = (v >>> 16) ^ mask[m + 1]!;
    out[o + 2] = (v >>> 8) ^ mask[m + 2]!;
    out[o + 3] = v ^ mask[m + 3]!;
  }
}

function absorb(table: Int32Array, data: Uint8Array, start: number, end: number): void {
  const whole = start + ((end - start) & ~15);
  for (let i = start; i < whole; i += 16) {
    multiply(table, word(data, i), word(data, i + 4), word(data, i + 8), word(data, i + 12));
  }
  if (whole < end) {
    partial.fill(0);
    for (let i = whole; i < end; i++) partial[i - whole] = data[i]!;
    multiply(table, word(partial, 0), word(partial, 4), word(partial, 8), word(partial, 12));
  }
}

/** y = (y ⊕ block) · H, by Horner's rule from the block's last byte: z = z · x^8 ⊕ H · byte. */
function multiply(table: Int32Array, b0: number, b1: number, b2: number, b3: number): void {
  const x0 = y[0]! ^ b0, x1 = y[1]! ^ b1, x2 = y[2]! ^ b2, x3 = y[3]! ^ b3;
  let z0 = 0, z1 = 0, z2 = 0, z3 = 0;
  for (let w = 3; w >= 0; w--) {
    let x = w === 3 ? x3 : w === 2 ? x2 : w === 1 ? x1 : x0;
    for (let j = 0; j < 4; j++, x >>>= 8) {
      const rem = z3 & 0xff;
      z3 = (z3 >>> 8) | (z2 << 24);
      z2 = (z2 >>> 8) | (z1 << 24);
      z1 = (z1 >>> 8) | (z0 << 24);
      z0 = (z0 >>> 8) ^ REDUCE8[rem]!;
      const k = (x & 0xff) << 2;
      z0 ^= table[k]!;
      z1 ^= table[k + 1]!;
      z2 ^= table[k + 2]!;
      z3 ^= table[k + 3]!;
    }
  }
  y[0] = z0;
  y[1] = z1;
  y[2] = z2;
  y[3] = z3;
}

function word(b: Uint8Array, i: number): number {
  return (b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!;
}
