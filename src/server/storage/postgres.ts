/**
 * The PostgreSQL engine, through the `postgres` client: the same schema and statements as the
 * embedded engine, plus what several nodes on one database need (see cluster.ts for how they use
 * it): a write lock taken inside each writing transaction, the change log every node reads, a
 * notification when it grows, and a presence lock per running node. A connection lost while
 * PostgreSQL restarts is made again by the client at the next query; meanwhile queries fail and
 * requests are answered 503.
 *
 * Two defects of the client (3.4.9) kill the process when a connection dies at the wrong moment, so
 * they are kept out of the way: its array-types query on every new connection (`fetch_types`) drops
 * its promise, so its failure is an unhandled rejection (porsager/postgres#1192), and `sql.begin`
 * writes its ROLLBACK to a connection that has already closed, an uncaught TypeError
 * (porsager/postgres#1208). Parley uses no array types, and writing transactions send BEGIN, COMMIT
 * and ROLLBACK themselves, pipelined, on a client of one connection. That client reconnects by itself
 * and then runs what was still queued outside the transaction that queued it: its connections are
 * read-only by default, so such a statement fails instead of writing part of a group.
 *
 * @module
 */
import { postgres, type Sql } from "../deps.ts";
import type { Cell, Change } from "./journal.ts";
import { batchedStatements, MIGRATIONS, MIGRATIONS_TABLE, selectAll, sqlLiteral } from "./schema.ts";

/** Any number: taken by every node that migrates, so two nodes starting at once migrate once. */
const MIGRATION_LOCK = 7_341_002;
/** Taken (for one transaction) by every node that writes: one writer at a time, cluster-wide. */
const WRITE_LOCK = 7_341_004;
/** First key of each node's presence lock; the second is the node's number. */
const NODE_LOCK_CLASS = 7_341_005;
/** The channel on which a commit announces a new change-log row; the payload is the node that wrote it. */
const CHANNEL = "parley_changes";
/**
 * How many change-log rows are kept: every {@link PRUNE_EVERY}th write deletes older ones. Only nodes
 * catching up read the log (a start reads the tables), and a node that finds rows it needs deleted
 * reads its whole state again.
 */
const KEEP_CHANGES = 100_000;
const PRUNE_EVERY = 1_000;
/** How often a node makes sure it still holds its presence lock (after a lost connection). */
const PRESENCE_MS = 1_000;
/** The tables of the state, read whole at start. */
const TABLES = [
  "meta",
  "users",
  "conversations",
  "members",
  "events",
  "legs",
  "knockings",
  "sessions",
  "session_pending",
];

/**
 * Options of a statement with parameters (the log read). Unprepared (the client's default for
 * `unsafe`), such a statement is sent only after a round trip of its own that describes its
 * parameters; prepared (once per connection and statement), it goes at once.
 */
const PREPARED = { prepare: true };

/** One row of the change log. */
export interface LoggedChange {
  /** Position in the log, from 1, without gaps. */
  readonly seq: number;
  /** The node that wrote it. */
  readonly node: string;
  /** What it changed and published (JSON, see cluster.ts). */
  readonly data: string;
}

/** A group to write: row changes, and the change-log row that tells the other nodes about them. */
export interface Group {
  readonly changes: readonly Change[];
  readonly data: string;
}

/** The state of the database at one moment. */
export interface Snapshot {
  /** The last change-log row it includes. */
  readonly head: number;
  /** Every row of a table, in primary key order. */
  rows(table: string): Promise<Record<string, Cell>[]>;
}

/** PostgreSQL at a `postgres://` URL. */
export class PostgresBackend {
  readonly engine = "postgres";
  /** This node's name in the change log and in sessions (its presence lock's number). */
  readonly node: string;
  readonly #sql: Sql;
  /** The client of one connection, read-only by default, of the writing transactions. */
  #writer: Sql;
  /** Makes a new writer client (see {@link #renewWriter}). */
  readonly #newWriter: () => Sql;
  /** A client of one connection of its own, for the presence lock (reconnected by the client). */
  readonly #presenceSql: Sql;
  #presence: ReturnType<typeof setInterval> | undefined;
  /**
   * The next writing transaction, opened on the writer's connection right behind the last COMMIT
   * (see {@link write}): the log position its catch-up read starts after, and that query's results.
   */
  #opened: { after: number; results: Promise<Record<string, unknown>[][]> } | undefined;
  /** The write whose COMMIT is under way: the position it takes, and whether it read the nodes. */
  #committing: { seq: number; withNodes: boolean } | undefined;

  private constructor(sql: Sql, newWriter: () => Sql, presenceSql: Sql, node: string) {
    this.#sql = sql;
    this.#newWriter = newWriter;
    this.#writer = newWriter();
    this.#presenceSql = presenceSql;
    this.node = node;
  }

