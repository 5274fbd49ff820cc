/**
 * Client sessions over socket.io (wire protocol §4): login through the handshake query, resume with
 * `session_id`, pending events, `session:logout`, and the server-side end of expired tokens.
 *
 * A session outlives its sockets. While it has none, stored events pushed to it are queued, at most
 * {@link PENDING_LIMIT} of them (the oldest are dropped first; a client can always back-fill from the
 * REST event list), and handed over as `pending_events` when a socket resumes it. Clients that send
 * `acknowledge_events=true` on login (the official SDK does) get pushes with an ack callback; pushes
 * not yet acknowledged when a socket drops are queued again, so a transport that dies silently loses
 * nothing. A user keeps at most {@link SESSIONS_PER_USER} sessions: a new login replaces the user's
 * oldest session that has no socket, and is refused with `session:error:max-open-sessions` when all
 * have one. A session has at most {@link SOCKETS_PER_SESSION} sockets; a login needs a token whose
 * `acl` (if any) covers sessions, as REST calls need theirs to cover their path.
 *
 * Several nodes (storage/cluster.ts): every node knows every session (their records travel in the
 * change log) and the node holding a session's sockets (`node`). Logging in or resuming claims the
 * session for the node that took the socket (the node that held it before drops its sockets when it
 * reads the claim); when its last socket goes away, the node queues what the session had not
 * acknowledged and releases it. While no live node holds a session, whichever node writes a stored
 * event queues it for the session in the same transaction, so a resume on any node finds it. Pushes
 * committed while a session's node died and before it resumed elsewhere are queued from the moment
 * the other nodes see that node's presence lock gone; what its sockets had not acknowledged at the
 * moment of the crash is not (our client back-fills over REST after a reconnect; the official SDK
 * does not).
 *
 * @module
 */
import type { WireSessionSuccess } from "../wire.ts";
import { aclAllows, type Auth, TokenError } from "./auth.ts";
import type { ServerSocket, SocketServer } from "./deps.ts";
import type { Audience, Outlet } from "./fanout.ts";
import { firstAt } from "./cursors.ts";
import { PushPacket } from "./push_packet.ts";
import type { Handlers } from "./contract.ts";
import { ApiError } from "./problems.ts";
import type { Publication } from "./storage/cluster.ts";
import type { SessionKeeper, SessionRecord, StoredSession } from "./storage/durable_store.ts";
import type { Change } from "./storage/journal.ts";
import type { JsonObject, UserRecord } from "./store.ts";

/** Most pushes kept for a session without a socket. */
export const PENDING_LIMIT = 500;
/** Most sessions a user may hold at once. */
export const SESSIONS_PER_USER = 32;
/**
 * Most sockets attached to one session. A client resumes its session on a new socket while the
 * server may not have noticed yet that the old one died, so a new socket replaces the oldest instead
 * of being refused; every attached socket receives every push.
 */
export const SOCKETS_PER_SESSION = 4;
/** The path a token's `acl` must allow for a socket login, as `/*\/sessions/**` does. */
const SESSION_PATH = "/v0.2/sessions";

/** setTimeout's longest delay; longer token lifetimes are waited out in several steps. */
const MAX_DELAY_MS = 2_147_483_647;

/**
 * A queued push and its position in the session's queue. Pushes queued by another node arrive as the
 * JSON text of their row and are parsed only if the session resumes here (most are taken off the
 * queue again, by a resume elsewhere, unread).
 */
interface Queued {
  seq: number;
  payload: JsonObject | string;
}

interface Attached {
  timer: ReturnType<typeof setTimeout> | undefined;
  /** Pushes sent with an ack callback and not acknowledged yet, by ack id, in the order sent. */
  unacked: Map<number, JsonObject>;
}

