// The reference server's keyset pagination (src/server/cursors.ts): walking the next links, and the prev
// links back, lists every accepted item once in the requested order; and a page costs the log of the
// list's length plus the page, not a pass over the whole list (reading a long history is not quadratic).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { type Order, type Page, type PageSource, paginate } from "../../src/server/cursors.ts";

interface Item {
  id: number;
  kind: string;
}

const cursorOf = (href: string) => new URL(href, "http://x").searchParams.get("cursor")!;

/** The page `cursor` asks for and those its `rel` links lead to, in the order walked. */
function walk<T>(
  source: PageSource<T>,
  order: Order,
  pageSize: number,
  rel: "next" | "prev",
  cursor?: string,
): Page<T>[] {
  const pages: Page<T>[] = [];
  for (;;) {
    const page = paginate(source, { order, pageSize, cursor }, (c) => `/list?cursor=${c}`);
    pages.push(page);
    const link = page.links[rel];
    if (!link) return pages;
    cursor = cursorOf(link.href);
    assert.ok(pages.length < 10_000, "the walk ends");
  }
}

/** A pseudo-random generator with a seed, so a failure can be repeated. */
function random(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
}

describe("paginate", () => {
  it("lists every accepted item once, in order, forward by next links and back by prev links", () => {
    const next = random(7);
    for (let round = 0; round < 200; round++) {
      const length = Math.floor(next() * 60);
      const sorted: Item[] = Array.from(
        { length },
        (_, i) => ({ id: i + 1, kind: next() < 0.3 ? "b" : "a" }),
      );
      const onlyA = next() < 0.5;
      const from = next() < 0.3 ? Math.floor(next() * 30) : undefined;
      const source: PageSource<Item> = {
        sorted,
        keyOf: (item) => [item.id],
        scope: "test",
        ...onlyA ? { accept: (item: Item) => item.kind === "a" } : {},
        ...from === undefined ? {} : { from: [from] },
      };
      const order: Order = next() < 0.5 ? "ASC" : "DESC";
      const pageSize = 1 + Math.floor(next() * 7);
      const expected = sorted.filter((item) => (!onlyA || item.kind === "a") && item.id >= (from ?? 0));
      if (order === "DESC") expected.reverse();
      const label = JSON.stringify({ round, length, onlyA, from, order, pageSize });

      const forward = walk(source, order, pageSize, "next");
      assert.deepEqual(forward.flatMap((page) => page.items), expected, label);
      assert.ok(forward.slice(0, -1).every((page) => page.items.length === pageSize), label);

      // From the last page, the prev links lead back through the same items.
      const last = forward.at(-1)!;
      const back = last.links.prev
        ? walk(source, order, pageSize, "prev", cursorOf(last.links.prev.href))
        : [];
      assert.deepEqual([...back.reverse().flatMap((page) => page.items), ...last.items], expected, label);
    }
  });

  it("costs a page the log of the list plus the page, wherever the cursor is", () => {
    const sorted: Item[] = Array.from({ length: 200_000 }, (_, i) => ({ id: i + 1, kind: "a" }));
    let calls = 0;
    const source: PageSource<Item> = {
      sorted,
      keyOf: (item) => {
        calls++;
        return [item.id];
      },
      accept: () => {
        calls++;
        return true;
      },
      scope: "events:long",
    };
    for (const order of ["ASC", "DESC"] as const) {
      let page = paginate(source, { order, pageSize: 100, cursor: undefined }, (c) => c);
      for (let i = 0; i < 1000; i++) {
        calls = 0;
        page = paginate(source, { order, pageSize: 100, cursor: page.links.next!.href }, (c) => c);
        assert.equal(page.items.length, 100);
        // log2(200,000) ≈ 18 probes, 100 items, a neighbour on each side, the two link keys.
        assert.ok(calls < 260, `${calls} key and filter calls for page ${i + 2} (${order})`);
      }
    }
  });
});
