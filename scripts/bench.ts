/**
 * `deno task bench`: our `VonageClient` side by side with the official `@vonage/client-sdk` 2.3.1,
 * in one run against one reference server (its own process, scripts/bench_server_host.ts).
 *
 * A sender posts text messages over REST to a receiver: ours (in this process) or the official SDK
 * (a Node process driven through the interop harness, tests/interop/_official.ts), each in a
 * conversation of its own with the sender. Each phase runs for ours, then for the official SDK,
 * with the same messages and schedule, so that neither pays for the other's work (the official SDK
 * posts a delivery receipt for every message it receives). Measured, after a warm-up:
 *
 * 1. latency: one message at a time; send (before the POST) → the receiver's callback;
 * 2. throughput: a burst posted with several requests in flight; messages delivered to the
 *    callbacks per second, from the first send to the last delivery;
 * 3. faults: messages at a steady pace while the server cuts every connection on a fixed schedule,
 *    then while it loses and doubles a share of its pushes (a message sent after the faults end
 *    lets a client notice a gap at the end); messages lost and delivered twice;
 * 4. browser bundle size, minified + gzip (ours as `deno task size` measures it).
 *
 * In the same run, phases 1 and 2 also measure the floor: what the protocol itself costs, with no
 * client library. The sender's bare `fetch` POST (the same requests as for the others) to a bare
 * socket.io-client that is logged in, acknowledges each push and notes each pushed `message` as it
 * arrives. How far our
 * numbers are from the floor is what our client adds.
 *
 * The official client's callbacks run in its Node process and reach this one as JSON lines, so
 * its times include that pipe hop; the report measures the hop (half a no-op call's round trip).
 *
 * Options: `--latency N` (500), `--burst N` (1000), `--window N` (8), `--faults N` (600),
 * `--drop-every-ms N` (1500), `--pace-ms N` (10), `--lose P` and `--duplicate P` (0.02 each).
 *
 * @module
 */
import { VonageClient } from "../mod.ts";
import { OfficialClient } from "../tests/interop/_official.ts";
import { connectSocket } from "./_deps.ts";
import { measureBundle, OFFICIAL_GZIP_KB } from "./size.ts";

function option(name: string, fallback: number): number {
  const i = Deno.args.indexOf(`--${name}`);
  return i >= 0 ? Number(Deno.args[i + 1]) : fallback;
}
const WARMUP = 50;
const LATENCY = option("latency", 500);
const BURST = option("burst", 1000);
const WINDOW = option("window", 8);
const FAULTS = option("faults", 600);
const DROP_EVERY_MS = option("drop-every-ms", 1500);
const PACE_MS = option("pace-ms", 10);
const LOSE = option("lose", 0.02);
const DUPLICATE = option("duplicate", 0.02);
/** How long a receiver may take to catch up after the last message of a phase. */
const SETTLE_MS = 15_000;

/** When each message text reached a receiver's callbacks, and how often. */
class Arrivals {
  readonly at = new Map<string, number>();
  duplicates = 0;
  #waiting = new Map<string, () => void>();

  note(text: string): void {
    if (this.at.has(text)) {
      this.duplicates++;
      return;
    }
    this.at.set(text, performance.now());
    this.#waiting.get(text)?.();
  }

  /** Resolves the arrival time of `text`, or `undefined` after `timeoutMs`. */
  when(text: string, timeoutMs: number): Promise<number | undefined> {
    const known = this.at.get(text);
    if (known !== undefined) return Promise.resolve(known);
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(), timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.#waiting.delete(text);
        resolve(this.at.get(text));
      };
      this.#waiting.set(text, done);
    });
  }
}

// ---- Server, sender and receivers ------------------------------------------------------------

const host = new Deno.Command(Deno.execPath(), {
  args: ["run", "-A", new URL("bench_server_host.ts", import.meta.url).pathname, "4"],
  stdin: "piped",
  stdout: "piped",
  stderr: "inherit",
}).spawn();
const hostIn = host.stdin.getWriter();
const hostLines = host.stdout.pipeThrough(new TextDecoderStream()).getReader();
let hostBuffer = "";
async function hostLine(): Promise<string> {
  while (!hostBuffer.includes("\n")) {
    const { value, done } = await hostLines.read();
    if (done) throw new Error("the server process ended early");
    hostBuffer += value;
  }
  const i = hostBuffer.indexOf("\n");
  const line = hostBuffer.slice(0, i);
  hostBuffer = hostBuffer.slice(i + 1);
  return line;
}
const { url, tokens } = JSON.parse(await hostLine()) as {
  url: string;
  tokens: [string, string, string, string];
};
const [senderToken, oursToken, officialToken, floorToken] = tokens;

