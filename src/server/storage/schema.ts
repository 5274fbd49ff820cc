/**
 * The one SQL schema of the durable engines (SQLite and PostgreSQL run the same statements), as
 * numbered migrations. A database records the migrations it has had in `schema_migrations`; opening
 * it applies the missing ones in order, each in its own transaction, so upgrading the server
 * upgrades the data in place. Add a migration at the end; never edit one that was released.
 *
 * Records are kept as JSON text in `data`, next to the columns their lookups and deletions need.
 *
 * @module
 */
import type { Cell, Change } from "./journal.ts";

/** The migrations, oldest first: `version` is the position from 1. */
export const MIGRATIONS: readonly (readonly string[])[] = [
  [
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE users (id TEXT PRIMARY KEY, data TEXT NOT NULL)",
    "CREATE TABLE conversations (id TEXT PRIMARY KEY, data TEXT NOT NULL)",
    "CREATE TABLE members (id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, data TEXT NOT NULL)",
    "CREATE INDEX members_by_conversation ON members (conversation_id)",
    `CREATE TABLE events (conversation_id TEXT NOT NULL, id BIGINT NOT NULL, data TEXT NOT NULL,
      PRIMARY KEY (conversation_id, id))`,
    "CREATE TABLE legs (id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, data TEXT NOT NULL)",
    "CREATE INDEX legs_by_conversation ON legs (conversation_id)",
    "CREATE TABLE knockings (id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, data TEXT NOT NULL)",
    "CREATE INDEX knockings_by_conversation ON knockings (conversation_id)",
    "CREATE TABLE sessions (id TEXT PRIMARY KEY, data TEXT NOT NULL)",
    `CREATE TABLE session_pending (session_id TEXT NOT NULL, seq BIGINT NOT NULL, data TEXT NOT NULL,
      PRIMARY KEY (session_id, seq))`,
  ],
  // The change log of several nodes on one PostgreSQL (storage/cluster.ts): one row per committed
  // group of changes, numbered without gaps by the writer that holds the cluster's write lock.
  [
    "CREATE TABLE changes (seq BIGINT PRIMARY KEY, node TEXT NOT NULL, data TEXT NOT NULL)",
  ],
];

/** The primary key columns of each table, which `put` changes replace on. */
export const PRIMARY_KEYS: Readonly<Record<string, readonly string[]>> = {
  meta: ["key"],
  users: ["id"],
  conversations: ["id"],
  members: ["id"],
  events: ["conversation_id", "id"],
  legs: ["id"],
  knockings: ["id"],
  sessions: ["id"],
  session_pending: ["session_id", "seq"],
  changes: ["seq"],
};

/** `SELECT` of every row of a table in primary key order (events by conversation, then id). */
export function selectAll(table: string): string {
  const keys = PRIMARY_KEYS[table];
  if (!keys) throw new Error(`no table ${table}`);
  return `SELECT * FROM ${table} ORDER BY ${keys.join(", ")}`;
}

/** Creates the bookkeeping table of migrations. */
export const MIGRATIONS_TABLE =
  "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)";

/**
 * The statement and parameters of one change, with placeholders made by `slot` (`?` for SQLite;
 * PostgreSQL writes whole groups with {@link batchedStatements}).
 */
export function statementOf(
  change: Change,
  slot: (index: number) => string,
): { sql: string; params: Cell[] } {
  if ("insert" in change) {
    const columns = Object.keys(change.insert);
    return {
      sql: `INSERT INTO ${change.table} (${columns.join(", ")}) VALUES (${
        columns.map((_, i) => slot(i + 1)).join(", ")
      })`,
      params: Object.values(change.insert),
    };
  }
  if ("put" in change) {
    const columns = Object.keys(change.put);
    const keys = PRIMARY_KEYS[change.table];
    if (!keys) throw new Error(`no table ${change.table}`);
    const rest = columns.filter((c) => !keys.includes(c));
    const sql = `INSERT INTO ${change.table} (${columns.join(", ")}) VALUES (${
      columns.map((_, i) => slot(i + 1)).join(", ")
    }) ON CONFLICT (${keys.join(", ")}) DO ${
      rest.length === 0 ? "NOTHING" : `UPDATE SET ${rest.map((c) => `${c} = excluded.${c}`).join(", ")}`
    }`;
    return { sql, params: Object.values(change.put) };
  }
  const columns = Object.keys(change.where);
  return {
    sql: `DELETE FROM ${change.table} WHERE ${columns.map((c, i) => `${c} = ${slot(i + 1)}`).join(" AND ")}`,
    params: Object.values(change.where),
  };
}

