/**
 * The write path of a durable store: every change of state is written to a {@link Journal} as a row
 * change, and {@link Journal.commit} makes everything written so far durable in one transaction of
 * the database (group commit: writes that arrive while a transaction runs go into the next one).
 *
 * The server answers a request only after its commit, so an answered write survives a crash at any
 * moment; pushes about a change leave only after it is durable ({@link Journal.afterCommit}), so a
 * client never holds an event id that a restarted server could hand out again. When the database
 * cannot take a commit, the changes stay queued in order and are retried, and the request that
 * waited is answered 503 ({@link StorageUnavailable}).
 *
 * @module
 */

/** A column value of a stored row. */
export type Cell = string | number;

/**
 * One change of one table: a new row (`insert`: a row with the same key already there fails the
 * commit, which is how two writers of one event id show up), a row to insert or replace, or the rows
 * matching `where` to delete.
 */
export type Change =
  | { readonly table: string; readonly insert: Readonly<Record<string, Cell>> }
  | { readonly table: string; readonly put: Readonly<Record<string, Cell>> }
  | { readonly table: string; readonly where: Readonly<Record<string, Cell>> };

/** The database under a journal. */
export interface Backend {
  /** `sqlite` or `postgres`. */
  readonly engine: string;
  /** Applies the changes, in order, in one transaction; rejects (changing nothing) when it cannot. */
  apply(changes: readonly Change[]): Promise<void>;
  /** Every row of a table, in primary key order (`selectAll` in schema.ts). */
  rows(table: string): Promise<Record<string, Cell>[]>;
  /** Releases the connection or file. */
  close(): Promise<void>;
}

/** The database could not take a commit now; the request is answered 503 and may be retried. */
export class StorageUnavailable extends Error {
  /** Wraps the database's own error. */
  constructor(cause: unknown) {
    super(`the database cannot take writes now: ${cause instanceof Error ? cause.message : cause}`, {
      cause,
    });
    this.name = "StorageUnavailable";
  }
}

/** Where changes of state go before they count as done. */
export interface Journal {
  /** Queues a change for the next commit. */
  write(change: Change): void;
  /** Resolves once everything written so far is durable; rejects with {@link StorageUnavailable}. */
  commit(): Promise<void>;
  /** Runs `fn` once everything written so far is durable (at once when nothing waits). */
  afterCommit(fn: () => void): void;
  /** Commits what is left and closes the database. */
  close(): Promise<void>;
}

/** The journal of the memory engine: nothing is durable, so everything counts as done at once. */
export const volatileJournal: Journal = {
  write() {},
  commit: () => Promise.resolve(),
  afterCommit: (fn) => fn(),
  close: () => Promise.resolve(),
};

/** How long a failed commit waits before it is tried again without being asked. */
const RETRY_MS = 500;

/** A journal over a SQL {@link Backend}, committing in groups. */
export class SqlJournal implements Journal {
  readonly #backend: Backend;
  #queued: Change[] = [];
  /** Changes written, and changes durable, since the start. */
  #written = 0;
  #durable = 0;
  #flushing: Promise<void> | undefined;
  #scheduled = false;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #waiting: { mark: number; fn: () => void }[] = [];
  #closed = false;

  /** A journal writing to `backend`. */
  constructor(backend: Backend) {
    this.#backend = backend;
  }

  /** The database engine's name. */
  get engine(): string {
    return this.#backend.engine;
  }

  write(change: Change): void {
    if (this.#closed) return; // a timer firing after close: nothing can be kept any more
    this.#queued.push(change);
    this.#written++;
    // Writes made outside a request (timers of a call flow) are committed soon without being asked.
    if (!this.#scheduled) {
      this.#scheduled = true;
      setTimeout(() => {
        this.#scheduled = false;
        this.commit().catch(() => {});
      }, 0);
    }
  }

  async commit(): Promise<void> {
    const mark = this.#written;
    while (this.#durable < mark) {
      this.#flushing ??= this.#flush().finally(() => this.#flushing = undefined);
      await this.#flushing;
    }
  }

  afterCommit(fn: () => void): void {
    if (this.#durable === this.#written) fn();
    else this.#waiting.push({ mark: this.#written, fn });
  }

  async close(): Promise<void> {
    clearTimeout(this.#retry);
    try {
      await this.commit();
    } finally {
      this.#closed = true;
      await this.#backend.close();
    }
  }

  async #flush(): Promise<void> {
    const batch = this.#queued;
    this.#queued = [];
    clearTimeout(this.#retry);
    try {
      await this.#backend.apply(batch);
    } catch (err) {
      // Kept, in order, ahead of anything written since; tried again until the database is back.
      this.#queued = [...batch, ...this.#queued];
      if (!this.#closed) this.#retry = setTimeout(() => this.commit().catch(() => {}), RETRY_MS);
      throw new StorageUnavailable(err);
    }
    this.#durable += batch.length;
    const ready = this.#waiting.filter((w) => w.mark <= this.#durable);
    this.#waiting = this.#waiting.filter((w) => w.mark > this.#durable);
    for (const { fn } of ready) {
      try {
        fn();
      } catch (err) {
        console.error("reference server: a push after a commit failed", err);
      }
    }
  }
}
