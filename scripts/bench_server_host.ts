/**
 * The server side of `deno task bench:server` and `deno task bench`, run in its own process so
 * that the load generator does not share a JavaScript thread with the server. Starts the reference
 * server on a free loopback port, mints a token for each requested user, prints `{ url, tokens }`
 * as one JSON line, and stops when its standard input closes. Each input line `drop` (or
 * `drop <user name>`) cuts connections as `dropConnections` does, answered by `{ "dropped": n }`;
 * `pushes <lose rate> <duplicate rate>` makes the server lose and double pushes at those rates
 * (`server.faults`; `pushes 0 0` stops it), answered by `{ "pushes": "ok" }`; `memory` collects
 * garbage (when run with `--v8-flags=--expose-gc`) and answers `{ "heap": bytes, "rss": bytes }`.
 * The state is kept in memory, or with `--data DIR` (SQLite) or `--database URL` (PostgreSQL).
 *
 * Usage: `deno run -A scripts/bench_server_host.ts <user count> [--data DIR | --database URL]`
 *
 * @module
 */
import { combineHooks, duplicatePushes, losePushes, OPEN_CONVERSATIONS, startServer } from "../server.ts";
import { lines } from "./_lines.ts";

const count = Number(Deno.args[0] ?? "100");
const flag = (name: string) => {
  const i = Deno.args.indexOf(name);
  return i > 0 ? Deno.args[i + 1] : undefined;
};
const dataDir = flag("--data");
const databaseUrl = flag("--database");
const startedAt = performance.now();
// The load generators join each other's conversations uninvited.
const server = await startServer({
  port: 0,
  policy: OPEN_CONVERSATIONS,
  ...dataDir === undefined ? {} : { dataDir },
  ...databaseUrl === undefined ? {} : { databaseUrl },
});
const startMs = performance.now() - startedAt;
const tokens: string[] = [];
for (let i = 0; i < count; i++) tokens.push(await server.token(`bench-user-${i}`, { ttlSeconds: 3600 }));
console.log(JSON.stringify({ url: server.url, tokens, startMs }));

// Our parent closes stdin when it is done (or dies); then we stop.
for await (const line of Deno.stdin.readable.pipeThrough(new TextDecoderStream()).pipeThrough(lines())) {
  const [command, name, rate] = line.trim().split(/\s+/);
  if (command === "memory") {
    (globalThis as { gc?: () => void }).gc?.();
    const { heapUsed, rss } = Deno.memoryUsage();
    console.log(JSON.stringify({ heap: heapUsed, rss }));
  }
  if (command === "drop") console.log(JSON.stringify({ dropped: server.dropConnections(name) }));
  if (command === "pushes") {
    const [lose, duplicate] = [Number(name), Number(rate)];
    server.faults.setPushHook(
      lose || duplicate ? combineHooks(losePushes(lose), duplicatePushes(duplicate)) : undefined,
    );
    console.log(JSON.stringify({ pushes: "ok" }));
  }
}
await server.close();
