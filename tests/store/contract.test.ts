// The store's contract, run against every engine: lookups and indexes, event ids, replacement and
// cascading deletion; for the durable engines, everything written is there again after reopening,
// sessions with their pending pushes and settings included, and nothing deleted comes back; a node
// applying the changes another node wrote ends with the same state.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { EventRecord, MemberRecord, Store } from "../../src/server/store.ts";
import { DurableStore } from "../../src/server/storage/durable_store.ts";
import { type Change, volatileJournal } from "../../src/server/storage/journal.ts";
import { openStorage, type Storage, type StorageOptions } from "../../src/server/storage/open.ts";
import { engines } from "./_engines.ts";

const T = "2026-01-01T00:00:00.000Z";
const flags = {
  mute: false,
  earmuff: false,
  play_stream: false,
  tts: false,
  recording: false,
  transcribing: false,
};

function member(id: string, conversationId: string, userId: string, seq: number): MemberRecord {
  return {
    id,
    conversationId,
    userId,
    state: "JOINED",
    channel: { type: "app" },
    timestamp: { joined: T },
    seq,
  } as MemberRecord;
}

/** Writes a known state through the Store interface. */
function fill(store: Store): void {
  store.putUser({ id: "USR-a", name: "alice", created: T });
  store.putUser({ id: "USR-b", name: "bob", created: T });
  for (const [id, name] of [["CON-1", "one"], ["CON-2", "two"], ["CON-3", "three"]] as const) {
    store.putConversation({
      id,
      name,
      seq: store.nextSeq(),
      created: T,
      createdBy: "USR-a",
      mediaState: flags,
    });
  }
  // Renamed: the old name is free again.
  store.putConversation({
    ...store.conversation("CON-2")!,
    name: "deux",
    customData: { nested: { x: [1] } },
  });
  store.putMember(member("MEM-1", "CON-1", "USR-a", store.nextSeq()));
  store.putMember(member("MEM-2", "CON-1", "USR-b", store.nextSeq()));
  store.putMember(member("MEM-3", "CON-2", "USR-a", store.nextSeq()));
  store.putMember(member("MEM-9", "CON-3", "USR-b", store.nextSeq()));
  store.putMember({ ...store.member("MEM-2")!, state: "LEFT" });
  for (let i = 0; i < 5; i++) {
    store.appendEvent({ conversationId: "CON-1", type: "message", from: "MEM-1", timestamp: T, body: { i } });
  }
  store.appendEvent({
    conversationId: "CON-2",
    type: "custom:x",
    timestamp: T,
    body: { text: "é\u0000'\"" },
  });
  store.appendEvent({ conversationId: "CON-3", type: "message", timestamp: T, body: {} });
  const third = store.event("CON-1", 3)!;
  store.putEvent({ ...third, state: { seen_by: { "MEM-2": T } } });
  store.putLeg({
    id: "leg-1",
    conversationId: "CON-1",
    userId: "USR-a",
    status: "answered",
    direction: "outbound",
    from: {},
    to: {},
    startTime: T,
    endTime: "",
    mediaState: flags,
  });
  store.putLeg({ ...store.leg("leg-1")!, id: "leg-3", conversationId: "CON-3" });
  store.putKnocking({ id: "KNO-1", legId: "leg-1", userId: "USR-a", conversationId: "CON-1" });
  store.deleteConversation("CON-3");
}

/** Asserts the state {@link fill} leaves. */
function check(store: Store): void {
  assert.equal(store.user("USR-a")?.name, "alice");
  assert.equal(store.userByName("bob")?.id, "USR-b");
  assert.equal(store.userByName("carol"), undefined);
  assert.equal(store.conversationByName("two"), undefined, "a renamed conversation frees its old name");
  assert.deepEqual(store.conversationByName("deux")?.customData, { nested: { x: [1] } });
  assert.equal(store.conversation("CON-3"), undefined, "deleted");
  assert.equal(store.conversationByName("three"), undefined);
  assert.deepEqual(store.members("CON-1").map((m) => [m.id, m.state]).sort(), [
    ["MEM-1", "JOINED"],
    ["MEM-2", "LEFT"],
  ]);
  assert.equal(store.memberOf("CON-1", "USR-b")?.id, "MEM-2");
  assert.deepEqual(store.membershipsOf("USR-a").map((m) => m.conversationId).sort(), ["CON-1", "CON-2"]);
  assert.deepEqual(store.membershipsOf("USR-b").map((m) => m.conversationId), ["CON-1"], "cascade");
  assert.equal(store.member("MEM-9"), undefined);
  const events = store.events("CON-1");
  assert.deepEqual(events.map((e: EventRecord) => e.id), [1, 2, 3, 4, 5]);
  assert.deepEqual(events.map((e) => e.body.i), [0, 1, 2, 3, 4]);
  assert.deepEqual(store.event("CON-1", 3)?.state, { seen_by: { "MEM-2": T } });
  assert.deepEqual(store.event("CON-2", 1)?.body, { text: "é\u0000'\"" });
  assert.equal(store.events("CON-3").length, 0);
  assert.equal(store.leg("leg-1")?.status, "answered");
  assert.deepEqual(store.legs("CON-1").map((l) => l.id), ["leg-1"]);
  assert.equal(store.leg("leg-3"), undefined);
  assert.equal(store.knocking("KNO-1")?.legId, "leg-1");
  // Creation order goes on after the stored records.
  assert.ok(store.nextSeq() > Math.max(...store.members("CON-1").map((m) => m.seq)));
  // Ids go on from the stored ones.
  assert.equal(store.appendEvent({ conversationId: "CON-1", type: "x", timestamp: T, body: {} }).id, 6);
}

