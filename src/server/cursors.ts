/**
 * Keyset pagination with opaque, URL-safe cursors.
 *
 * A cursor is unpadded base64url of a small JSON value naming the list it belongs to (`scope`), the
 * sort order, the direction, and the key of the item at the page boundary. The official client copies
 * the cursor out of `_links.*.href` without decoding and loses values containing `=` or `&`, so
 * nothing in a cursor ever needs escaping. Pages are computed from the key, not an offset, so items
 * added while a client pages through do not shift what it sees, and reading a long list page by page
 * costs each page about the same.
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

/** What to page through, beyond the request. */
export interface PageSource<T> {
  /** Every item of the list, sorted by `keyOf` in ascending order. */
  sorted: readonly T[];
  /** The sort key of an item. */
  keyOf: (item: T) => Key;
  /** Names the list (for example `events:CON-1`), so a cursor of another list is refused. */
  scope: string;
  /** Whether an item belongs in pages (a filter); all do when absent. */
  accept?: (item: T) => boolean;
  /** The smallest key that belongs in pages (inclusive), found by binary search. */
  from?: Key;
}

/**
 * Cuts one page out of an ascending list: the cursor's position is found by binary search and the
 * page by walking from it, so a page costs the log of the list's length plus the items it walks over
 * (those the filter rejects included), never a sort or a copy of the list. `href` builds a link from a
 * cursor.
 */
export function paginate<T>(
  source: PageSource<T>,
  request: PageRequest,
  href: (cursor: string) => string,
): Page<T> {
  const { sorted, keyOf, scope } = source;
  const accept = source.accept ?? (() => true);
  const cursor = request.cursor === undefined ? undefined : decodeCursor(request.cursor, scope);
  const order = cursor?.o ?? request.order;
  // Positions in the requested order: 0 is the first item a client sees.
  const lo = source.from === undefined
    ? 0
    : firstAt(sorted.length, (i) => compareKeys(keyOf(sorted[i]!), source.from!) >= 0);
  const count = sorted.length - lo;
  const at = order === "ASC" ? (i: number) => sorted[lo + i]! : (i: number) => sorted[sorted.length - 1 - i]!;
  const sign = order === "ASC" ? 1 : -1;
  const beyond = (k: Key, strictly: boolean) => (i: number) => {
    const c = sign * compareKeys(keyOf(at(i)), k);
    return strictly ? c > 0 : c >= 0;
  };

  const picked: number[] = [];
  if (cursor?.d === "p") {
    // The page before the key: walk back from it.
    for (
      let i = firstAt(count, beyond(cursor.k, false)) - 1;
      i >= 0 && picked.length < request.pageSize;
      i--
    ) {
      if (accept(at(i))) picked.push(i);
    }
    picked.reverse();
  } else {
    const start = cursor?.d === "n" ? firstAt(count, beyond(cursor.k, true)) : 0;
    for (let i = start; i < count && picked.length < request.pageSize; i++) {
      if (accept(at(i))) picked.push(i);
    }
  }

  const links: Page<T>["links"] = {};
  const first = picked[0];
  const last = picked.at(-1);
  if (last !== undefined && anyAccepted(last + 1, count, 1)) {
    links.next = { href: href(encodeCursor({ s: scope, o: order, d: "n", k: keyOf(at(last)) })) };
  }
  if (first !== undefined && anyAccepted(first - 1, -1, -1)) {
    links.prev = { href: href(encodeCursor({ s: scope, o: order, d: "p", k: keyOf(at(first)) })) };
  }
  return { items: picked.map(at), links };

  /** Whether an accepted item lies from position `start` towards `stop` (exclusive), by `step`. */
  function anyAccepted(start: number, stop: number, step: 1 | -1): boolean {
    for (let i = start; i !== stop; i += step) if (accept(at(i))) return true;
    return false;
  }
}

/**
 * The first position in `[0, length)` where `reached` holds (it holds from some position on), by binary
 * search; `length` when it holds nowhere.
 */
export function firstAt(length: number, reached: (i: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (reached(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
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
