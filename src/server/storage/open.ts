/**
 * Picks and opens the storage engine of a server: memory (nothing given), SQLite in a data
 * directory (`dataDir`), or PostgreSQL (`databaseUrl`, where any number of nodes may share one
 * database: see cluster.ts).
 *
 * @module
 */
import { MemoryStore } from "../store.ts";
import { DurableStore } from "./durable_store.ts";
import { ClusterJournal, type Coordinator, LocalCoordinator } from "./cluster.ts";
import { type Backend, type Journal, SqlJournal, volatileJournal } from "./journal.ts";

/** Where a server keeps its state. */
export interface StorageOptions {
  /** A directory for the embedded engine (SQLite), created if missing. */
  dataDir?: string;
  /** A `postgres://` URL. */
  databaseUrl?: string;
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
  /** How requests meet this storage (alone, or as one node of several). */
  readonly coordinator: Coordinator;
}

/** Opens the engine the options name and reads its state into memory. */
export async function openStorage(options: StorageOptions): Promise<Storage> {
  if (options.dataDir !== undefined && options.databaseUrl !== undefined) {
    throw new TypeError("give dataDir or databaseUrl, not both");
  }
  // Loaded only when used: node:sqlite is missing from older Node versions, and the PostgreSQL client
  // is not needed by servers that do not use it.
  if (options.databaseUrl !== undefined) {
    const backend = await (await import("./postgres.ts")).PostgresBackend.open(options.databaseUrl);
    try {
      const snapshot = await backend.snapshot();
      const journal = new ClusterJournal(backend);
      const durable = new DurableStore(journal);
      await durable.load(snapshot);
      journal.follow(durable, snapshot.head);
      return { engine: backend.engine, store: durable, journal, durable, coordinator: journal };
    } catch (err) {
      await backend.close();
      throw err;
    }
  }
  let backend: Backend;
  if (options.dataDir !== undefined) {
    backend = (await import("./sqlite.ts")).SqliteBackend.open(options.dataDir);
  } else {
    return {
      engine: "memory",
      store: new MemoryStore(),
      journal: volatileJournal,
      durable: undefined,
      coordinator: new LocalCoordinator(volatileJournal),
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
  return {
    engine: backend.engine,
    store: durable,
    journal,
    durable,
    coordinator: new LocalCoordinator(journal),
  };
}
