/**
 * `deno task bench:server`: how fast the reference server answers and fans out, per storage engine
 * (memory, SQLite in a data directory, PostgreSQL), the server always in a process of its own
 * (scripts/bench_server_host.ts) and everything on loopback.
 *
 * Per engine:
 * - answered sends per second: text messages posted over REST into a conversation of two members
 *   online, measured once with each number of requests in flight in `--lanes` (32: a moderate load,
 *   where a durable engine's throughput is bound by its commit latency; 128: enough to keep one
 *   server process busy); each answer waits for the commit of its event; each lane
 *   sends on keep-alive connections of its own (scripts/_http_connection.ts, far cheaper per request
 *   than `fetch`, which left less CPU to the server on a 2-core machine), and the CPU time per send
 *   of each process (server nodes, this one, PostgreSQL) is read from /proc;
 * - fan-out: 100 socket clients join one conversation, ten of them send with a bounded number in
 *   flight each, every message is pushed to all 100: pushes delivered per second and the send→receive
 *   latency it causes, then the latency of an unloaded server (one message in flight); the clients are
 *   lean socket.io receivers (scripts/_push_receiver.ts) that count each push once per receiver by its
 *   text (a second copy is reported as duplicated), and the CPU time per push of each process is read
 *   from /proc;
 * Once (the numbers do not depend on the engine: every engine serves reads from memory):
 * - memory per idle socket: 1,000 more logged-in sockets doing nothing;
 * - event pages with `--events` (1,000,000) events in one conversation, seeded straight into a data
 *   directory: the server's start (reading them all), memory per stored event, and the latency of
 *   the first page against the last page (reached with a cursor), warmed up, then alternating.
 *
 * The engine `postgres2` is two server processes (nodes) on one PostgreSQL database: users are split
 * between the nodes (even-numbered on the first, odd on the second), and each client talks to its own
 * node directly, REST and socket alike (no load balancer in between), so every measure above crosses
 * nodes: half of the sends and of the fan-out's senders go to each node, and every message reaches
 * the receivers of both.
 *
 * PostgreSQL is a throwaway cluster (scripts/services.ts installs it from Debian when missing).
 * Bounded: every phase stops after its planned messages or after a time limit, and reports anything
 * not delivered as lost.
 *
 * Options: `--engines memory,sqlite,postgres,postgres2` (the default; `none` runs only the engine-free
 * phases), `--users N` (100), `--senders N` (10), `--messages N` per sender (200), `--window N`
 * requests in flight per sender (4), `--sends N` (5000), `--lanes N,M,…` (32,128: each a measure of its own), `--idle-sockets N` (1000;
 * 0 skips), `--events N` (1000000; 0 skips the page phase), `--profile` (samples each server node's CPU
 * through its inspector during the measured sends and the fan-out under load, prints where it went,
 * and keeps each whole profile in a temporary directory), `--acks` (every
 * socket asks for pushes with acks and acknowledges each, as the official SDK and our client do).
 *
 * How long (2 cores): a whole run 56 s at a load average of 1–2.6, 1 min 29 s at 4–5;
 * `--engines postgres,postgres2 --idle-sockets 0 --events 0` (the PostgreSQL figures alone) 42 s at
 * 6–7. The per-engine figures without the idle sockets and the page phase: `--idle-sockets 0 --events 0`.
 *
 * @module
 */
import { DatabaseSync } from "node:sqlite";
import { join } from "node:path";
import { CpuSnapshot } from "./_cpu.ts";
import { HttpConnection } from "./_http_connection.ts";
import { lines } from "./_lines.ts";
import { Profiler } from "./_profile.ts";
import { PushReceiver } from "./_push_receiver.ts";
import { freePort, type PostgresInstance, startPostgres } from "./services.ts";
import { postgres } from "../src/server/deps.ts";

function option(name: string, fallback: number): number {
  const i = Deno.args.indexOf(`--${name}`);
  return i >= 0 ? Number(Deno.args[i + 1]) : fallback;
}
const enginesAt = Deno.args.indexOf("--engines");
const ALL_ENGINES = ["memory", "sqlite", "postgres", "postgres2"];
/** `--engines none` runs only the phases that do not depend on the engine. */
const ENGINES = enginesAt >= 0
  ? Deno.args[enginesAt + 1]!.split(",").filter((e) => ALL_ENGINES.includes(e))
  : ALL_ENGINES;
