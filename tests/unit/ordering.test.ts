// The ordering buffer with a scripted event list: every fetch waits until the test answers it.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Ordering, type Sequenced } from "../../src/client/ordering.ts";
import { FakeTimers } from "../_deps.ts";
import { recordingLogger } from "./_log.ts";

interface Fetch {
  conversationId: string;
  fromId: number;
  answer(ids: number[]): Promise<void>;
  fail(err: unknown): Promise<void>;
}

const event = (id: number, conversationId = "C", membership?: "starts" | "ends"): Sequenced<string> =>
  membership
    ? { conversationId, id, item: `${conversationId}${id}`, membership }
    : { conversationId, id, item: `${conversationId}${id}` };

/** Lets the ordering's promise callbacks run. */
const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

function ordering(transient = (_err: unknown) => true) {
  const { logger, lines } = recordingLogger();
  const got: string[] = [];
  const fetches: Fetch[] = [];
  const delays: number[] = [];
  const o = new Ordering<string>({
    deliver: (item) => got.push(item),
    fetchSince: (conversationId, fromId) =>
      new Promise((resolve, reject) => {
        fetches.push({
          conversationId,
          fromId,
          answer: (ids) => (resolve(ids.map((id) => event(id, conversationId))), flush()),
          fail: (err) => (reject(err), flush()),
        });
      }),
    isTransient: transient,
    retryDelayMs: (attempt) => (delays.push(attempt), 100 * 2 ** attempt),
    logger,
  });
  return { o, got, fetches, delays, lines };
}

describe("Ordering", () => {
  it("delivers in order at once, drops duplicates and late events, keeps conversations apart", () => {
    const { o, got, fetches } = ordering();
    for (const e of [event(1), event(2), event(2), event(1), event(3), event(9, "D"), event(10, "D")]) {
      o.receive(e);
    }
    assert.deepEqual(got, ["C1", "C2", "C3", "D9", "D10"]);
    assert.equal(fetches.length, 0);
    assert.ok(o.idle);
  });

  it("holds an event after a gap, back-fills from the last delivered id, then releases in order", async () => {
    const { o, got, fetches } = ordering();
    o.receive(event(1));
    o.receive(event(4));
    o.receive(event(5));
    assert.deepEqual(got, ["C1"]);
    assert.equal(o.idle, false);
    assert.deepEqual([fetches[0]!.conversationId, fetches[0]!.fromId], ["C", 2]);
    o.receive(event(3)); // arrives during the back-fill: held too
    await fetches[0]!.answer([2, 3, 4, 5]);
    assert.deepEqual(got, ["C1", "C2", "C3", "C4", "C5"]);
    o.receive(event(4)); // a late duplicate
    o.receive(event(6));
    assert.deepEqual(got, ["C1", "C2", "C3", "C4", "C5", "C6"]);
    assert.equal(fetches.length, 1);
    assert.ok(o.idle);
  });

  it("a reordered pair is delivered once, in order", async () => {
    const { o, got, fetches } = ordering();
    o.receive(event(1));
    o.receive(event(3));
    o.receive(event(2));
    assert.deepEqual(got, ["C1", "C2", "C3"], "the missing one arrived: no need to wait for the fetch");
    await fetches[0]!.answer([2, 3]);
    assert.deepEqual(got, ["C1", "C2", "C3"]);
  });

  it("skips ids the listing leaves out below an event held before the fetch", async () => {
    const { o, got, fetches } = ordering();
    o.receive(event(1));
    o.receive(event(5));
    await fetches[0]!.answer([3]); // 2 and 4 are not listed (types the server does not list)
    assert.deepEqual(got, ["C1", "C3", "C5"]);
    assert.ok(o.idle);
  });

  it("fetches again for an event held after the fetch began, whose predecessors may be newer", async () => {
    const { o, got, fetches } = ordering();
    o.receive(event(1));
    o.receive(event(3));
    o.receive(event(6)); // during the fetch; 4 and 5 may be stored after its snapshot
    await fetches[0]!.answer([2, 3]);
    assert.deepEqual(got, ["C1", "C2", "C3"]);
    assert.equal(fetches[1]!.fromId, 4);
    await fetches[1]!.answer([4, 5, 6]);
    assert.deepEqual(got, ["C1", "C2", "C3", "C4", "C5", "C6"]);
    assert.ok(o.idle);
  });

  it("catchUp back-fills every open conversation; during a fetch, once more after it", async () => {
    const { o, got, fetches } = ordering();
    o.receive(event(1));
    o.receive(event(1, "D"));
    o.receive(event(2, "D", "ends")); // the user left D: nothing to catch up there
    o.catchUp();
    assert.deepEqual(fetches.map((f) => [f.conversationId, f.fromId]), [["C", 2]]);
    o.catchUp();
    await fetches[0]!.answer([2]);
    assert.equal(fetches[1]!.fromId, 3);
    await fetches[1]!.answer([3]);
    assert.deepEqual(got, ["C1", "D1", "D2", "C2", "C3"]);
    assert.ok(o.idle);
  });

  it("after the user left, the next newer event starts afresh; a new membership too", () => {
    const { o, got, fetches } = ordering();
    o.receive(event(1));
    o.receive(event(2, "C", "ends"));
    o.receive(event(9));
    o.receive(event(20, "C", "starts"));
    o.receive(event(9));
    assert.deepEqual(got, ["C1", "C2", "C9", "C20"]);
    assert.equal(fetches.length, 0);
  });

  it("retries a transient failure with backoff, at once after catchUp, and stops on reset", async () => {
    const clock = FakeTimers.install();
    try {
      const { o, got, fetches, delays } = ordering();
      o.receive(event(1));
      o.receive(event(3));
      await fetches[0]!.fail(new Error("offline"));
      await clock.tickAsync(99);
      assert.equal(fetches.length, 1, "waits 100 ms");
      await clock.tickAsync(1);
      assert.equal(fetches.length, 2);
      await fetches[1]!.fail(new Error("offline"));
      assert.deepEqual(delays, [0, 1]);
      o.catchUp(); // a reconnect: try now rather than in 200 ms
      await flush();
      assert.equal(fetches.length, 3);
      await fetches[2]!.answer([2, 3]);
      assert.deepEqual(got, ["C1", "C2", "C3"]);

      o.receive(event(5));
      await fetches[3]!.fail(new Error("offline"));
      o.reset();
      await clock.tickAsync(10_000);
      assert.equal(fetches.length, 4, "no retry after reset");
      assert.ok(o.idle);
    } finally {
      clock.uninstall();
    }
  });

  it("gives a gap up on a permanent failure: held events are released in order", async () => {
    const { o, got, fetches, lines } = ordering(() => false);
    o.receive(event(1));
    o.receive(event(5));
    o.receive(event(4));
    await fetches[0]!.fail(new Error("403"));
    assert.deepEqual(got, ["C1", "C4", "C5"]);
    assert.ok(lines.some((l) => l.level === "Warn" && /for good/.test(l.message)));
    assert.ok(o.idle);
  });
});
