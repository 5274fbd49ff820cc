/**
 * The Parley reference server: the REST API and socket.io protocol of the Vonage Client SDK, for
 * tests, demos and apps whose chat backend went away. Its state lives in memory, in a data directory
 * (SQLite), or in PostgreSQL.
 *
 * @example Start a server and mint a token (dev mode)
 * ```ts
 * import { startServer } from "./server.ts";
 * const server = await startServer();
 * const token = await server.token("alice");
 * console.log(server.url, token.length > 0);
 * await server.close();
 * ```
 *
 * From a shell: `deno task serve [--port N] [--host H] [--data DIR | --memory | --database URL]
 * [--public-key FILE] [--user NAME]…`.
 *
 * @module
 */
import { readFile } from "node:fs/promises";
import process from "node:process";
import { launch, type ReferenceServer, type ServerOptions } from "./src/server/app.ts";

export type { ReferenceServer, ServerOptions, TokenOptions } from "./src/server/app.ts";
export {
  type AccessPolicy,
  type AccessRequest,
  type AccessRule,
  type Action,
  DEFAULT_POLICY,
  OPEN_CONVERSATIONS,
} from "./src/server/policy.ts";
export type { MediaOptions, RTCIceServer } from "./src/server/media/media_server.ts";
export type { JsonObject, MemberState } from "./src/server/store.ts";
export { LEG_LIMITS, type LegLimits } from "./src/server/pending_legs.ts";
// Test-only fault injection (ReferenceServer.faults and the hooks it takes).
export type { Push, PushHook } from "./src/server/fanout.ts";
export {
  combineHooks,
  delayPushes,
  duplicatePushes,
  losePushes,
  reorderPushes,
  type ServerFaults,
} from "./src/server/faults.ts";
export type {
  AnswerHandler,
  AppEndpoint,
  CallInfo,
  ConnectAction,
  ConversationAction,
  Ncco,
  NccoAction,
  TalkAction,
} from "./src/server/ncco.ts";

/**
 * Starts a reference server. Without `publicKey` it runs in dev mode: it makes its own key pair and
 * mints tokens with {@link ReferenceServer.token}. Users come into existence when a valid token first
 * names them. Without `dataDir` or `databaseUrl`, everything lives in memory until
 * {@link ReferenceServer.close}; with one of them, everything answered survives a restart or a crash.
 */
export function startServer(options: ServerOptions = {}): Promise<ReferenceServer> {
  return launch(options);
}

const USAGE = `Usage: deno task serve [--port N] [--host H] [--data DIR | --memory | --database URL]
                       [--public-key FILE] [--user NAME]...

  --port N           TCP port (default 3000; 0 picks a free one)
  --host H           interface to listen on (default 127.0.0.1)
  --data DIR         keep the state in DIR (SQLite; default ./parley-data)
  --memory           keep the state in memory only (lost when the server stops)
  --database URL     keep the state in PostgreSQL (default: the DATABASE_URL environment variable);
                     any number of servers may share one database behind a load balancer
  --public-key FILE  production mode: verify tokens with this RSA public key (SPKI PEM)
  --user NAME        dev mode: print a token for NAME (default: alice and bob)`;

/** The command line: parse flags, start, print how to connect, stop on SIGINT/SIGTERM. */
async function main(args: string[]): Promise<void> {
  const options: ServerOptions = { port: 3000 };
  const users: string[] = [];
  let keyFile: string | undefined;
  let dataDir: string | undefined = DEFAULT_DATA_DIR;
  let databaseUrl = process.env.DATABASE_URL || undefined;
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => inline ?? args[++i] ?? fail(`${flag} needs a value`);
    if (flag === "--port") options.port = Number(value());
    else if (flag === "--host") options.host = value();
    else if (flag === "--public-key") keyFile = value();
    else if (flag === "--data") dataDir = value();
    else if (flag === "--memory") dataDir = databaseUrl = undefined;
    else if (flag === "--database") databaseUrl = value();
    else if (flag === "--user") users.push(value());
    else if (flag === "--help" || flag === "-h") return console.log(USAGE);
    else fail(`unknown argument ${flag}`);
  }
  if (keyFile !== undefined) options.publicKey = await readFile(keyFile, "utf8");
  if (databaseUrl !== undefined) options.databaseUrl = databaseUrl;
  else if (dataDir !== undefined) options.dataDir = dataDir;

  const server = await startServer(options);
  const stop = () => {
    console.log("stopping…");
    server.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);

  console.log(`Parley reference server listening on ${server.url}`);
  const where = options.databaseUrl !== undefined
    ? `PostgreSQL (node ${server.node} of the servers sharing it)`
    : options.dataDir !== undefined
    ? `${options.dataDir} (SQLite)`
    : "memory only";
  console.log(`  state: ${where}`);
  console.log(`  clients: setConfig({ apiUrl: "${server.url}", websocketUrl: "${server.url}" })`);
  if (keyFile === undefined) {
    console.log(
      options.dataDir ?? options.databaseUrl
        ? "Dev mode: tokens valid for 24 hours (the keys are kept with the state):"
        : "Dev mode: tokens valid for 24 hours (the server makes new keys at every start):",
    );
    for (const name of users.length > 0 ? users : ["alice", "bob"]) {
      console.log(`  ${name}: ${await server.token(name, { ttlSeconds: 24 * 3600 })}`);
    }
  } else {
    console.log(`Production mode: tokens are RS256 JWTs signed with the private key of ${keyFile},`);
    console.log("  with claims application_id, sub (user name), exp, iat, jti and acl.");
  }
}

const DEFAULT_DATA_DIR = "./parley-data";

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

if (import.meta.main) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