const USERS = option("users", 100);
const SENDERS = Math.min(option("senders", 10), USERS);
const MESSAGES = option("messages", 200);
const WINDOW = option("window", 4);
const SENDS = option("sends", 5000);
/** The numbers of sends in flight measured (`--lanes 32,128`), one measure each. */
const LANES = (Deno.args.includes("--lanes") ? Deno.args[Deno.args.indexOf("--lanes") + 1]! : "32,128")
  .split(",").map(Number);
if (!LANES.every((n) => Number.isInteger(n) && n > 0)) throw new Error("--lanes takes counts such as 32,128");
const IDLE_SOCKETS = option("idle-sockets", 1000);
const EVENTS = option("events", 1_000_000);
/** Samples of each event page (after 10 of each to warm up): enough for a p99 that is not just the maximum. */
const PAGE_SAMPLES = 200;
const WARMUP = 5;
/** Sends before the answered sends are measured. */
const SEND_WARMUP = 1000;
const TIME_LIMIT_MS = 120_000;
const PROFILE = Deno.args.includes("--profile");
/** With `--profile`: where the whole profiles are written (Chrome DevTools opens them). */
const PROFILE_DIR = PROFILE ? await Deno.makeTempDir({ prefix: "parley-profiles-" }) : "";
/** Receivers log in with `acknowledge_events=true` and acknowledge every push, as the official SDK does. */
const ACKS = Deno.args.includes("--acks");

/** A server process of the bench. */
interface Host {
  url: string;
  tokens: string[];
  startMs: number;
  /** Its process id. */
  pid: number;
  /** With `--profile`: the port of its inspector. */
  inspectPort: number;
  /** Sends one command line and reads the one JSON line it answers. */
  ask(command: string): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

async function startHost(users: number, storage: string[]): Promise<Host> {
  const inspectPort = PROFILE ? await freePort() : 0;
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      "--v8-flags=--expose-gc",
      ...PROFILE ? [`--inspect=127.0.0.1:${inspectPort}`] : [],
      new URL("bench_server_host.ts", import.meta.url).pathname,
      String(users),
      ...storage,
    ],
    stdin: "piped",
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).pipeThrough(lines()).getReader();
  const line = async () => {
    const { value, done } = await reader.read();
    if (done) throw new Error("the server process ended early");
    return JSON.parse(value);
  };
  const { url, tokens, startMs } = await line();
  const writer = child.stdin.getWriter();
  return {
    url,
    tokens,
    startMs,
    pid: child.pid,
    inspectPort,
    async ask(command) {
      await writer.write(new TextEncoder().encode(`${command}\n`));
      return await line();
    },
    async stop() {
      await writer.close();
      await child.status;
    },
  };
}

interface User {
  /** The node this user talks to. */
  url: string;
  token: string;
  socket: PushReceiver;
  sessionId: string;
  userId: string;
  name: string;
  memberId: string;
}

