// The change-log row of several nodes (src/server/storage/cluster.ts): each distinct list of
// receivers is written once per row, and rows read back give every publication its own receivers.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { decodeLogRow, encodeLogRow, type Publication } from "../../src/server/storage/cluster.ts";
import type { Change } from "../../src/server/storage/journal.ts";

const members = Array.from({ length: 100 }, (_, i) => `USR-${i}`);
const message = (i: number, users: string[], durable = true): Publication => ({
  users,
  name: "message",
  payload: { type: "message", id: i, body: { text: `m${i}` } },
  durable,
});

describe("change-log rows", () => {
  it("give back every publication with its receivers, in order, and the changes", () => {
    const changes: Change[] = [{ table: "events", insert: { conversation_id: "CON-1", id: 1, data: "{}" } }];
    const publications = [
      message(1, members),
      message(2, ["USR-1", "USR-2"], false),
      message(3, members),
      message(4, []),
      message(5, ["USR-2", "USR-1"]),
    ];
    const read = decodeLogRow(encodeLogRow(changes, publications));
    assert.deepEqual(read.changes, changes);
    assert.deepEqual(read.publications, publications);
  });

  it("hold each list of receivers once", () => {
    const publications = Array.from({ length: 30 }, (_, i) => message(i, members));
    const data = encodeLogRow([], publications);
    assert.equal(data.split('"USR-99"').length - 1, 1);
    assert.ok(data.length < JSON.stringify(members).length + 30 * 120, `${data.length} characters`);
  });

  it("read rows whose publications carry their receivers themselves", () => {
    const publications = [message(1, members), message(2, ["USR-7"])];
    const read = decodeLogRow(JSON.stringify({ changes: [], publications }));
    assert.deepEqual(read.publications, publications);
    assert.deepEqual(decodeLogRow(JSON.stringify({ changes: [], publications: [] })).publications, []);
  });
});
