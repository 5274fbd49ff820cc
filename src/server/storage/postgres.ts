/**
 * The PostgreSQL engine, through the `postgres` client: the same schema and statements as the
 * embedded engine. A connection lost while PostgreSQL restarts is made again by the client at the
 * next query; meanwhile commits fail and requests are answered 503.
 *
 * One server writes to a database at a time: it holds an advisory lock on a connection of its own
 * for as long as it runs, and every commit checks, in its transaction, that the lock is still its
 * own. A second server on the same database refuses to start, or with `standby` waits until the lock
 * is free (the active server stopped or died) and then reads the state and takes over. A server
 * that finds its lock taken by another (after losing its connection) stops writing and calls
 * `onLost`. Several active nodes on one database are not supported: each keeps the state in memory.
 *
 * @module
 */
import { postgres, type Sql } from "../deps.ts";
import type { Backend, Cell, Change } from "./journal.ts";
import { MIGRATIONS, MIGRATIONS_TABLE, selectAll, statementOf } from "./schema.ts";

/** Any number: taken by every node that migrates, so two nodes starting at once migrate once. */
const MIGRATION_LOCK = 7_341_002;
/** Held by the one server that writes to the database. */
const WRITER_LOCK = 7_341_003;
/** How often a standby server tries for the writer lock. */
const STANDBY_POLL_MS = 200;

/** Another server holds the database. */
export class DatabaseInUse extends Error {
  constructor() {
    super("another Parley server is using this database; one server per database is supported");
    this.name = "DatabaseInUse";
  }
}

/** PostgreSQL at a `postgres://` URL. */
export class PostgresBackend implements Backend {
  readonly engine = "postgres";
  readonly #sql: Sql;
  /** A client of one connection of its own, for the writer lock (reconnected by the client). */
  readonly #lockSql: Sql;
  /** The process id of the connection holding the writer lock, while this server holds it. */
  #holder: { pid: number } | undefined;
  #lost = false;
  /** Called once when another server took the writer lock: this one must stop. */
  onLost: (() => void) | undefined;

  private constructor(sql: Sql, lockSql: Sql) {
    this.#sql = sql;
    this.#lockSql = lockSql;
  }

  /**
   * Connects to `url`, brings the schema up to date and takes the writer lock; with `standby`, waits
   * for the lock as long as another server holds it.
   */
  static async open(url: string, standby = false): Promise<PostgresBackend> {
    const options = { connect_timeout: 3, idle_timeout: 0, onnotice: () => {} };
    const sql = postgres(url, { max: 8, ...options });
    const backend = new PostgresBackend(sql, postgres(url, { max: 1, ...options }));
    try {
      await backend.#migrate();
      while (true) {
        try {
          await backend.#lock();
          break;
        } catch (err) {
          // A standby waits through the active server's life and through database outages alike.
          if (!standby) throw err;
          await new Promise((resolve) => setTimeout(resolve, STANDBY_POLL_MS));
        }
      }
    } catch (err) {
      await backend.close();
      throw err;
    }
    return backend;
  }

  async apply(changes: readonly Change[]): Promise<void> {
    if (changes.length === 0) return;
    if (this.#lost) throw new DatabaseInUse();
    try {
      const pid = this.#holder?.pid ?? (await this.#lock());
      // Statements of one transaction are pipelined: one round trip for the whole group. The first
      // one fails the transaction unless this server still holds the writer lock.
      await this.#sql.begin((tx) => [
        tx.unsafe(
          `SELECT 1 / (SELECT count(*)::int FROM pg_locks WHERE locktype = 'advisory' AND objid = $1
            AND pid = $2 AND granted)`,
          [WRITER_LOCK, pid],
        ),
        ...changes.map((change) => {
          const { sql, params } = statementOf(change, (i) => `$${i}`);
          return tx.unsafe(sql, params);
        }),
      ]);
    } catch (err) {
      // The lock may have gone with a lost connection: take it again at the next commit.
      this.#unlock();
      if (err instanceof DatabaseInUse && !this.#lost) {
        this.#lost = true;
        this.onLost?.();
      }
      throw err;
    }
  }

  async rows(table: string): Promise<Record<string, Cell>[]> {
    return [...await this.#sql.unsafe(selectAll(table))] as Record<string, Cell>[];
  }

  async close(): Promise<void> {
    this.#unlock();
    // Closing the lock's connection releases the lock.
    await Promise.all([this.#sql.end({ timeout: 5 }), this.#lockSql.end({ timeout: 5 })]);
  }

  /** Takes the writer lock on a connection of its own; answers that connection's process id. */
  async #lock(): Promise<number> {
    // Taken again on the same connection it is counted twice, which is harmless.
    const [row] = await this.#lockSql.unsafe(
      "SELECT pg_try_advisory_lock($1) AS locked, pg_backend_pid() AS pid",
      [WRITER_LOCK],
    );
    if (!row?.locked) throw new DatabaseInUse();
    this.#holder = { pid: row.pid };
    return row.pid;
  }

  /**
   * Forgets the lock after a failed commit; the next commit takes it again (on a new connection if
   * the old one died with the lock).
   */
  #unlock(): void {
    this.#holder = undefined;
  }

  async #migrate(): Promise<void> {
    await this.#sql.begin(async (tx) => {
      await tx.unsafe(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
      await tx.unsafe(MIGRATIONS_TABLE);
      const done = new Set((await tx.unsafe("SELECT version FROM schema_migrations")).map((r) => r.version));
      for (const [i, statements] of MIGRATIONS.entries()) {
        if (done.has(i + 1)) continue;
        for (const statement of statements) await tx.unsafe(statement);
        await tx.unsafe("INSERT INTO schema_migrations (version, applied) VALUES ($1, $2)", [
          i + 1,
          new Date().toISOString(),
        ]);
      }
    });
  }
}
