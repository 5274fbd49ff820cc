import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { RtpHeader } from "../../src/server/media/deps.ts";
import { deSerialize, serialize, weriftCodec } from "../../src/server/media/rtp_header_codec.ts";
import { countNumberStrings } from "./_number_strings.ts";

/** A pseudo-random generator with a seed, so a failure can be replayed. */
function random(seed: number): () => number {
  return () => (seed = (seed * 1_103_515_245 + 12_345) >>> 0) / 0x1_0000_0000;
}

/** RTP packets of every shape werift reads: CSRCs, padding, one-byte, two-byte and other extensions. */
function packets(): Buffer[] {
  const next = random(7);
  const byte = () => Math.floor(next() * 256);
  const out: Buffer[] = [];
  for (let n = 0; n < 400; n++) {
    const cc = n % 5 === 0 ? Math.floor(next() * 4) : 0;
    const kind = n % 4; // 0: none, 1: one-byte, 2: two-byte, 3: another profile
    const ext: number[] = [];
    if (kind === 1) {
      for (let e = 0; e < 1 + n % 3; e++) {
        const len = 1 + Math.floor(next() * 4);
        ext.push((1 + e) << 4 | (len - 1), ...Array.from({ length: len }, byte));
        if (n % 7 === 0) ext.push(0); // padding between elements
      }
    } else if (kind === 2) {
      for (let e = 0; e < 1 + n % 3; e++) {
        const len = Math.floor(next() * 5);
        ext.push(1 + e, len, ...Array.from({ length: len }, byte));
      }
    } else if (kind === 3) {
      ext.push(...Array.from({ length: 8 }, byte));
    }
    while (ext.length % 4 !== 0) ext.push(0);
    const padding = n % 6 === 0 ? 4 : 0;
    const head = [
      0x80 | (padding ? 0x20 : 0) | (kind ? 0x10 : 0) | cc,
      (n % 2 ? 0x80 : 0) | Math.floor(next() * 128),
      ...Array.from({ length: 10 + 4 * cc }, byte),
    ];
    if (kind) {
      const profile = [0, 0xbede, 0x1000, 0x1234][kind]!;
      head.push(profile >> 8, profile & 0xff, 0, ext.length / 4, ...ext);
    }
    const payload = Array.from({ length: 20 + Math.floor(next() * 100) }, byte);
    const tail = padding ? [0, 0, 0, padding] : [];
    out.push(Buffer.from([...head, ...payload, ...tail]));
  }
  return out;
}

/** A header's fields as plain data (extension payloads as arrays), to compare two parses. */
function fields(h: object): Record<string, unknown> {
  const { extensions, ...rest } = h as { extensions: { id: number; payload: Buffer }[] };
  return { ...rest, extensions: extensions.map((e) => ({ id: e.id, payload: [...e.payload] })) };
}

describe("RTP header codec (rtp_header_codec.ts)", () => {
  it("is what werift's RtpHeader uses", () => {
    assert.equal(RtpHeader.deSerialize, deSerialize);
    assert.equal(RtpHeader.prototype.serialize, serialize);
  });

  it("parses every header as werift does, field for field", () => {
    for (const packet of packets()) {
      assert.deepEqual(fields(deSerialize(packet)), fields(weriftCodec.deSerialize(packet)));
    }
  });

  it("writes every header as werift does, byte for byte", () => {
    for (const packet of packets()) {
      const a = deSerialize(packet);
      const b = deSerialize(packet);
      const size = a.serializeSize + 7;
      assert.deepEqual([...serialize.call(a, size)], [...weriftCodec.serialize.call(b, size)]);
      assert.equal(a.payloadOffset, b.payloadOffset);
    }
    const made = new RtpHeader({ payloadType: 111, sequenceNumber: 65_535, timestamp: 0xffff_ffff, ssrc: 1 });
    assert.deepEqual(
      [...made.serialize(12)],
      [...weriftCodec.serialize.call(new RtpHeader({ ...made }) as never, 12)],
    );
  });

  it("reads the bit fields without printing numbers as strings (werift's getBit does, per packet)", async () => {
    const calls = await countNumberStrings(() => {
      for (const packet of packets()) RtpHeader.deSerialize(packet);
    });
    assert.equal(calls, 0);
  });
});