/** Sends a command to the server process; resolves its answer. */
async function command(line: string): Promise<unknown> {
  await hostIn.write(new TextEncoder().encode(`${line}\n`));
  return JSON.parse(await hostLine());
}

async function rest(
  method: string,
  path: string,
  body?: unknown,
  token = senderToken,
): Promise<Record<string, unknown>> {
  const res = await fetch(url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return text ? JSON.parse(text) : {};
}

/** A conversation of the sender with one receiver; resolves its id and the sender's member id. */
async function conversation(): Promise<{ cid: string; from: string }> {
  const { id } = await rest("POST", "/v0.3/conversations", { name: `bench-${crypto.randomUUID()}` });
  const member = await rest("POST", `/v0.3/conversations/${id}/members`, {
    state: "joined",
    user: { name: "bench-user-0" },
    channel: { type: "app" },
  });
  return { cid: id as string, from: member.id as string };
}

/** A receiver: where its messages go and when they reached its callbacks. */
interface Receiver {
  name: "ours" | "official" | "floor";
  cid: string;
  from: string;
  arrivals: Arrivals;
}

/** Posts one text message as the sender to `to`'s conversation. */
function send(to: Receiver, text: string): Promise<unknown> {
  return rest("POST", `/v0.3/conversations/${to.cid}/events`, {
    type: "message",
    from: to.from,
    body: { message_type: "text", text },
  });
}

// Ours, with its default settings, in this process.
const ours: Receiver = { name: "ours", ...await conversation(), arrivals: new Arrivals() };
const client = new VonageClient({ apiUrl: url, websocketUrl: url, disableInternalLogger: true });
client.on("conversationEvent", (e) => {
  if (e.kind === "message:text" && e.conversationId === ours.cid) ours.arrivals.note(e.body.text);
});
await client.createSession(oursToken);
await client.joinConversation(ours.cid);

// The official SDK, unmodified, with its default settings, in a Node process.
const official: Receiver = { name: "official", ...await conversation(), arrivals: new Arrivals() };
const driver = await OfficialClient.start(url, "official receiver");
driver.callTimeoutMs = 30_000;
// Every callback of the driver passes through its CallbackLog; note message texts as they arrive, and
// the delivery receipts the SDK posts for each of them (the server pushes them back).
const record = driver.events.record.bind(driver.events);
let receipts = 0;
driver.events.record = (name, args) => {
  const e = args[0] as { kind?: string; conversationId?: string; body?: { text?: string } } | undefined;
  if (name === "conversationEvent" && e?.conversationId === official.cid) {
    if (e.kind === "message:text") official.arrivals.note(e.body?.text ?? "");
    else if (e.kind === "message:delivered") receipts++;
  }
  record(name, args);
};
await driver.call("createSession", officialToken);
await driver.call("joinConversation", official.cid);

// The floor: a bare socket.io-client, logged in through the handshake query, noting each pushed message.
// It acknowledges every push, as the protocol asks of clients that want pushes kept across drops (ours
// and the official SDK do; a socket that never writes also meets delayed-ACK stalls on TCP).
const floor: Receiver = { name: "floor", ...await conversation(), arrivals: new Arrivals() };
await rest("POST", `/v0.3/conversations/${floor.cid}/members`, {
  state: "joined",
  user: { name: "bench-user-3" },
  channel: { type: "app" },
}, floorToken);
const floorSocket = connectSocket(url, {
  path: "/v2/rtc",
  transports: ["websocket"],
  forceNew: true,
  reconnection: false,
  query: { token: floorToken, acknowledge_events: "true" },
});
await new Promise((resolve) => floorSocket.once("session:success", resolve));
floorSocket.on("message", (push: { cid?: string; body?: { text?: string } }, ack?: () => void) => {
  ack?.();
  if (push.cid === floor.cid) floor.arrivals.note(push.body?.text ?? "");
});

const receivers = [ours, official, floor];

/**
 * Lets the official SDK finish its receipts (two requests per message received) so that they do
 * not load the next phase; then a short pause.
 */
async function quiesce(): Promise<void> {
  const deadline = performance.now() + SETTLE_MS;
  while (
    receipts < official.arrivals.at.size + official.arrivals.duplicates && performance.now() < deadline
  ) {
    await new Promise((r) => setTimeout(r, 20));
  }
  await new Promise((r) => setTimeout(r, 300));
}

/** Waits until `receiver` has every one of `texts`, or `SETTLE_MS` passed. */
async function settle(receiver: Receiver, texts: string[]): Promise<void> {
  const deadline = performance.now() + SETTLE_MS;
  for (const text of texts) {
    if ((await receiver.arrivals.when(text, Math.max(0, deadline - performance.now()))) === undefined) return;
  }
}

// ---- Phases ------------------------------------------------------------------------------------

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

/** Latencies of `count` messages sent one at a time, sorted. */
async function measureLatency(to: Receiver, count: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const text = `latency:${i}`;
    const sentAt = performance.now();
    const arrived = to.arrivals.when(text, 5_000);
    await send(to, text);
    const at = await arrived;
    if (at !== undefined) samples.push(at - sentAt);
  }
  return samples.sort((a, b) => a - b);
}

