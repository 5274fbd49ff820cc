// srtp_ciphers.ts replaces werift's SRTP/SRTCP cipher methods: every packet must come out byte for byte
// as werift's own methods make it, every packet werift accepts must be accepted the same, every packet
// it rejects rejected the same.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { createCipheriv, createHmac } from "node:crypto";
import {
  type SrtpCipherMethods,
  WERIFT_CIPHERS,
  WERIFT_SRTP_CONTEXT,
} from "../../src/server/media/srtp_ciphers.ts";
import { HmacSha1 } from "../../src/server/media/hmac_sha1.ts";
import {
  ProtectionProfileAeadAes128Gcm,
  ProtectionProfileAes128CmHmacSha1_80,
  RtpHeader,
  SrtcpSession,
  SrtpSession,
} from "../_deps.ts";

type Cipher = SrtpCipherMethods & Record<string, Buffer>;
type Session = {
  encrypt(payload: Buffer, header: RtpHeader): Buffer;
  decrypt(packet: Buffer): Buffer;
  localContext: { cipher: Cipher; encryptRtp(payload: Buffer, header: unknown): Buffer };
  remoteContext: { cipher: Cipher; decryptRtp(packet: Buffer): [Buffer, unknown]; srtpSSRCStates: object };
};
type RtcpSession = {
  encrypt(rtcp: Buffer): Buffer;
  decrypt(packet: Buffer): Buffer;
  localContext: { cipher: Cipher };
};

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s;
  };
  return {
    int: (n: number) => next() % n,
    bytes: (n: number) => Buffer.from(Array.from({ length: n }, () => next() & 0xff)),
  };
}

const PROFILES = [
  {
    name: "AEAD_AES_128_GCM",
    profile: ProtectionProfileAeadAes128Gcm,
    original: WERIFT_CIPHERS.gcm,
    salt: 12,
  },
  {
    name: "AES_CM_128_HMAC_SHA1_80",
    profile: ProtectionProfileAes128CmHmacSha1_80,
    original: WERIFT_CIPHERS.ctr,
    salt: 14,
  },
];

function sessions(profile: number, saltLength: number, seed: number) {
  const r = random(seed);
  const a = { key: r.bytes(16), salt: r.bytes(saltLength) };
  const b = { key: r.bytes(16), salt: r.bytes(saltLength) };
  const config = (local: typeof a, remote: typeof a) => ({
    keys: {
      localMasterKey: local.key,
      localMasterSalt: local.salt,
      remoteMasterKey: remote.key,
      remoteMasterSalt: remote.salt,
    },
    profile,
  });
  return {
    alice: new SrtpSession(config(a, b) as never) as unknown as Session,
    bob: new SrtpSession(config(b, a) as never) as unknown as Session,
    aliceRtcp: new SrtcpSession(config(a, b) as never) as unknown as RtcpSession,
    bobRtcp: new SrtcpSession(config(b, a) as never) as unknown as RtcpSession,
  };
}

/** Gives one cipher werift's own methods back (as its own properties), so a session runs unpatched. */
function unpatch(cipher: Cipher, original: SrtpCipherMethods): void {
  Object.assign(cipher, {
    encryptRtp: original.encryptRtp,
    decryptRtp: original.decryptRtp,
    encryptRTCP: original.encryptRTCP,
    decryptRTCP: original.decryptRTCP,
  });
}

function header(r: ReturnType<typeof random>, ssrc: number, sequenceNumber: number): RtpHeader {
  const h = new RtpHeader({
    ssrc,
    sequenceNumber,
    timestamp: r.int(2 ** 32),
    payloadType: 96 + r.int(32),
    marker: r.int(2) === 1,
    csrc: r.int(4) === 0 ? [r.int(2 ** 32), r.int(2 ** 32)] : [],
  } as never);
  if (r.int(3) === 0) {
    h.extension = true;
    h.extensionProfile = 0xbede;
    h.extensions = [{ id: 1, payload: r.bytes(1 + r.int(3)) }, { id: 3, payload: r.bytes(2) }];
  }
  return h;
}

