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
 * Every wait on another process is bounded (`LIMIT_MS`: 60 s for the server to start, 120 s for a client
 * process to sign its clients in, 25 s for a call's outcome, 20 s for the window's counts, 10 s for a
 * process to exit, else it is killed): a level whose processes do not answer in time is printed as a
 * failed level with what it got (calls set up, with audio, loss over the calls counted), and the bench
 * ends by itself.
 *
 * @module
 */
import { CpuSnapshot } from "./_cpu.ts";
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

/** How long a child may take to answer: the server's tokens, sign-in, a call, the window's counts, exit. */
const LIMIT_MS = {
  start: 60_000,
  signIn: 120_000,
  call: 25_000,
  window: 20_000,
  profile: 30_000,
  exit: 10_000,
};

/** `promise`'s value, or `undefined` once `ms` have passed without one. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => timer = setTimeout(() => resolve(undefined), ms));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** A child process speaking JSON lines on stdin/stdout. */
class Child {
  readonly process: Deno.ChildProcess;
  #writer: WritableStreamDefaultWriter<Uint8Array>;
  #waiting: ((message: Record<string, unknown>) => boolean)[] = [];
  /**
   * Messages no waiter took yet: a child may answer before its parent asks (a child's `ready` while
   * the parent's write of the next child's input, over 64 KiB at 85 calls, waits for that child to read).
   */
  #unclaimed: Record<string, unknown>[] = [];
  /** Resolves when the child's output ends (it exited or died). */
  #ended: Promise<undefined>;

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
    this.#ended = (async () => {
      for await (const line of child.stdout.pipeThrough(new TextDecoderStream()).pipeThrough(lines())) {
        const message = JSON.parse(line);
        onMessage(message);
        const waiting = this.#waiting.length;
        this.#waiting = this.#waiting.filter((take) => !take(message));
        if (this.#waiting.length === waiting) this.#unclaimed.push(message);
      }
      return undefined;
    })();
  }

  /** The next message that `match` accepts; `undefined` if none comes within `ms` or the child's output ends. */
  next<T>(match: (message: Record<string, unknown>) => boolean, ms: number): Promise<T | undefined> {
    const early = this.#unclaimed.findIndex(match);
    if (early >= 0) return Promise.resolve(this.#unclaimed.splice(early, 1)[0] as T);
    const message = new Promise<T>((resolve) =>
      this.#waiting.push((m) => match(m) && (resolve(m as T), true))
    );
    return within(Promise.race([message, this.#ended]), ms);
  }

  /**
   * Sends a line, waiting at most `LIMIT_MS.start` for the child to take it (a line over the pipe's
   * 64 KiB waits for the child to read); a child that died is not an error here (its answers are missed).
   */
  async send(message: unknown): Promise<void> {
    const line = new TextEncoder().encode(JSON.stringify(message) + "\n");
    await within(this.#writer.write(line).catch(() => {}), LIMIT_MS.start);
  }

  /** Closes its input (it then stops by itself); kills it if it has not exited within `LIMIT_MS.exit`. */
  async close(): Promise<void> {
    await within(this.#writer.close().catch(() => {}), LIMIT_MS.exit);
    if (await within(this.process.status, LIMIT_MS.exit)) return;
    console.error(`process ${this.process.pid} did not exit within ${LIMIT_MS.exit / 1000} s: killed`);
    try {
      this.process.kill("SIGKILL");
    } catch { /* it exited meanwhile */ }
    await this.process.status;
  }
}

const debug = (what: string) => {
  if (Deno.env.get("BENCH_DEBUG")) console.error(`${new Date().toISOString().slice(11, 23)} ${what}`);
};

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
  /** Calls whose `serverCall` resolved. */
  setUp: number;
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
  /** What kept the level from completing (a process that did not answer in time); empty when it completed. */
  problems: string[];
  profile?: string | undefined;
}

interface Outcome {
  setUp: boolean;
  audio: boolean;
  answerToAudioMs: number | null;
}

/** A level that could not start its processes: nothing measured. */
const notStarted = (calls: number, problem: string): Result => ({
  calls,
  setUp: 0,
  packetsPerSecond: NaN,
  withAudio: 0,
  latencies: [],
  lossPercent: NaN,
  serverCore: NaN,
  clientsCore: NaN,
  machineBusy: NaN,
  drops: { server: NaN, clients: NaN },
  problems: [problem],
});

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
    const hello = await server.next<{ url: string; tokens: string[] }>((m) => "url" in m, LIMIT_MS.start);
    if (!hello) return notStarted(calls, `the server did not start within ${LIMIT_MS.start / 1000} s`);
    const { url, tokens } = hello;
    const outcomes = new Map<number, Outcome>();
    const share = Math.ceil(calls / PROCESSES);
    const owner = new Map<number, Child>();
    const signedIn: Promise<unknown>[] = [];
    for (let first = 0; first < calls; first += share) {
      const ids = Array.from({ length: Math.min(share, calls - first) }, (_, k) => first + k);
      const inspect = PROFILE && first === 0 ? [`--inspect=127.0.0.1:${clientInspectPort}`] : [];
      const child = new Child(
        ["run", "-A", ...inspect, new URL("bench_calls_clients.ts", import.meta.url).pathname],
        (m) => {
          if (typeof m.call === "number") outcomes.set(m.call, m as never);
        },
      );
      signedIn.push(child.next((m) => m.ready === true, LIMIT_MS.signIn));
      const user = (k: number) => ({ name: `bench-user-${k}`, token: tokens[k]! });
      await child.send({
        url,
        calls: ids.map((id) => ({ id, caller: user(2 * id), callee: user(2 * id + 1) })),
      });
      debug(`${calls} calls: input of client process ${child.process.pid} written`);
      ids.forEach((id) => owner.set(id, child));
      clients.push(child);
    }
    if ((await Promise.all(signedIn)).includes(undefined)) {
      return notStarted(
        calls,
        `a client process did not sign its clients in within ${LIMIT_MS.signIn / 1000} s`,
      );
    }
    debug(`${calls} calls: clients signed in`);

    // Five calls at a time; each child answers a call once its audio flows both ways (or after 15 s).
    // A call its child does not answer for within LIMIT_MS.call stops the setup: that child is stuck.
    const problems: string[] = [];
    for (let first = 0; first < calls && problems.length === 0; first += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, calls - first) }, (_, k) => first + k);
      const answered = await Promise.all(batch.map(async (id) => {
        const child = owner.get(id)!;
        const done = child.next((m) => m.call === id, LIMIT_MS.call);
        await child.send({ call: id });
        return await done;
      }));
      const unanswered = batch.filter((_, k) => answered[k] === undefined);
      if (unanswered.length > 0) {
        problems.push(
          `no outcome within ${LIMIT_MS.call / 1000} s for call ${unanswered.join(", ")}: ` +
            `placed ${Math.min(first + BATCH, calls)} of ${calls}, stopped there`,
        );
      }
      debug(`${calls} calls: placed ${Math.min(first + BATCH, calls)}`);
    }
    const profiler = PROFILE ? await within(Profiler.attach(inspectPort), LIMIT_MS.profile) : undefined;
    const clientProfiler = PROFILE
      ? await within(Profiler.attach(clientInspectPort), LIMIT_MS.profile)
      : undefined;

    // The steady window.
    await sleep(1000);
    await within(Promise.all([profiler?.start(), clientProfiler?.start()]), LIMIT_MS.profile);
    const pids = clients.map((c) => c.process.pid);
    // User+system CPU seconds of the server and of all client processes together.
    const cpuOf = (snapshot: CpuSnapshot) => ({
      server: snapshot.of(server.process.pid) / 1e6,
      clients: pids.reduce((sum, pid) => sum + snapshot.of(pid), 0) / 1e6,
    });
    const cpuBefore = cpuOf(await CpuSnapshot.take());
    const machineBefore = await machineTicks();
    const started = performance.now();
    await Promise.all(clients.map((c) => c.send({ mark: "start" })));
    await sleep(WINDOW_S * 1000);
    // Listened for before "end" is sent: a client may answer before the profiles are stopped.
    const windowCounts = Promise.all(
      clients.map((c) =>
        c.next<{ window: { sent: number; arrived: number }[] }>((m) => "window" in m, LIMIT_MS.window)
      ),
    );
    await Promise.all(clients.map((c) => c.send({ mark: "end" })));
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = cpuOf(await CpuSnapshot.take());
    const serverCpu = cpuAfter.server - cpuBefore.server;
    const clientsCpu = cpuAfter.clients - cpuBefore.clients;
    const machineAfter = await machineTicks();
    const drops = { server: await udpDrops([server.process.pid]), clients: await udpDrops(pids) };
    const saveAs = (who: string) =>
      PROFILE_DIR ? `${PROFILE_DIR}/${calls}-calls-${who}.cpuprofile` : undefined;
    const profile = profiler && clientProfiler && await within(
      Promise.all([
        profiler.stop("server", saveAs("server")),
        clientProfiler.stop(`first client process (${share} calls)`, saveAs("client")),
      ]).then((summaries) => summaries.join("\n")),
      LIMIT_MS.profile,
    );
    const windows = await windowCounts;
    const silentProcesses = windows.filter((w) => w === undefined).length;
    if (silentProcesses > 0) {
      problems.push(
        `${silentProcesses} client process(es) sent no window counts within ${LIMIT_MS.window / 1000} s: ` +
          `loss is over the others' calls`,
      );
    }
    const counts = windows.flatMap((w) => w?.window ?? []);
    const sent = counts.reduce((s, c) => s + c.sent, 0);
    const arrived = counts.reduce((s, c) => s + c.arrived, 0);
    const withAudio = [...outcomes.values()].filter((o) => o.audio);
    const silent = [...outcomes].filter(([, o]) => !o.audio).map(([id]) => id);
    if (silent.length > 0) {
      console.error(`calls without audio both ways (by order placed): ${silent.join(", ")}`);
    }
    return {
      calls,
      setUp: [...outcomes.values()].filter((o) => o.setUp).length,
      packetsPerSecond: sent / seconds,
      withAudio: withAudio.length,
      latencies: withAudio.map((o) => o.answerToAudioMs!),
      lossPercent: sent === 0 ? 100 : (100 * (sent - arrived)) / sent,
      serverCore: (100 * serverCpu) / seconds,
      clientsCore: (100 * clientsCpu) / seconds,
      drops,
      machineBusy: (100 * (machineAfter.busy - machineBefore.busy)) /
        (machineAfter.total - machineBefore.total),
      problems,
      profile,
    };
  } finally {
    debug(`${calls} calls: stopping the processes`);
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
  /** `n` to `digits` decimals; "–" when it was not measured. */
  const fixed = (n: number, digits = 0) => Number.isNaN(n) ? "–" : n.toFixed(digits);
  console.log(
    `| ${r.calls} | ${r.withAudio} | ${fixed(percentile(r.latencies, 50))} / ${
      fixed(percentile(r.latencies, 99))
    } ms | ` +
      `${fixed(r.lossPercent, 2)} % | ${fixed(r.drops.server)} / ${fixed(r.drops.clients)} | ${
        fixed(r.packetsPerSecond)
      } | ${fixed(r.serverCore / calls, 2)} % of a core | ` +
      `${fixed(r.serverCore)} % of a core | ${fixed(r.clientsCore)} % of a core | ${
        fixed(r.machineBusy)
      } % | ` +
      `${before} → ${await loadavg()} |`,
  );
  if (r.profile) console.log(r.profile);
  if (r.problems.length > 0) {
    console.error(
      `${calls} calls did not complete: ${r.setUp} set up, ${r.withAudio} with audio both ways, ` +
        `loss ${fixed(r.lossPercent, 2)} %; ${r.problems.join("; ")}`,
    );
  }
  if (r.problems.length > 0 || r.withAudio < calls || !(r.lossPercent < 1)) break;
  best = calls;
}
console.log(
  `most concurrent two-party calls with every call carrying audio and < 1 % loss: ${best || "none"} ` +
    `(of ${LEVELS.join(", ")}; ${((performance.now() - started) / 1000).toFixed(0)} s)`,
);
Deno.exit(0);
