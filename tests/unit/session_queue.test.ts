// The queue of a session without a socket (src/server/sessions.ts) as several nodes change it: pushes
// queued by another node arrive as change-log row changes, in any order of positions, and are handed
// over in position order, each once, when the session resumes here.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Session } from "../../src/server/sessions.ts";
import type { SessionKeeper } from "../../src/server/storage/durable_store.ts";
import type { Change } from "../../src/server/storage/journal.ts";

const keeper: SessionKeeper = { saved() {}, queued() {}, dequeued() {}, ended() {} };
const user = { id: "USR-1", name: "ann", created: "2026-01-01T00:00:00.000Z" };
const stored = { id: "SES-1", userId: user.id, exp: 2_000_000_000, acks: false, pending: [] };

const queued = (seq: number, text = `m${seq}`): Change => ({
  table: "session_pending",
  insert: { session_id: "SES-1", seq, data: JSON.stringify({ type: "message", body: { text } }) },
});
const replaced = (seq: number, text: string): Change => ({
  table: "session_pending",
  put: { session_id: "SES-1", seq, data: JSON.stringify({ type: "message", body: { text } }) },
});
const taken = (seq?: number): Change => ({
  table: "session_pending",
  where: seq === undefined ? { session_id: "SES-1" } : { session_id: "SES-1", seq },
});
const texts = (session: Session) => session.takePending().map((p) => (p.body as { text: string }).text);

describe("a session's queue changed by other nodes", () => {
  it("hands over pushes in position order, whatever order they were queued in", () => {
    const session = new Session(user, stored.exp, keeper, stored, "node-a");
    for (const seq of [1, 2, 3, 5]) session.applyQueue(queued(seq));
    session.applyQueue(queued(-1)); // put back in front (unacknowledged when a socket dropped)
    session.applyQueue(queued(0));
    session.applyQueue(queued(4));
    assert.deepEqual(texts(session), ["m-1", "m0", "m1", "m2", "m3", "m4", "m5"]);
    assert.deepEqual(texts(session), [], "taken once");
  });

  it("replaces a push at the same position, and takes pushes off by position or all at once", () => {
    const session = new Session(user, stored.exp, keeper, stored, "node-a");
    for (let seq = 1; seq <= 6; seq++) session.applyQueue(queued(seq));
    session.applyQueue(replaced(3, "third, again"));
    session.applyQueue(taken(1));
    session.applyQueue(taken(5));
    session.applyQueue(taken(9)); // not there: nothing happens
    assert.deepEqual(texts(session), ["m2", "third, again", "m4", "m6"]);
    for (let seq = 7; seq <= 9; seq++) session.applyQueue(queued(seq));
    session.applyQueue(taken());
    assert.deepEqual(texts(session), []);
  });
});
