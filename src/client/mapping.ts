/**
 * Wire (snake_case JSON from REST answers and socket pushes) → the public shapes. Every reader
 * checks the fields it relies on and throws `internal:error:parsing_exception` when one is
 * missing; unknown keys are ignored. Event mapping follows wire-protocol.md §9.
 *
 * @module
 */
import type {
  ConversationEvent,
  EventState,
  From,
  MemberStatus,
  PersistentConversationEvent,
} from "./conversation_event.ts";
import { MemberChannelType } from "./enums.ts";
import { messageOf, parsingError } from "./failures.ts";
import type {
  Channel,
  Conversation,
  ConversationsPage,
  EventsPage,
  JsonObject,
  Member,
  MembersPage,
  MemberState,
  PageCursors,
  User,
  UserChannels,
} from "./types.ts";

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function obj(value: unknown, where: string): Obj {
  if (!isObj(value)) throw parsingError(`${where} must be an object`);
  return value;
}

function str(o: Obj, key: string, where: string): string {
  const value = o[key];
  if (typeof value !== "string") throw parsingError(`${where}.${key} must be a string`);
  return value;
}

function optStr(o: Obj | undefined, key: string): string | null {
  const value = o?.[key];
  return typeof value === "string" ? value : null;
}

function optObj(o: Obj | undefined, key: string): Obj | undefined {
  const value = o?.[key];
  return isObj(value) ? value : undefined;
}

/** An integer, also accepted as a numeric string (event ids). */
function int(o: Obj, key: string, where: string): number {
  const value = o[key];
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isSafeInteger(n)) {
    throw parsingError(`${where}.${key} must be an integer`);
  }
  return n;
}

function list(o: Obj, key: string, where: string): unknown[] {
  const value = o[key];
  if (!Array.isArray(value)) throw parsingError(`${where}.${key} must be an array`);
  return value;
}

const MEMBER_STATES: readonly string[] = ["INVITED", "JOINED", "LEFT", "UNKNOWN"];

function memberState(o: Obj, key: string, where: string): MemberState {
  const value = str(o, key, where);
  if (!MEMBER_STATES.includes(value)) throw parsingError(`${where}.${key} is not a member state: ${value}`);
  return value as MemberState;
}

function times<K extends string>(o: Obj | undefined, keys: readonly K[]): Record<K, string | null> {
  return Object.fromEntries(keys.map((k) => [k, optStr(o, k)])) as Record<K, string | null>;
}

/** A conversation (`GET`/`PATCH /v0.3/conversations/{id}`, list items). */
export function toConversation(wire: unknown): Conversation {
  const c = obj(wire, "conversation");
  const member = optObj(optObj(c, "_embedded"), "member");
  const properties = optObj(c, "properties");
  const ttl = properties?.ttl;
  const conversation: Conversation = {
    id: str(c, "id", "conversation"),
    name: str(c, "name", "conversation"),
    timestamp: times(obj(c.timestamp, "conversation.timestamp"), ["created", "updated", "destroyed"]),
    memberId: optStr(member, "id"),
    displayName: optStr(c, "display_name"),
    imageUrl: optStr(c, "image_url"),
    properties: {
      ttl: typeof ttl === "number" ? ttl : null,
      customSortKey: optStr(properties, "custom_sort_key"),
      customData: optObj(properties, "custom_data") ?? null,
    },
  };
  if (member) conversation.memberState = memberState(member, "state", "conversation._embedded.member");
  const state = c.state;
  if (state === "ACTIVE" || state === "INACTIVE" || state === "DELETED") conversation.state = state;
  return conversation;
}

const CHANNEL_KINDS = [
  "app",
  "phone",
  "pstn",
  "sip",
  "vbc",
  "websocket",
  "sms",
  "mms",
  "whatsapp",
  "viber",
  "messenger",
] as const;

function toChannel(o: Obj | undefined): Channel | null {
  return o ? { id: optStr(o, "id"), number: optStr(o, "number") } : null;
}

/** A user (`GET /v0.3/users/{id}`, users inside members and member events). */
export function toUser(wire: unknown): User {
  const u = obj(wire, "user");
  const channels = optObj(u, "channels");
  const timestamp = optObj(u, "timestamp");
  return {
    id: str(u, "id", "user"),
    name: str(u, "name", "user"),
    displayName: optStr(u, "display_name"),
    imageUrl: optStr(u, "image_url"),
    channels: channels
      ? Object.fromEntries(CHANNEL_KINDS.map((kind) => {
        const entries = channels[kind];
        return [kind, Array.isArray(entries) ? entries.filter(isObj).map((e) => toChannel(e)!) : null];
      })) as unknown as UserChannels
      : null,
    timestamp: timestamp ? times(timestamp, ["created", "updated", "destroyed"]) : null,
    customData: optObj(optObj(u, "properties"), "custom_data") ?? null,
  };
}

