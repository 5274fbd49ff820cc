/**
 * Events: a typed pushed event (a socket push, or a listed event in push form; see wire_readers.ts)
 * → the public `ConversationEvent`, as wire-protocol.md §9 says. The input was checked at the edge,
 * so this only maps; call signalling and types that are no conversation event map to `null`.
 *
 * @module
 */
import type { WireAnyPushedEvent, WireEventEmbedded, WireEventsPage, WireMessageState } from "../wire.ts";
import type {
  ConversationEvent,
  EventsPage,
  EventState,
  From,
  MemberStatus,
  PersistentConversationEvent,
} from "./conversation_event.ts";
import { cursorsOf, toUser } from "./resources.ts";
import { readListed } from "./wire_readers.ts";

/** Who sent an event: `_embedded.from_user` (and `from_member`) when present, else the system. */
function toFrom(embedded: WireEventEmbedded | null | undefined): From {
  const user = embedded?.from_user;
  if (!user) return { kind: "system" };
  return {
    kind: "embeddedInfo",
    memberId: embedded.from_member?.id ?? null,
    user: {
      id: user.id,
      name: user.name,
      displayName: user.display_name ?? null,
      imageUrl: user.image_url ?? null,
      customData: user.custom_data ?? null,
      channels: null,
      timestamp: null,
    },
  };
}

const STATE_MAPS = [
  ["seen", "seen_by"],
  ["delivered", "delivered_to"],
  ["submitted", "submitted_to"],
  ["rejected", "rejected_by"],
  ["undeliverable", "undeliverable_to"],
] as const satisfies readonly (readonly [string, keyof WireMessageState])[];

/**
 * Per-member delivery state of a listed message. `current` is the state with the latest time; on
 * equal times the later state in the order seen, delivered, submitted, rejected, undeliverable wins.
 */
export function toMemberStatuses(state: WireMessageState | undefined): MemberStatus | null {
  if (!state) return null;
  const statuses: MemberStatus = {};
  for (const [name, key] of STATE_MAPS) {
    for (const [memberId, time] of Object.entries(state[key] ?? {})) {
      const status: EventState = statuses[memberId] ??= {
        seen: null,
        delivered: null,
        submitted: null,
        rejected: null,
        undeliverable: null,
        current: "none",
      };
      status[name] = time;
      const current = status.current === "none" ? null : status[status.current];
      if (current === null || later(time, current) >= 0) status.current = name;
    }
  }
  return statuses;
}

/** Compares two ISO times (by instant when both parse, else as text). */
function later(a: string, b: string): number {
  const ta = Date.parse(a), tb = Date.parse(b);
  return Number.isNaN(ta) || Number.isNaN(tb) ? a.localeCompare(b) : ta - tb;
}

/**
 * One event. `state` is a listed message's delivery state (`memberStatuses`; `null` for pushes).
 * Returns `null` for pushes that are not conversation events (call signalling, `member:media`).
 */
export function toConversationEvent(
  push: WireAnyPushedEvent,
  state?: WireMessageState,
): ConversationEvent | null {
  const from = toFrom(push._embedded);
  if (push.type.startsWith("custom:")) {
    const { id, cid, timestamp, type, body } = push as Extract<
      WireAnyPushedEvent,
      { type: `custom:${string}` }
    >;
    return { kind: "custom", id, timestamp, conversationId: cid, from, eventType: type, body };
  }
  switch (push.type) {
    case "ephemeral":
      return {
        kind: "ephemeral",
        timestamp: push.timestamp,
        conversationId: push.cid,
        from,
        body: push.body,
      };
    case "member:invited":
    case "member:joined":
    case "member:left": {
      const { body } = push;
      // A chat server may leave the channel out (only a call needs it).
      const channelId = body.channel?.id ?? null;
      return {
        kind: push.type,
        id: push.id,
        timestamp: push.timestamp,
        conversationId: push.cid,
        from,
        body: {
          memberId: body.member_id,
          user: toUser(body.user),
          channel: { id: channelId, number: channelId },
        },
      };
    }
    case "event:delete":
    case "message:seen":
    case "message:delivered":
    case "message:submitted":
    case "message:rejected":
    case "message:undeliverable":
      return {
        kind: push.type,
        id: push.id,
        timestamp: push.timestamp,
        conversationId: push.cid,
        from,
        // The edge accepts a numeric string too, as some servers send.
        body: { eventId: Number(push.body.event_id) },
      };
    case "message":
      break;
    default:
      return null;
  }
  const { body } = push;
  const at = {
    id: push.id,
    timestamp: push.timestamp,
    conversationId: push.cid,
    from,
    memberStatuses: toMemberStatuses(state),
  };
  const deleted = body.timestamp?.deleted ?? null;
  switch (body.message_type) {
    case "text":
      return { kind: "message:text", ...at, body: { text: body.text, deleted } };
    case "custom":
      return { kind: "message:custom", ...at, body: { customData: body.custom, deleted } };
    case "image":
      return { kind: "message:image", ...at, body: { imageUrl: body.image.url, deleted } };
    case "video":
      return { kind: "message:video", ...at, body: { videoUrl: body.video.url, deleted } };
    case "audio":
      return { kind: "message:audio", ...at, body: { audioUrl: body.audio.url, deleted } };
    case "file":
      return { kind: "message:file", ...at, body: { fileUrl: body.file.url, deleted } };
    case "vcard":
      return { kind: "message:vcard", ...at, body: { vcardUrl: body.vcard.url, deleted } };
    case "location": {
      const { latitude, longitude, name, address } = body.location;
      return {
        kind: "message:location",
        ...at,
        body: { location: { longitude, latitude, name: name ?? null, address: address ?? null }, deleted },
      };
    }
    case "template":
      return {
        kind: "message:template",
        ...at,
        body: {
          template: { name: body.template.name, parameters: body.template.parameters?.map(String) ?? null },
          whatsapp: { policy: body.whatsapp?.policy ?? "", locale: body.whatsapp?.locale ?? "" },
          deleted,
        },
      };
  }
}

/**
 * A page of events (`getConversationEvents`). Items the client cannot read (an unknown type, a
 * message of an unknown kind, a missing field) are passed to `skip` and left out, instead of
 * failing the whole page as the official SDK does.
 */
export function toEventsPage(
  page: WireEventsPage,
  conversationId: string,
  skip: (item: unknown, reason: string) => void,
): EventsPage {
  const events: PersistentConversationEvent[] = [];
  for (const item of page._embedded.events) {
    const listed = readListed(item, conversationId);
    const event = listed?.push && toConversationEvent(listed.push, listed.state);
    if (event && event.kind !== "ephemeral") events.push(event);
    else skip(item, listed?.malformed ?? "not a stored conversation event");
  }
  return { events, ...cursorsOf(page._links) };
}
