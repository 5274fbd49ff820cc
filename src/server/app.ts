/**
 * Assembles the reference server: one `node:http` server carrying the REST API and, on path
 * `/v2/rtc`, the socket.io endpoint, over one shared state kept by a storage engine (memory, SQLite in
 * a data directory, or PostgreSQL). With a durable engine every REST answer and every socket login
 * waits until its changes are committed.
 *
 * @module
 */
import { createServer, type IncomingMessage } from "node:http";
import type { Buffer } from "node:buffer";
import type { Duplex } from "node:stream";
import { aclAllows, Auth, type Claims, type DevKeys, TokenError } from "./auth.ts";
import { Calls } from "./calls.ts";
import type { Context } from "./context.ts";
import { conversationHandlers } from "./conversations.ts";
import type { ServerSocket } from "./deps.ts";
import { EventLog } from "./event_log.ts";
import { eventHandlers } from "./events.ts";
import { Fanout, type PushHook } from "./fanout.ts";
import { faultControls, type ServerFaults } from "./faults.ts";
import type { Caller, Handlers } from "./contract.ts";
import { type Authenticate, restListener } from "./http.ts";
import { closeIdleConnections } from "./idle_connections.ts";
import { type MediaOptions, MediaServer, type RTCIceServer } from "./media/media_server.ts";
import { memberHandlers } from "./members.ts";
import type { AnswerHandler } from "./ncco.ts";
import { Access, type AccessPolicy } from "./policy.ts";
import { LEG_LIMITS, type LegLimits } from "./pending_legs.ts";
import { ApiError } from "./problems.ts";
import { sessionHandlers, Sessions } from "./sessions.ts";
import { SocketLayer } from "./socket_layer.ts";
import type { Coordinator } from "./storage/cluster.ts";
import { StorageUnavailable } from "./storage/journal.ts";
import type { DurableStore } from "./storage/durable_store.ts";
import { openStorage } from "./storage/open.ts";
import { userHandlers, userNamed } from "./users.ts";

/** Options of `startServer`. */
export interface ServerOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on; `127.0.0.1` by default. */
  host?: string;
  /**
   * The application's RSA public key (SPKI PEM). Given, the server runs in production mode: it
   * verifies tokens with this key and cannot mint any. Absent, it runs in dev mode with a key pair of
   * its own, and `token()` mints tokens for any user name.
   */
  publicKey?: string;
  /** Test-only: the hook every push passes through from the start (see {@link ServerFaults}). */
  pushHook?: PushHook;
  /**
   * Routes each call a client places with `serverCall`: gets the call, returns the NCCO to run
   * (`talk`, `connect` to an app user, `conversation`). Without it, a call whose context has a `to`
   * rings the app user of that name, and any other call hears a greeting.
   */
  answer?: AnswerHandler;
  /**
   * Keeps the state in SQLite in this directory (created if missing), so it survives restarts: users,
   * conversations, members, events, legs, sessions with their pending pushes, and the dev-mode keys.
   */
  dataDir?: string;
  /**
   * Keeps the state in PostgreSQL at this `postgres://` URL (instead of `dataDir`). Any number of
   * servers may share one database and serve one application (behind a load balancer, no sticky
   * sessions needed): see storage/cluster.ts.
   */
  databaseUrl?: string;
  /**
   * Who may do what to a conversation: rules that replace those of `DEFAULT_POLICY` (creator and
   * invited users join; members read; only the creator changes, deletes and removes others). Pass
   * `OPEN_CONVERSATIONS` for apps whose users join conversations uninvited.
   */
  policy?: Partial<AccessPolicy>;
  /**
   * Call audio: the address the media server announces (default `127.0.0.1`, which also works on a
   * machine whose only interface is loopback), STUN/TURN servers, and the media timeout.
   */
  media?: MediaOptions;
  /**
   * Bounds on each user's call legs, over {@link LEG_LIMITS}: 10 legs not ended, of which 5 not placed
   * yet; a leg not placed within 60 s expires.
   */
  legLimits?: Partial<LegLimits>;
}

/** Options of {@link ReferenceServer.token}. */
export interface TokenOptions {
  /** Lifetime in seconds (default one hour); zero or less mints an already expired token. */
  ttlSeconds?: number;
}

