/**
 * The connection state machine: one live session at a time, kept alive across network failures.
 *
 * ```
 *  disconnected ──createSession──▶ connecting ──loggedIn──▶ connected ◀──resumed──┐
 *        ▲                            │                        │                   │
 *        │                       loginFailed            connectionLost             │
 *        └────────────────────────────┘                        ▼                   │
 *   (deleteSession from any state: loggedOut)             reconnecting ──retry─────┘
 *                                                               │   ▲ retryFailed / online
 *   failed ◀── tokenExpired / tokenRefused / sessionRefused ────┘───┘
 *          ◀── serverDisconnect (from connected)
 * ```
 *
 * After a drop it retries with capped exponential backoff and full jitter (backoff.ts), and never
 * gives up while the token is valid: the token's `exp` ends the outage with `tokenExpired` (no
 * retry loop), and so does a refusal at a re-login. A runtime that reports `online` gets a retry at
 * once. Every reconnect resumes the session (`session_id`), so the server hands over what it kept.
 *
 * @module
 */
import { backoffDelay, type BackoffPolicy } from "./backoff.ts";
import { loginCancelled } from "./failures.ts";
import type { Logger } from "./logger.ts";
import { refusal, type SessionEnd, type SessionHandlers, type SessionInfo } from "./session.ts";
import { tokenExpiresAt } from "./token_expiry.ts";

/**
 * Where the session stands:
 * - `disconnected`: no session (before `createSession`, after `deleteSession` or a failed login);
 * - `connecting`: `createSession` is logging in;
 * - `connected`: logged in, events flow;
 * - `reconnecting`: the connection dropped; retrying (the session is kept, REST calls still work);
 * - `failed`: the server ended the session or the token expired; a new `createSession` is needed.
 */
export type ConnectionState = "disconnected" | "connecting" | "connected" | "reconnecting" | "failed";

/** Why the state changed. */
export type ConnectionChangeReason =
  /** `createSession` started a login (→ `connecting`). */
  | "createSession"
  /** The login succeeded (→ `connected`). */
  | "loggedIn"
  /** The login of `createSession` failed; it rejects with the reason (→ `disconnected`). */
  | "loginFailed"
  /** The connection dropped: network failure, ping timeout, server restart (→ `reconnecting`). */
  | "connectionLost"
  /** A reconnection attempt failed; the next one is scheduled (→ `reconnecting`). */
  | "retryFailed"
  /** The runtime reported that it is online again; retrying now (→ `reconnecting`). */
  | "online"
  /** A reconnection resumed the session (→ `connected`). */
  | "resumed"
  /** `deleteSession`, or a new `createSession` replacing this session (→ `disconnected`). */
  | "loggedOut"
  /** The server kicked the connection, as it does when the token expires (→ `failed`). */
  | SessionEnd;

/** The argument of `connectionStateChange` callbacks. */
export interface ConnectionStateChange {
  /** The new state. */
  state: ConnectionState;
  /** The state before. Equal to `state` when only the retry schedule changed. */
  previous: ConnectionState;
  /** Why. */
  reason: ConnectionChangeReason;
  /**
   * Reconnection attempt: while `reconnecting`, the number of the scheduled attempt (1 for the
   * first); on `resumed` or `failed`, the attempt it happened at; 0 otherwise.
   */
  attempt: number;
  /** While `reconnecting`: when the next attempt starts (ms since the epoch); otherwise `null`. */
  nextRetryAt: number | null;
}

/** One connection as the state machine uses it (a `SocketSession`). */
export interface Link {
  /** Connects and logs in, resuming `sessionId` when given. */
  login(token: string, sessionId: string | null): Promise<SessionInfo>;
  /** Ends the session on the server, then disconnects. */
  logout(): Promise<void>;
  /** Disconnects, leaving the session resumable. */
  close(): void;
}

/** Something that reports `online` (a browser window); `globalThis` where it can. */
export type NetworkEvents = Pick<EventTarget, "addEventListener" | "removeEventListener">;

/** What the state machine needs. */
export interface ConnectionOptions {
  /** Makes a new connection that reports to `handlers`. */
  dial(handlers: SessionHandlers): Link;
  /** Reconnection delays. */
  backoff: BackoffPolicy;
  /** Logged in (first login or resume), before the login's pending events are pushed. */
  opened(info: SessionInfo): void;
  /** A pushed event of the current connection. */
  pushed(type: string, payload: unknown): void;
  /** A reconnect's login completed (its pending events were pushed): time to back-fill. */
  resumed(): void;
  /** The state changed. */
  changed(change: ConnectionStateChange): void;
  /** Where transitions are logged. */
  logger: Logger;
  /** Source of `online` events; default `globalThis` when it has `addEventListener`, `null` for none. */
  network?: NetworkEvents | null;
  /** Random numbers in `[0, 1)` for the jitter (tests pass their own). */
  random?: () => number;
}

/** Keeps one session connected; see the module documentation. */
export class Connection {
  readonly #options: ConnectionOptions;
  readonly #network: NetworkEvents | null;
  #state: ConnectionState = "disconnected";
  #token = "";
  #expiresAt: number | null = null;
  #sessionId: string | null = null;
  #link: Link | undefined;
  /** Numbers connections; reports of any but the latest are ignored. */
  #dial = 0;
  #attempt = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #listening = false;

