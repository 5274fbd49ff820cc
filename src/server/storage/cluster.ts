/**
 * How a server's requests meet its storage: the {@link Coordinator}. A server alone on its storage
 * (memory, SQLite) runs each request at once and answers after its commit ({@link LocalCoordinator}).
 * Several nodes on one PostgreSQL use {@link ClusterJournal}.
 *
 * ## Several nodes
 *
 * Every node keeps the whole state in memory, as a single server does, and PostgreSQL holds, next to
 * the records, an ordered log of changes (`changes`): one row per committed group, with the row
 * changes it made and the pushes it published. Chosen over a separate fan-out engine (the socket.io
 * Redis or Postgres adapter) because the log orders pushes with the commits they tell about, keeps
 * them durably, and needs no other component; the README says more.
 *
 * - **Writes** are serialized cluster-wide. A node runs the requests that change state in one
 *   PostgreSQL transaction that first takes a transaction-scoped advisory lock, then applies every
 *   log row it has not seen yet (so the requests run on up-to-date memory), runs the requests, and
 *   writes their row changes plus one log row numbered after the last. Requests that arrive while a
 *   transaction runs go into the next one (group commit), so the lock is taken once per group.
 *   Per-conversation event ids are thus handed out by one writer at a time; events are inserted
 *   (not upserted), so a bug that handed one id out twice would fail the commit.
 * - **Reads** first apply the log rows written since (one query), so a write answered by any node is
 *   seen by the next request on any node.
 * - **Pushes** are delivered by every node to its own sockets when it applies a log row (its own
 *   right after its commit; the others' when a notification (LISTEN/NOTIFY) or, failing that, a poll
 *   every {@link POLL_MS} ms wakes it), in log order, so a session sees a conversation's events in id
 *   order. Ephemeral pushes travel the same way.
 * - **Sessions** are records like the others, with the node holding their sockets. Stored pushes for
 *   a session that no live node holds (a node is live while it holds its presence lock) are queued
 *   for it, in the same transaction, by the node that writes them, so any node can resume it with its
 *   pending events. See sessions.ts.
 * - **Failures**: when a transaction fails (the database is away, or a conflict), the requests in it
 *   are answered 503 (they did not happen, unless the connection died after the database committed)
 *   and, if they had run, the node reads its whole state again before it goes on, since memory may
 *   hold changes the database refused. So does a node that finds log rows it needed deleted (the log
 *   keeps its last rows only: postgres.ts).
 *
 * Writes made outside a request (timers and media events of a call in progress) are written with
 * the next group; they were made on memory that may be behind, which is why a call's media is
 * tied to one node (see the README).
 *
 * @module
 */
import type { JsonObject } from "../store.ts";
import type { DurableStore, StoredSession } from "./durable_store.ts";
import { type Change, type Journal, StorageUnavailable } from "./journal.ts";
import type { LoggedChange, PostgresBackend } from "./postgres.ts";

/** How often a node looks for log rows when no notification came. */
export const POLL_MS = 200;
/** How long a node that failed to write waits before it tries to read its state again by itself. */
const RETRY_MS = 500;

/** A push to the sessions of some users, as fan-out makes it and the log carries it. */
export interface Publication {
  /** The receiving users. */
  readonly users: readonly string[];
  /** The socket.io event name. */
  readonly name: string;
  /** The payload. */
  readonly payload: JsonObject;
  /** Kept for sessions without a socket (stored events) or not (ephemeral ones). */
  readonly durable: boolean;
}

/** What applying the log needs from the rest of the server. */
export interface Parts {
  /** Delivers a publication to this node's sockets. */
  deliver(publication: Publication): void;
  /** Applies a change of a session made by another node. */
  sessionChange(change: Change): void;
  /** Replaces the sessions after the whole state was read again. */
  sessionsLoaded(stored: StoredSession[]): void;
  /** Whether another node holds (or held) a session: only then are the running nodes looked up. */
  heldElsewhere(): boolean;
}

/** How requests meet the storage. */
export interface Coordinator {
  /** This node's name when several nodes share the database; undefined for a server alone. */
  readonly node: string | undefined;
  /**
   * Runs `task` on up-to-date state, alone among the writers; resolves (or rejects) as it did once
   * what it changed is durable, or rejects with {@link StorageUnavailable}.
   */
  exclusive<T>(task: () => T | Promise<T>): Promise<T>;
  /** Makes memory include every write answered by any node before now. */
  fresh(): Promise<void>;
  /** Whether a node is running (several nodes). */
  live(node: string): boolean;
  /** Sends a publication once what it tells about is durable. */
  publish(publication: Publication): void;
  /** Wires the parts; starts following the other nodes. */
  connect(parts: Parts): void;
}

/** The coordinator of a server alone on its storage: tasks run at once; answers wait for commits. */
export class LocalCoordinator implements Coordinator {
  readonly node = undefined;
  readonly #journal: Journal;
  #parts: Parts | undefined;

  /** A coordinator committing to `journal`. */
  constructor(journal: Journal) {
    this.#journal = journal;
  }