async function rest(url: string, token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** Logs a socket in as the token's user (a lean receiver: scripts/_push_receiver.ts). */
async function login(url: string, token: string): Promise<User> {
  const socket = await PushReceiver.connect(url, "/v2/rtc", {
    token,
    session_version: "0.0.3",
    ...ACKS ? { acknowledge_events: "true" } : {},
  });
  try {
    const success = await new Promise<{ body: { id: string; user_id: string; name: string } }>(
      (resolve, reject) => {
        socket.onEvent((name, args) => {
          if (name === "session:success") resolve(JSON.parse(args));
          else if (name.includes(":error:")) reject(new Error(`login refused: ${name} ${args}`));
        });
        setTimeout(() => reject(new Error("no session:success within 10 s")), 10_000);
      },
    );
    return {
      url,
      token,
      socket,
      sessionId: success.body.id,
      userId: success.body.user_id,
      name: success.body.name,
      memberId: "",
    };
  } catch (err) {
    socket.close();
    throw err;
  }
}

/** A new conversation with `members` joined (each through its node); answers its id and sets their member ids. */
async function conversationOf(members: User[]): Promise<string> {
  const { id: cid } = await rest(members[0]!.url, members[0]!.token, "POST", "/v0.3/conversations", {
    name: `bench-${crypto.randomUUID()}`,
  });
  for (const user of members) {
    const member = await rest(user.url, user.token, "POST", `/v0.3/conversations/${cid}/members`, {
      state: "joined",
      user: { id: user.userId, name: user.name },
      channel: { type: "app" },
    });
    user.memberId = member.id;
  }
  return cid;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

interface FanoutRun {
  received: number;
  /** Pushes a receiver got a second time (not counted in `received`). */
  duplicates: number;
  expected: number;
  seconds: number;
  p50: number;
  p99: number;
  /** CPU time spent during the run (this process: senders and receivers). */
  cpu: PhaseCpu;
}

/** CPU time spent during a phase, in µs: each server node, this process, PostgreSQL with its backends. */
interface PhaseCpu {
  nodes: number[];
  bench: number;
  postgres: number;
}

/** Answered sends with `inFlight` requests in flight. */
interface SendRun {
  inFlight: number;
  perSecond: number;
  cpu: PhaseCpu;
}

interface EngineResult {
  engine: string;
  sends: SendRun[];
  load: FanoutRun;
  idle: FanoutRun;
}

/**
 * The per-engine phases against `nodes` server processes on the same storage (more than one only on
 * PostgreSQL), user i on node i mod `nodes`.
 */
async function benchEngine(
  engine: string,
  storage: string[],
  nodes = 1,
  database?: PostgresInstance,
): Promise<EngineResult> {
  const hosts: Host[] = [];
  try {
    // One after the other: the first creates the schema and the dev key pair the others share.
    for (let n = 0; n < nodes; n++) hosts.push(await startHost(USERS, storage));
    const users = await Promise.all(
      Array.from({ length: USERS }, (_, i) => {
        const host = hosts[i % nodes]!;
        return login(host.url, host.tokens[i]!);
      }),
    );

    const pgPid = await database?.pid();
    const cpuNow = async () => {
      const snapshot = await CpuSnapshot.take();
      return {
        nodes: hosts.map((h) => snapshot.of(h.pid)),
        bench: snapshot.of(Deno.pid),
        postgres: pgPid === undefined ? 0 : snapshot.ofTree(pgPid),
      };
    };

    // Answered sends: two members online (on two nodes when there are two), many requests in flight,
    // each lane on keep-alive connections of its own (one a node) that cost the bench little CPU.
    const pair = users.slice(0, 2);
    const chat = await conversationOf(pair);
    const post = async (lane: HttpConnection[], i: number) => {
      const answer = await lane[(i % 2) % nodes]!.request(
        "POST",
        `/v0.3/conversations/${chat}/events`,
        { authorization: `Bearer ${pair[i % 2]!.token}`, "content-type": "application/json" },
        JSON.stringify({ type: "message", body: { message_type: "text", text: `send ${i}` } }),
      );
      if (answer.status !== 201) throw new Error(`a send answered ${answer.status} ${answer.text}`);
    };
    const sends: SendRun[] = [];
    for (const [level, inFlight] of LANES.entries()) {
      const lanes = await Promise.all(
        Array.from({ length: inFlight }, () => Promise.all(hosts.map((h) => HttpConnection.open(h.url)))),
      );
      // Warm-up: 1,000 sends shaped like the measured ones, so that the code is compiled and group
      // commits run as they will (200 sends one at a time left the first measured ones to pay for that).
      let next = 0;
      await Promise.all(lanes.map(async (lane) => {
        while (next < SEND_WARMUP) await post(lane, next++);
      }));
      next = 0;
      // With --profile: the first level is sampled.
      const profilers = PROFILE && level === 0
        ? await Promise.all(hosts.map((h) => Profiler.attach(h.inspectPort)))
        : [];
      await Promise.all(profilers.map((p) => p.start()));
      const before = await cpuNow();
      const start = performance.now();
      await Promise.all(lanes.map(async (lane) => {
        while (next < SENDS) await post(lane, next++);
      }));
      const perSecond = SENDS / ((performance.now() - start) / 1000);
      const after = await cpuNow();
      for (const [i, profiler] of profilers.entries()) {
        const saveAs = join(PROFILE_DIR, `${engine}-node${i + 1}-sends.cpuprofile`);
        const summary = await profiler.stop("server", saveAs);
        console.log(
          `${engine}, node ${i + 1} of ${hosts.length}, during the sends (${inFlight} in flight): ${summary}`,
        );
      }
      for (const connection of lanes.flat()) connection.close();
      sends.push({
        inFlight,
        perSecond,
        cpu: {
          nodes: after.nodes.map((n, i) => n - before.nodes[i]!),
          bench: after.bench - before.bench,
          postgres: after.postgres - before.postgres,
        },
      });
    }

    // Fan-out to every user.
    const cid = await conversationOf(users);
    const sentAt = new Map<string, number>();
    let latencies: number[] = [];
    let received = 0;
    let duplicates = 0;
    let lastReceipt = 0;
    let expected = 0;
    let allReceived: () => void = () => {};
    /** The texts each receiver got in the current measure: every one counts once. */
    const seen = new Map<User, Set<string>>(users.map((u) => [u, new Set()]));
    for (const user of users) {
      const mine = seen.get(user)!;
      user.socket.onEvent((name, payload, receivedAt) => {
        if (name !== "message") return;
        // The bench's texts hold no quote or escape: the text is read without parsing the whole event.
        const at = payload.indexOf('"text":"') + 8;
        const text = payload.slice(at, payload.indexOf('"', at));
        const sent = sentAt.get(text);
        if (sent === undefined) return; // warm-up or the sends phase
        if (mine.has(text)) {
          duplicates++;
          return;
        }
        mine.add(text);
        latencies.push(receivedAt - sent);
        received++;
        lastReceipt = receivedAt;
        if (received === expected) allReceived();
      });
    }
    // Each sender's requests in flight, each on a keep-alive connection of its own to the sender's node.
    const sendAll = async (sender: User, label: string, count: number, window: number, record: boolean) => {
      let n = 0;
      const headers = { authorization: `Bearer ${sender.token}`, "content-type": "application/json" };
      await Promise.all(Array.from({ length: window }, async () => {
        const connection = await HttpConnection.open(sender.url);
        try {
          while (n < count) {
            const text = `${label}:${sender.name}:${n++}`;
            if (record) sentAt.set(text, performance.now());
            const answer = await connection.request(
              "POST",
              `/v0.3/conversations/${cid}/events`,
              headers,
              JSON.stringify({
                type: "message",
                from: sender.memberId,
                body: { message_type: "text", text },
              }),
            );
            if (answer.status !== 201) throw new Error(`a send answered ${answer.status} ${answer.text}`);
          }
        } finally {
          connection.close();
        }
      }));
    };
    const measure = async (label: string, senders: User[], messages: number, window: number) => {
      latencies = [];
      received = 0;
      duplicates = 0;
      for (const texts of seen.values()) texts.clear();
      expected = senders.length * messages * USERS;
      const done = new Promise<void>((resolve) => (allReceived = resolve));
      const profilers = PROFILE && label === "load"
        ? await Promise.all(hosts.map((h) => Profiler.attach(h.inspectPort)))
        : [];
      await Promise.all(profilers.map((p) => p.start()));
      const cpuBefore = await cpuNow();
      const start = performance.now();
      await Promise.all(senders.map((s) => sendAll(s, label, messages, window, true)));
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([done, new Promise((r) => (timer = setTimeout(r, TIME_LIMIT_MS)))]);
      clearTimeout(timer);
      const cpuAfter = await cpuNow();
      for (const [i, profiler] of profilers.entries()) {
        const saveAs = join(PROFILE_DIR, `${engine}-node${i + 1}-fanout.cpuprofile`);
        console.log(
          `${engine}, node ${i + 1} of ${hosts.length}, during the fan-out: ${await profiler.stop(
            "server",
            saveAs,
          )}`,
        );
      }
      latencies.sort((a, b) => a - b);
      return {
        received,
        duplicates,
        expected,
        seconds: (lastReceipt - start) / 1000,
        p50: percentile(latencies, 0.5),
        p99: percentile(latencies, 0.99),
        cpu: {
          nodes: cpuAfter.nodes.map((n, i) => n - cpuBefore.nodes[i]!),
          bench: cpuAfter.bench - cpuBefore.bench,
          postgres: cpuAfter.postgres - cpuBefore.postgres,
        },
      };
    };
    const senders = users.slice(0, SENDERS);
    await Promise.all(senders.map((s) => sendAll(s, "warmup", WARMUP, WINDOW, false)));
    const load = await measure("load", senders, MESSAGES, WINDOW);
    const idle = await measure("idle", [senders[0]!], 100, 1);
    for (const user of users) user.socket.close();
    return { engine, sends, load, idle };
  } finally {
    for (const host of hosts) await host.stop();
  }
}

/** Memory of idle sockets: heap and RSS growth of the server per logged-in socket. */
async function benchIdleSockets(): Promise<{ heap: number; rss: number }> {
  // 20 sockets a user (a user may hold 32 sessions).
  const host = await startHost(Math.ceil(IDLE_SOCKETS / 20), []);
  try {
    // The server creates each user at its first login; measure from the second login of each on.
    const firsts = await Promise.all(host.tokens.map((t) => login(host.url, t)));
    const before = await host.ask("memory");
    const sockets: PushReceiver[] = [];
    for (let i = 0; i < IDLE_SOCKETS - firsts.length; i += 50) {
      const batch = await Promise.all(
        Array.from(
          { length: Math.min(50, IDLE_SOCKETS - firsts.length - i) },
          (_, k) => login(host.url, host.tokens[(i + k) % host.tokens.length]!),
        ),
      );
      sockets.push(...batch.map((u) => u.socket));
    }
    const after = await host.ask("memory");
    for (const socket of [...firsts.map((u) => u.socket), ...sockets]) socket.close();
    return {
      heap: (after.heap! - before.heap!) / sockets.length,
      rss: (after.rss! - before.rss!) / sockets.length,
    };
  } finally {
    await host.stop();
  }
}

interface PageResult {
  events: number;
  startMs: number;
  heapPerEvent: number;
  first: { p50: number; p99: number };
  last: { p50: number; p99: number };
}

/** Pages of a conversation holding `EVENTS` events, seeded straight into a SQLite data directory. */
async function benchPages(): Promise<PageResult> {
  const dir = await Deno.makeTempDir({ prefix: "parley-bench-" });
  try {
    let host = await startHost(1, ["--data", dir]);
    const token = host.tokens[0]!;
    const me = await rest(host.url, token, "GET", "/v0.3/users/bench-user-0");
    const { id: cid } = await rest(host.url, token, "POST", "/v0.3/conversations", { name: "long" });
    const member = await rest(host.url, token, "POST", `/v0.3/conversations/${cid}/members`, {
      state: "joined",
      user: { id: me.id, name: me.name },
      channel: { type: "app" },
    });
    const empty = await host.ask("memory");
    await host.stop();

    // Seeded with the rows the server itself writes (the member's join is event 1).
    const db = new DatabaseSync(join(dir, "parley.sqlite"));
    const insert = db.prepare("INSERT INTO events (conversation_id, id, data) VALUES (?, ?, ?)");
    const timestamp = new Date().toISOString();
    db.exec("BEGIN");
    for (let id = 2; id <= EVENTS + 1; id++) {
      insert.run(
        cid,
        id,
        JSON.stringify({
          conversationId: cid,
          type: "message",
          from: member.id,
          timestamp,
          body: { message_type: "text", text: `seeded message ${id}` },
          id,
        }),
      );
    }
    db.exec("COMMIT");
    db.close();

    host = await startHost(1, ["--data", dir]);
    try {
      const full = await host.ask("memory");
      const base = `/v0.3/conversations/${cid}/events?page_size=100`;
      // The page after id EVENTS - 99: the last page, as a client paging forward reaches it.
      const cursor = btoa(JSON.stringify({ s: `events:${cid}`, o: "ASC", d: "n", k: [EVENTS - 99] }))
        .replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
      const paths = { first: base, last: `${base}&cursor=${cursor}` };
      const page = async (path: string) => {
        const start = performance.now();
        const answer = await rest(host.url, host.tokens[0]!, "GET", path);
        if (answer._embedded.events.length !== 100) throw new Error(`short page at ${path}`);
        return performance.now() - start;
      };
      // Warmed up, then interleaved, so that the position is the only difference between the two: the
      // first requests after a start also pay for compiling the code and verifying the token.
      for (let i = 0; i < 10; i++) await page(paths.first), await page(paths.last);
      const samples = { first: [] as number[], last: [] as number[] };
      for (let i = 0; i < PAGE_SAMPLES; i++) {
        samples.first.push(await page(paths.first));
        samples.last.push(await page(paths.last));
      }
      const summary = (list: number[]) => {
        list.sort((a, b) => a - b);
        return { p50: percentile(list, 0.5), p99: percentile(list, 0.99) };
      };
      const first = summary(samples.first);
      const last = summary(samples.last);
      return {
        events: EVENTS,
        startMs: host.startMs,
        heapPerEvent: (full.heap! - empty.heap!) / EVENTS,
        first,
        last,
      };
    } finally {
      await host.stop();
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
const int = (n: number) => Math.round(n).toLocaleString("en-US");

const results: EngineResult[] = [];
let pg: PostgresInstance | undefined;
try {
  for (const engine of ENGINES) {
    let storage: string[] = [];
    let dir: string | undefined;
    if (engine === "sqlite") storage = ["--data", dir = await Deno.makeTempDir({ prefix: "parley-bench-" })];
    if (engine.startsWith("postgres")) {
      // Each PostgreSQL run on an empty database of its own.
      pg ??= await startPostgres();
      const name = `bench_${engine}`;
      const admin = postgres(pg.url, { max: 1, fetch_types: false, onnotice: () => {} });
      await admin.unsafe(`CREATE DATABASE ${name}`);
      await admin.end();
      storage = ["--database", pg.url.replace(/\/[^/]*$/, `/${name}`)];
    }
    try {
      results.push(
        await benchEngine(
          engine,
          storage,
          engine === "postgres2" ? 2 : 1,
          engine.startsWith("postgres") ? pg : undefined,
        ),
      );
    } finally {
      if (dir) await Deno.remove(dir, { recursive: true });
    }
  }
} finally {
  await pg?.destroy();
}

console.log("reference server, loopback, server in its own process");
console.log(
  `  per engine: sends with ${LANES.join(" and ")} in flight (2 members online); fan-out to ${USERS} sockets`,
);
console.log(
  `  (${SENDERS} senders × ${MESSAGES} messages, ${WINDOW} in flight each); unloaded latency (1 in flight)${
    ACKS ? "; every push acknowledged" : ""
  }`,
);
const labels: Record<string, string> = {
  postgres2: "postgres, two nodes (users split, each client on its node)",
};
for (const r of results) {
  console.log(`  ${labels[r.engine] ?? r.engine}:`);
  for (const run of r.sends) {
    const perSend = (micros: number) => (micros / SENDS).toFixed(0);
    const ratios = run.cpu.nodes.map((n) => (n / run.cpu.bench).toFixed(2)).join(" + ");
    console.log(`    answered sends      ${int(run.perSecond)}/s with ${run.inFlight} in flight`);
    // The machine's speed varies from run to run (every process's CPU per send moves with it), while
    // the senders' work per send does not: the server's cost in units of it compares runs and changes.
    console.log(
      `      CPU per send      server ${
        run.cpu.nodes.map(perSend).join(" + ")
      } µs (${ratios} × the senders'), ` +
        `bench (senders) ${perSend(run.cpu.bench)} µs${
          r.engine.startsWith("postgres") ? `, PostgreSQL ${perSend(run.cpu.postgres)} µs` : ""
        }`,
    );
  }
  console.log(
    `    pushes delivered    ${
      int(r.load.received / r.load.seconds)
    }/s (${r.load.received} of ${r.load.expected}, lost ${
      r.load.expected - r.load.received
    }, duplicated ${r.load.duplicates})`,
  );
  console.log(`    latency under load  p50 ${ms(r.load.p50)}, p99 ${ms(r.load.p99)} (send → receive)`);
  const perPush = (micros: number) => (micros / r.load.received).toFixed(1);
  const { nodes, bench, postgres } = r.load.cpu;
  console.log(
    `    CPU per push        server ${nodes.map(perPush).join(" + ")} µs, bench (senders and receivers) ${
      perPush(bench)
    } µs${r.engine.startsWith("postgres") ? `, PostgreSQL ${perPush(postgres)} µs` : ""}`,
  );
  console.log(`    latency unloaded    p50 ${ms(r.idle.p50)}, p99 ${ms(r.idle.p99)} (send → receive)`);
}

if (IDLE_SOCKETS > 0) {
  const idle = await benchIdleSockets();
  console.log(
    `  memory per idle socket (${IDLE_SOCKETS} sockets): heap ${int(idle.heap)} B, RSS ${int(idle.rss)} B`,
  );
}
if (EVENTS > 0) {
  const pages = await benchPages();
  console.log(`  ${int(pages.events)} events in one conversation (SQLite data directory):`);
  console.log(`    server start (reads them all)   ${(pages.startMs / 1000).toFixed(1)} s`);
  console.log(`    heap per stored event           ${int(pages.heapPerEvent)} B`);
  console.log(`    first page (100 events)         p50 ${ms(pages.first.p50)}, p99 ${ms(pages.first.p99)}`);
  console.log(`    last page (100 events, cursor)  p50 ${ms(pages.last.p50)}, p99 ${ms(pages.last.p99)}`);
}
if (PROFILE) console.log(`  whole CPU profiles: ${PROFILE_DIR}`);
