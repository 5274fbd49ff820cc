/**
 * `deno task bench:server`: how fast the reference server fans pushes out.
 *
 * 100 socket clients (one process) join one conversation on a reference server running in a
 * separate process (scripts/bench_server_host.ts). Ten of them send text messages over REST, with
 * a bounded number in flight each; every message is pushed to all 100 sockets. Reported, on
 * loopback: pushes delivered per second under that load (from the first send to the last push
 * received) with the latency percentiles it causes, and the send→receive latency of an unloaded
 * server (one message in flight at a time), over every push. Bounded: it stops after the planned
 * messages or after a time limit, and reports anything not delivered as lost.
 *
 * Options: `--users N` (100), `--senders N` (10), `--messages N` per sender (200), `--window N`
 * requests in flight per sender (4).
 *
 * @module
 */
import { connectSocket, type Socket } from "./_deps.ts";

function option(name: string, fallback: number): number {
  const i = Deno.args.indexOf(`--${name}`);
  return i >= 0 ? Number(Deno.args[i + 1]) : fallback;
}
const USERS = option("users", 100);
const SENDERS = Math.min(option("senders", 10), USERS);
const MESSAGES = option("messages", 200);
const WINDOW = option("window", 4);
const WARMUP = 5;
const TIME_LIMIT_MS = 120_000;

const host = new Deno.Command(Deno.execPath(), {
  args: ["run", "-A", new URL("bench_server_host.ts", import.meta.url).pathname, String(USERS)],
  stdin: "piped",
  stdout: "piped",
  stderr: "inherit",
}).spawn();
const reader = host.stdout.pipeThrough(new TextDecoderStream()).getReader();
let firstLine = "";
while (!firstLine.includes("\n")) {
  const { value, done } = await reader.read();
  if (done) throw new Error("the server process ended before printing its address");
  firstLine += value;
}
const { url, tokens } = JSON.parse(firstLine) as { url: string; tokens: string[] };

interface User {
  token: string;
  socket: Socket;
  sessionId: string;
  userId: string;
  name: string;
  memberId: string;
}

async function rest(user: Pick<User, "token">, method: string, path: string, body?: unknown) {
  const res = await fetch(url + path, {
    method,
    headers: { authorization: `Bearer ${user.token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

function login(token: string): Promise<User> {
  return new Promise((resolve, reject) => {
    const socket = connectSocket(url, {
      path: "/v2/rtc",
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
      query: { token, session_version: "0.0.3" },
    });
    socket.once(
      "session:success",
      (m: { body: { id: string; user_id: string; name: string } }) =>
        resolve({
          token,
          socket,
          sessionId: m.body.id,
          userId: m.body.user_id,
          name: m.body.name,
          memberId: "",
        }),
    );
    socket.once("connect_error", reject);
  });
}

const users = await Promise.all(tokens.map(login));
const owner = users[0]!;
const { id: cid } = await rest(owner, "POST", "/v0.3/conversations", {
  name: `bench-${crypto.randomUUID()}`,
});
for (const user of users) {
  const member = await rest(user, "POST", `/v0.3/conversations/${cid}/members`, {
    state: "joined",
    user: { id: user.userId, name: user.name },
    channel: { type: "app" },
    originating_session: user.sessionId,
  });
  user.memberId = member.id;
}

/** Send time of each message, by its text. */
const sentAt = new Map<string, number>();
let latencies: number[] = [];
let received = 0;
let lastReceipt = 0;
let expected = 0;
let allReceived: () => void = () => {};
for (const user of users) {
  user.socket.on("message", (event: { body?: { text?: string } }) => {
    const sent = sentAt.get(event.body?.text ?? "");
    if (sent === undefined) return; // warm-up or foreign traffic
    const now = performance.now();
    latencies.push(now - sent);
    received++;
    lastReceipt = now;
    if (received === expected) allReceived();
  });
}

async function sendAll(sender: User, label: string, count: number, window: number, record: boolean) {
  let next = 0;
  async function lane() {
    while (next < count) {
      const text = `${label}:${sender.name}:${next++}`;
      if (record) sentAt.set(text, performance.now());
      await rest(sender, "POST", `/v0.3/conversations/${cid}/events`, {
        type: "message",
        from: sender.memberId,
        body: { message_type: "text", text },
      });
    }
  }
  await Promise.all(Array.from({ length: window }, lane));
}

interface Run {
  received: number;
  expected: number;
  seconds: number;
  p50: number;
  p99: number;
}

/** Sends `messages` from each sender, `window` in flight each, and waits for every push. */
async function measure(label: string, senders: User[], messages: number, window: number): Promise<Run> {
  latencies = [];
  received = 0;
  expected = senders.length * messages * USERS;
  const done = new Promise<void>((resolve) => (allReceived = resolve));
  const start = performance.now();
  await Promise.all(senders.map((s) => sendAll(s, label, messages, window, true)));
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([done, new Promise((r) => (timer = setTimeout(r, TIME_LIMIT_MS)))]);
  clearTimeout(timer);
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return { received, expected, seconds: (lastReceipt - start) / 1000, p50: pct(0.5), p99: pct(0.99) };
}

const senders = users.slice(0, SENDERS);
// Warm-up: JIT, connection pools and socket buffers, not measured.
await Promise.all(senders.map((s) => sendAll(s, "warmup", WARMUP, WINDOW, false)));

const load = await measure("load", senders, MESSAGES, WINDOW);
const idle = await measure("idle", [senders[0]!], 100, 1);
const ms = (n: number) => `${n.toFixed(1)} ms`;
console.log(
  `reference server fan-out: ${USERS} socket clients in one conversation, server in its own process`,
);
console.log(`  under load (${SENDERS} senders × ${MESSAGES} messages, ${WINDOW} in flight each):`);
console.log(
  `    pushes delivered  ${load.received} of ${load.expected} (lost ${load.expected - load.received})`,
);
console.log(
  `    throughput        ${Math.round(load.received / load.seconds)} pushes/s over ${
    load.seconds.toFixed(2)
  } s`,
);
console.log(`    latency           p50 ${ms(load.p50)}, p99 ${ms(load.p99)} (send → receive)`);
console.log(`  unloaded (1 sender, 100 messages, one at a time):`);
console.log(
  `    pushes delivered  ${idle.received} of ${idle.expected} (lost ${idle.expected - idle.received})`,
);
console.log(`    latency           p50 ${ms(idle.p50)}, p99 ${ms(idle.p99)} (send → receive)`);

for (const user of users) user.socket.close();
await host.stdin.close();
await host.status;