/** A burst with `WINDOW` requests in flight: messages delivered per second, first send to last delivery. */
async function measureThroughput(to: Receiver) {
  const burst = Array.from({ length: BURST }, (_, i) => `burst:${i}`);
  const start = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: WINDOW }, async () => {
    while (next < burst.length) await send(to, burst[next++]!);
  }));
  const postedIn = (performance.now() - start) / 1000;
  await settle(to, burst);
  const times = burst.flatMap((t) => to.arrivals.at.get(t) ?? []);
  const seconds = (Math.max(...times) - start) / 1000;
  return { delivered: times.length, perSecond: times.length / seconds, postedPerSecond: BURST / postedIn };
}

/** A steady stream while every connection is cut every `DROP_EVERY_MS`: messages lost and doubled. */
async function measureFaults(to: Receiver) {
  const texts = Array.from({ length: FAULTS }, (_, i) => `faults:${i}`);
  const duplicatesBefore = to.arrivals.duplicates;
  const start = performance.now();
  let cuts = 0;
  for (const [i, text] of texts.entries()) {
    const due = start + i * PACE_MS;
    if (performance.now() < due) await new Promise((r) => setTimeout(r, due - performance.now()));
    if (Math.floor((due - start) / DROP_EVERY_MS) > cuts) {
      cuts++;
      await command("drop");
    }
    await send(to, text);
  }
  await settle(to, texts);
  const lost = texts.filter((t) => !to.arrivals.at.has(t)).length;
  return { lost, duplicated: to.arrivals.duplicates - duplicatesBefore, cuts };
}

/** A steady stream while the server loses and doubles pushes at `LOSE` and `DUPLICATE`. */
async function measureOddPushes(to: Receiver) {
  const texts = Array.from({ length: FAULTS }, (_, i) => `odd:${i}`);
  const duplicatesBefore = to.arrivals.duplicates;
  const start = performance.now();
  await command(`pushes ${LOSE} ${DUPLICATE}`);
  for (const [i, text] of texts.entries()) {
    const due = start + i * PACE_MS;
    if (performance.now() < due) await new Promise((r) => setTimeout(r, due - performance.now()));
    await send(to, text);
  }
  await command("pushes 0 0");
  await send(to, "odd:after"); // the stream goes on; not counted
  await settle(to, [...texts, "odd:after"]);
  const lost = texts.filter((t) => !to.arrivals.at.has(t)).length;
  return { lost, duplicated: to.arrivals.duplicates - duplicatesBefore };
}

