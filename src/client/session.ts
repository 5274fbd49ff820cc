/**
 * The websocket session (wire-protocol.md §4): a socket.io connection on `websocketPath`
 * (websocket transport only) whose handshake query carries the login. The server answers with
 * `session:success` or a login error event; after that it pushes conversation events, which this
 * file hands on untouched, and the client only ever emits `session:logout`.
 *
 * One `SocketSession` is one connection: socket.io's own reconnection is off, and connection.ts
 * opens a new session for every attempt, with the full login query plus `session_id`, exactly as
 * `createSession(token, sessionId)` resumes a session.
 *
 * @module
 */
import { io, type ManagerOptions, type Socket, type SocketOptions } from "../deps.ts";
import { VonageError } from "../errors.ts";
import type { WireSessionSuccess } from "../wire.ts";
import { loginCancelled } from "./failures.ts";
import type { Logger } from "./logger.ts";
import { SDK_NAME, SDK_VERSION } from "./version.ts";
import { read } from "./wire_readers.ts";

/** How long the server has to answer a login. */
export const LOGIN_TIMEOUT_MS = 5_000;
/** How long `logout` waits for the server to close the connection. */
export const LOGOUT_GRACE_MS = 1_000;

/** Who is logged in, from `session:success`. */
export interface SessionInfo {
  /** Session id (send it to `createSession` to resume). */
  id: string;
  /** Id of the logged-in user. */
  userId: string;
  /** Name of the logged-in user. */
  userName: string;
  /** Events queued while the user had no session, each with its `type`; checked as they are pushed. */
  pendingEvents: unknown[];
}

/** Why the server ended a session: reconnecting would not help. */
export type SessionEnd = "serverDisconnect" | "tokenExpired" | "tokenRefused" | "sessionRefused";

/** What one connection reports to its owner. */
export interface SessionHandlers {
  /** Logged in; called before the login's pending events are pushed and before `login` resolves. */
  opened(info: SessionInfo): void;
  /** A pushed event (its socket.io event name and payload), including the login's pending events. */
  push(type: string, payload: unknown): void;
  /** The logged-in connection dropped (network failure, ping timeout, server restart). */
  lost(reason: string): void;
  /** The server ended the session on this connection. */
  ended(cause: SessionEnd): void;
}

/** Where the socket.io server is. */
export interface SocketSettings {
  /** Scheme, host and port. */
  websocketUrl: string;
  /** socket.io path, e.g. `/v2/rtc`. */
  websocketPath: string;
  /** How long the server has to answer a login (default {@link LOGIN_TIMEOUT_MS}; tests shorten it). */
  loginTimeoutMs?: number;
}

type LoginError = [code: string, message: string, cause: SessionEnd];

const INVALID_SESSION: LoginError = [
  "session:error:invalid-session",
  "The session to resume is unknown: call createSession without a session id",
  "sessionRefused",
];

const LOGIN_ERRORS: Record<string, LoginError> = {
  "system:error:expired-token": [
    "session:error:expired-token",
    "The token has expired: create a new one and call createSession again",
    "tokenExpired",
  ],
  "system:error:invalid-token": [
    "session:error:invalid-token",
    "The token was refused: check that it is a valid JWT for this application and user",
    "tokenRefused",
  ],
  "user:error:invalid-user": [
    "session:error:invalid-token",
    "The token's user is unknown: check the token's sub claim",
    "tokenRefused",
  ],
  "session:error:max-open-sessions": [
    "session:error:max-open-sessions-permitted",
    "This user has too many open sessions: delete one and try again",
    "sessionRefused",
  ],
  "session:invalid": INVALID_SESSION,
  "session:error:invalid": INVALID_SESSION,
  "system:error:permission": [
    "system:error:permission",
    "Permission denied: the token may not open a session (check its acl)",
    "tokenRefused",
  ],
};

// Understood by the official SDK but without effect; they neither complete nor fail a login.
const IGNORED = new Set(["session:terminated", "session:logged-out", "session:update-token:success", "echo"]);

function loginError(event: string): VonageError | undefined {
  const entry = LOGIN_ERRORS[event];
  return entry && new VonageError("SESSION_ERROR", entry[0], entry[1]);
}

/**
 * Why a login was refused for good, or `undefined` when trying again may work (a timeout, a
 * connection that failed or closed).
 */
export function refusal(err: unknown): SessionEnd | undefined {
  if (!VonageError.is(err)) return undefined;
  return Object.values(LOGIN_ERRORS).find(([code]) => code === err.code)?.[2];
}

/**
 * One socket.io connection and the login it carries. It never reconnects by itself: the
 * connection state machine (connection.ts) opens a new one for each attempt.
 */
export class SocketSession {
  readonly #settings: SocketSettings;
  readonly #handlers: SessionHandlers;
  readonly #logger: Logger;
  #socket: Socket | undefined;
  #info: SessionInfo | undefined;
  /** Rejects the login in progress, if any. */
  #abortLogin: ((err: VonageError) => void) | undefined;

  /** Prepares a session; nothing connects until {@link login}. */
  constructor(settings: SocketSettings, handlers: SessionHandlers, logger: Logger) {
    this.#settings = settings;
    this.#handlers = handlers;
    this.#logger = logger;
  }

  /** The session, once logged in. */
  get info(): SessionInfo | undefined {
    return this.#info;
  }

