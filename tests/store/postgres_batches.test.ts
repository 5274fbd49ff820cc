// The PostgreSQL writer writes a group's changes with one statement per run of like changes (schema.ts
// `batchedStatements`), all in one query with their JSON as literals: the tables must end as applying
// the changes one by one would leave them (order across runs, the last of several puts of one key),
// text that SQL treats specially must come back as written, and the change-log row is kept as text
// (its push payloads may hold what PostgreSQL's JSON types refuse, `\u0000` or a lone surrogate).
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { PostgresBackend } from "../../src/server/storage/postgres.ts";
import { encodeLogRow, type Publication } from "../../src/server/storage/cluster.ts";
import type { Change } from "../../src/server/storage/journal.ts";
import { engines } from "./_engines.ts";

const postgresEngine = engines().find((e) => e.name === "postgres")!;
after(() => postgresEngine.close());

const tricky = String.raw`it's \' '' $1 $& ; -- /* " \" \u0027 é 🙂 ,"audiences":[`;
/** A push whose payload PostgreSQL's JSON types refuse: the row is written all the same. */
const refused: Publication = {
  users: ["USR-1"],
  name: "message",
  payload: { text: "nul \u0000, lone \ud800" },
  durable: true,
};

describe("PostgreSQL group writes", () => {
  it("leave the tables as the changes applied in order would", async () => {
    const { databaseUrl } = await postgresEngine.fresh();
    const backend = await PostgresBackend.open(databaseUrl!);
    try {
      const groups: Change[][] = [
        [
          { table: "meta", put: { key: "a", value: "1" } },
          { table: "meta", put: { key: "b", value: tricky } },
          { table: "meta", put: { key: "b", value: `${tricky} last` } }, // the last put of b is kept
          { table: "meta", put: { key: "c", value: "3" } },
          { table: "session_pending", insert: { session_id: "S1", seq: 1, data: "{}" } },
          { table: "session_pending", insert: { session_id: "S1", seq: 2, data: tricky } },
          { table: "meta", put: { key: "a", value: "again" } }, // a later run: applied after the inserts
        ],
        [
          { table: "meta", put: { key: "x", value: "1" } },
          { table: "meta", put: { key: "y", value: "1" } },
          { table: "meta", put: { key: "y", value: "2" } }, // positions 1 and 3 kept: not a range
          { table: "session_pending", where: { session_id: "S1", seq: 1 } },
          { table: "meta", where: { key: "c" } },
          { table: "meta", put: { key: "c", value: "back" } }, // deleted, then put again
        ],
      ];
      let applied = 0;
      for (const changes of groups) {
        const seq = await backend.write(
          applied,
          false,
          () => Promise.resolve({ changes, data: encodeLogRow(changes, [refused]) }),
        );
        assert.equal(seq, applied + 1);
        applied = seq!;
      }
      const snapshot = await backend.snapshot();
      assert.deepEqual(await snapshot.rows("meta"), [
        { key: "a", value: "again" },
        { key: "b", value: `${tricky} last` },
        { key: "c", value: "back" },
        { key: "x", value: "1" },
        { key: "y", value: "2" },
      ]);
      const pending = (await snapshot.rows("session_pending")).map((r) => ({ ...r, seq: Number(r.seq) }));
      assert.deepEqual(pending, [{ session_id: "S1", seq: 2, data: tricky }]);
      // The log rows read back are the ones written, for the other nodes.
      assert.deepEqual(
        (await backend.since(0)).map((r) => JSON.parse(r.data).changes),
        groups,
      );
    } finally {
      await backend.close();
    }
  });
});
