/**
 * The websocket session (wire-protocol.md §4): a socket.io connection on `websocketPath`
 * (websocket transport only) whose handshake query carries the login. The server answers with
 * `session:success` or a login error event; after that it pushes conversation events, which this
 * file hands on untouched, and the client only ever emits `session:logout`.
 *
 * Reconnection is socket.io's own for now, without a limit on attempts; reconnects carry only
 * `token` (the latest one) and `session_id`, so the server resumes the same session.
 *
 * @module
 */
import { io, type ManagerOptions, type Socket, type SocketOptions } from "../deps.ts";
import { VonageError } from "../errors.ts";
import type { SessionErrorReason } from "./enums.ts";
import { parsingError } from "./failures.ts";
import type { Logger } from "./logger.ts";
import { SDK_NAME, SDK_VERSION } from "./version.ts";

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
  /** Events queued while the user had no session, each with its `type`. */
  pendingEvents: unknown[];
}

/** What the session reports to the client. */
export interface SessionHandlers {
  /** A pushed event (its socket.io event name and payload), after login or during it. */
  push(type: string, payload: unknown): void;
  /** The connection dropped; reconnecting. Once per outage. */
  reconnecting(): void;
  /** The connection is back. */
  reconnection(): void;
  /** The live session ended for good. */
  ended(reason: SessionErrorReason): void;
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

const LOGIN_ERRORS: Record<string, [code: string, message: string]> = {
  "system:error:expired-token": [
    "session:error:expired-token",
    "The token has expired: create a new one and call createSession again",
  ],
  "system:error:invalid-token": [
    "session:error:invalid-token",
    "The token was refused: check that it is a valid JWT for this application and user",
  ],
  "user:error:invalid-user": [
    "session:error:invalid-token",
    "The token's user is unknown: check the token's sub claim",
  ],
  "session:error:max-open-sessions": [
    "session:error:max-open-sessions-permitted",
    "This user has too many open sessions: delete one and try again",
  ],
  "session:invalid": [
    "session:error:invalid-session",
    "The session to resume is unknown: call createSession without a session id",
  ],
  "session:error:invalid": [
    "session:error:invalid-session",
    "The session to resume is unknown: call createSession without a session id",
  ],
  "system:error:permission": [
    "system:error:permission",
    "Permission denied: the token may not open a session (check its acl)",
  ],
};

// Understood by the official SDK but without effect; they neither complete nor fail a login.
const IGNORED = new Set(["session:terminated", "session:logged-out", "session:update-token:success", "echo"]);

function loginError(event: string): VonageError | undefined {
  const entry = LOGIN_ERRORS[event];
  return entry && new VonageError("SESSION_ERROR", entry[0], entry[1]);
}

/** One socket.io connection and the session it carries. */
export class SocketSession {
  readonly #settings: SocketSettings;
  readonly #handlers: SessionHandlers;
  readonly #logger: Logger;
  #socket: Socket | undefined;
  #options: Partial<ManagerOptions & SocketOptions> | undefined;
  #info: SessionInfo | undefined;
  #token = "";
  #outage = false;

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

  /** Connects and logs in; resolves with `session:success`'s contents or rejects with a `VonageError`. */
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
    this.#token = token;
    const options = socketOptions(this.#settings.websocketPath, query);
    this.#options = options;
    const socket = this.#socket = io(this.#settings.websocketUrl, options);
    this.#logger.info("WS", `connecting to ${this.#settings.websocketUrl}${this.#settings.websocketPath}`);

    return new Promise<SessionInfo>((resolve, reject) => {
      let pending = true;
      const fail = (err: VonageError) => {
        if (!pending) return;
        pending = false;
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

      socket.onAny((event: string, ...args: unknown[]) => {
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
          // Reconnects send only these two, so the server resumes this session with the latest token.
          options.query = { token: this.#token, session_id: info.id };
          if (pending) {
            pending = false;
            clearTimeout(timer);
            this.#logger.info("WS", `session ${info.id} open for user ${info.userName}`);
            resolve(info);
          } else {
            for (const e of info.pendingEvents) this.#pushPending(e);
          }
          return;
        }
        const refused = loginError(event);
        if (refused) {
          if (pending) return fail(refused);
          this.#logger.error("WS", `the server ended the session: ${event}`);
          this.close();
          this.#handlers.ended(event === "system:error:expired-token" ? "EXPIRED_TOKEN" : "TRANSPORT_CLOSED");
          return;
        }
        if (IGNORED.has(event)) return;
        this.#handlers.push(event, payload);
      });

      socket.on("connect_error", (err: Error) => {
        this.#logger.debug("WS", `connect error: ${err.message}`);
        // A refused handshake (server middleware) is not retried by socket.io: fail at once.
        if (!socket.active) fail(loginError(err.message) ?? transportInvalid(err.message));
      });

      socket.on("disconnect", (reason: string) => {
        this.#logger.info("WS", `disconnected: ${reason}`);
        if (reason === "io client disconnect") return;
        if (pending) return fail(transportInvalid(reason));
        if (reason === "io server disconnect") {
          // How a server kicks a client (typically an expired token); socket.io does not reconnect.
          this.close();
          this.#handlers.ended("EXPIRED_TOKEN");
          return;
        }
        if (!this.#outage) {
          this.#outage = true;
          this.#handlers.reconnecting();
        }
      });

      socket.io.on("reconnect", this.#onReconnect);
    });
  }

  /** Uses `token` for later reconnects (after `refreshSession`). */
  setToken(token: string): void {
    this.#token = token;
    const query = this.#options?.query as Record<string, string> | undefined;
    if (query) query.token = token;
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

  /** Stops listening to the socket and forgets it; answers it for a last word. */
  #detach(): Socket | undefined {
    const socket = this.#socket;
    this.#socket = undefined;
    this.#outage = false;
    socket?.offAny();
    socket?.off();
    socket?.io.off("reconnect", this.#onReconnect);
    return socket;
  }

  #onReconnect = (): void => {
    this.#outage = false;
    this.#logger.info("WS", "reconnected");
    this.#handlers.reconnection();
  };

  #pushPending(event: unknown): void {
    const type = (event as { type?: unknown } | null)?.type;
    if (typeof type === "string") this.#handlers.push(type, event);
    else this.#logger.warn("WS", "skipped a pending event without a type");
  }
}

/**
 * socket.io options of a session: websocket transport only, a fresh connection, and reconnection
 * without a limit on attempts (the official SDK stops after 5).
 */
export function socketOptions(
  path: string,
  query: Record<string, string>,
): Partial<ManagerOptions & SocketOptions> {
  return {
    path,
    transports: ["websocket"],
    forceNew: true,
    reconnection: true,
    reconnectionAttempts: Infinity,
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

/** Reads `session:success`; throws a parsing error when a required field is missing. */
function readSuccess(payload: unknown): SessionInfo {
  const body = (payload as { body?: Record<string, unknown> } | null)?.body;
  const id = body?.id, userId = body?.user_id, userName = body?.name;
  if (typeof id !== "string" || typeof userId !== "string" || typeof userName !== "string") {
    throw parsingError("session:success needs body.id, body.user_id and body.name");
  }
  const pending = body?.pending_events;
  return { id, userId, userName, pendingEvents: Array.isArray(pending) ? pending : [] };
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
