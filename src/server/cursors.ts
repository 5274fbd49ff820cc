/**
 * Keyset pagination with opaque, URL-safe cursors.
 *
 * A cursor is unpadded base64url of a small JSON value naming the list it belongs to (`scope`), the
 * sort order, the direction, and the key of the item at the page boundary. The official client copies
 * the cursor out of `_links.*.href` without decoding and loses values containing `=` or `&`, so
 * nothing in a cursor ever needs escaping. Pages are computed from the key, not an offset, so items
 * added while a client pages through do not shift what it sees.
 *
 * @module
 */
import { ApiError } from "./problems.ts";

/** A sort key: compared element by element, numbers before strings. */
export type Key = readonly (number | string)[];

/** Sort direction of a page. */
export type Order = "ASC" | "DESC";

/** The part of a list request that pagination reads. */
export interface PageRequest {
  /** Requested order; a cursor's own order wins. */
  order: Order;
  /** Items per page. */
  pageSize: number;
  /** The `cursor` query value, if any. */
  cursor: string | undefined;
}

/** One page of a list. */
export interface Page<T> {
  /** The items, in the requested order. */
  items: T[];
  /** `_links` with `next`/`prev` hrefs carrying cursors where there are more items. */
  links: { next?: { href: string }; prev?: { href: string } };
}

interface CursorValue {
  s: string; // scope
  o: Order;
  d: "n" | "p"; // the page after (next) or before (prev) the key
  k: Key;
}

/**
 * Cuts one page out of `items` (in any order), sorted by `keyOf`. `scope` names the list (for example
 * `events:CON-1`) so a cursor of another list is refused; `href` builds a link from a cursor.
 */
export function paginate<T>(
  items: readonly T[],
  keyOf: (item: T) => Key,
  request: PageRequest,
  scope: string,
  href: (cursor: string) => string,
): Page<T> {
  const cursor = request.cursor === undefined ? undefined : decodeCursor(request.cursor, scope);
  const order = cursor?.o ?? request.order;
  const sign = order === "ASC" ? 1 : -1;
  const sorted = items.map((item) => ({ item, key: keyOf(item) }))
    .sort((a, b) => sign * compareKeys(a.key, b.key));

  let start = 0;
  let end = sorted.length;
  if (cursor?.d === "n") {
    start = sorted.findIndex((e) => sign * compareKeys(e.key, cursor.k) > 0);
    if (start < 0) start = sorted.length;
    end = Math.min(sorted.length, start + request.pageSize);
  } else if (cursor?.d === "p") {
    end = sorted.findIndex((e) => sign * compareKeys(e.key, cursor.k) >= 0);
    if (end < 0) end = sorted.length;
    start = Math.max(0, end - request.pageSize);
  } else {
    end = Math.min(sorted.length, request.pageSize);
  }

  const page = sorted.slice(start, end);
  const links: Page<T>["links"] = {};
  const last = page.at(-1);
  const first = page[0];
  if (last && end < sorted.length) {
    links.next = { href: href(encodeCursor({ s: scope, o: order, d: "n", k: last.key })) };
  }
  if (first && start > 0) {
    links.prev = { href: href(encodeCursor({ s: scope, o: order, d: "p", k: first.key })) };
  }
  return { items: page.map((e) => e.item), links };
}

/** Orders two keys element by element; numbers sort before strings. */
export function compareKeys(a: Key, b: Key): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (typeof x !== typeof y) return typeof x === "number" ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

function encodeCursor(value: CursorValue): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function decodeCursor(text: string, scope: string): CursorValue {
  const refuse = () =>
    new ApiError(
      "paginator-builder:error:invalid-cursor",
      "The cursor is not one this server issued for this list.",
    );
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw refuse();
  let value: unknown;
  try {
    const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
    value = JSON.parse(
      new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))),
    );
  } catch {
    throw refuse();
  }
  const v = value as Partial<CursorValue> | null;
  const valid = typeof v === "object" && v !== null && v.s === scope && (v.o === "ASC" || v.o === "DESC") &&
    (v.d === "n" || v.d === "p") && Array.isArray(v.k) &&
    v.k.every((x) => typeof x === "string" || (typeof x === "number" && Number.isFinite(x)));
  if (!valid) throw refuse();
  return v as CursorValue;
}