/** One login of a user: an id, the token's expiry, its sockets and its queue. */
export class Session implements Outlet {
  /** `SES-<uuid>`. */
  readonly id: string;
  /** The user. */
  readonly user: UserRecord;
  /** When the session's current token expires, in seconds since the epoch. */
  exp: number;
  /** Several nodes: the node holding its sockets, if any. */
  node: string | undefined;
  /** Several nodes: this node. */
  readonly #here: string | undefined;
  /** Several nodes: pushes for it while this node holds it without a socket (until it resumes or is released). */
  #carried: { name: string; payload: JsonObject }[] = [];
  #acks = false;
  #sockets = new Map<ServerSocket, Attached>();
  /** Queued pushes in the order of their positions (pushes put back in front get lower ones). */
  #pending: Queued[] = [];
  #ended = false;
  #keeper: SessionKeeper | undefined;

  /**
   * A new session of `user` whose token expires at `exp` (seconds since the epoch); `keeper` is told
   * every change that must survive a restart. `restored` brings back a stored session.
   */
  constructor(
    user: UserRecord,
    exp: number,
    keeper?: SessionKeeper,
    restored?: StoredSession,
    here?: string,
  ) {
    this.id = restored?.id ?? `SES-${crypto.randomUUID()}`;
    this.user = user;
    this.exp = exp;
    this.#keeper = keeper;
    this.#acks = restored?.acks ?? false;
    this.#pending = [...restored?.pending ?? []];
    this.node = restored?.node;
    this.#here = here;
    if (!restored) this.#save();
  }

  /** Whether the client acknowledges pushes. */
  get acks(): boolean {
    return this.#acks;
  }

