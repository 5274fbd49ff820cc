// The storage engines the store tests run against: memory, SQLite in a temporary data directory, and
// a throwaway PostgreSQL (installed from Debian when missing). Each `fresh()` is an empty state that
// can be opened again (`reopen`) to see what survived.
import { postgres } from "../../src/server/deps.ts";
import { type PostgresInstance, startPostgres } from "../../scripts/services.ts";
import type { StorageOptions } from "../../src/server/storage/open.ts";

/** One engine under test. */
export interface Engine {
  readonly name: string;
  /** Whether its state survives a restart. */
  readonly durable: boolean;
  /** Options naming a new, empty state of this engine. */
  fresh(): Promise<StorageOptions>;
  /** Releases what the engine started. */
  close(): Promise<void>;
}

let counter = 0;

/** The three engines; PostgreSQL is started on first use and stopped by `close`. */
export function engines(): Engine[] {
  const dirs: string[] = [];
  let pg: PostgresInstance | undefined;
  return [
    { name: "memory", durable: false, fresh: () => Promise.resolve({}), close: () => Promise.resolve() },
    {
      name: "sqlite",
      durable: true,
      async fresh() {
        const dir = await Deno.makeTempDir({ prefix: "parley-data-" });
        dirs.push(dir);
        return { dataDir: dir };
      },
      async close() {
        for (const dir of dirs.splice(0)) await Deno.remove(dir, { recursive: true });
      },
    },
    {
      name: "postgres",
      durable: true,
      async fresh() {
        pg ??= await startPostgres();
        const name = `parley_${Deno.pid}_${++counter}`;
        const admin = postgres(pg.url, { max: 1, onnotice: () => {} });
        await admin.unsafe(`CREATE DATABASE ${name}`);
        await admin.end();
        return { databaseUrl: pg.url.replace(/\/[^/]*$/, `/${name}`) };
      },
      async close() {
        await pg?.destroy();
        pg = undefined;
      },
    },
  ];
}
