/**
 * Picks and opens the storage engine of a server: memory (nothing given), SQLite in a data
 * directory (`dataDir`), or PostgreSQL (`databaseUrl`).
 *
 * @module
 */
import { MemoryStore } from "../store.ts";
import { DurableStore } from "./durable_store.ts";
import { type Backend, type Journal, SqlJournal, volatileJournal } from "./journal.ts";

/** Where a server keeps its state. */
export interface StorageOptions {
  /** A directory for the embedded engine (SQLite), created if missing. */
  dataDir?: string;
  /** A `postgres://` URL. */
  databaseUrl?: string;
  /** With `databaseUrl`: wait while another server is active on the database, then take over. */
  standby?: boolean;
}

/** An open storage engine. */
export interface Storage {
  /** `memory`, `sqlite` or `postgres`. */
  readonly engine: string;
  /** The records. */
  readonly store: MemoryStore;
  /** Where writes wait to become durable. */
  readonly journal: Journal;
  /** The durable store (sessions, settings), absent for the memory engine. */
  readonly durable: DurableStore | undefined;
  /** Registers what to do when another server took over the database (PostgreSQL only). */
  onLost(fn: () => void): void;
}

/** Opens the engine the options name and reads its state into memory. */
export async function openStorage(options: StorageOptions): Promise<Storage> {
  if (options.dataDir !== undefined && options.databaseUrl !== undefined) {
    throw new TypeError("give dataDir or databaseUrl, not both");
  }
  // Loaded only when used: node:sqlite is missing from older Node versions, and the PostgreSQL client
  // is not needed by servers that do not use it.
  let backend: Backend;
  let onLost: Storage["onLost"] = () => {};
  if (options.databaseUrl !== undefined) {
    const postgres = await (await import("./postgres.ts")).PostgresBackend.open(
      options.databaseUrl,
      options.standby ?? false,
    );
    backend = postgres;
    onLost = (fn) => postgres.onLost = fn;
  } else if (options.dataDir !== undefined) {
    backend = (await import("./sqlite.ts")).SqliteBackend.open(options.dataDir);
  } else {
    return {
      engine: "memory",
      store: new MemoryStore(),
      journal: volatileJournal,
      durable: undefined,
      onLost,
    };
  }
  const journal = new SqlJournal(backend);
  const durable = new DurableStore(journal);
  try {
    await durable.load(backend);
  } catch (err) {
    await backend.close();
    throw err;
  }
  return { engine: backend.engine, store: durable, journal, durable, onLost };
}
