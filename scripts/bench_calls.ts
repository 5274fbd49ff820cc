/**
 * `deno task bench:calls`: how many bridged two-party calls the reference server carries, and at what
 * cost. Every address is 127.0.0.1.
 *
 * The server runs in its own process (scripts/bench_server_host.ts, default options). The clients run
 * in `--processes` other processes (scripts/bench_calls_clients.ts), each holding a share of the calls
 * (caller and callee of a call in the same one), so that the clients' JavaScript threads are not what
 * is measured. For each call the caller places `serverCall({ to })`, the callee answers, and both send
 * 20 ms Opus frames of a tone, each stamped with the sender's frame counter, through the server.
 * This process orchestrates: it starts the server and the clients, places the calls five at a time
 * (the next five once audio flows both ways in the last, at most 15 s a batch), and measures.
 *
 * For each number of concurrent calls:
 * - with audio: calls whose audio arrived both ways;
 * - answer → audio: from the callee's `answer()` to the first frame from the caller arriving at the
 *   callee, p50 and p99 over the calls with audio;
 * - packets sent / s: frames the clients sent in the window, both ways (100 a second a call with audio:
 *   each client sends what real time asks for, in bursts when its process is starved);
 * - loss: over a steady window (`--seconds`) with every call placed, frames sent in the window that
 *   never arrived, both directions, all calls (also those without audio);
 * - dropped at full sockets: datagrams the kernel dropped because the server's or the clients' UDP
 *   sockets were full (their process stalled longer than a socket buffer lasts), from /proc/net/udp;
 * - CPU over the window, from /proc: the server process's per call (% of one core), all client
 *   processes together, and the whole machine's busy share (what else ran shows there).
 * A level passes when every call carries audio and loss is under 1 %.
 *
 * Usage (`deno task bench:calls [flags]`):
 * - `--calls 10,25,50`: the levels to run, in order, stopping at the first that fails (default 50);
 * - `--find`: the most calls that pass: runs 25, 35, 50, 60, 70, 85, 100, stopping at the first that
 *   fails;
 * - `--processes N`: client processes (default 2: on 2 cores, more runnable client processes take CPU
 *   from the server when the machine is short of it; one holding 100 peers needs about 70 % of a core);
 * - `--seconds S`: the measuring window (default 10);
 * - `--profile`: samples the CPU of the server and of the first client process (V8 inspector) during
 *   each window and prints where it went; with `--profile-dir DIR`, writes the whole profiles there too
 *   (`<calls>-calls-server.cpuprofile`, `…-client.cpuprofile`: Chrome DevTools opens them);
 * A level takes its setup (five calls at a time, from half a second to 15 s each five) plus about 12 s:
 * measured here, 25 then 35 calls in 34 s on a machine with a core to spare, 50 calls in 54 to 130 s on
 * a saturated one; `--find` runs at most 7 levels. The table printed goes into the README as it is.
 *
 * @module
 */
import { lines } from "./_lines.ts";
import { Profiler } from "./_profile.ts";

function option(name: string, fallback: string): string {
  const i = Deno.args.indexOf(`--${name}`);
  return i >= 0 ? Deno.args[i + 1]! : fallback;
}
const FIND_LEVELS = [25, 35, 50, 60, 70, 85, 100];
const LEVELS = Deno.args.includes("--find") ? FIND_LEVELS : option("calls", "50").split(",").map(Number);
const PROCESSES = Number(option("processes", "2"));
const WINDOW_S = Number(option("seconds", "10"));
const PROFILE = Deno.args.includes("--profile");
/** Where `--profile` writes the whole profiles (server, first client process), when given. */
const PROFILE_DIR = option("profile-dir", "");
const BATCH = 5;
const CLOCK_TICKS = 100; // USER_HZ on Linux

/** A child process speaking JSON lines on stdin/stdout. */
class Child {
  readonly process: Deno.ChildProcess;
  #writer: WritableStreamDefaultWriter<Uint8Array>;
  #waiting: ((message: Record<string, unknown>) => boolean)[] = [];

  constructor(args: string[], onMessage: (message: Record<string, unknown>) => void = () => {}) {
    const child = new Deno.Command(Deno.execPath(), {
      args,
      stdin: "piped",
      stdout: "piped",
      stderr: "inherit",
    })
      .spawn();
    this.process = child;
    this.#writer = child.stdin.getWriter();
    (async () => {
      for await (const line of child.stdout.pipeThrough(new TextDecoderStream()).pipeThrough(lines())) {
        const message = JSON.parse(line);
        onMessage(message);
        this.#waiting = this.#waiting.filter((take) => !take(message));
      }
    })();
  }