const CHANNEL_TYPES: Record<string, MemberChannelType> = Object.fromEntries(
  Object.values(MemberChannelType).map((value) => [value.toLowerCase(), value]),
);

/** A member (`GET …/members/{id}`, `…/members/me`, list items). */
export function toMember(wire: unknown): Member {
  const m = obj(wire, "member");
  const user = optObj(optObj(m, "_embedded"), "user");
  const channel = optObj(m, "channel");
  const timestamp = optObj(m, "timestamp");
  const member: Member = {
    id: str(m, "id", "member"),
    state: memberState(m, "state", "member"),
    user: user ? toUser(user) : null,
    timestamp: timestamp ? times(timestamp, ["invited", "joined", "left"]) : null,
  };
  const type = channel && CHANNEL_TYPES[String(channel.type).toLowerCase()];
  if (channel && type) {
    member.channel = { type, from: toChannel(optObj(channel, "from")), to: toChannel(optObj(channel, "to")) };
  }
  return member;
}

/** The `cursor` query value inside a page link, decoded; `null` when there is none. */
export function cursorOf(links: Obj | undefined, rel: "next" | "prev"): string | null {
  const href = optStr(optObj(links, rel), "href");
  if (!href) return null;
  try {
    return new URL(href, "http://cursor.invalid").searchParams.get("cursor") || null;
  } catch {
    return null;
  }
}

function page(wire: unknown, list_: string, where: string): { items: unknown[]; cursors: PageCursors } {
  const p = obj(wire, where);
  const links = obj(p._links, `${where}._links`);
  return {
    items: list(obj(p._embedded, `${where}._embedded`), list_, `${where}._embedded`),
    cursors: { previousCursor: cursorOf(links, "prev"), nextCursor: cursorOf(links, "next") },
  };
}

/** A page of conversations. */
export function toConversationsPage(wire: unknown): ConversationsPage {
  const { items, cursors } = page(wire, "conversations", "conversations page");
  return { conversations: items.map(toConversation), ...cursors };
}

/** A page of members. */
export function toMembersPage(wire: unknown): MembersPage {
  const { items, cursors } = page(wire, "members", "members page");
  return { members: items.map(toMember), ...cursors };
}

/**
 * A page of events. Items the client cannot read (an unknown type, a message of an unknown kind)
 * are passed to `skip` and left out, instead of failing the whole page as the official SDK does.
 */
export function toEventsPage(
  wire: unknown,
  conversationId: string,
  skip: (item: unknown, reason: string) => void,
): EventsPage {
  const { items, cursors } = page(wire, "events", "events page");
  const events: PersistentConversationEvent[] = [];
  for (const item of items) {
    try {
      const event = toConversationEvent(obj(item, "event"), { conversationId });
      if (event && event.kind !== "ephemeral") events.push(event);
      else skip(item, "not a stored conversation event");
    } catch (err) {
      skip(item, messageOf(err));
    }
  }
  return { events, ...cursors };
}

