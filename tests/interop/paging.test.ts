// Paging through conversations, members and events with the official SDK's cursors: small pages
// followed through `nextCursor` return every item exactly once, in the same order as one big page.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Order } from "./_api.ts";
import { interopSuite, isMemberEvent, sharedConversation, uniqueName } from "./_fixture.ts";

const MAX_PAGES = 50; // a server that never ends a listing fails the test instead of hanging it

interface Page<T> {
  items: T[];
  nextCursor?: string | null | undefined;
}

/** Follows nextCursor from the first page; returns the items and how many pages it took. */
async function collect<T>(
  load: (cursor?: string) => Promise<Page<T>>,
): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let pages = 1; pages <= MAX_PAGES; pages++) {
    const page = await load(cursor);
    items.push(...page.items);
    if (!page.nextCursor) return { items, pages };
    cursor = page.nextCursor;
  }
  throw new Error(`still a nextCursor after ${MAX_PAGES} pages`);
}

function assertUnique(ids: unknown[], what: string): void {
  assert.equal(new Set(ids).size, ids.length, `${what} came back more than once: ${ids}`);
}

describe("official SDK paging", () => {
  // More users, logged in for real, so the member list has enough entries.
  const otherNames = ["carol", "dave", "erin", "frank"];
  const ctx = interopSuite(otherNames);

  it("conversations, 3 a page, ASC and DESC", async () => {
    const { alice } = ctx;
    const created: string[] = [];
    for (let i = 0; i < 7; i++) {
      const cid = await alice.call("createConversation", { name: uniqueName(`page-${i}`) });
      await alice.call("joinConversation", cid);
      created.push(cid);
    }
    for (const order of ["asc", "desc"] as Order[]) {
      const all = (await alice.call("getConversations", { order, pageSize: 100 })).conversations.map((c) =>
        c.id
      );
      const { items, pages } = await collect(async (cursor) => {
        const page = await alice.call(
          "getConversations",
          cursor ? { order, pageSize: 3, cursor } : { order, pageSize: 3 },
        );
        assert.ok(page.conversations.length <= 3);
        return { items: page.conversations.map((c) => c.id), nextCursor: page.nextCursor };
      });
      assertUnique(items, "a conversation");
      assert.deepEqual(items, all, `${order}: pages of 3 give the same list as one page`);
      assert.ok(pages >= 3, `${order}: ${items.length} conversations took ${pages} pages`);
      for (const cid of created) assert.ok(items.includes(cid), `${cid} listed`);
      const mine = items.filter((id) => created.includes(id));
      assert.deepEqual(
        mine,
        order === "asc" ? created : [...created].reverse(),
        `${order} is creation order`,
      );
    }
  });

  it("members, 4 a page", async () => {
    const { alice } = ctx;
    const cid = await sharedConversation(ctx, { name: uniqueName("crowd") });
    for (const [i, other] of ctx.others.entries()) {
      await other.call("joinConversation", cid);
      await alice.nextEvent(
        "conversationEvent",
        (e) => isMemberEvent(e, "member:joined", cid, otherNames[i]!),
      );
    }
    const { items, pages } = await collect(async (cursor) => {
      const page = await alice.call(
        "getConversationMembers",
        cid,
        cursor ? { pageSize: 4, cursor } : { pageSize: 4 },
      );
      assert.ok(page.members.length <= 4);
      return { items: page.members, nextCursor: page.nextCursor };
    });
    assert.equal(pages, 2);
    assertUnique(items.map((m) => m.id), "a member");
    assert.deepEqual(items.map((m) => m.user?.name).sort(), ["alice", "bob", ...otherNames].sort());
    const all = (await alice.call("getConversationMembers", cid, { pageSize: 100 })).members;
    assert.deepEqual(items.map((m) => m.id), all.map((m) => m.id));
  });

  it("events, 4 a page, ASC and DESC, back with previousCursor, and from a startId", async () => {
    const { alice, bob } = ctx;
    const cid = await sharedConversation(ctx);
    const texts = Array.from({ length: 11 }, (_, i) => `message ${i + 1}`);
    for (const text of texts) await alice.call("sendMessageTextEvent", cid, text);
    // Wait until the last one has arrived, so every receipt the SDKs post is in too.
    await bob.nextEvent(
      "conversationEvent",
      (e) => e.kind === "message:text" && e.body.text === texts.at(-1),
    );

    for (const order of ["asc", "desc"] as Order[]) {
      const { items, pages } = await collect(async (cursor) => {
        const page = await bob.call(
          "getConversationEvents",
          cid,
          cursor ? { order, pageSize: 4, cursor } : { order, pageSize: 4 },
        );
        assert.ok(page.events.length <= 4);
        return { items: page.events, nextCursor: page.nextCursor };
      });
      const ids = items.map((e) => e.id);
      assertUnique(ids, "an event");
      const sorted = [...ids].sort((a, b) => a - b);
      assert.deepEqual(ids, order === "asc" ? sorted : sorted.reverse(), `${order} order of ids`);
      const received = items.flatMap((e) => e.kind === "message:text" ? [e.body.text] : []);
      assert.deepEqual(received, order === "asc" ? texts : [...texts].reverse());
      assert.ok(pages >= 4, `${items.length} events in ${pages} pages`);
      const all = (await bob.call("getConversationEvents", cid, { order, pageSize: 100 })).events.map((e) =>
        e.id
      );
      assert.deepEqual(ids, all);
    }

    const first = await bob.call("getConversationEvents", cid, { pageSize: 4 });
    assert.ok(first.nextCursor);
    const second = await bob.call("getConversationEvents", cid, { pageSize: 4, cursor: first.nextCursor });
    assert.ok(second.previousCursor, "the second page links back");
    const back = await bob.call("getConversationEvents", cid, { pageSize: 4, cursor: second.previousCursor });
    assert.deepEqual(back.events.map((e) => e.id), first.events.map((e) => e.id));

    // startId: the history from a given event on (what a client back-fills after a reconnect from).
    const all = (await bob.call("getConversationEvents", cid, { pageSize: 100 })).events.map((e) => e.id);
    const from = all[5]!;
    const tail = await bob.call("getConversationEvents", cid, { pageSize: 100, startId: from });
    assert.deepEqual(tail.events.map((e) => e.id), all.slice(5));
  });
});