  async exclusive<T>(task: () => T | Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await task();
    } catch (err) {
      // A refusal changes nothing, but whatever a failure changed is committed before answering.
      await this.#journal.commit();
      throw err;
    }
    await this.#journal.commit();
    return result;
  }

  fresh(): Promise<void> {
    return Promise.resolve();
  }

  live(): boolean {
    return true;
  }

  publish(publication: Publication): void {
    this.#journal.afterCommit(() => this.#parts?.deliver(publication));
  }

  connect(parts: Parts): void {
    this.#parts = parts;
  }
}

interface Task {
  run(): unknown;
  resolve(value: unknown): void;
  reject(reason: unknown): void;
}

/** The journal and coordinator of one node among several on PostgreSQL (see the module docs). */
export class ClusterJournal implements Journal, Coordinator {
  readonly node: string;
  readonly #backend: PostgresBackend;
  #store!: DurableStore;
  /** The last log row whose changes memory holds. */
  #applied = 0;
  #queued: Change[] = [];
  #publications: Publication[] = [];
  #tasks: Task[] = [];
  #live = new Set<string>();
  /** Flushes and catch-ups run one at a time, in this chain. */
  #chain: Promise<unknown> = Promise.resolve();
  #flushQueued = false;
  /** Memory may differ from the database: read everything again before going on. */
  #stale = false;
  #parts: Parts | undefined;
  #poll: ReturnType<typeof setInterval> | undefined;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #waking = false;
  #wakeAgain = false;
  #closed = false;

  /** A journal over `backend`; give it its store with {@link follow} before anything else. */
  constructor(backend: PostgresBackend) {
    this.#backend = backend;
    this.node = backend.node;
    this.#live.add(this.node);
  }

  /** The store the log is applied to, whose memory holds the log up to `head`. */
  follow(store: DurableStore, head: number): void {
    this.#store = store;
    this.#applied = head;
  }

  get engine(): string {
    return this.#backend.engine;
  }

