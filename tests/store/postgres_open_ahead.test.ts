// The PostgreSQL writer opens its next transaction behind a COMMIT under way when more work waits
// (postgres.ts `openAhead`): the next write takes it over, with its lock held from that commit on,
// so another node's write waits for it and then sees both; and a COMMIT that fails takes the
// transaction opened behind it down with it, leaving the lock free and the writer usable.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { PostgresBackend } from "../../src/server/storage/postgres.ts";
import type { Group } from "../../src/server/storage/postgres.ts";
import { encodeLogRow } from "../../src/server/storage/cluster.ts";
import type { Change } from "../../src/server/storage/journal.ts";
import { engines } from "./_engines.ts";

const postgresEngine = engines().find((e) => e.name === "postgres")!;
after(() => postgresEngine.close());

/** A group of `changes` with its change-log row (which the tables are written from). */
const group = (changes: Change[]): Group => ({ changes, data: encodeLogRow(changes, []) });
const meta = (key: string): Group => group([{ table: "meta", put: { key, value: key } }]);

/**
 * Writes `group` after `applied` on `backend` and opens the next transaction ahead while its COMMIT
 * is under way. Answers the position written, or undefined if the COMMIT was over before that.
 */
async function writeOpeningAhead(backend: PostgresBackend, applied: number, group: Group) {
  let done = false;
  const written = backend.write(applied, false, () => Promise.resolve(group)).finally(() => done = true);
  let opened = false;
  while (!done && !(opened = backend.openAhead())) await new Promise((r) => setImmediate(r));
  const seq = await written;
  return opened ? seq : undefined;
}

describe("PostgreSQL writes opened ahead", () => {
  it("hold the lock from the commit to the next write, which another node then follows", async () => {
    const { databaseUrl } = await postgresEngine.fresh();
    const a = await PostgresBackend.open(databaseUrl!);
    const b = await PostgresBackend.open(databaseUrl!);
    try {
      // The COMMIT is a round trip: the loop almost always catches it under way; a few tries make sure.
      let first: number | undefined;
      let applied = 0;
      for (let attempt = 0; attempt < 20 && first === undefined; attempt++) {
        first = await writeOpeningAhead(a, applied, meta(`a${attempt}`));
        if (first === undefined) applied++;
      }
      assert.ok(first !== undefined, "no COMMIT was caught under way in 20 tries");

      // b's write waits for the lock that a's opened transaction holds.
      let bSaw: number[] = [];
      let bDone = false;
      const bWrite = b.write(first - 1, false, (rows) => {
        bSaw = rows.map((r) => r.seq);
        return Promise.resolve(meta("b"));
      }).finally(() => bDone = true);
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(bDone, false, "another node wrote while the lock was held ahead");

      // a's next write takes the opened transaction over: its catch-up read found nothing new.
      let aSaw: number[] | undefined;
      const second = await a.write(first, false, (rows) => {
        aSaw = rows.map((r) => r.seq);
        return Promise.resolve(meta("a-next"));
      });
      assert.deepEqual(aSaw, []);
      assert.equal(second, first + 1);
      assert.equal(await bWrite, first + 2);
      assert.deepEqual(bSaw, [first, first + 1], "b caught up with both of a's writes");
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("end with a COMMIT that fails, and the writer goes on", async () => {
    const { databaseUrl } = await postgresEngine.fresh();
    const a = await PostgresBackend.open(databaseUrl!);
    const b = await PostgresBackend.open(databaseUrl!);
    try {
      const first = await a.write(0, false, () => Promise.resolve(meta("one")));
      assert.equal(first, 1);
      // An insert of a key that is there fails the group's statement, so its COMMIT is a ROLLBACK;
      // the transaction queued behind it goes down with it.
      const duplicate = group([{ table: "meta", insert: { key: "one", value: "x" } }]);
      // Tried until the transaction was opened ahead behind the failing COMMIT (almost always at once).
      let opened = false;
      for (let attempt = 0; attempt < 20 && !opened; attempt++) {
        let failure: unknown;
        const failing = a.write(first, false, () => Promise.resolve(duplicate)).catch((err) => failure = err);
        while (failure === undefined && !(opened = a.openAhead())) await new Promise((r) => setImmediate(r));
        await failing;
        assert.ok(failure instanceof Error, "the duplicate insert failed");
      }
      assert.ok(opened, "no failing COMMIT was caught under way in 20 tries");
      // Nothing holds the lock: the other node writes at once, after position 1.
      const byB = await b.write(first, false, () => Promise.resolve(meta("b")));
      assert.equal(byB, 2);
      // The writer of a goes on with a new transaction.
      const next = await a.write(first, false, (rows) => {
        assert.deepEqual(rows.map((r) => r.seq), [2]);
        return Promise.resolve(meta("a-after"));
      });
      assert.equal(next, 3);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