  /** Creates a machine in state `disconnected`. */
  constructor(options: ConnectionOptions) {
    this.#options = options;
    const global = globalThis as Partial<NetworkEvents>;
    this.#network = options.network !== undefined
      ? options.network
      : typeof global.addEventListener === "function" && typeof global.removeEventListener === "function"
      ? global as NetworkEvents
      : null;
  }

  /** The current state. */
  get state(): ConnectionState {
    return this.#state;
  }

  /**
   * Logs in (resuming `sessionId` when given) and keeps the session connected from then on.
   * Rejects with the login's `VonageError`, in state `disconnected`. Call {@link end} first when
   * a session is open.
   */
  async open(token: string, sessionId: string | null): Promise<SessionInfo> {
    this.setToken(token);
    this.#sessionId = sessionId;
    this.#attempt = 0;
    this.#change("connecting", "createSession");
    const dial = this.#dial + 1;
    try {
      const info = await this.#connect();
      if (dial !== this.#dial) throw loginCancelled();
      this.#listen(true);
      return info;
    } catch (err) {
      if (dial === this.#dial) {
        this.#link = undefined;
        this.#change("disconnected", "loginFailed");
      }
      throw err;
    }
  }

  /** Uses `token` for later logins (after `refreshSession`); its `exp` bounds the retries. */
  setToken(token: string): void {
    this.#token = token;
    this.#expiresAt = tokenExpiresAt(token);
  }

  /** Ends the session (logging it out when connected) and stops retrying; state `disconnected`. */
  async end(): Promise<void> {
    const link = this.#stop();
    if (this.#state !== "disconnected") this.#change("disconnected", "loggedOut");
    await link?.logout();
  }

  /** Dials and logs in with the current token and session. */
  #connect(): Promise<SessionInfo> {
    const dial = ++this.#dial;
    const current = () => dial === this.#dial;
    const link = this.#link = this.#options.dial({
      opened: (info) => current() && this.#opened(info),
      push: (type, payload) => current() && this.#options.pushed(type, payload),
      lost: (reason) => current() && this.#lost(reason),
      ended: (cause) => current() && this.#fail(cause),
    });
    return link.login(this.#token, this.#sessionId);
  }

  #opened(info: SessionInfo): void {
    this.#sessionId = info.id;
    this.#options.opened(info);
    const resumed = this.#state === "reconnecting";
    this.#change("connected", resumed ? "resumed" : "loggedIn", resumed ? this.#attempt : 0);
    this.#attempt = 0;
  }

  #lost(reason: string): void {
    this.#link = undefined;
    this.#options.logger.info("WS", `connection lost (${reason}); reconnecting`);
    this.#attempt = 1;
    this.#schedule("connectionLost");
  }

  /** Schedules attempt `#attempt`, or ends the session when the token has expired. */
  #schedule(reason: "connectionLost" | "retryFailed"): void {
    const now = Date.now();
    if (this.#expiresAt !== null && now >= this.#expiresAt) return this.#fail("tokenExpired");
    let delay = backoffDelay(this.#attempt - 1, this.#options.backoff, this.#options.random);
    // Wake up at the expiry at the latest, to end the outage then rather than at the next retry.
    if (this.#expiresAt !== null) delay = Math.min(delay, this.#expiresAt - now);
    this.#timer = setTimeout(() => this.#retry(), delay);
    this.#change("reconnecting", reason, this.#attempt, now + delay);
  }

  async #retry(): Promise<void> {
    this.#timer = undefined;
    if (this.#expiresAt !== null && Date.now() >= this.#expiresAt) return this.#fail("tokenExpired");
    const dial = this.#dial + 1;
    try {
      await this.#connect();
    } catch (err) {
      if (dial !== this.#dial) return;
      this.#link = undefined;
      const cause = refusal(err);
      if (cause) return this.#fail(cause);
      this.#options.logger.info("WS", `reconnection attempt ${this.#attempt} failed`);
      this.#attempt++;
      return this.#schedule("retryFailed");
    }
    if (dial === this.#dial) this.#options.resumed();
  }

  #onOnline = (): void => {
    if (this.#state !== "reconnecting" || this.#timer === undefined) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#change("reconnecting", "online", this.#attempt, Date.now());
    void this.#retry();
  };

  #fail(cause: SessionEnd): void {
    this.#stop()?.close();
    this.#change("failed", cause, this.#attempt);
  }

  /** Cancels the retry and the online listener; forgets (and returns) the connection. */
  #stop(): Link | undefined {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#listen(false);
    this.#dial++;
    const link = this.#link;
    this.#link = undefined;
    return link;
  }

  #listen(on: boolean): void {
    if (!this.#network || on === this.#listening) return;
    this.#listening = on;
    if (on) this.#network.addEventListener("online", this.#onOnline);
    else this.#network.removeEventListener("online", this.#onOnline);
  }

  #change(
    state: ConnectionState,
    reason: ConnectionChangeReason,
    attempt = 0,
    nextRetryAt: number | null = null,
  ): void {
    const previous = this.#state;
    this.#state = state;
    this.#options.logger.info("WS", `connection ${previous} → ${state} (${reason})`);
    this.#options.changed({ state, previous, reason, attempt, nextRetryAt });
  }
}