  /**
   * Connects and logs in (resuming `sessionId` when given); resolves with `session:success`'s
   * contents, after its pending events were pushed, or rejects with a `VonageError`.
   */
  login(token: string, sessionId?: string | null): Promise<SessionInfo> {
    const query: Record<string, string> = {
      session_version: "0.0.3",
      token,
      SDK_version: SDK_VERSION,
      SDK_name: SDK_NAME,
      OS_family: "js",
      acknowledge_events: "true",
    };
    if (sessionId) query.session_id = sessionId;
    const socket = this.#socket = io(
      this.#settings.websocketUrl,
      socketOptions(this.#settings.websocketPath, query),
    );
    this.#logger.info("WS", `connecting to ${this.#settings.websocketUrl}${this.#settings.websocketPath}`);

    return new Promise<SessionInfo>((resolve, reject) => {
      let pending = true;
      const fail = (err: VonageError) => {
        if (!pending) return;
        pending = false;
        this.#abortLogin = undefined;
        clearTimeout(timer);
        this.#logger.warn("WS", `login failed: ${err.code}`);
        this.close();
        reject(err);
      };
      const timeoutMs = this.#settings.loginTimeoutMs ?? LOGIN_TIMEOUT_MS;
      const timer = setTimeout(() => {
        fail(
          new VonageError("SESSION_ERROR", "session:error:timeout", `No login answer within ${timeoutMs} ms`),
        );
      }, timeoutMs);
      this.#abortLogin = fail;

      socket.onAny((event: string, ...args: unknown[]) => {
        // Acknowledged on arrival: the server re-queues what a dropped socket did not acknowledge.
        const ack = args.at(-1);
        if (typeof ack === "function") ack();
        const payload = args[0];
        if (event === "session:success") {
          let info: SessionInfo;
          try {
            info = readSuccess(payload);
          } catch (err) {
            if (pending) fail(err as VonageError);
            else this.#logger.warn("WS", `ignored an unreadable session:success: ${(err as Error).message}`);
            return;
          }
          this.#info = info;
          if (pending) {
            pending = false;
            this.#abortLogin = undefined;
            clearTimeout(timer);
            this.#logger.info("WS", `session ${info.id} open for user ${info.userName}`);
            this.#handlers.opened(info);
          }
          for (const e of info.pendingEvents) this.#pushPending(e);
          resolve(info);
          return;
        }
        const refused = LOGIN_ERRORS[event];
        if (refused) {
          if (pending) return fail(loginError(event)!);
          this.#logger.error("WS", `the server ended the session: ${event}`);
          this.close();
          this.#handlers.ended(refused[2]);
          return;
        }
        if (IGNORED.has(event)) return;
        this.#handlers.push(event, payload);
      });

      socket.on("connect_error", (err: Error) => {
        this.#logger.debug("WS", `connect error: ${err.message}`);
        fail(loginError(err.message) ?? transportInvalid(err.message));
      });

      socket.on("disconnect", (reason: string) => {
        this.#logger.info("WS", `disconnected: ${reason}`);
        if (reason === "io client disconnect") return;
        if (pending) return fail(transportInvalid(reason));
        this.#detach();
        // How a server kicks a client (typically an expired token); the official SDK does not reconnect.
        if (reason === "io server disconnect") this.#handlers.ended("serverDisconnect");
        else this.#handlers.lost(reason);
      });
    });
  }

  /**
   * Tells the server the session is over (`session:logout`), then disconnects. Resolves once the
   * server has closed the connection in answer, or after {@link LOGOUT_GRACE_MS}: disconnecting right
   * after the emit can lose the packet (observed in Deno), and a session left open could be resumed.
   */
  logout(): Promise<void> {
    const socket = this.#detach();
    if (!socket?.connected) {
      socket?.disconnect();
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        socket.disconnect();
        resolve();
      };
      const timer = setTimeout(done, LOGOUT_GRACE_MS);
      socket.once("disconnect", done);
      socket.emit("session:logout", { tid: uuid(), body: {} });
    });
  }

  /** Disconnects without logging out (the session can be resumed later). */
  close(): void {
    this.#detach()?.disconnect();
  }

  /** Stops listening to the socket and forgets it; a login in progress rejects. */
  #detach(): Socket | undefined {
    this.#abortLogin?.(loginCancelled());
    const socket = this.#socket;
    this.#socket = undefined;
    socket?.offAny();
    socket?.off();
    return socket;
  }

  #pushPending(event: unknown): void {
    const type = (event as { type?: unknown } | null)?.type;
    if (typeof type === "string") this.#handlers.push(type, event);
    else this.#logger.warn("WS", "skipped a pending event without a type");
  }
}

/**
 * socket.io options of one connection: websocket transport only, a fresh connection, and no
 * reconnection of socket.io's own (connection.ts decides when to try again, and resumes the session).
 */
export function socketOptions(
  path: string,
  query: Record<string, string>,
): Partial<ManagerOptions & SocketOptions> {
  return {
    path,
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    query,
  };
}

function transportInvalid(reason: string): VonageError {
  return new VonageError(
    "SESSION_ERROR",
    "session:error:websocket-transport-invalid",
    `The connection closed during login (${reason}): check websocketUrl and websocketPath`,
  );
}

/** Reads `session:success` (the edge: throws a parsing error when a field it needs is missing). */
function readSuccess(payload: unknown): SessionInfo {
  const { body } = read<WireSessionSuccess>(
    payload,
    { body: { id: "string", user_id: "string", name: "string" } },
    "session:success",
  );
  const pending: unknown = body.pending_events;
  return {
    id: body.id,
    userId: body.user_id,
    userName: body.name,
    pendingEvents: Array.isArray(pending) ? pending : [],
  };
}

function uuid(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === "function") return c.randomUUID();
  const hex = Array.from(c.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join(
    "",
  );
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${
    hex.slice(20, 32)
  }`;
}
