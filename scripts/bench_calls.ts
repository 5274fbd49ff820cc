/**
 * `deno task bench:calls`: how many bridged two-party calls the reference server carries, and at what
 * cost.
 *
 * The server runs in its own process (scripts/bench_server_host.ts, default options: every address
 * 127.0.0.1). This process holds the clients: for each call a caller and a callee, each a
 * `VonageClient` whose media is a werift peer connection. The caller places the call with
 * `serverCall({ to })`, the callee answers, and both send 20 ms Opus frames of a 440 Hz tone (encoded
 * once with opusscript, then repeated) through the server to the other. Each frame's first four bytes
 * are replaced by the sender's frame counter, so the receiver knows exactly which frames arrived (the
 * server forwards two-party audio without decoding it).
 *
 * Calls are set up five at a time, the next five once audio flows both ways in the last (at most
 * 15 s a batch). For each number of concurrent calls (`--calls 10,25,50,…`, stopping at the first that
 * fails):
 * - answer → audio: from the callee's `answer()` to the first frame from the caller arriving at the
 *   callee, p50 and p99 over the calls;
 * - loss: over a steady window (`--seconds`, default 10) with every call up, frames sent in the window
 *   that never arrived, both directions, all calls;
 * - CPU: the server process's user+system time over that window (from /proc), per call, as a share of
 *   one core; this process's too, for the clients.
 * A level passes when every call carries audio and loss is under 1 %.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import { type MediaAdapter, type MediaConnection, VonageClient } from "../mod.ts";
import {
  MediaStreamTrack,
  OpusScript,
  RTCPeerConnection,
  RTCRtpCodecParameters,
  RtpHeader,
  RtpPacket,
} from "./_deps.ts";

function option(name: string, fallback: string): string {
  const i = Deno.args.indexOf(`--${name}`);
  return i >= 0 ? Deno.args[i + 1]! : fallback;
}
const LEVELS = option("calls", "10,25,50,75,100").split(",").map(Number);
const WINDOW_S = Number(option("seconds", "10"));
const BATCH_LIMIT_MS = 15_000;
const FRAME = 960;
const CLOCK_TICKS = 100; // USER_HZ on Linux

/** One second of a 440 Hz tone as 50 Opus frames, made once. */
const TONE: Uint8Array[] = (() => {
  const opus = new OpusScript(48_000, 1, OpusScript.Application.VOIP);
  const frames: Uint8Array[] = [];
  for (let f = 0; f < 50; f++) {
    const pcm = new Int16Array(FRAME);
    for (let i = 0; i < FRAME; i++) {
      pcm[i] = Math.round(8000 * Math.sin((2 * Math.PI * 440 * (f * FRAME + i)) / 48_000));
    }
    frames.push(new Uint8Array(opus.encode(new Uint8Array(pcm.buffer) as never, FRAME)));
  }
  opus.delete();
  return frames;
})();

