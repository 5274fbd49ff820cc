/**
 * The embedded engine: SQLite in one file under the data directory, through Deno's built-in
 * `node:sqlite` (no other process, no dependency). Write-ahead logging with `synchronous=FULL`, so a
 * committed transaction survives the process being killed and the machine losing power.
 *
 * @module
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync, type StatementSync } from "node:sqlite";
import type { Backend, Cell, Change } from "./journal.ts";
import { MIGRATIONS, MIGRATIONS_TABLE, selectAll, statementOf } from "./schema.ts";

/** The file name of the database inside the data directory. */
export const DATABASE_FILE = "parley.sqlite";

/** SQLite under a data directory. */
export class SqliteBackend implements Backend {
  readonly engine = "sqlite";
  readonly #db: DatabaseSync;
  readonly #statements = new Map<string, StatementSync>();

  private constructor(db: DatabaseSync) {
    this.#db = db;
  }

  /** Opens (creating it if needed) the database in `dir` and brings its schema up to date. */
  static open(dir: string): SqliteBackend {
    mkdirSync(dir, { recursive: true });
    const db = new DatabaseSync(join(dir, DATABASE_FILE));
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = FULL");
    db.exec("PRAGMA busy_timeout = 5000");
    const backend = new SqliteBackend(db);
    backend.#migrate();
    return backend;
  }

  apply(changes: readonly Change[]): Promise<void> {
    this.#transaction(() => {
      for (const change of changes) {
        const { sql, params } = statementOf(change, () => "?");
        this.#prepared(sql).run(...params);
      }
    });
    return Promise.resolve();
  }

  rows(table: string): Promise<Record<string, Cell>[]> {
    return Promise.resolve(this.#db.prepare(selectAll(table)).all() as Record<string, Cell>[]);
  }

  close(): Promise<void> {
    if (this.#db.isOpen) this.#db.close();
    return Promise.resolve();
  }

  #migrate(): void {
    this.#db.exec(MIGRATIONS_TABLE);
    const done = new Set(
      this.#db.prepare("SELECT version FROM schema_migrations").all().map((r) => Number(r.version)),
    );
    MIGRATIONS.forEach((statements, i) => {
      const version = i + 1;
      if (done.has(version)) return;
      this.#transaction(() => {
        for (const sql of statements) this.#db.exec(sql);
        this.#db.prepare("INSERT INTO schema_migrations (version, applied) VALUES (?, ?)")
          .run(version, new Date().toISOString());
      });
    });
  }

  #transaction(work: () => void): void {
    this.#db.exec("BEGIN IMMEDIATE");
    try {
      work();
      this.#db.exec("COMMIT");
    } catch (err) {
      this.#db.exec("ROLLBACK");
      throw err;
    }
  }

  #prepared(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (!statement) this.#statements.set(sql, statement = this.#db.prepare(sql));
    return statement;
  }
}
