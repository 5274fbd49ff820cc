/**
 * The REST side of the delivery guarantee: every stored event of a conversation from an id on,
 * across all pages, shaped as socket pushes so that back-filled events take the same path (and
 * map to the same `ConversationEvent`s) as pushed ones.
 *
 * Unlike `getConversationEvents`, the request leaves out `filter_group_type=ChatEvents`, so the
 * server lists every stored type (receipts included) and no id is left unexplained; it asks for
 * deleted events too, since they keep their ids.
 *
 * @module
 */
import { VonageError } from "../errors.ts";
import { parsingError } from "./failures.ts";
import type { Http } from "./http.ts";
import type { WirePush } from "./inbox.ts";
import { asObject, cursorOf } from "./mapping.ts";

/** The largest page the API allows. */
const PAGE_SIZE = 100;

/** Every stored event of `conversationId` with an id ≥ `fromId`, ascending, as pushes. */
export async function fetchEventsSince(
  http: Http,
  conversationId: string,
  fromId: number,
): Promise<WirePush[]> {
  const pushes: WirePush[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = asObject(
      await http.req(
        "back-fill",
        "GET",
        "/v0.3/conversations/{conversation_id}/events",
        { conversation_id: conversationId },
        {
          order: "ASC",
          page_size: PAGE_SIZE,
          exclude_deleted_events: false,
          start_id: fromId,
          ...cursor ? { cursor } : {},
        },
      ),
    );
    const items = asObject(page?._embedded)?.events;
    if (!Array.isArray(items)) throw parsingError("back-fill: the events page has no _embedded.events");
    for (const item of items) {
      const push = toPush(item, conversationId);
      if (push) pushes.push(push);
    }
    const next = cursorOf(asObject(page?._links) ?? undefined, "next");
    // A cursor seen before would loop forever; treat it as the end.
    cursor = next && !seen.has(next) ? next : undefined;
    if (cursor) seen.add(cursor);
  } while (cursor);
  return pushes;
}

/** Whether a failed back-fill is worth retrying: no answer, or a server error. */
export function isTransient(err: unknown): boolean {
  if (!VonageError.is(err)) return false;
  return err.type === "NETWORK_ERROR" || err.code === "internal:error:service_no_available";
}

/** A listed event as a push: `cid` instead of `conversation_id`, without the listing-only `state`. */
function toPush(item: unknown, conversationId: string): WirePush | null {
  const event = asObject(item);
  if (!event || typeof event.type !== "string") return null;
  const { conversation_id, state: _state, ...rest } = event;
  return {
    ...rest,
    type: event.type,
    cid: typeof conversation_id === "string" ? conversation_id : conversationId,
  };
}