  set acks(value: boolean) {
    if (value === this.#acks) return;
    this.#acks = value;
    this.#save();
  }

  /** Whether a socket is attached. */
  get connected(): boolean {
    return this.#sockets.size > 0;
  }

  /** The attached sockets. */
  get sockets(): ServerSocket[] {
    return [...this.#sockets.keys()];
  }

  /** Writes to every socket (asking for an ack when the client acknowledges), or queues. */
  deliver(packet: PushPacket, durable: boolean): void {
    if (this.#ended) return;
    if (!this.connected) {
      if (!durable) return;
      // Several nodes: the writer queued it already unless a node holds the session.
      if (this.#here === undefined) this.#enqueue([packet.payload]);
      else if (this.node === this.#here) {
        this.#carried.push({ name: packet.name, payload: packet.payload });
        if (this.#carried.length > PENDING_LIMIT) this.#carried.shift();
      }
      return;
    }
    for (const [socket, attached] of this.#sockets) {
      if (this.acks && durable) {
        const id = packet.sendWithAck(socket, () => attached.unacked.delete(id));
        attached.unacked.set(id, packet.payload);
        if (attached.unacked.size > PENDING_LIMIT) {
          attached.unacked.delete(attached.unacked.keys().next().value!);
        }
      } else {
        packet.send(socket);
      }
    }
  }

  /** Takes the queued pushes, oldest first. */
  takePending(): JsonObject[] {
    const pending = this.#pending;
    this.#pending = [];
    if (pending.length > 0) this.#keeper?.dequeued(this.id);
    return pending.map((p) =>
      typeof p.payload === "string" ? JSON.parse(p.payload) as JsonObject : p.payload
    );
  }

  /** Attaches a logged-in socket, which is disconnected by the server when the token expires. */
  attach(socket: ServerSocket): void {
    if (this.#sockets.size >= SOCKETS_PER_SESSION) {
      const oldest = this.#sockets.keys().next().value!;
      this.detach(oldest);
      oldest.disconnect(true);
    }
    const attached: Attached = { timer: undefined, unacked: new Map() };
    this.#sockets.set(socket, attached);
    this.#schedule(socket, attached);
    const carried = this.#carried;
    this.#carried = [];
    for (const { name, payload } of carried) this.deliver(new PushPacket(name, payload), true);
  }

  /** Several nodes: queues a stored push for the session, which no live node holds. */
  deliverAway(payload: JsonObject): void {
    if (!this.#ended) this.#enqueue([payload]);
  }

  /** Several nodes: this node takes the session (a login or resume here); what it carried is queued. */
  claim(): void {
    if (this.#here === undefined) return;
    this.#queueCarried();
    this.node = this.#here;
    this.#save();
  }

  /**
   * Several nodes: the session's last socket here went away; unless another node took it since,
   * what it had not acknowledged is queued and the session is free for any node to resume.
   */
  release(): void {
    if (this.#ended || this.connected || this.node !== this.#here) {
      if (this.node !== this.#here) this.#carried = [];
      return;
    }
    this.#queueCarried();
    this.node = undefined;
    this.#save();
  }

  /** Several nodes: another node changed the session's record. */
  applyRecord(record: SessionRecord): void {
    this.#acks = record.acks;
    this.node = record.node;
    // Another node took it: the sockets here are stale (the client resumed elsewhere).
    if (this.node !== this.#here) {
      for (const socket of this.sockets) socket.disconnect(true);
    }
    // A token refreshed through another node: the sockets here now expire with the new one.
    if (record.exp !== this.exp) {
      this.exp = record.exp;
      for (const [socket, attached] of this.#sockets) this.#schedule(socket, attached);
    }
  }

  /**
   * Several nodes: another node queued a push for the session, or took pushes off its queue. Kept in
   * order without sorting: a push is queued after the others, or put back before them, and taken off
   * from the front (the oldest, beyond the limit), so each change costs a search, not a sort.
   */
  applyQueue(change: Change): void {
    if ("where" in change) {
      if (change.where.seq === undefined) this.#pending = [];
      else {
        const seq = Number(change.where.seq);
        const at = this.#position(seq);
        if (this.#pending[at]?.seq === seq) this.#pending.splice(at, 1);
      }
      return;
    }
    const row = "put" in change ? change.put : change.insert;
    const entry: Queued = { seq: Number(row.seq), payload: String(row.data) };
    const at = this.#position(entry.seq);
    this.#pending.splice(at, this.#pending[at]?.seq === entry.seq ? 1 : 0, entry);
  }

  /** Several nodes: the session ended on another node (or is gone after the state was read again). */
  forget(): void {
    this.#ended = true;
    this.#pending = [];
    for (const socket of this.sockets) {
      this.detach(socket);
      socket.disconnect(true);
    }
  }

  /** Several nodes: the session as stored, after the whole state was read again. */
  reset(stored: StoredSession): void {
    this.applyRecord(stored);
    this.#pending = [...stored.pending];
  }

  /**
   * Detaches a socket that went away. When it was the session's last socket, what it had not
   * acknowledged is queued again, ahead of anything queued since.
   */
  detach(socket: ServerSocket): void {
    const attached = this.#sockets.get(socket);
    if (!attached) return;
    clearTimeout(attached.timer);
    this.#sockets.delete(socket);
    if (this.#ended || this.connected) return;
    if (this.#here === undefined) this.#enqueue([...attached.unacked.values()], true);
    else {
      const unacked = [...attached.unacked.values()].map((payload) => ({
        name: String(payload.type),
        payload,
      }));
      this.#carried = [...unacked, ...this.#carried];
    }
  }

  /** Applies a new token expiry to the session and its sockets. */
  renew(exp: number): void {
    this.exp = exp;
    this.#save();
    for (const [socket, attached] of this.#sockets) this.#schedule(socket, attached);
  }

  /** Ends the session: its queue is dropped and its sockets are disconnected. */
  end(): void {
    this.#ended = true;
    this.#pending = [];
    this.#keeper?.ended(this.id);
    for (const socket of this.sockets) {
      this.detach(socket);
      socket.disconnect(true);
    }
  }

  /** Stops the expiry timers (when the server closes). */
  stopTimers(): void {
    for (const attached of this.#sockets.values()) clearTimeout(attached.timer);
  }

  #schedule(socket: ServerSocket, attached: Attached): void {
    clearTimeout(attached.timer);
    const delay = this.exp * 1000 - Date.now();
    attached.timer = setTimeout(() => {
      if (Date.now() >= this.exp * 1000) socket.disconnect(true);
      else this.#schedule(socket, attached);
    }, Math.min(Math.max(delay, 0), MAX_DELAY_MS));
  }

  #queueCarried(): void {
    const carried = this.#carried;
    this.#carried = [];
    this.#enqueue(carried.map((c) => c.payload));
  }

  #enqueue(payloads: JsonObject[], older = false): void {
    if (payloads.length === 0) return;
    const first = this.#pending[0]?.seq ?? 0;
    const last = this.#pending.at(-1)?.seq ?? 0;
    const added = payloads.map((payload, i) => ({
      seq: older ? first - payloads.length + i : last + 1 + i,
      payload,
    }));
    for (const { seq, payload } of added) this.#keeper?.queued(this.id, seq, payload);
    if (older) this.#pending.unshift(...added);
    else this.#pending.push(...added);
    if (this.#pending.length > PENDING_LIMIT) {
      const dropped = this.#pending.splice(0, this.#pending.length - PENDING_LIMIT);
      this.#keeper?.dequeued(this.id, dropped.map((p) => p.seq));
    }
  }

  /** Where a push at `seq` is, or would go, in the queue (binary search; the end for the newest). */
  #position(seq: number): number {
    const pending = this.#pending;
    if (pending.length > 0 && pending[pending.length - 1]!.seq < seq) return pending.length;
    return firstAt(pending.length, (i) => pending[i]!.seq >= seq);
  }

  #save(): void {
    const record: SessionRecord = { id: this.id, userId: this.user.id, exp: this.exp, acks: this.#acks };
    if (this.node !== undefined) record.node = this.node;
    this.#keeper?.saved(record);
  }
}

/** What the session layer needs from the rest of the server. */
export interface SessionsOptions {
  /** Verifies login tokens. */
  auth: Auth;
  /** The user named by a token, created on first use. */
  userNamed(name: string): UserRecord;
  /** Told every change of a session that must survive a restart (durable engines). */
  keeper?: SessionKeeper | undefined;
  /**
   * Runs a change of sessions on up-to-date state, resolving once it is durable (before the client
   * is told its login succeeded): storage/cluster.ts `Coordinator.exclusive`.
   */
  exclusive<T>(task: () => T): Promise<T>;
  /** Several nodes: this node's name, and whether a node is running. */
  cluster?: { node: string; live(node: string): boolean } | undefined;
}

/** The open sessions, and the socket.io side of logging in. */
export class Sessions implements Audience {
  #byId = new Map<string, Session>();
  #byUser = new Map<string, Session[]>();
  #options: SessionsOptions;
  #userById: (id: string) => UserRecord | undefined = () => undefined;

  /** Creates an empty registry. */
  constructor(options: SessionsOptions) {
    this.#options = options;
  }

  /** Brings back sessions stored before a restart (without sockets, so their pushes queue). */
  restore(stored: readonly StoredSession[], userById: (id: string) => UserRecord | undefined): void {
    this.#userById = userById;
    for (const record of stored) this.#add(record);
  }

  /**
   * Several nodes: the sessions as stored, after the whole state was read again. Sockets here of
   * sessions that are gone are disconnected.
   */
  reload(stored: readonly StoredSession[]): void {
    const kept = new Set<string>();
    for (const record of stored) {
      kept.add(record.id);
      const session = this.#byId.get(record.id);
      if (session) session.reset(record);
      else this.#add(record);
    }
    for (const session of this.all()) {
      if (!kept.has(session.id)) this.#forget(session);
      else if (session.node === this.#options.cluster?.node) this.#released(session);
    }
  }

  /** Several nodes: applies a change of a session written by another node. */
  applyChange(change: Change): void {
    if (change.table === "sessions") {
      if ("where" in change) {
        const session = this.#byId.get(String(change.where.id));
        if (session) this.#forget(session);
        return;
      }
      const row = "put" in change ? change.put : change.insert;
      const record = JSON.parse(String(row.data)) as SessionRecord;
      const session = this.#byId.get(record.id);
      if (session) session.applyRecord(record);
      else this.#add({ ...record, pending: [] });
    } else {
      const id = "where" in change
        ? change.where.session_id
        : "put" in change
        ? change.put.session_id
        : change.insert.session_id;
      this.#byId.get(String(id))?.applyQueue(change);
    }
  }

  /**
   * Several nodes, while a stored event is written: queues it for the sessions of its users that no
   * live node holds (a node holding one delivers it, or queues it when its socket went away).
   */
  queueAway(publication: Publication): void {
    if (!publication.durable) return;
    for (const userId of publication.users) {
      for (const session of this.sessionsOf(userId)) {
        if (this.#idle(session)) session.deliverAway(publication.payload);
      }
    }
  }

  /**
   * Several nodes: whether another node holds some session (or held it before it stopped): only
   * then does it matter which nodes are up (see {@link queueAway}).
   */
  heldElsewhere(): boolean {
    const here = this.#options.cluster?.node;
    for (const session of this.#byId.values()) {
      if (session.node !== undefined && session.node !== here) return true;
    }
    return false;
  }

  /** Logs in every socket that connects to `io`. */
  listen(io: SocketServer): void {
    io.on("connection", (socket) => {
      this.#login(socket).catch((err) => {
        console.error("reference server: login failed unexpectedly", err);
        socket.disconnect(true);
      });
    });
  }

  /** A session by id. */
  get(id: string): Session | undefined {
    return this.#byId.get(id);
  }

  /** The sessions of a user, oldest first. */
  sessionsOf(userId: string): Iterable<Session> {
    return this.#byUser.get(userId) ?? [];
  }

  /** Every session, or those of one user. */
  all(userId?: string): Session[] {
    return userId === undefined ? [...this.#byId.values()] : [...this.sessionsOf(userId)];
  }

  /** Ends a session and forgets it. */
  end(session: Session): void {
    session.end();
    this.#remove(session);
  }

  /** Stops every timer (the sockets themselves are closed with socket.io). */
  close(): void {
    for (const session of this.#byId.values()) session.stopTimers();
  }

  #add(record: StoredSession): void {
    const user = this.#userById(record.userId);
    if (!user) return;
    const session = new Session(user, record.exp, this.#options.keeper, record, this.#options.cluster?.node);
    this.#byId.set(session.id, session);
    this.#byUser.set(user.id, [...this.sessionsOf(user.id), session]);
  }

  #forget(session: Session): void {
    session.forget();
    this.#remove(session);
  }

  #remove(session: Session): void {
    this.#byId.delete(session.id);
    const list = (this.#byUser.get(session.user.id) ?? []).filter((s) => s !== session);
    if (list.length > 0) this.#byUser.set(session.user.id, list);
    else this.#byUser.delete(session.user.id);
  }

  /** Whether no socket (here, or on a live node) holds the session. */
  #idle(session: Session): boolean {
    if (session.connected) return false;
    const cluster = this.#options.cluster;
    return cluster === undefined || session.node === undefined ||
      (session.node !== cluster.node && !cluster.live(session.node));
  }

  async #login(socket: ServerSocket): Promise<void> {
    const query = socket.handshake.query;
    const token = typeof query.token === "string" ? query.token : "";
    let claims;
    try {
      claims = await this.#options.auth.verify(token);
    } catch (err) {
      const code = err instanceof TokenError ? err.code : "system:error:invalid-token";
      return refuse(socket, code, err instanceof Error ? err.message : "The token was refused.");
    }
    if (socket.disconnected) return;
    if (claims.sub === undefined) {
      return refuse(
        socket,
        "system:error:permission",
        "An application token without sub cannot open a session.",
      );
    }
    // As on REST: a token whose acl does not cover sessions cannot open or resume one.
    if (!aclAllows(claims, SESSION_PATH)) {
      return refuse(socket, "system:error:permission", `The token's acl does not allow ${SESSION_PATH}.`);
    }
    const sub = claims.sub;
    const requested = typeof query.session_id === "string" && query.session_id !== ""
      ? query.session_id
      : undefined;
    // On up-to-date state, alone among writers (several nodes): find or open the session, claim it.
    const outcome = await this.#options.exclusive((): Session | [string, string] => {
      const user = this.#options.userNamed(sub);
      let session: Session;
      if (requested !== undefined) {
        const found = this.#byId.get(requested);
        if (!found || found.user.id !== user.id) {
          return ["session:error:invalid", "The session does not exist (any more) or is not this user's."];
        }
        session = found;
        session.renew(claims.exp);
      } else {
        if (!this.#makeRoom(user.id)) {
          return ["session:error:max-open-sessions", `A user may hold ${SESSIONS_PER_USER} sessions.`];
        }
        session = new Session(user, claims.exp, this.#options.keeper, undefined, this.#options.cluster?.node);
        this.#byId.set(session.id, session);
        this.#byUser.set(user.id, [...this.sessionsOf(user.id), session]);
      }
      if (query.acknowledge_events === "true") session.acks = true;
      session.claim();
      return session;
    });
    if (Array.isArray(outcome)) return refuse(socket, outcome[0], outcome[1]);
    const session = outcome;
    if (socket.disconnected) {
      this.#released(session);
      return;
    }

    const success: WireSessionSuccess = {
      body: {
        id: session.id,
        user_id: session.user.id,
        name: session.user.name,
        api_key: claims.applicationId,
        pending_events: session.takePending() as NonNullable<WireSessionSuccess["body"]["pending_events"]>,
      },
    };
    socket.emit("session:success", success);
    session.attach(socket);
    socket.on("session:logout", () => {
      this.#options.exclusive(() => this.end(session)).catch(() => {});
    });
    socket.on("disconnect", () => {
      session.detach(socket);
      this.#released(session);
    });
  }

  /** Several nodes: a session without a socket here is released for any node. */
  #released(session: Session): void {
    if (this.#options.cluster === undefined || session.connected) return;
    this.#options.exclusive(() => session.release()).catch(() => {});
  }

  /** Makes room for one more session of the user; false when every session has a socket. */
  #makeRoom(userId: string): boolean {
    const list = [...this.sessionsOf(userId)];
    if (list.length < SESSIONS_PER_USER) return true;
    const idle = list.find((s) => this.#idle(s));
    if (!idle) return false;
    this.end(idle);
    return true;
  }
}

/** The REST side of sessions: token refresh, and the metrics report sent after reconnecting. */
export function sessionHandlers(sessions: Sessions) {
  return {
    "PUT /v0.2/sessions/{session_id}": ({ caller, params }) => {
      const id = params.path.session_id;
      const session = sessions.get(id);
      if (!session) throw new ApiError("session:error:not-found", `No open session has the id ${id}.`);
      if (session.user.id !== caller.user.id) {
        throw new ApiError("system:error:permission", "A token can only refresh its own user's sessions.");
      }
      // From now on the new token's expiry decides when the session's sockets are disconnected.
      session.renew(caller.claims.exp);
      return { status: 200, body: { session_id: session.id } };
    },
    // Only logged by the official client on failure; nothing to keep.
    "POST /v2/rtc/metrics": () => ({ status: 204 }),
  } satisfies Partial<Handlers>;
}

/** Refuses a login: the error event (its name is what clients act on), then the server's disconnect. */
function refuse(socket: ServerSocket, event: string, detail: string): void {
  socket.emit(event, { code: event, detail });
  socket.disconnect(true);
}