const all = engines();
after(async () => {
  for (const engine of all) await engine.close();
});

for (const engine of all) {
  describe(`store contract: ${engine.name}`, () => {
    let options: StorageOptions;
    const open = async () => {
      options ??= await engine.fresh();
      return await openStorage(options);
    };
    const reopened = async (storage: Storage) => {
      if (!engine.durable) return storage;
      await storage.journal.close();
      return await open();
    };

    it("stores, indexes, replaces and deletes records; event ids count from 1 per conversation", async () => {
      const storage = await open();
      assert.equal(storage.engine, engine.name);
      fill(storage.store);
      await storage.journal.commit();
      const again = await reopened(storage);
      check(again.store);
      await again.journal.close();
    });

    if (engine.durable) {
      it("keeps sessions with their pending pushes, and settings", async () => {
        const storage = await open();
        const keeper = storage.durable!;
        keeper.saved({ id: "SES-1", userId: "USR-a", exp: 100, acks: false });
        keeper.saved({ id: "SES-1", userId: "USR-a", exp: 200, acks: true });
        keeper.saved({ id: "SES-2", userId: "USR-b", exp: 100, acks: false });
        for (let seq = 1; seq <= 4; seq++) keeper.queued("SES-1", seq, { id: seq });
        keeper.queued("SES-1", -1, { id: 0 });
        keeper.dequeued("SES-1", [2]);
        keeper.queued("SES-2", 1, { id: 1 });
        keeper.dequeued("SES-2");
        // Queued again after its removal, in the same commit: the order of the changes holds.
        keeper.queued("SES-2", 1, { id: 2 });
        keeper.saved({ id: "SES-3", userId: "USR-b", exp: 100, acks: false });
        keeper.queued("SES-3", 1, { id: 1 });
        keeper.ended("SES-3");
        keeper.putSetting("k", "v1");
        keeper.putSetting("k", "v2");
        await storage.journal.commit();
        const again = await reopened(storage);
        const sessions = again.durable!.storedSessions().sort((a, b) => a.id.localeCompare(b.id));
        assert.deepEqual(sessions.map((s) => [s.id, s.exp, s.acks]), [["SES-1", 200, true], [
          "SES-2",
          100,
          false,
        ]]);
        assert.deepEqual(sessions[0]!.pending.map((p) => [p.seq, p.payload.id]), [[-1, 0], [1, 1], [3, 3], [
          4,
          4,
        ]]);
        assert.deepEqual(sessions[1]!.pending.map((p) => [p.seq, p.payload.id]), [[1, 2]]);
        assert.equal(again.durable!.setting("k"), "v2");
        await again.journal.close();
      });
    }
  });
}

// Several nodes on one PostgreSQL: a node applies the changes another wrote (storage/cluster.ts) and
// must end with the same state as the writer, without writing anything itself.
describe("store contract: a node applying another's changes", () => {
  it("ends with the same records, event ids, creation order and settings", () => {
    const written: Change[] = [];
    const writer = new DurableStore({ ...volatileJournal, write: (change) => written.push(change) });
    fill(writer);
    writer.putSetting("k", "v");
    writer.saved({ id: "SES-1", userId: "USR-a", exp: 100, acks: true, node: "7" });
    writer.queued("SES-1", 1, { id: 1 });
    const echoed: Change[] = [];
    const reader = new DurableStore({ ...volatileJournal, write: (change) => echoed.push(change) });
    const sessions: Change[] = [];
    for (const change of JSON.parse(JSON.stringify(written)) as Change[]) {
      reader.applyChange(change, (c) => sessions.push(c));
    }
    assert.deepEqual(echoed, [], "applying writes nothing");
    check(reader);
    assert.equal(reader.setting("k"), "v");
    assert.deepEqual(sessions.map((c) => c.table), ["sessions", "session_pending"], "handed to the sessions");
  });
});
