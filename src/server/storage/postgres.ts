/**
 * The PostgreSQL engine, through the `postgres` client: the same schema and statements as the
 * embedded engine. A connection lost while PostgreSQL restarts is made again by the client at the
 * next query; meanwhile commits fail and requests are answered 503.
 *
 * @module
 */
import { postgres, type Sql } from "../deps.ts";
import type { Backend, Cell, Change } from "./journal.ts";
import { MIGRATIONS, MIGRATIONS_TABLE, statementOf } from "./schema.ts";

/** Any number: taken by every node that migrates, so two nodes starting at once migrate once. */
const MIGRATION_LOCK = 7_341_002;

/** PostgreSQL at a `postgres://` URL. */
export class PostgresBackend implements Backend {
  readonly engine = "postgres";
  readonly #sql: Sql;

  private constructor(sql: Sql) {
    this.#sql = sql;
  }

  /** Connects to `url` and brings the schema up to date. */
  static async open(url: string): Promise<PostgresBackend> {
    const sql = postgres(url, { max: 8, connect_timeout: 3, idle_timeout: 0, onnotice: () => {} });
    const backend = new PostgresBackend(sql);
    try {
      await backend.#migrate();
    } catch (err) {
      await sql.end({ timeout: 1 });
      throw err;
    }
    return backend;
  }

  async apply(changes: readonly Change[]): Promise<void> {
    if (changes.length === 0) return;
    // Statements of one transaction are pipelined: one round trip for the whole group.
    await this.#sql.begin((tx) =>
      changes.map((change) => {
        const { sql, params } = statementOf(change, (i) => `$${i}`);
        return tx.unsafe(sql, params);
      })
    );
  }

  async rows(table: string): Promise<Record<string, Cell>[]> {
    return [...await this.#sql.unsafe(`SELECT * FROM ${table}`)] as Record<string, Cell>[];
  }

  async close(): Promise<void> {
    await this.#sql.end({ timeout: 5 });
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
