/**
 * Walking every page of a listing: the `for await` helpers of `VonageClient` follow
 * `nextCursor` until the last page and yield the items one by one.
 *
 * @module
 */
import type { PageCursors } from "./types.ts";

/**
 * Yields the items of every page, starting at `cursor` (the first page when absent). Pages are
 * fetched one at a time, only as the caller consumes the items; stopping the loop stops fetching.
 */
export async function* eachItem<P extends PageCursors, T>(
  fetchPage: (cursor: string | undefined) => Promise<P>,
  itemsOf: (page: P) => readonly T[],
  cursor?: string | null,
): AsyncGenerator<T, void, undefined> {
  let next = cursor ?? undefined;
  const seen = new Set<string>();
  while (true) {
    const page = await fetchPage(next);
    yield* itemsOf(page);
    // A cursor seen before would loop forever; treat it as the end.
    if (!page.nextCursor || seen.has(page.nextCursor)) return;
    seen.add(page.nextCursor);
    next = page.nextCursor;
  }
}
