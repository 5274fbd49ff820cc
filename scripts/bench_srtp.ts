/**
 * `deno task bench:srtp`: the CPU time of one SRTP protect and one unprotect of a 20 ms Opus packet
 * (a 12-byte RTP header and `--payload` bytes, 120 unless told), with werift's own cipher methods and
 * with src/server/media/srtp_ciphers.ts, for both profiles werift offers (AEAD_AES_128_GCM, which two
 * werift peers choose, and AES_CM_128_HMAC_SHA1_80), and of one SRTCP protect and unprotect of a
 * 52-byte receiver report. Each figure is the median of `--rounds` (7) rounds of `--packets` (20,000)
 * packets, after a warm-up round, the two ciphers' rounds taken in turn; it prints one table, in µs of
 * CPU time a packet (CPU time, not wall-clock time, so that other processes on the machine count less).
 *
 * @module
 */
import { Buffer } from "node:buffer";
import process from "node:process";
import { parseArgs } from "node:util";
import { type SrtpCipherMethods, WERIFT_CIPHERS } from "../src/server/media/srtp_ciphers.ts";
import {
  ProtectionProfileAeadAes128Gcm,
  ProtectionProfileAes128CmHmacSha1_80,
  RtpHeader,
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

type Cipher = SrtpCipherMethods;

function cipherOf(profile: number): Cipher {
  const key = Buffer.alloc(16, 0x2b), salt = Buffer.alloc(14, 0xf0);
  const session = new SrtpSession({
    keys: { localMasterKey: key, localMasterSalt: salt, remoteMasterKey: key, remoteMasterSalt: salt },
    profile,
  } as never) as unknown as { localContext: { cipher: Cipher } };
  return session.localContext.cipher;
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
const rtcp = Buffer.concat([Buffer.from([0x81, 201, 0, 12]), Buffer.alloc(48, 0x11)]);
const headers = Array.from(
  { length: 256 },
  (_, i) =>
    new RtpHeader({ ssrc: 0x1234abcd, sequenceNumber: i, timestamp: i * 960, payloadType: 111 } as never),
);
const rows: string[][] = [];
for (
  const [name, profile, methods] of [
    ["AEAD_AES_128_GCM", ProtectionProfileAeadAes128Gcm, WERIFT_CIPHERS.gcm],
    ["AES_CM_128_HMAC_SHA1_80", ProtectionProfileAes128CmHmacSha1_80, WERIFT_CIPHERS.ctr],
  ] as const
) {
  const fast = cipherOf(profile);
  const werift = cipherOf(profile);
  Object.assign(werift, methods); // this instance runs werift's own methods
  const ciphers = [werift, fast];
  const packets = ciphers.map((c) => headers.map((h) => c.encryptRtp(h, payload, 0)));
  const reports = ciphers.map((c) => headers.map((_, i) => c.encryptRTCP(rtcp, i + 1)));
  const columns = [
    medians(ciphers.map((c) => (i) => c.encryptRtp(headers[i & 255]!, payload, 0))),
    medians(ciphers.map((c, n) => (i) => c.decryptRtp(packets[n]![i & 255]!, 0))),
    medians(ciphers.map((c) => (i) => c.encryptRTCP(rtcp, (i & 255) + 1))),
    medians(ciphers.map((c, n) => (i) => c.decryptRTCP(reports[n]![i & 255]!))),
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
    `${rtcp.length}-byte RTCP; Deno ${Deno.version.deno}; load average ${LOAD_BEFORE} → ${
      Deno.loadavg()[0]!.toFixed(2)
    }`,
);
console.log(line(head));
console.log(`| ${widths.map((w, c) => c < 2 ? "-".repeat(w) : "-".repeat(w - 1) + ":").join(" | ")} |`);
for (const r of rows) console.log(line(r));
