/**
 * The answer to every list operation (conversations, members, events, legs): one page of the list,
 * the page size applied and the `_links` to the neighbouring pages, shaped as the contract's `*Page`
 * schemas.
 *
 * @module
 */
import { type Key, type Page, paginate } from "./cursors.ts";

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

/** What to page through. */
export interface PagedList<T, V, N extends string> {
  /** The key of the items under `_embedded`, e.g. `events`. */
  name: N;
  /** Names the list, so a cursor of another list is refused (e.g. `events:CON-1`). */
  scope: string;
  /** Every item of the list, in any order. */
  items: readonly T[];
  /** The sort key of an item. */
  keyOf: (item: T) => Key;
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
    list.items,
    list.keyOf,
    { order: query.order?.toUpperCase() === "DESC" ? "DESC" : "ASC", pageSize, cursor: query.cursor },
    list.scope,
    (cursor) => pageHref(url, cursor),
  );
  const embedded = { [list.name]: page.items.map(list.view) } as { [K in N]: V[] };
  return { page_size: pageSize, _embedded: embedded, _links: page.links };
}

/** The link to another page of the list `url` shows: the same query with `cursor` replaced. */
export function pageHref(url: URL, cursor: string): string {
  const query = new URLSearchParams(url.search);
  query.set("cursor", cursor);
  return `${url.pathname}?${query}`;
}