/** Calls `f`; what it returned, or the error's class and message. */
function outcome(f: () => unknown): unknown {
  try {
    return f();
  } catch (e) {
    return { threw: (e as Error).name, message: (e as Error).message };
  }
}

const LENGTHS = [0, 1, 15, 16, 17, 31, 32, 33, 100, 120, 160, 161, 500, 1200];

for (const p of PROFILES) {
  describe(`srtp_ciphers.ts, ${p.name}: the same bytes as werift's own cipher`, () => {
    it("protects RTP packets byte for byte, over SSRCs, payload sizes, headers and rollover counters", () => {
      const r = random(1);
      const { alice, bob } = sessions(p.profile, p.salt, 2);
      const cipher = alice.localContext.cipher;
      const receiver = bob.remoteContext.cipher;
      let count = 0;
      for (const ssrc of [0, 1, 0x12345678, 0xffffffff]) {
        for (const roc of [0, 1, 0xffff, 0x10000, 0xffffffff]) {
          for (const length of LENGTHS) {
            const seq = [0, 1, 0xff, 0x100, 0xfffe, 0xffff, r.int(0x10000)][count % 7]!;
            const h = header(r, ssrc, seq);
            const payload = r.bytes(length);
            const fast = cipher.encryptRtp(h, payload, roc);
            const werift = p.original.encryptRtp.call(cipher, h, payload, roc);
            assert.deepEqual(fast, werift, `ssrc ${ssrc} roc ${roc} seq ${seq} length ${length}`);
            // and both decrypt it as werift does
            const got = receiver.decryptRtp(fast, roc);
            const want = p.original.decryptRtp.call(receiver, fast, roc);
            assert.deepEqual(got[0], want[0]);
            assert.deepEqual(got[1], want[1]);
            assert.deepEqual(got[0].subarray(h.serializeSize), payload);
            count++;
          }
        }
      }
      assert.equal(count, 4 * 5 * LENGTHS.length);
    });

    it("follows the sequence number through a wrap (the rollover counter) as werift does, both ways", () => {
      const { alice, bob } = sessions(p.profile, p.salt, 3);
      const reference = sessions(p.profile, p.salt, 3);
      unpatch(reference.alice.localContext.cipher, p.original);
      unpatch(reference.bob.remoteContext.cipher, p.original);
      const r = random(4);
      let seq = 0xffff - 40;
      for (let i = 0; i < 200; i++) {
        const ssrc = i % 3 === 0 ? 0xabcdef01 : 42;
        const h = header(r, ssrc, seq);
        const payload = r.bytes(80 + r.int(100));
        const fast = alice.encrypt(payload, h);
        const werift = reference.alice.encrypt(payload, h);
        assert.deepEqual(fast, werift, `packet ${i}, seq ${seq}`);
        assert.deepEqual(bob.decrypt(werift), reference.bob.decrypt(fast));
        seq = (seq + 1) & 0xffff;
      }
      const state = (s: Session) =>
        JSON.stringify((s.localContext as never as { srtpSSRCStates: object }).srtpSSRCStates);
      assert.equal(state(alice), state(reference.alice));
      assert.match(state(alice), /"rolloverCounter":1/);
    });

    it("protects and unprotects RTCP byte for byte, the SRTCP index and its E flag included", () => {
      const r = random(5);
      const { aliceRtcp, bobRtcp } = sessions(p.profile, p.salt, 6);
      const cipher = aliceRtcp.localContext.cipher;
      const receiver = (bobRtcp as unknown as { remoteContext: { cipher: Cipher } }).remoteContext.cipher;
      for (const index of [0, 1, 0xffff, 0x10000, 0x12345, 0x7fffffff]) {
        for (const length of [8, 12, 28, 52, 80, 333]) {
          const rtcp = Buffer.concat([Buffer.from([0x80, 200, 0, (length >> 2) - 1]), r.bytes(length - 4)]);
          const fast = cipher.encryptRTCP(rtcp, index);
          assert.deepEqual(
            fast,
            p.original.encryptRTCP.call(cipher, rtcp, index),
            `index ${index} length ${length}`,
          );
          const got = receiver.decryptRTCP(fast);
          assert.deepEqual(got, p.original.decryptRTCP.call(receiver, fast));
          assert.deepEqual(got[0], rtcp);
        }
      }
      // through the sessions, which count the index
      const reference = sessions(p.profile, p.salt, 6);
      unpatch(reference.aliceRtcp.localContext.cipher, p.original);
      for (let i = 0; i < 20; i++) {
        const rtcp = Buffer.concat([Buffer.from([0x81, 201, 0, 7]), r.bytes(28)]);
        assert.deepEqual(aliceRtcp.encrypt(rtcp), reference.aliceRtcp.encrypt(rtcp));
      }
    });

    it("accepts an SRTCP packet sent unencrypted (E flag 0) as werift does", () => {
      const { aliceRtcp, bobRtcp } = sessions(p.profile, p.salt, 7);
      const sender = aliceRtcp.localContext.cipher;
      const receiver = (bobRtcp as unknown as { remoteContext: { cipher: Cipher } }).remoteContext.cipher;
      const rtcp = Buffer.concat([Buffer.from([0x81, 201, 0, 7]), random(8).bytes(28)]);
      const index = Buffer.from([0, 0, 0x01, 0x02]); // E = 0
      let packet: Buffer;
      if (p.profile === ProtectionProfileAeadAes128Gcm) {
        // RFC 7714 9.2: everything authenticated, nothing encrypted; IV = salt ⊕ (0 ‖ SSRC ‖ 0 ‖ index)
        const iv = Buffer.alloc(12);
        rtcp.copy(iv, 2, 4, 8);
        index.copy(iv, 8);
        for (let i = 0; i < 12; i++) iv[i]! ^= sender.srtcpSessionSalt![i]!;
        const gcm = createCipheriv("aes-128-gcm", sender.srtcpSessionKey!, iv);
        gcm.setAAD(Buffer.concat([rtcp, index]));
        gcm.final();
        packet = Buffer.concat([rtcp, gcm.getAuthTag(), index]);
      } else {
        const tag = createHmac("sha1", sender.srtcpSessionAuthTag!).update(Buffer.concat([rtcp, index]))
          .digest();
        packet = Buffer.concat([rtcp, index, tag.subarray(0, 10)]);
      }
      const got = receiver.decryptRTCP(packet);
      assert.deepEqual(got, p.original.decryptRTCP.call(receiver, packet));
      assert.deepEqual(got[0], rtcp);
    });

    it("receives as werift's SrtpContext does: odd headers' payload offsets, rejections, rollover state", () => {
      const r = random(12);
      const { alice, bob } = sessions(p.profile, p.salt, 13);
      const reference = sessions(p.profile, p.salt, 13).bob;
      unpatch(reference.remoteContext.cipher, p.original);
      reference.remoteContext.decryptRtp = WERIFT_SRTP_CONTEXT.decryptRtp;
      const byte = () => [0, 0, 0x0f, 0xf0, 0xf3, 0x10, 0x21, r.int(256)][r.int(8)]!;
      let accepted = 0, rejected = 0;
      for (let i = 0; i < 3000; i++) {
        // a header werift may or may not parse: CSRCs, an extension of any profile, length and content
        const cc = r.int(4);
        const extension = r.int(4) !== 0;
        const words = r.int(5);
        const head = [0x80 | (r.int(5) === 0 ? 0x20 : 0) | (extension ? 0x10 : 0) | cc, 111, ...r.bytes(10)];
        for (let c = 0; c < cc; c++) head.push(...r.bytes(4));
        if (extension) {
          const profile = [0xbede, 0xbede, 0x1000, 0x1000, 0x0100 + r.int(16)][r.int(5)]!;
          head.push(profile >> 8, profile & 0xff, 0, words);
          for (let w = 0; w < words * 4 - r.int(3); w++) head.push(byte());
        }
        const raw = Buffer.concat([Buffer.from(head), r.bytes(r.int(40))]);
        raw[2] = (i >> 8) & 0xff; // sequence numbers in order, a wrap on the way
        raw[3] = i & 0xff;
        if (raw[raw.length - 1] === 0) raw[raw.length - 1] = 1; // a padding count werift accepts more often
        let packet: Buffer;
        const parsed = outcome(() => RtpHeader.deSerialize(raw)) as RtpHeader & { threw?: string };
        if (!parsed.threw && parsed.payloadOffset >= 12 && parsed.payloadOffset <= raw.length) {
          const at = parsed.payloadOffset;
          const header = {
            ssrc: parsed.ssrc,
            sequenceNumber: parsed.sequenceNumber,
            serializeSize: at,
            serialize: (size: number) => Buffer.concat([raw.subarray(0, at), Buffer.alloc(size - at)]),
          };
          packet = alice.localContext.encryptRtp(raw.subarray(at), header);
          if (r.int(10) === 0) packet[r.int(packet.length)]! ^= 1 << r.int(8);
        } else packet = Buffer.concat([raw, r.bytes(p.profile === ProtectionProfileAeadAes128Gcm ? 16 : 10)]);
        const got = outcome(() => bob.remoteContext.decryptRtp(packet)[0]);
        assert.deepEqual(got, outcome(() => reference.remoteContext.decryptRtp(packet)[0]), `packet ${i}`);
        if ((got as { threw?: string }).threw) rejected++;
        else accepted++;
      }
      assert.deepEqual(bob.remoteContext.srtpSSRCStates, reference.remoteContext.srtpSSRCStates);
      assert.ok(accepted > 1000 && rejected > 300, `${accepted} accepted, ${rejected} rejected`);
    });

    it("rejects what werift rejects, with the same error: any changed byte, a wrong rollover counter, a short packet", () => {
      const r = random(9);
      const { alice, bob, aliceRtcp, bobRtcp } = sessions(p.profile, p.salt, 10);
      const receiver = bob.remoteContext.cipher;
      const rtcpReceiver = (bobRtcp as unknown as { remoteContext: { cipher: Cipher } }).remoteContext.cipher;
      const packet = alice.localContext.cipher.encryptRtp(header(r, 7, 9), r.bytes(120), 3);
      const rtcp = aliceRtcp.localContext.cipher.encryptRTCP(
        Buffer.concat([Buffer.from([0x80, 200, 0, 6]), r.bytes(24)]),
        77,
      );
      let rejected = 0;
      const check = (fast: () => unknown, werift: () => unknown, what: string) => {
        const got = outcome(fast);
        assert.deepEqual(got, outcome(werift), what);
        if ((got as { threw?: string }).threw === "SrtpAuthenticationError") rejected++;
      };
      for (let i = 0; i < packet.length; i++) {
        const bad = Buffer.from(packet);
        bad[i]! ^= 1 << (i % 8);
        check(
          () => receiver.decryptRtp(bad, 3),
          () => p.original.decryptRtp.call(receiver, bad, 3),
          `RTP byte ${i} changed`,
        );
      }
      check(
        () => receiver.decryptRtp(packet, 4),
        () => p.original.decryptRtp.call(receiver, packet, 4),
        "roc",
      );
      for (const n of [0, 5, 12, 20, 27, 28]) {
        const short = packet.subarray(0, n);
        check(
          () => receiver.decryptRtp(short, 3),
          () => p.original.decryptRtp.call(receiver, short, 3),
          `${n} B`,
        );
      }
      for (let i = 0; i < rtcp.length; i++) {
        const bad = Buffer.from(rtcp);
        bad[i]! ^= 0x80 >> (i % 8);
        check(
          () => rtcpReceiver.decryptRTCP(bad),
          () => p.original.decryptRTCP.call(rtcpReceiver, bad),
          `RTCP byte ${i} changed`,
        );
      }
      for (const n of [0, 7, 8, 21, 27]) {
        const short = rtcp.subarray(0, n);
        check(
          () => rtcpReceiver.decryptRTCP(short),
          () => p.original.decryptRTCP.call(rtcpReceiver, short),
          `${n} B`,
        );
      }
      // the RTP version bits sit in byte 0: werift's header parse may throw for those before any tag check
      assert.ok(rejected >= packet.length + rtcp.length, `${rejected} rejected`);
      // and the packets themselves still pass
      assert.equal(receiver.decryptRtp(packet, 3)[0].length, packet.length - (p.profile === 1 ? 10 : 16));
    });
  });
}