for (const receiver of receivers) {
  const warmup = Array.from({ length: WARMUP }, (_, i) => `warmup:${i}`);
  for (const text of warmup) await send(receiver, text);
  await settle(receiver, warmup);
}
await quiesce();
/** Runs `phase` for ours, then for the official SDK, each on a quiet server. */
async function both<T>(phase: (to: Receiver) => Promise<T>): Promise<{ ours: T; official: T }> {
  const o = await phase(ours);
  await quiesce();
  const f = await phase(official);
  await quiesce();
  return { ours: o, official: f };
}
const latency = await both((to) => measureLatency(to, LATENCY));
const throughput = await both(measureThroughput);
// The floor of phases 1 and 2, on the same quiet server.
const floorLatency = await measureLatency(floor, LATENCY);
const floorThroughput = await measureThroughput(floor);
const faults = await both(measureFaults);
const oddPushes = await both(measureOddPushes);

// The pipe hop included in the official times: half the round trip of a call the driver refuses at once.
const hops: number[] = [];
for (let i = 0; i < 50; i++) {
  const start = performance.now();
  await driver.callAny("noSuchMethod", []).catch(() => {});
  hops.push((performance.now() - start) / 2);
}
hops.sort((a, b) => a - b);

// 4. Bundle size.
const bundle = await measureBundle();

await client.deleteSession();
floorSocket.disconnect();
await driver.close();
await hostIn.close();
await host.status;

// ---- Report ------------------------------------------------------------------------------------

const ms = (n: number) => `${n.toFixed(2)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
const row = (cells: string[]) => console.log(`| ${cells.join(" | ")} |`);
console.log(
  `\nParley VonageClient vs official @vonage/client-sdk ${driver.sdkVersion}: one reference server ` +
    `(own process), loopback, ${navigator.hardwareConcurrency} cores, Deno ${Deno.version.deno}`,
);
console.log(
  `each phase for ours, then for the official SDK, each in its own conversation: warm-up ${WARMUP}; ` +
    `latency ${LATENCY} messages one at a time; burst ${BURST} with ${WINDOW} in flight (posted at ` +
    `${Math.round(throughput.ours.postedPerSecond)} / ${Math.round(throughput.official.postedPerSecond)} ` +
    `messages/s); faults: ${FAULTS} messages every ${PACE_MS} ms while all connections are cut every ` +
    `${DROP_EVERY_MS} ms (${faults.ours.cuts} cuts), then ${FAULTS} while pushes are lost and doubled; ` +
    `official times include a pipe hop of ` +
    `${ms(percentile(hops, 0.5))} (p50)\n`,
);
row(["", "Parley", "official SDK", "Parley better by", "floor: bare fetch + socket.io-client"]);
row(["---", "---", "---", "---", "---"]);
const pct = (n: number) => `${Math.round(n * 100)} %`;
for (
  const [label, result] of [
    [`connections cut every ${DROP_EVERY_MS} ms`, faults],
    [`${pct(LOSE)} of pushes lost, ${pct(DUPLICATE)} doubled`, oddPushes],
  ] as const
) {
  row([`${label}: lost (of ${FAULTS})`, String(result.ours.lost), String(result.official.lost), "", ""]);
  row([
    `${label}: delivered twice`,
    String(result.ours.duplicated),
    String(result.official.duplicated),
    "",
    "",
  ]);
}
for (const [p, label] of [[0.5, "p50"], [0.99, "p99"]] as const) {
  const o = percentile(latency.ours, p), f = percentile(latency.official, p);
  row([`send→callback latency ${label}`, ms(o), ms(f), ratio(f, o), ms(percentile(floorLatency, p))]);
}
row([
  `messages/s to callbacks (burst of ${BURST})`,
  `${Math.round(throughput.ours.perSecond)} (${throughput.ours.delivered})`,
  `${Math.round(throughput.official.perSecond)} (${throughput.official.delivered})`,
  ratio(throughput.ours.perSecond, throughput.official.perSecond),
  `${Math.round(floorThroughput.perSecond)} (${floorThroughput.delivered})`,
]);
row([
  "browser bundle, min + gzip",
  `${(bundle.gzip / 1024).toFixed(1)} KB`,
  `${OFFICIAL_GZIP_KB} KB`,
  ratio(OFFICIAL_GZIP_KB * 1024, bundle.gzip),
  "",
]);
if (latency.ours.length < LATENCY || latency.official.length < LATENCY || floorLatency.length < LATENCY) {
  console.log(
    `\nlatency samples: ours ${latency.ours.length}, official ${latency.official.length}, ` +
      `floor ${floorLatency.length} of ${LATENCY} ` +
      "(a message not received within 5 s has no sample)",
  );
}
