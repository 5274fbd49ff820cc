/**
 * The server side of `deno task bench:server`, run in its own process so that the load generator
 * does not share a JavaScript thread with the server. Starts the reference server on a free
 * loopback port, mints a token for each requested user, prints `{ url, tokens }` as one JSON
 * line, and stops when its standard input closes.
 *
 * Usage: `deno run -A scripts/bench_server_host.ts <user count>`
 *
 * @module
 */
import { startServer } from "../server.ts";

const count = Number(Deno.args[0] ?? "100");
const server = await startServer({ port: 0 });
const tokens: string[] = [];
for (let i = 0; i < count; i++) tokens.push(await server.token(`bench-user-${i}`, { ttlSeconds: 3600 }));
console.log(JSON.stringify({ url: server.url, tokens }));

// Our parent closes stdin when it is done (or dies); then we stop.
for await (const _ of Deno.stdin.readable) { /* drain */ }
await server.close();