/** One client's media: a werift peer sending counted tone frames and noting which frames arrive. */
class BenchPeer implements MediaAdapter {
  sent = 0;
  /** Counters of the frames received, by the sender's count. */
  readonly received = new Set<number>();
  firstFrameAt = 0;
  answeredAt = 0;
  sending = false;
  #track = new MediaStreamTrack({ kind: "audio" });
  #pc = new RTCPeerConnection({
    iceUseIpv4: false,
    iceUseIpv6: false,
    iceAdditionalHostAddresses: ["127.0.0.1"],
    iceInterfaceAddresses: { udp4: "127.0.0.1" },
    codecs: {
      audio: [
        new RTCRtpCodecParameters({
          mimeType: "audio/opus",
          clockRate: 48_000,
          channels: 2,
          payloadType: 111,
        }),
      ],
    },
  });
  #connected = false;

  constructor() {
    this.#pc.onTrack.subscribe((track) =>
      track.onReceiveRtp.subscribe((rtp) => {
        if (this.firstFrameAt === 0) this.firstFrameAt = performance.now();
        this.received.add(rtp.payload.readUInt32BE(0));
      })
    );
    this.#pc.connectionStateChange.subscribe((state) => {
      if (Deno.env.get("BENCH_DEBUG")) console.error("peer", state);
      if (state === "connected") this.#connected = true;
    });
  }

  connect(): Promise<MediaConnection> {
    const pc = this.#pc;
    const gathered = async () => {
      if (pc.iceGatheringState !== "complete") {
        await pc.iceGatheringStateChange.watch((s) => s === "complete");
      }
      return pc.localDescription!.sdp;
    };
    return Promise.resolve({
      createOffer: async () => {
        pc.addTransceiver(this.#track, { direction: "sendrecv" });
        await pc.setLocalDescription(await pc.createOffer());
        return await gathered();
      },
      applyAnswer: async (sdp) => void await pc.setRemoteDescription({ type: "answer", sdp }),
      createAnswer: async (offer) => {
        await pc.setRemoteDescription({ type: "offer", sdp: offer });
        const transceiver = pc.getTransceivers()[0]!;
        transceiver.setDirection("sendrecv");
        await transceiver.sender.replaceTrack(this.#track);
        await pc.setLocalDescription(await pc.createAnswer());
        return await gathered();
      },
      mute() {},
      earmuff() {},
      close: () => void pc.close().catch(() => {}),
    });
  }

  /** Sends the next frame (called every 20 ms by the shared clock). */
  tick(): void {
    if (!this.#connected || !this.sending) return;
    const payload = Buffer.from(TONE[this.sent % TONE.length]!);
    payload.writeUInt32BE(this.sent, 0);
    this.#track.writeRtp(
      new RtpPacket(
        new RtpHeader({ payloadType: 111, sequenceNumber: this.sent & 0xffff, timestamp: this.sent * FRAME }),
        payload,
      ),
    );
    this.sent++;
  }
}

/** User+system CPU seconds of a process, from /proc (read with `cat`: Deno asks for all permissions to read /proc). */
async function cpuSeconds(pid: number): Promise<number> {
  const { stdout } = await new Deno.Command("cat", { args: [`/proc/${pid}/stat`] }).output();
  const stat = new TextDecoder().decode(stdout);
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Result {
  calls: number;
  connected: number;
  answerToAudioP50: number;
  answerToAudioP99: number;
  lossPercent: number;
  serverCorePercentPerCall: number;
  clientCorePercent: number;
}

async function level(calls: number): Promise<Result> {
  const host = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      new URL("bench_server_host.ts", import.meta.url).pathname,
      String(calls * 2),
    ],
    stdin: "piped",
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  const reader = host.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let line = "";
  while (!line.includes("\n")) {
    const { value, done } = await reader.read();
    if (done) throw new Error("the server process ended before printing its address");
    line += value;
  }
  const { url, tokens } = JSON.parse(line) as { url: string; tokens: string[] };
  const peers: BenchPeer[] = [];
  const clients: VonageClient[] = [];
  const clock = setInterval(() => peers.forEach((p) => p.tick()), 20);
  try {
    const pairs = [];
    for (let i = 0; i < calls; i++) {
      const pair = [0, 1].map((k) => {
        const peer = new BenchPeer();
        peer.sending = true;
        const client = new VonageClient({
          apiUrl: url,
          websocketUrl: url,
          media: peer,
          disableInternalLogger: true,
        });
        peers.push(peer);
        clients.push(client);
        return { peer, client, name: `bench-user-${2 * i + k}`, token: tokens[2 * i + k]! };
      });
      pairs.push(pair as [typeof pair[0], typeof pair[0]]);
    }
    // Sign in (ten at a time), then place the calls (five at a time); callees answer as invited.
    for (let i = 0; i < pairs.length; i += 5) {
      await Promise.all(pairs.slice(i, i + 5).flat().map((p) => p.client.createSession(p.token)));
    }
    const hangups = new Map<string, number>();
    for (const { client } of pairs.flat()) {
      client.on("callHangup", (_id, _quality, reason) => hangups.set(reason, (hangups.get(reason) ?? 0) + 1));
    }
    for (const [, callee] of pairs) {
      callee.client.on("callInvite", (callId) => {
        callee.peer.answeredAt = performance.now();
        callee.client.answer(callId).catch((err) => console.error(`answer failed: ${err}`));
      });
    }
    // Five calls at a time, each batch given until its audio flows both ways (or BATCH_LIMIT_MS).
    for (let i = 0; i < pairs.length; i += 5) {
      const batch = pairs.slice(i, i + 5);
      await Promise.all(
        batch.map(([caller, callee]) =>
          caller.client.serverCall({ to: callee.name }).catch((err) =>
            console.error(`serverCall failed: ${err}`)
          )
        ),
      );
      const batchEnd = performance.now() + BATCH_LIMIT_MS;
      while (batch.flat().some((p) => p.peer.firstFrameAt === 0) && performance.now() < batchEnd) {
        await sleep(50);
      }
    }
    if (hangups.size > 0) {
      console.error(`calls ended during setup: ${JSON.stringify(Object.fromEntries(hangups))}`);
    }
    const connected = pairs.filter(([a, b]) => a.peer.firstFrameAt > 0 && b.peer.firstFrameAt > 0).length;
    const latencies = pairs.map(([, callee]) => callee.peer).filter((p) => p.firstFrameAt > 0)
      .map((p) => p.firstFrameAt - p.answeredAt);

    // The steady window: every call up, counting frames sent inside it and which of them arrived.
    await sleep(1000);
    const from = peers.map((p) => p.sent);
    const serverBefore = await cpuSeconds(host.pid);
    const selfBefore = await cpuSeconds(Deno.pid);
    const started = performance.now();
    await sleep(WINDOW_S * 1000);
    const seconds = (performance.now() - started) / 1000;
    const serverCpu = await cpuSeconds(host.pid) - serverBefore;
    const selfCpu = await cpuSeconds(Deno.pid) - selfBefore;
    const to = peers.map((p) => p.sent);
    await sleep(500);
    let expected = 0;
    let arrived = 0;
    pairs.forEach(([a, b], i) => {
      for (const [, receiver, k] of [[a, b, 2 * i], [b, a, 2 * i + 1]] as const) {
        for (let n = from[k]!; n < to[k]!; n++) {
          expected++;
          if (receiver.peer.received.has(n)) arrived++;
          else if (Deno.env.get("BENCH_DEBUG")) {
            console.error(`missing ${k}: ${n - from[k]!} of ${to[k]! - from[k]!}`);
          }
        }
      }
    });
    return {
      calls,
      connected,
      answerToAudioP50: percentile(latencies, 50),
      answerToAudioP99: percentile(latencies, 99),
      lossPercent: expected === 0 ? 100 : (100 * (expected - arrived)) / expected,
      serverCorePercentPerCall: (100 * serverCpu) / seconds / calls,
      clientCorePercent: (100 * selfCpu) / seconds,
    };
  } finally {
    clearInterval(clock);
    for (const peer of peers) peer.sending = false;
    await Promise.all(clients.map((c) => c.deleteSession().catch(() => {})));
    host.stdin.close().catch(() => {});
    await host.status;
  }
}

const loadavg = async () =>
  new TextDecoder().decode((await new Deno.Command("cat", { args: ["/proc/loadavg"] }).output()).stdout)
    .split(" ").slice(0, 3).join(" ");
console.log(`load average before: ${await loadavg()} (${navigator.hardwareConcurrency} cores)`);
console.log(
  `bridged two-party calls, werift clients in this process, server in its own; ${WINDOW_S} s windows`,
);
console.log(
  "calls | with audio | answer→audio p50 / p99 (ms) | loss (%) | server CPU per call (% of a core) | client CPU (% of a core)",
);
let best = 0;
for (const calls of LEVELS) {
  const r = await level(calls);
  console.log(
    `${r.calls} | ${r.connected} | ${r.answerToAudioP50.toFixed(0)} / ${r.answerToAudioP99.toFixed(0)} | ` +
      `${r.lossPercent.toFixed(2)} | ${r.serverCorePercentPerCall.toFixed(2)} | ${
        r.clientCorePercent.toFixed(0)
      }`,
  );
  if (r.connected < calls || r.lossPercent >= 1) break;
  best = calls;
}
console.log(`most concurrent two-party calls with every call carrying audio and < 1 % loss: ${best}`);
console.log(`load average after: ${await loadavg()}`);
Deno.exit(0);
