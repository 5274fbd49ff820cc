/**
 * `deno task bench:srtp`: the CPU time werift's SRTP sessions spend on one packet, with werift's own
 * cipher and context methods and with src/server/media/srtp_ciphers.ts, for both profiles werift offers
 * (AEAD_AES_128_GCM, which two werift peers choose, and AES_CM_128_HMAC_SHA1_80, which Chromium
 * does): protect (`SrtpSession.encrypt`) and unprotect (`SrtpSession.decrypt`) of a 20 ms Opus packet
 * (a 12-byte RTP header and `--payload` bytes, 120 unless told), and the same for a 52-byte RTCP
 * receiver report (`SrtcpSession`). Each figure is the median of `--rounds` (7) rounds of `--packets`
 * (20,000) packets, after a warm-up round, werift's and ours taken in turn, both with the server's RTP
 * header codec (rtp_header_codec.ts); it prints one table, in µs of this process's CPU time a packet
 * (not wall-clock time, so that other processes count less).
 *
 * @module
 */
import { Buffer } from "node:buffer";
import process from "node:process";
import { parseArgs } from "node:util";
// the server's RTP header codec under both, as in the server
import "../src/server/media/rtp_header_codec.ts";
import {
  type SrtpCipherMethods,
  type SrtpContextMethods,
  WERIFT_CIPHERS,
  WERIFT_SRTP_CONTEXT,
} from "../src/server/media/srtp_ciphers.ts";
import {
  ProtectionProfileAeadAes128Gcm,
  ProtectionProfileAes128CmHmacSha1_80,
  RtpHeader,
  SrtcpSession,
  SrtpSession,
} from "../src/server/media/deps.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    payload: { type: "string", default: "120" },
    packets: { type: "string", default: "20000" },
    rounds: { type: "string", default: "7" },
  },
});
const LOAD_BEFORE = Deno.loadavg()[0]!.toFixed(2);
const PAYLOAD = Number(values.payload), PACKETS = Number(values.packets), ROUNDS = Number(values.rounds);

type Session = {
  encrypt(...args: unknown[]): Buffer;
  decrypt(packet: Buffer): Buffer;
  localContext: { cipher: SrtpCipherMethods };
  remoteContext: { cipher: SrtpCipherMethods; decryptRtp?: SrtpContextMethods["decryptRtp"] };
};

/** An SRTP and an SRTCP session of `profile` that send to themselves; with werift's own methods if `werift`. */
function sessions(profile: number, werift: boolean): { rtp: Session; rtcp: Session } {
  const key = Buffer.alloc(16, 0x2b), salt = Buffer.alloc(14, 0xf0);
  const config = {
    keys: { localMasterKey: key, localMasterSalt: salt, remoteMasterKey: key, remoteMasterSalt: salt },
    profile,
  } as never;
  const rtp = new SrtpSession(config) as unknown as Session;
  const rtcp = new SrtcpSession(config) as unknown as Session;
  if (werift) {
    const own = profile === ProtectionProfileAeadAes128Gcm ? WERIFT_CIPHERS.gcm : WERIFT_CIPHERS.ctr;
    for (const s of [rtp, rtcp]) {
      Object.assign(s.localContext.cipher, own);
      Object.assign(s.remoteContext.cipher, own);
    }
    rtp.remoteContext.decryptRtp = WERIFT_SRTP_CONTEXT.decryptRtp;
  }
  return { rtp, rtcp };
}

/** CPU µs (user and system, of this process) per call of `f`, over `PACKETS` calls. */
function cpu(f: (i: number) => unknown): number {
  const start = process.cpuUsage();
  for (let i = 0; i < PACKETS; i++) f(i);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / PACKETS;
}

/** The median of `ROUNDS` rounds of each of `fs`, their rounds taken in turn, after a warm-up round. */
function medians(fs: ((i: number) => unknown)[]): number[] {
  const rounds = fs.map((f) => (cpu(f), [] as number[]));
  for (let r = 0; r < ROUNDS; r++) fs.forEach((f, n) => rounds[n]!.push(cpu(f)));
  return rounds.map((list) => list.sort((a, b) => a - b)[ROUNDS >> 1]!);
}

const payload = Buffer.alloc(PAYLOAD, 0x5a);
const report = Buffer.concat([Buffer.from([0x81, 201, 0, 12]), Buffer.alloc(48, 0x11)]);
const headers = Array.from(
  { length: 256 },
  (_, i) =>
    new RtpHeader(
      { ssrc: 0x1234abcd, sequenceNumber: 1000 + i, timestamp: i * 960, payloadType: 111 } as never,
    ),
);
const rows: string[][] = [];
for (
  const [name, profile] of [
    ["AEAD_AES_128_GCM", ProtectionProfileAeadAes128Gcm],
    ["AES_CM_128_HMAC_SHA1_80", ProtectionProfileAes128CmHmacSha1_80],
  ] as const
) {
  const both = [sessions(profile, true), sessions(profile, false)];
  const packets = both.map(({ rtp }) => headers.map((h) => rtp.encrypt(payload, h)));
  const reports = both.map(({ rtcp }) => headers.map(() => rtcp.encrypt(report)));
  const columns = [
    medians(both.map(({ rtp }) => (i) => rtp.encrypt(payload, headers[i & 255]!))),
    medians(both.map(({ rtp }, n) => (i) => rtp.decrypt(packets[n]![i & 255]!))),
    medians(both.map(({ rtcp }) => () => rtcp.encrypt(report))),
    medians(both.map(({ rtcp }, n) => (i) => rtcp.decrypt(reports[n]![i & 255]!))),
  ];
  rows.push([name, "werift 0.25.2", ...columns.map((c) => c[0]!.toFixed(2))]);
  rows.push([name, "srtp_ciphers.ts", ...columns.map((c) => c[1]!.toFixed(2))]);
}

const head = ["profile", "cipher", "RTP protect", "RTP unprotect", "RTCP protect", "RTCP unprotect"];
const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
const line = (r: string[]) =>
  `| ${r.map((v, c) => c < 2 ? v.padEnd(widths[c]!) : v.padStart(widths[c]!)).join(" | ")} |`;
console.log(
  `SRTP, CPU µs a packet (median of ${ROUNDS} rounds of ${PACKETS}): ${PAYLOAD}-byte RTP payload, ` +
    `${report.length}-byte RTCP; Deno ${Deno.version.deno}; load average ${LOAD_BEFORE} → ${
      Deno.loadavg()[0]!.toFixed(2)
    }`,
);
console.log(line(head));
console.log(`| ${widths.map((w, c) => c < 2 ? "-".repeat(w) : "-".repeat(w - 1) + ":").join(" | ")} |`);
for (const r of rows) console.log(line(r));