describe("srtp_ciphers.ts against RFC 3711, Appendix B.2 (AES-CM keystream)", () => {
  it("encrypts zeros into the RFC's keystream", () => {
    const cipher = Object.create(
      Object.getPrototypeOf(sessions(1, 14, 11).alice.localContext.cipher),
    ) as Cipher;
    Object.assign(cipher, {
      srtpSessionKey: Buffer.from("2B7E151628AED2A6ABF7158809CF4F3C", "hex"),
      srtpSessionSalt: Buffer.from("F0F1F2F3F4F5F6F7F8F9FAFBFCFD", "hex"),
      srtpSessionAuthTag: Buffer.alloc(20),
    });
    const h = new RtpHeader({ ssrc: 0, sequenceNumber: 0, payloadType: 0 } as never);
    const out = cipher.encryptRtp(h, Buffer.alloc(48), 0);
    assert.equal(
      out.subarray(12, 60).toString("hex").toUpperCase(),
      "E03EAD0935C95E80E166B16DD92B4EB4" + "D23513162B02D0F72A43A2FE4A5F97AB" +
        "41E95B3BB0A2E8DD477901E4FCA894C0",
    );
  });
});

describe("hmac_sha1.ts", () => {
  const tag = (key: Uint8Array, data: Uint8Array, tail?: Uint8Array) => {
    const out = new Uint8Array(20);
    new HmacSha1(key).tag(data, data.length, tail, out, 0, 20);
    return Buffer.from(out).toString("hex");
  };

  it("gives RFC 2202's HMAC-SHA1 test vectors", () => {
    assert.equal(
      tag(Buffer.alloc(20, 0x0b), Buffer.from("Hi There")),
      "b617318655057264e28bc0b6fb378c8ef146be00",
    );
    assert.equal(
      tag(Buffer.from("Jefe"), Buffer.from("what do ya want for nothing?")),
      "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79",
    );
    assert.equal(
      tag(Buffer.alloc(20, 0xaa), Buffer.alloc(50, 0xdd)),
      "125d7342b9ac11cd91a39af48aa17b4f63f175d3",
    );
    assert.equal(
      tag(Buffer.alloc(80, 0xaa), Buffer.from("Test Using Larger Than Block-Size Key - Hash Key First")),
      "aa4ae5e15272d00e95705637ce8a3b55ed402112",
    );
  });

  it("agrees with node:crypto over every length around SHA-1's block edges, with and without a tail", () => {
    const r = random(14);
    const key = r.bytes(20);
    for (let length = 0; length <= 200; length++) {
      const data = r.bytes(length);
      const tail = r.bytes(4);
      assert.equal(tag(key, data), createHmac("sha1", key).update(data).digest("hex"), `${length} B`);
      assert.equal(
        tag(key, data, tail),
        createHmac("sha1", key).update(Buffer.concat([data, tail])).digest("hex"),
        `${length} B and 4`,
      );
    }
    // and of a part of a larger buffer, the first bytes only
    const big = r.bytes(300);
    const out = new Uint8Array(12).fill(0xee);
    new HmacSha1(key).tag(big, 130, undefined, out, 1, 10);
    assert.equal(
      Buffer.from(out).toString("hex"),
      "ee" + createHmac("sha1", key).update(big.subarray(0, 130)).digest("hex").slice(0, 20) + "ee",
    );
  });
});
