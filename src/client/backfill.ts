/**
 * The REST side of the delivery guarantee: every stored event of a conversation from an id on,
 * across all pages, read as pushes (wire_readers.ts `readListed`), so that back-filled events take
 * the same path (and map to the same `ConversationEvent`s) as pushed ones.
 *
 * Unlike `getConversationEvents`, the request leaves out `filter_group_type=ChatEvents`, so the
 * server lists every stored type (receipts included) and no id is left unexplained; it asks for
 * deleted events too, since they keep their ids.
 *
 * @module
 */
import { VonageError } from "../errors.ts";
import type { Http } from "./http.ts";
import { cursorOf } from "./resources.ts";
import { EVENTS_PAGE, readListed, type ReadPush } from "./wire_readers.ts";

/** The largest page the API allows. */
const PAGE_SIZE = 100;

/** Every stored event of `conversationId` with an id ≥ `fromId`, ascending, read as pushes. */
export async function fetchEventsSince(
  http: Http,
  conversationId: string,
  fromId: number,
): Promise<ReadPush[]> {
  const listed: ReadPush[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  do {
    const query = {
      order: "ASC",
      page_size: PAGE_SIZE,
      exclude_deleted_events: false,
      start_id: fromId,
    } as const;
    const page = await http.call(
      "back-fill",
      (api) =>
        api.GET("/v0.3/conversations/{conversation_id}/events", {
          params: { path: { conversation_id: conversationId }, query: cursor ? { ...query, cursor } : query },
        }),
      EVENTS_PAGE,
    );
    for (const item of page._embedded.events) {
      const read = readListed(item, conversationId);
      if (read) listed.push(read);
    }
    const next = cursorOf(page._links, "next");
    // A cursor seen before would loop forever; treat it as the end.
    cursor = next && !seen.has(next) ? next : undefined;
    if (cursor) seen.add(cursor);
  } while (cursor);
  return listed;
}

/** Whether a failed back-fill is worth retrying: no answer, or a server error. */
export function isTransient(err: unknown): boolean {
  if (!VonageError.is(err)) return false;
  return err.type === "NETWORK_ERROR" || err.code === "internal:error:service_no_available";
}