/** A running reference server. */
export interface ReferenceServer {
  /** Base URL, e.g. `http://127.0.0.1:3000`: the `apiUrl` and the `websocketUrl` of a client. */
  readonly url: string;
  /** The port it listens on. */
  readonly port: number;
  /** The storage engine: `memory`, `sqlite` or `postgres`. */
  readonly engine: string;
  /** With PostgreSQL: this server's name among those sharing the database (as in `sessions`). */
  readonly node: string | undefined;
  /** Mints a token for `userName` (dev mode only; rejects in production mode). */
  token(userName: string, options?: TokenOptions): Promise<string>;
  /**
   * Cuts the socket transports of one user (or of everyone) as a network failure would, without a
   * socket.io disconnect, so clients reconnect and resume their sessions. Answers how many were cut.
   */
  dropConnections(userName?: string): number;
  /** The STUN/TURN servers of the `media` option, for apps to hand to their clients. */
  readonly iceServers: RTCIceServer[];
  /** Test-only fault injection: push hooks, socket-layer restarts, connection attempt counts. */
  readonly faults: ServerFaults;
  /** Disconnects every client and stops listening. */
  close(): Promise<void>;
  /** Resolves when the server has closed (after {@link close}). */
  readonly closed: Promise<void>;
}

/** The socket.io path (fixed by the official client's default `websocketPath`). */
const RTC_PATH = "/v2/rtc";
const DEFAULT_TTL_SECONDS = 3600;
/** The setting holding the dev-mode key pair of a durable server. */
const DEV_KEYS = "dev_keys";