  /** Connects to `url`, brings the schema up to date and announces this node. */
  static async open(url: string): Promise<PostgresBackend> {
    const options = {
      connect_timeout: 3,
      idle_timeout: 0,
      onnotice: () => {},
      fetch_types: false,
      // Reconnect within a second of PostgreSQL's return (the client's default waits up to 20 s).
      backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1),
    };
    const sql = postgres(url, { max: 8, ...options });
    const writer = () =>
      postgres(url, {
        max: 1,
        connection: { default_transaction_read_only: true, standard_conforming_strings: "on" },
        ...options,
        // A client renewed while it was reconnecting may still open that connection: it closes idle.
        idle_timeout: 30,
      });
    const node = String(1 + Math.floor(Math.random() * 2_147_483_646));
    const backend = new PostgresBackend(sql, writer, postgres(url, { max: 1, ...options }), node);
    try {
      await backend.#migrate();
      await backend.#announce();
    } catch (err) {
      await backend.close();
      throw err;
    }
    backend.#presence = setInterval(() => backend.#announce().catch(() => {}), PRESENCE_MS);
    return backend;
  }

  /**
   * Reads the whole state and the log position it corresponds to, in one consistent snapshot: one
   * pipelined transaction on the writer's connection (called one at a time with the writing ones,
   * cluster.ts), not `sql.begin`, which is unsafe on a connection that dies (see above).
   */
  async snapshot(): Promise<Snapshot> {
    const sql = this.#writer;
    this.#closeOpened(sql);
    const [, top, ...tables] = await Promise.all([
      sql.unsafe("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"),
      sql.unsafe("SELECT coalesce(max(seq), 0) AS head FROM changes"),
      ...TABLES.map((table) => sql.unsafe(selectAll(table))),
      sql.unsafe("COMMIT"),
    ]).catch((err) => {
      this.#renewWriter(); // as in write()
      throw err;
    });
    const rows = new Map(TABLES.map((table, i) => [table, [...tables[i]!] as Record<string, Cell>[]]));
    return {
      head: Number(top?.[0]?.head ?? 0),
      rows: (table: string) => Promise.resolve(rows.get(table) ?? []),
    };
  }

  /** The change-log rows after `seq`, in order. */
  async since(seq: number): Promise<LoggedChange[]> {
    return logged(
      await this.#sql.unsafe(
        "SELECT seq, node, data FROM changes WHERE seq > $1 ORDER BY seq",
        [seq],
        PREPARED,
      ),
    );
  }

  /**
   * One writing transaction under the cluster's write lock: reads the log rows after `applied`, hands
   * them to `work` with a way to read the nodes that are up (read with the rows when `withNodes`),
   * then writes the group `work` answers (if any) with its change-log row numbered after the last
   * one. Resolves that number (undefined when nothing was written); nothing is written when it rejects.
   *
   * When more work is waiting while the COMMIT is under way ({@link openAhead}), the next
   * transaction is opened right behind it: its lock and catch-up read are done by the time the next
   * call comes, which takes them over.
   */
  async write(
    applied: number,
    withNodes: boolean,
    work: (rows: LoggedChange[], live: () => Promise<Set<string>>) => Promise<Group | undefined>,
  ): Promise<number | undefined> {
    // Called one at a time (cluster.ts), so the writer's one connection holds this transaction alone.
    const sql = this.#writer;
    let open = true;
    try {
      if (!Number.isSafeInteger(applied)) throw new TypeError(`not a log position: ${applied}`);
      // An opened transaction read the log from where this node was at its commit; rows applied since
      // (caught up with outside a write) come again in its read and are skipped (cluster.ts `#apply`).
      const opened = this.#opened;
      this.#opened = undefined;
      const results = opened && opened.after <= applied
        ? await opened.results
        : (this.#closeOpened(sql, opened), await this.#open(sql, applied, withNodes));
      const log = logged(results[2]!);
      const nodes = async () => nodesOf(results[3] ?? await sql.unsafe(NODES));
      const group = await work(log, nodes);
      if (!group) return undefined;
      const seq = (log.at(-1)?.seq ?? applied) + 1;
      // One round trip and one write too: the statements (one per run of like changes, batchedStatements
      // in schema.ts), the change-log row, its notification and the COMMIT as one query of several
      // statements, their JSON as literals. Prepared statements with parameters would be one query each
      // for the client to build and handle, and the COMMIT would be a write of its own. The database
      // runs them in order and stops at the first that fails, leaving the transaction to roll back.
      open = false;
      const statements = batchedStatements(group.changes);
      statements.push(
        `INSERT INTO changes (seq, node, data) VALUES (${seq}, '${this.node}', ${sqlLiteral(group.data)})`,
        `NOTIFY ${CHANNEL}, '${this.node}'`,
      );
      if (seq % PRUNE_EVERY === 0) statements.push(`DELETE FROM changes WHERE seq <= ${seq - KEEP_CHANGES}`);
      statements.push("COMMIT");
      // Queued when executed, here, ahead of a transaction opened behind it (openAhead).
      const committed = sql.unsafe(statements.join(";\n")).execute();
      this.#committing = { seq, withNodes };
      try {
        await committed;
      } finally {
        this.#committing = undefined;
      }
      return seq;
    } catch (err) {
      open = false;
      this.#renewWriter();
      throw err;
    } finally {
      // Nothing to write: end the transaction. Not waited for: it is queued ahead of the next BEGIN.
      if (open) sql.unsafe("ROLLBACK").execute().catch(() => {});
    }
  }

  /**
   * Work is waiting for the next write: if a COMMIT is under way, the next transaction is opened
   * right behind it (queued on the same connection, so the database runs it once the COMMIT is done),
   * and the next {@link write} takes it over. That hides a round trip from every write that follows
   * another at once. Nothing happens otherwise, or if it is opened already. The lock is then held
   * from that commit to the next write, which comes as soon as this node has answered the last one.
   * Should the COMMIT fail, this fails with it, on the client that #renewWriter ends. Answers
   * whether a transaction is opened ahead now.
   */
  openAhead(): boolean {
    if (this.#opened !== undefined) return true;
    if (this.#committing === undefined) return false;
    const { seq, withNodes } = this.#committing;
    this.#opened = { after: seq, results: this.#open(this.#writer, seq, withNodes) };
    return true;
  }

  /**
   * Opens a writing transaction: takes the write lock, then reads the log rows after `applied` (and
   * the running nodes when `withNodes`). Held until the commit: the rows read are all there are, and
   * this node's come right after them. One query of several statements (one round trip, one query
   * for the client to handle); the database runs them in order, the reads once it has the lock. The
   * numbers are our own integers. Its rejection is handled here too, for a transaction opened ahead
   * that nobody takes over.
   */
  #open(sql: Sql, applied: number, withNodes: boolean): Promise<Record<string, unknown>[][]> {
    const results = sql.unsafe([
      "BEGIN READ WRITE",
      `SELECT pg_advisory_xact_lock(${WRITE_LOCK})`,
      `SELECT seq, node, data FROM changes WHERE seq > ${applied} ORDER BY seq`,
      ...withNodes ? [NODES] : [],
    ].join(";\n")).execute() as unknown as Promise<Record<string, unknown>[][]>;
    results.catch(() => {});
    return results;
  }

  /** Ends a transaction opened ahead (see {@link write}) that will not be taken over: the next query follows it. */
  #closeOpened(sql: Sql, opened = this.#opened): void {
    if (opened === undefined) return;
    if (opened === this.#opened) this.#opened = undefined;
    sql.unsafe("ROLLBACK").execute().catch(() => {});
  }

  /**
   * After a failed transaction the next one starts on a new client, the old one ended (which ends its
   * transaction too). The failed one's statements may still be queued in the old client, each to be
   * tried on a connection of its own; and the client (3.4.9) can be left unable to connect again: a
   * message it had buffered when its connection closed keeps the next connection's startup from being
   * sent, so every attempt times out (seen under restarts of PostgreSQL every few hundred ms).
   */
  #renewWriter(): void {
    this.#opened = undefined; // its transaction ends with the old client
    const old = this.#writer;
    this.#writer = this.#newWriter();
    old.end({ timeout: 0 }).catch(() => {});
  }

  /** Calls `fn` whenever a commit added to the change log (best effort: nodes also poll). */
  async listen(fn: () => void): Promise<void> {
    // The payload is the committing node: a node's own commits are in its memory already.
    await this.#sql.listen(CHANNEL, (node) => node !== this.node && fn());
  }

  /** Releases the connections (which releases the presence lock). */
  async close(): Promise<void> {
    clearInterval(this.#presence);
    await Promise.all([this.#sql, this.#writer, this.#presenceSql].map((sql) => sql.end({ timeout: 5 })));
  }

  /** Takes this node's presence lock on its connection, unless that connection holds it already. */
  async #announce(): Promise<void> {
    const key = `${NODE_LOCK_CLASS}, ${Number(this.node)}`; // our own integers
    await this.#presenceSql.unsafe(
      `SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND
        (classid, objid, objsubid) = (${key}, 2) AND pid = pg_backend_pid() AND granted)
        THEN true ELSE pg_try_advisory_lock(${key}) END`,
    );
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

/** The nodes holding their presence lock. */
const NODES = `SELECT objid FROM pg_locks WHERE locktype = 'advisory' AND classid = ${NODE_LOCK_CLASS}
  AND objsubid = 2 AND granted`;

function nodesOf(rows: readonly Record<string, unknown>[]): Set<string> {
  return new Set(rows.map((n) => String(n.objid)));
}

function logged(rows: readonly Record<string, unknown>[]): LoggedChange[] {
  return rows.map((r) => ({ seq: Number(r.seq), node: String(r.node), data: String(r.data) }));
}