/** The columns holding integers (BIGINT); every other column is TEXT. */
const INTEGER_COLUMNS = new Set(["events.id", "session_pending.seq", "changes.seq"]);

/**
 * PostgreSQL: the changes of a group as few statements as keep their meaning, each with its rows as
 * one JSON literal (see {@link sqlLiteral}). Consecutive changes of one table, kind and set of columns become one
 * statement over `json_array_elements` (inserts, upserts, deletes), so a group of N new events is
 * one statement to build, send, parse and plan instead of N. Order across runs is kept; within a run
 * it does not matter (inserts of one key fail as they would one by one; of several puts of one key
 * the last is kept, as applying them in order would).
 */
export function batchedStatements(changes: readonly Change[]): string[] {
  const out: string[] = [];
  let shape = "";
  let rows: Map<string, Cell[]> | Cell[][] = [];
  let first: Change | undefined;
  const flush = () => {
    if (first) out.push(batchedSql(first, sqlLiteral(JSON.stringify([...rows.values()]))));
  };
  for (const change of changes) {
    const { kind, row } = partsOf(change);
    const columns = Object.keys(row);
    const next = `${change.table} ${kind} ${columns.join(",")}`;
    if (next !== shape) {
      flush();
      shape = next;
      first = change;
      rows = kind === "put" ? new Map() : [];
    }
    const values = Object.values(row);
    if (rows instanceof Map) {
      const keys = PRIMARY_KEYS[change.table] ?? [];
      rows.set(JSON.stringify(keys.map((k) => row[k])), values);
    } else rows.push(values);
  }
  flush();
  return out;
}

/** The statement of a run of changes shaped like `change`, reading its rows from the JSON literal `json`. */
function batchedSql(change: Change, json: string): string {
  const { kind, row } = partsOf(change);
  const { table } = change;
  const columns = Object.keys(row);
  const keys = PRIMARY_KEYS[table];
  if (!keys) throw new Error(`no table ${table}`);
  const values = columns.map((c, i) =>
    INTEGER_COLUMNS.has(`${table}.${c}`) ? `(r->>${i})::bigint` : `r->>${i}`
  ).join(", ");
  const rows = `SELECT ${values} FROM json_array_elements(${json}::text::json) AS r`;
  if (kind === "where") return `DELETE FROM ${table} WHERE (${columns.join(", ")}) IN (${rows})`;
  const insert = `INSERT INTO ${table} (${columns.join(", ")}) ${rows}`;
  if (kind === "insert") return insert;
  const rest = columns.filter((c) => !keys.includes(c));
  return `${insert} ON CONFLICT (${keys.join(", ")}) DO ${
    rest.length === 0 ? "NOTHING" : `UPDATE SET ${rest.map((c) => `${c} = excluded.${c}`).join(", ")}`
  }`;
}

function partsOf(change: Change): { kind: "insert" | "put" | "where"; row: Readonly<Record<string, Cell>> } {
  if ("insert" in change) return { kind: "insert", row: change.insert };
  if ("put" in change) return { kind: "put", row: change.put };
  return { kind: "where", row: change.where };
}

/**
 * A string as a PostgreSQL literal. Only quotes are special on connections with
 * `standard_conforming_strings` on (PostgreSQL's default, which the writer's connections set
 * themselves), where a backslash is an ordinary character.
 */
export function sqlLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