  /** The next message that `match` accepts. */
  next<T>(match: (message: Record<string, unknown>) => boolean): Promise<T> {
    return new Promise((resolve) => this.#waiting.push((m) => match(m) && (resolve(m as T), true)));
  }

  send(message: unknown): Promise<void> {
    return this.#writer.write(new TextEncoder().encode(JSON.stringify(message) + "\n"));
  }

  async close(): Promise<void> {
    await this.#writer.close().catch(() => {});
    await this.process.status;
  }
}

/** User+system CPU seconds of a process, from /proc (read with `cat`: Deno asks for all permissions to read /proc). */
async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readProc(`/proc/${pid}/stat`);
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** The whole machine's busy and total CPU ticks so far, from /proc/stat. */
async function machineTicks(): Promise<{ busy: number; total: number }> {
  const ticks = (await readProc("/proc/stat")).split("\n")[0]!.split(/\s+/).slice(1).map(Number);
  const total = ticks.reduce((a, b) => a + b, 0);
  return { busy: total - ticks[3]! - ticks[4]!, total };
}

/**
 * Datagrams the kernel dropped so far because these processes' UDP sockets were full (a process that
 * stalls longer than its socket buffer lasts): the `drops` of /proc/net/udp for their sockets.
 */
async function udpDrops(pids: number[]): Promise<number> {
  const inodes = new Set<string>();
  for (const pid of pids) {
    const { stdout } = await new Deno.Command("find", {
      args: [`/proc/${pid}/fd`, "-lname", "socket:*", "-printf", "%l\n"],
    }).output();
    for (const link of new TextDecoder().decode(stdout).split("\n")) {
      const inode = link.match(/socket:\[(\d+)\]/)?.[1];
      if (inode) inodes.add(inode);
    }
  }
  return (await readProc("/proc/net/udp")).split("\n").slice(1).map((line) => line.trim().split(/\s+/))
    .filter((fields) => inodes.has(fields[9]!)).reduce((sum, fields) => sum + Number(fields[12]), 0);
}

async function readProc(path: string): Promise<string> {
  return new TextDecoder().decode((await new Deno.Command("cat", { args: [path] }).output()).stdout);
}

const loadavg = async () => (await readProc("/proc/loadavg")).split(" ").slice(0, 3).join(" ");

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  return port;
}

interface Result {
  calls: number;
  /** Frames the clients sent per second in the window, all calls, both ways. */
  packetsPerSecond: number;
  withAudio: number;
  latencies: number[];
  lossPercent: number;
  serverCore: number;
  clientsCore: number;
  machineBusy: number;
  /** Datagrams the kernel dropped at full sockets, over the level (setup and window). */
  drops: { server: number; clients: number };
  profile?: string | undefined;
}

