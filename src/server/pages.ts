/**
 * The answer to every list operation (conversations, members, events, legs): one page of the list,
 * the page size applied and the `_links` to the neighbouring pages, shaped as the contract's `*Page`
 * schemas.
 *
 * @module
 */
import { compareKeys, type Key, type Page, type PageSource, paginate } from "./cursors.ts";

/** Items per page when the request does not say. */
export const DEFAULT_PAGE_SIZE = 10;

/** The paging part of a list request's (validated) query. */
export interface PageQuery {
  /** Sort direction, either case. */
  order?: "ASC" | "DESC" | "asc" | "desc";
  /** Items per page. */
  page_size?: number;
  /** The cursor of a previous page's link. */
  cursor?: string;
}

/** What to page through: an ascending list (see {@link PageSource}), its name and its items' wire form. */
export interface PagedList<T, V, N extends string> extends PageSource<T> {
  /** The key of the items under `_embedded`, e.g. `events`. */
  name: N;
  /** The wire form of an item. */
  view: (item: T) => V;
}

/** A list answer, as every `*Page` schema of the contract has it. */
export interface ListPage<V, N extends string> {
  page_size: number;
  _embedded: { [K in N]: V[] };
  _links: Page<unknown>["links"];
}

/** The page of `list` that `query` asks for; `url` is the request's, for the links. */
export function listPage<T, V, N extends string>(
  query: PageQuery,
  url: URL,
  list: PagedList<T, V, N>,
): ListPage<V, N> {
  const pageSize = query.page_size ?? DEFAULT_PAGE_SIZE;
  const page = paginate(
    list,
    { order: query.order?.toUpperCase() === "DESC" ? "DESC" : "ASC", pageSize, cursor: query.cursor },
    (cursor) => pageHref(url, cursor),
  );
  const embedded = { [list.name]: page.items.map(list.view) } as { [K in N]: V[] };
  return { page_size: pageSize, _embedded: embedded, _links: page.links };
}

/**
 * `items` in ascending order of `keyOf`: as they are when already sorted (checked in one pass),
 * sorted otherwise. For the short lists kept in no order (a user's conversations, a call's legs);
 * events are stored in id order and never need it.
 */
export function ascending<T>(items: readonly T[], keyOf: (item: T) => Key): readonly T[] {
  const keys = items.map(keyOf);
  if (keys.every((key, i) => i === 0 || compareKeys(keys[i - 1]!, key) <= 0)) return items;
  return items.map((item, i) => ({ item, key: keys[i]! }))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map((e) => e.item);
}

/** The link to another page of the list `url` shows: the same query with `cursor` replaced. */
export function pageHref(url: URL, cursor: string): string {
  const query = new URLSearchParams(url.search);
  query.set("cursor", cursor);
  return `${url.pathname}?${query}`;
}