/** Starts a server; see `startServer` in server.ts. */
export async function launch(options: ServerOptions = {}): Promise<ReferenceServer> {
  const port = options.port ?? 0;
  const host = options.host ?? "127.0.0.1";
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`port must be 0–65535, not ${port}`);
  }

  const storage = await openStorage(options);
  const { store, journal, durable, coordinator } = storage;
  const auth = await Auth.create(
    options.publicKey,
    durable && options.publicKey === undefined ? await devKeys(durable, coordinator) : undefined,
  );
  const sessions = new Sessions({
    auth,
    userNamed: (name) => userNamed(store, name),
    keeper: durable,
    exclusive: (task) => coordinator.exclusive(task),
    cluster: coordinator.node === undefined
      ? undefined
      : { node: coordinator.node, live: (node) => coordinator.live(node) },
  });
  sessions.restore(durable?.storedSessions() ?? [], (id) => store.user(id));
  // Alone, a push leaves once committed; among several nodes, the writer also queues it for sessions
  // that no node holds, and the log takes it to every node's sockets.
  const fanout: Fanout = new Fanout(
    sessions,
    options.pushHook,
    coordinator.node === undefined ? (publication) => coordinator.publish(publication) : (publication) => {
      sessions.queueAway(publication);
      coordinator.publish(publication);
    },
  );
  coordinator.connect({
    deliver: (publication) => fanout.deliver(publication),
    sessionChange: (change) => sessions.applyChange(change),
    sessionsLoaded: (stored) => sessions.reload(stored),
    heldElsewhere: () => sessions.heldElsewhere(),
  });
  const log = new EventLog(store, fanout);
  const ctx: Context = { store, log, access: new Access(store, options.policy) };
  const calls = new Calls(ctx, new MediaServer(options.media), options.answer, {
    ...LEG_LIMITS,
    ...options.legLimits,
  });

  const callerOf = (claims: Claims, path: string): Caller | Promise<Caller> => {
    if (claims.sub === undefined) {
      throw new ApiError("system:error:permission", "This token has no sub, so it cannot act as a user.");
    }
    if (!aclAllows(claims, path)) {
      throw new ApiError("system:error:permission", `The token's acl does not allow ${path}.`);
    }
    const name = claims.sub;
    const user = store.userByName(name);
    if (user) return { user, claims };
    // A user is made on first use, by one writer at a time (several nodes).
    return answerable(coordinator.exclusive(() => userNamed(store, name))).then((made) => ({
      user: made,
      claims,
    }));
  };
  // A token seen before (most requests) is answered without a promise to settle.
  const authenticate: Authenticate = (token, path) => {
    const known = auth.known(token);
    if (known) return callerOf(known, path);
    return auth.verify(token).then((claims) => callerOf(claims, path), (err) => {
      if (err instanceof TokenError) throw new ApiError(err.code, err.message);
      throw err;
    });
  };
  const rest = restListener(
    committing({
      ...sessionHandlers(sessions),
      ...userHandlers(store),
      ...conversationHandlers(ctx),
      ...memberHandlers(ctx, calls.leaveHooks),
      ...eventHandlers(ctx, calls.audio),
      ...calls.handlers(),
    }, coordinator),
    authenticate,
  );

  const socketLayer = new SocketLayer(sessions);
  const isRtc = (url = "") => url.startsWith(`${RTC_PATH}/`) && !url.startsWith(`${RTC_PATH}/metrics`);
  const http = createServer((req, res) =>
    isRtc(req.url) ? socketLayer.handleRequest(req, res) : rest(req, res)
  );
  const idle = closeIdleConnections(http);
  http.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    idle.forget(socket);
    if (isRtc(req.url)) socketLayer.handleUpgrade(req, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(port, host, () => {
      http.off("error", reject);
      resolve();
    });
  });
  const address = http.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${actualPort}`;

  /** The sockets of `userName`'s sessions (of everyone's without a name) as the server holds them. */
  const socketsOf = (userName?: string): ServerSocket[] => {
    const user = userName === undefined ? undefined : store.userByName(userName);
    if (userName !== undefined && !user) return [];
    return sessions.all(user?.id).flatMap((session) => session.sockets);
  };

  let closing: Promise<void> | undefined;
  let closed!: () => void;
  const server: ReferenceServer = {
    url,
    port: actualPort,
    engine: storage.engine,
    node: coordinator.node,
    token: (userName, tokenOptions = {}) =>
      auth.mint(userName, tokenOptions.ttlSeconds ?? DEFAULT_TTL_SECONDS),
    dropConnections(userName?: string): number {
      const sockets = socketsOf(userName);
      sockets.forEach(cutTransport);
      return sockets.length;
    },
    iceServers: calls.media.iceServers,
    faults: faultControls(fanout, socketLayer, calls.media, (userName) => socketsOf(userName).length),
    close(): Promise<void> {
      closing ??= (async () => {
        sessions.close();
        calls.close();
        await socketLayer.close();
        idle.stop();
        http.closeAllConnections();
        await new Promise<void>((resolve) => http.close(() => resolve()));
        await journal.close().catch((err) => {
          console.error("reference server: changes not committed at close:", err.message);
        });
        closed();
      })();
      return closing;
    },
    closed: new Promise((resolve) => closed = resolve),
  };
  return server;
}

/**
 * The dev-mode key pair kept with the data: made by the first server on the data, read by the others.
 * Among several nodes starting at once on an empty database, the first writer's pair is the one.
 */
async function devKeys(durable: DurableStore, coordinator: Coordinator): Promise<DevKeys> {
  let made: DevKeys | undefined;
  if (durable.setting(DEV_KEYS) === undefined) made = await (await Auth.create()).devKeys();
  await coordinator.exclusive(() => {
    if (durable.setting(DEV_KEYS) === undefined && made) durable.putSetting(DEV_KEYS, JSON.stringify(made));
  });
  return JSON.parse(durable.setting(DEV_KEYS)!);
}

/**
 * Handlers that answer only once their changes are durable, and that run on up-to-date state: a
 * request that may change state runs alone among the writers of every node; a read first catches
 * up with what other nodes wrote. A database that cannot take the commit makes the answer a 503.
 */
function committing(handlers: Handlers, coordinator: Coordinator): Handlers {
  const wrapped: Record<string, (request: never) => Promise<unknown>> = {};
  for (const [route, handler] of Object.entries(handlers) as [string, (request: never) => unknown][]) {
    const read = coordinator.node !== undefined && route.startsWith("GET ");
    wrapped[route] = read
      ? async (request) => {
        await answerable(coordinator.fresh());
        return await handler(request);
      }
      : (request) => answerable(coordinator.exclusive(() => handler(request)));
  }
  return wrapped as unknown as Handlers;
}

/** A storage failure as the 503 that answers it. */
function answerable<T>(work: Promise<T>): Promise<T> {
  return work.catch(unavailable);
}

function unavailable(err: unknown): never {
  if (err instanceof StorageUnavailable) throw new ApiError("system:error:unavailable", err.message);
  throw err;
}

/** Ends a socket's transport the way a network failure would: the TCP connection just goes away. */
function cutTransport(socket: ServerSocket): void {
  const ws = (socket.conn.transport as unknown as { socket?: { terminate?: () => void } }).socket;
  if (typeof ws?.terminate === "function") ws.terminate();
  else socket.conn.close();
}