/** Who sent an event: `_embedded.from_user` (and `from_member`) when present, else the system. */
function toFrom(embedded: Obj | undefined): From {
  const user = optObj(embedded, "from_user");
  if (!user) return { kind: "system" };
  return {
    kind: "embeddedInfo",
    memberId: optStr(optObj(embedded, "from_member"), "id"),
    user: {
      id: str(user, "id", "_embedded.from_user"),
      name: str(user, "name", "_embedded.from_user"),
      displayName: optStr(user, "display_name"),
      imageUrl: optStr(user, "image_url"),
      customData: optObj(user, "custom_data") ?? null,
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
] as const;

/**
 * Per-member delivery state of a listed message. `current` is the state with the latest time; on
 * equal times the later state in the order seen, delivered, submitted, rejected, undeliverable wins.
 */
export function toMemberStatuses(state: unknown): MemberStatus | null {
  if (!isObj(state)) return null;
  const statuses: MemberStatus = {};
  for (const [name, key] of STATE_MAPS) {
    const byMember = optObj(state, key);
    for (const [memberId, time] of Object.entries(byMember ?? {})) {
      if (typeof time !== "string") continue;
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

const MEDIA_KINDS = {
  image: "imageUrl",
  video: "videoUrl",
  audio: "audioUrl",
  file: "fileUrl",
  vcard: "vcardUrl",
} as const;

const RECEIPT_KINDS: readonly string[] = [
  "event:delete",
  "message:seen",
  "message:delivered",
  "message:submitted",
  "message:rejected",
  "message:undeliverable",
];

/** Where an event came from: a REST page (with its conversation) or the socket. */
export interface EventSource {
  /** The listed conversation, used when a REST event has no `conversation_id`. */
  conversationId?: string;
}

/**
 * One event, from a REST events page item or a socket push (with the event name merged in as
 * `type`). Returns `null` for types that are not conversation events (call signalling); throws a
 * parsing error for a conversation event that lacks what it needs.
 */
export function toConversationEvent(e: Obj, source: EventSource = {}): ConversationEvent | null {
  const type = typeof e.type === "string" ? e.type : "";
  const isCustom = type.startsWith("custom:");
  if (
    !isCustom && type !== "message" && type !== "ephemeral" && !type.startsWith("member:") &&
    !RECEIPT_KINDS.includes(type)
  ) return null;
  if (type === "member:media") return null;

  const where = `${type} event`;
  const fromRest = source.conversationId !== undefined;
  const conversationId = fromRest
    ? optStr(e, "conversation_id") ?? source.conversationId!
    : str(e, "cid", where);
  const common = {
    timestamp: str(e, "timestamp", where),
    conversationId,
    from: toFrom(optObj(e, "_embedded")),
  };
  const body = obj(e.body, `${where}.body`);
  if (type === "ephemeral") return { kind: "ephemeral", ...common, body };

  const id = int(e, "id", where);
  if (isCustom) return { kind: "custom", id, ...common, eventType: type, body };
  if (type.startsWith("member:")) {
    if (type !== "member:invited" && type !== "member:joined" && type !== "member:left") return null;
    const channelId = optStr(optObj(body, "channel"), "id");
    return {
      kind: type,
      id,
      ...common,
      body: {
        memberId: str(body, "member_id", `${where}.body`),
        user: toUser(body.user),
        channel: { id: channelId, number: channelId },
      },
    };
  }
  if (type !== "message") {
    return {
      kind: type as "event:delete",
      id,
      ...common,
      body: { eventId: int(body, "event_id", `${where}.body`) },
    };
  }

  const stored = { id, ...common, memberStatuses: fromRest ? toMemberStatuses(e.state) : null };
  const deleted = optStr(optObj(body, "timestamp"), "deleted");
  const kind = body.message_type;
  const at = `${where}.body`;
  switch (kind) {
    case "text":
      return { kind: "message:text", ...stored, body: { text: str(body, "text", at), deleted } };
    case "custom":
      return {
        kind: "message:custom",
        ...stored,
        body: { customData: obj(body.custom, `${at}.custom`), deleted },
      };
    case "image":
    case "video":
    case "audio":
    case "file":
    case "vcard": {
      const url = str(obj(body[kind], `${at}.${kind}`), "url", `${at}.${kind}`);
      const key = MEDIA_KINDS[kind];
      // One shape for the five media kinds: `{ <kind>Url, deleted }`.
      return {
        kind: `message:${kind}`,
        ...stored,
        body: { [key]: url, deleted },
      } as unknown as ConversationEvent;
    }
    case "location": {
      const l = obj(body.location, `${at}.location`);
      return {
        kind: "message:location",
        ...stored,
        body: {
          location: {
            longitude: str(l, "longitude", `${at}.location`),
            latitude: str(l, "latitude", `${at}.location`),
            name: optStr(l, "name"),
            address: optStr(l, "address"),
          },
          deleted,
        },
      };
    }
    case "template": {
      const t = obj(body.template, `${at}.template`);
      const w = optObj(body, "whatsapp");
      const parameters = Array.isArray(t.parameters) ? t.parameters.map(String) : null;
      return {
        kind: "message:template",
        ...stored,
        body: {
          template: { name: str(t, "name", `${at}.template`), parameters },
          whatsapp: { policy: optStr(w, "policy") ?? "", locale: optStr(w, "locale") ?? "" },
          deleted,
        },
      };
    }
    default:
      throw parsingError(`${at}.message_type ${JSON.stringify(kind)} is not a known kind of message`);
  }
}

/** Reads a pushed payload as an object; `null` when it is not one (such payloads are ignored). */
export function asObject(value: unknown): JsonObject | null {
  return isObj(value) ? value : null;
}

/** A required string field of an answer, e.g. the `id` of a created resource or a send's `timestamp`. */
export function stringField(wire: unknown, key: string, where: string): string {
  return str(obj(wire, where), key, where);
}