  connect(parts: Parts): void {
    this.#parts = parts;
    this.#backend.listen(() => this.#wake()).catch((err) => {
      console.error("reference server: no change notifications (polling only):", err.message);
    });
    this.#poll = setInterval(() => this.#wake(), POLL_MS);
  }

  write(change: Change): void {
    if (this.#closed) return;
    this.#queued.push(change);
    // Writes made outside a task (timers of a call flow, sessions) are written soon without being asked.
    this.#kick();
  }

  publish(publication: Publication): void {
    this.#publications.push(publication);
    this.#kick();
  }

  exclusive<T>(task: () => T | Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#tasks.push({ run: task, resolve: resolve as (value: unknown) => void, reject });
      this.#kick();
    });
  }

  async commit(): Promise<void> {
    await this.exclusive(() => {});
  }

  afterCommit(fn: () => void): void {
    this.commit().then(fn, () => {});
  }

  live(node: string): boolean {
    return this.#live.has(node);
  }

  fresh(): Promise<void> {
    return this.#serially(async () => {
      // A second attempt after reading everything again, should the log have lost rows this node needed.
      for (let attempt = 0;; attempt++) {
        try {
          if (this.#stale) await this.#reload();
          this.#apply(await this.#backend.since(this.#applied));
          return;
        } catch (err) {
          if (!this.#stale || attempt > 0) {
            throw err instanceof StorageUnavailable ? err : new StorageUnavailable(err);
          }
        }
      }
    });
  }

  async close(): Promise<void> {
    clearInterval(this.#poll);
    clearTimeout(this.#retry);
    try {
      await this.commit();
    } finally {
      this.#closed = true;
      await this.#chain.catch(() => {});
      await this.#backend.close();
    }
  }

  /** Makes sure a flush will run for what is queued now. */
  #kick(): void {
    if (this.#closed) return;
    // Its transaction opens behind a COMMIT under way, if there is one.
    this.#backend.openAhead();
    if (this.#flushQueued) return;
    this.#flushQueued = true;
    void this.#serially(() => {
      this.#flushQueued = false;
      return this.#flush();
    });
  }

  #serially<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#chain.then(fn);
    this.#chain = run.catch(() => {});
    return run;
  }

  async #flush(): Promise<void> {
    const tasks = this.#tasks.splice(0);
    if (tasks.length === 0 && this.#queued.length === 0 && this.#publications.length === 0) return;
    const outcomes: { value?: unknown; error?: unknown; failed: boolean }[] = [];
    let mine: Publication[] = [];
    // Pushes of the other nodes' rows caught up with inside the transaction: sent once it is over (they
    // are committed either way), not while this node holds the cluster's write lock, before its own.
    const caught: Publication[] = [];
    let ran = false;
    for (let attempt = 0;; attempt++) {
      try {
        if (this.#stale) await this.#reload();
        // Which nodes run is read only when a session held elsewhere may need it (pg_locks costs the
        // database about 0.1 ms a transaction): with the catch-up read when that was so already,
        // else in a round trip of its own should the rows read make it so.
        const elsewhere = () => this.#parts?.heldElsewhere() ?? true;
        const seq = await this.#backend.write(this.#applied, elsewhere(), async (rows, live) => {
          this.#apply(rows, caught);
          if (elsewhere()) this.#live = (await live()).add(this.node);
          ran = true;
          for (const task of tasks) {
            try {
              outcomes.push({ value: await task.run(), failed: false });
            } catch (error) {
              outcomes.push({ error, failed: true });
            }
          }
          const changes = this.#queued.splice(0);
          mine = this.#publications.splice(0);
          if (changes.length === 0 && mine.length === 0) return undefined;
          return { changes, data: encodeLogRow(changes, mine) };
        });
        if (seq !== undefined) this.#applied = seq;
        break;
      } catch (err) {
        // Memory may hold what the database refused: read everything again before going on.
        if (ran) this.#stale = true;
        // Log rows this node needed were gone (see #apply) before anything ran: read everything, retry.
        else if (this.#stale && attempt === 0) continue;
        for (const publication of caught) this.#deliver(publication);
        const error = err instanceof StorageUnavailable ? err : new StorageUnavailable(err);
        for (const task of tasks) task.reject(error);
        clearTimeout(this.#retry);
        // Catch up, and write what is still queued (writes made outside a request), without being asked.
        if (!this.#closed) this.#retry = setTimeout(() => (this.#wake(), this.#kick()), RETRY_MS);
        return;
      }
    }
    for (const publication of caught) this.#deliver(publication);
    for (const publication of mine) this.#deliver(publication);
    tasks.forEach((task, i) => {
      const outcome = outcomes[i]!;
      if (outcome.failed) task.reject(outcome.error);
      else task.resolve(outcome.value);
    });
  }

  /**
   * Applies log rows written by others (all of them after the last applied, in order), and delivers
   * their pushes, or adds them to `later` for the caller to deliver, in the same order.
   */
  #apply(rows: readonly LoggedChange[], later?: Publication[]): void {
    for (const row of rows) {
      if (row.seq <= this.#applied) continue;
      if (row.seq !== this.#applied + 1) {
        this.#stale = true;
        throw new Error(`the change log goes from ${this.#applied} to ${row.seq}`);
      }
      const { changes, publications } = decodeLogRow(row.data);
      try {
        for (const change of changes) {
          this.#store.applyChange(change, (c) => this.#parts?.sessionChange(c));
        }
      } catch (err) {
        this.#stale = true;
        throw err;
      }
      this.#applied = row.seq;
      if (later) later.push(...publications);
      else for (const publication of publications) this.#deliver(publication);
    }
  }

  #deliver(publication: Publication): void {
    try {
      this.#parts?.deliver(publication);
    } catch (err) {
      console.error("reference server: a push failed", err);
    }
  }

  /** Reads the whole state again (after a failed write), dropping what was not written. */
  async #reload(): Promise<void> {
    const snapshot = await this.#backend.snapshot();
    await this.#store.load(snapshot);
    this.#applied = snapshot.head;
    this.#queued = [];
    this.#publications = [];
    this.#parts?.sessionsLoaded(this.#store.storedSessions());
    this.#stale = false;
  }

  /** Catches up with the log soon (a notification came, the poll ticked, or a retry is due). */
  #wake(): void {
    if (this.#closed) return;
    if (this.#waking) {
      this.#wakeAgain = true;
      return;
    }
    this.#waking = true;
    this.fresh().catch(() => {}).finally(() => {
      this.#waking = false;
      if (this.#wakeAgain) {
        this.#wakeAgain = false;
        this.#wake();
      }
    });
  }
}

/**
 * What a change-log row holds (JSON): the row changes of a group and the publications it made. The
 * publications of a group mostly go to the same users (each message of a busy conversation to all of
 * its members), so each distinct list of receivers is written once, in `audiences`, and publications
 * name theirs by position: a group of 30 messages to 100 members carries one list of 100 user ids,
 * not 30 (the lists were most of a row's bytes, written, stored and read back by every other node).
 * Rows whose publications carry `users` themselves (written before) are read as well.
 */
interface LogRow {
  changes: Change[];
  audiences?: string[][];
  publications: (Omit<Publication, "users"> & { audience?: number; users?: string[] })[];
}

/** A group's change-log row data. */
export function encodeLogRow(changes: Change[], publications: readonly Publication[]): string {
  const audiences: string[][] = [];
  const positions = new Map<string, number>();
  const logged = publications.map(({ users, name, payload, durable }) => {
    const key = JSON.stringify(users);
    let audience = positions.get(key);
    if (audience === undefined) {
      audience = audiences.push([...users]) - 1;
      positions.set(key, audience);
    }
    return { audience, name, payload, durable };
  });
  const row: LogRow = { changes, audiences, publications: logged };
  return JSON.stringify(row);
}

/** The changes and publications of a change-log row's data. */
export function decodeLogRow(data: string): { changes: Change[]; publications: Publication[] } {
  const row = JSON.parse(data) as LogRow;
  const publications = row.publications.map(({ audience, users, name, payload, durable }) => ({
    users: users ?? row.audiences?.[audience!] ?? [],
    name,
    payload,
    durable,
  }));
  return { changes: row.changes, publications };
}