async function level(calls: number): Promise<Result> {
  const inspectPort = PROFILE ? freePort() : 0;
  const server = new Child([
    "run",
    "-A",
    ...(PROFILE ? [`--inspect=127.0.0.1:${inspectPort}`] : []),
    new URL("bench_server_host.ts", import.meta.url).pathname,
    String(calls * 2),
  ]);
  const clients: Child[] = [];
  const clientInspectPort = PROFILE ? freePort() : 0;
  try {
    const { url, tokens } = await server.next<{ url: string; tokens: string[] }>((m) => "url" in m);
    const outcomes = new Map<number, { audio: boolean; answerToAudioMs: number | null }>();
    const share = Math.ceil(calls / PROCESSES);
    const owner = new Map<number, Child>();
    for (let first = 0; first < calls; first += share) {
      const ids = Array.from({ length: Math.min(share, calls - first) }, (_, k) => first + k);
      const inspect = PROFILE && first === 0 ? [`--inspect=127.0.0.1:${clientInspectPort}`] : [];
      const child = new Child(
        ["run", "-A", ...inspect, new URL("bench_calls_clients.ts", import.meta.url).pathname],
        (m) => {
          if (typeof m.call === "number") outcomes.set(m.call, m as never);
        },
      );
      const user = (k: number) => ({ name: `bench-user-${k}`, token: tokens[k]! });
      await child.send({
        url,
        calls: ids.map((id) => ({ id, caller: user(2 * id), callee: user(2 * id + 1) })),
      });
      ids.forEach((id) => owner.set(id, child));
      clients.push(child);
    }
    await Promise.all(clients.map((c) => c.next((m) => m.ready === true)));

    // Five calls at a time; each child answers a call once its audio flows both ways (or after 15 s).
    for (let first = 0; first < calls; first += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, calls - first) }, (_, k) => first + k);
      await Promise.all(batch.map(async (id) => {
        const child = owner.get(id)!;
        const done = child.next((m) => m.call === id);
        await child.send({ call: id });
        await done;
      }));
    }
    const profiler = PROFILE ? await Profiler.attach(inspectPort) : undefined;
    const clientProfiler = PROFILE ? await Profiler.attach(clientInspectPort) : undefined;

    // The steady window.
    await sleep(1000);
    await profiler?.start();
    await clientProfiler?.start();
    const pids = clients.map((c) => c.process.pid);
    const serverBefore = await cpuSeconds(server.process.pid);
    const clientsBefore = (await Promise.all(pids.map(cpuSeconds))).reduce((a, b) => a + b, 0);
    const machineBefore = await machineTicks();
    const started = performance.now();
    await Promise.all(clients.map((c) => c.send({ mark: "start" })));
    await sleep(WINDOW_S * 1000);
    // Listened for before "end" is sent: a client may answer before the profiles are stopped.
    const windowCounts = Promise.all(
      clients.map((c) => c.next<{ window: { sent: number; arrived: number }[] }>((m) => "window" in m)),
    );
    await Promise.all(clients.map((c) => c.send({ mark: "end" })));
    const seconds = (performance.now() - started) / 1000;
    const serverCpu = await cpuSeconds(server.process.pid) - serverBefore;
    const clientsCpu = (await Promise.all(pids.map(cpuSeconds))).reduce((a, b) => a + b, 0) - clientsBefore;
    const machineAfter = await machineTicks();
    const drops = { server: await udpDrops([server.process.pid]), clients: await udpDrops(pids) };
    const saveAs = (who: string) =>
      PROFILE_DIR ? `${PROFILE_DIR}/${calls}-calls-${who}.cpuprofile` : undefined;
    const profile = profiler && clientProfiler &&
      [
        await profiler.stop("server", saveAs("server")),
        await clientProfiler.stop(`first client process (${share} calls)`, saveAs("client")),
      ].join("\n");
    const windows = await windowCounts;
    const counts = windows.flatMap((w) => w.window);
    const sent = counts.reduce((s, c) => s + c.sent, 0);
    const arrived = counts.reduce((s, c) => s + c.arrived, 0);
    const withAudio = [...outcomes.values()].filter((o) => o.audio);
    const silent = [...outcomes].filter(([, o]) => !o.audio).map(([id]) => id);
    if (silent.length > 0) {
      console.error(`calls without audio both ways (by order placed): ${silent.join(", ")}`);
    }
    return {
      calls,
      packetsPerSecond: sent / seconds,
      withAudio: withAudio.length,
      latencies: withAudio.map((o) => o.answerToAudioMs!),
      lossPercent: sent === 0 ? 100 : (100 * (sent - arrived)) / sent,
      serverCore: (100 * serverCpu) / seconds,
      clientsCore: (100 * clientsCpu) / seconds,
      drops,
      machineBusy: (100 * (machineAfter.busy - machineBefore.busy)) /
        (machineAfter.total - machineBefore.total),
      profile,
    };
  } finally {
    await Promise.all(clients.map((c) => c.close()));
    await server.close();
  }
}

const started = performance.now();
console.log(
  `bridged two-party calls: server in its own process, werift clients in ${PROCESSES} others; ` +
    `${WINDOW_S} s windows; ${navigator.hardwareConcurrency} cores`,
);
console.log(
  "| calls | with audio | answer → audio p50 / p99 | loss | dropped at full sockets: server / clients | packets sent / s | server CPU per call | server CPU | clients' CPU | machine busy | load average before → after |",
);
console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
let best = 0;
for (const calls of LEVELS) {
  const before = await loadavg();
  const r = await level(calls);
  const ms = (n: number) => Number.isNaN(n) ? "–" : n.toFixed(0);
  console.log(
    `| ${r.calls} | ${r.withAudio} | ${ms(percentile(r.latencies, 50))} / ${
      ms(percentile(r.latencies, 99))
    } ms | ` +
      `${r.lossPercent.toFixed(2)} % | ${r.drops.server} / ${r.drops.clients} | ${
        r.packetsPerSecond.toFixed(0)
      } | ${(r.serverCore / calls).toFixed(2)} % of a core | ` +
      `${r.serverCore.toFixed(0)} % of a core | ${r.clientsCore.toFixed(0)} % of a core | ${
        r.machineBusy.toFixed(0)
      } % | ` +
      `${before} → ${await loadavg()} |`,
  );
  if (r.profile) console.log(r.profile);
  if (r.withAudio < calls || r.lossPercent >= 1) break;
  best = calls;
}
console.log(
  `most concurrent two-party calls with every call carrying audio and < 1 % loss: ${best || "none"} ` +
    `(of ${LEVELS.join(", ")}; ${((performance.now() - started) / 1000).toFixed(0)} s)`,
);
Deno.exit(0);
