/**
 * Wire readers: the runtime checks at the edge, where data crosses the wire (REST answers and socket
 * pushes). Each one takes what arrived as `unknown`, checks the fields the client relies on, and hands
 * it on as its generated type (`src/wire.ts`); past this file nothing probes wire data again. A check
 * that fails throws `internal:error:parsing_exception`, naming the field.
 *
 * A {@link Shape} lists the keys of a generated type the client needs: its keys are that type's, so a
 * field renamed in the YAML is a compile error here as well as in the mapper that reads it. Keys left
 * out of a shape are optional on the wire and are taken as typed.
 *
 * @module
 */
import type {
  WireAnyPushedEvent,
  WireConversation,
  WireConversationsPage,
  WireCustomPushedEvent,
  WireEventEmbedded,
  WireEventsPage,
  WireMember,
  WireMembersPage,
  WireMessageBody,
  WireMessageState,
  WirePushedEvent,
  WireUser,
} from "../wire.ts";
import { messageOf, parsingError } from "./failures.ts";
import type { JsonObject } from "./types.ts";

/** The JSON types a key may be required to hold, and how to tell; `integer` also accepts a numeric string. */
const KINDS = {
  string: (v: unknown) => typeof v === "string",
  integer: (v: unknown) => eventId(v) !== undefined,
  boolean: (v: unknown) => typeof v === "boolean",
  object: (v: unknown) => isObject(v),
  array: (v: unknown) => Array.isArray(v),
};
type Kind = keyof typeof KINDS;

/** What one key must hold: a JSON type, one of some strings, a nested shape, or `[shape]` for a list of them. */
type Rule<V> =
  | Kind
  | ([V] extends [string] ? readonly string[] : never)
  | ([V] extends [readonly (infer I)[]] ? readonly [Shape<I>] : [V] extends [object] ? Shape<V> : never);

/**
 * The keys of `T` the client needs, each with its {@link Rule}. A nested shape with `"?": true` is
 * optional: checked only when the key is present (and not `null`).
 */
export type Shape<T> = { readonly [K in keyof T & string]?: Rule<NonNullable<T[K]>> } & {
  readonly "?"?: true;
};

/** A shape whatever its type, as {@link check} walks it. */
type AnyShape = { readonly [key: string]: unknown };

/** Whether `value` is a JSON object (not an array, not `null`). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An event id: an integer, or a numeric string (as some servers send them); `undefined` otherwise. */
export function eventId(value: unknown): number | undefined {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof n === "number" && Number.isSafeInteger(n) ? n : undefined;
}

/** `value` as a `T` once it has the shape; throws a parsing error naming the first field that does not. */
export function read<T>(value: unknown, shape: Shape<T>, where: string): T {
  check(value, shape, where);
  return value as T;
}

function check(value: unknown, shape: AnyShape, where: string): void {
  // Each rule is a Kind, a list of strings, `[shape]` or a shape (see Rule).
  if (!isObject(value)) throw parsingError(`${where} must be an object`);
  for (const [key, rule] of Object.entries(shape)) {
    if (key === "?") continue;
    const v = value[key], at = `${where}.${key}`;
    if (typeof rule === "string") {
      if (!KINDS[rule as Kind](v)) {
        throw parsingError(`${at} must be ${/^[aeiou]/.test(rule) ? "an" : "a"} ${rule}`);
      }
    } else if (Array.isArray(rule)) {
      if (typeof rule[0] !== "object") {
        if (!rule.includes(v)) throw parsingError(`${at} is not one of ${rule.join(", ")}: ${String(v)}`);
      } else if (!Array.isArray(v)) throw parsingError(`${at} must be an array`);
      else v.forEach((item, i) => check(item, rule[0], `${at}[${i}]`));
    } else if (v != null || !(rule as AnyShape)["?"]) check(v, rule as AnyShape, at);
  }
}

// ---- REST answers the chat methods read (call legs: legs.ts) -------------------------------------

const MEMBER_STATES = ["INVITED", "JOINED", "LEFT", "UNKNOWN"] as const;

/** A user: `GET /v0.3/users/{id}`, and the users inside members and member events. */
export const USER: Shape<WireUser> = { id: "string", name: "string" };

/** A conversation: `GET`/`PATCH /v0.3/conversations/{id}`, list items. */
export const CONVERSATION: Shape<WireConversation> = {
  id: "string",
  name: "string",
  timestamp: "object",
  _embedded: { "?": true, member: { "?": true, state: MEMBER_STATES } },
};

/** A member: `GET …/members/{id}`, `…/members/me`, list items. */
export const MEMBER: Shape<WireMember> = {
  id: "string",
  state: MEMBER_STATES,
  _embedded: { "?": true, user: { "?": true, ...USER } },
};

/** The links of a page (read by `cursorOf`). */
const LINKS = "object";

/** A page of conversations. */
export const CONVERSATIONS_PAGE: Shape<WireConversationsPage> = {
  _embedded: { conversations: [CONVERSATION] },
  _links: LINKS,
};
/** A page of members. */
export const MEMBERS_PAGE: Shape<WireMembersPage> = { _embedded: { members: [MEMBER] }, _links: LINKS };
/** A page of events; each item is read on its own (readListed: an unreadable one is skipped, not the page). */
export const EVENTS_PAGE: Shape<WireEventsPage> = { _embedded: { events: "array" }, _links: LINKS };

// ---- pushed events --------------------------------------------------------------------------------

type PushOf<T extends string> = Extract<WirePushedEvent, { type: T }>;
type MemberPushes = PushOf<"member:invited" | "member:joined" | "member:left">;
type References = PushOf<
  | "event:delete"
  | "message:seen"
  | "message:delivered"
  | "message:submitted"
  | "message:rejected"
  | "message:undeliverable"
>;
type StoredPushes = MemberPushes | References | PushOf<"message"> | WireCustomPushedEvent;
type Signals = Exclude<WirePushedEvent, StoredPushes | PushOf<"ephemeral">>;

// Each shape below is declared with the union of the pushes it serves, so that its keys are those all
// of them have: a key renamed in any one of them is a compile error here.

/** Who sent an event: when `from_user` is there, its id and name. */
const EMBEDDED: Shape<WireEventEmbedded> = {
  "?": true,
  from_user: { "?": true, id: "string", name: "string" },
};

/** What every conversation event needs, and what stored ones, member events and references add. */
const EVENT: Shape<StoredPushes | PushOf<"ephemeral">> = {
  cid: "string",
  timestamp: "string",
  body: "object",
  _embedded: EMBEDDED,
};
const STORED: Shape<StoredPushes> = { ...EVENT, id: "integer" };
const MEMBER_EVENT: Shape<MemberPushes> = { ...STORED, body: { member_id: "string", user: USER } };
const REFERENCE: Shape<References> = { ...STORED, body: { event_id: "integer" } };
const MESSAGE: Shape<PushOf<"message">> = {
  ...STORED,
  body: {
    message_type: ["text", "custom", "image", "video", "audio", "file", "vcard", "location", "template"],
  },
};
/** Call signalling: a body (see PUSHES). */
const SIGNAL: Shape<Signals> = { body: "object" };

/**
 * The pushed types the client reads, each with what it needs. Call signalling (`rtc:*`, `audio:*`,
 * `leg:status:update`, `member:media`) needs nothing more than a body: the call registry ignores
 * pushes that concern none of its calls.
 */
const PUSHES: { readonly [T in WirePushedEvent["type"]]: Shape<PushOf<T>> } = {
  "member:invited": MEMBER_EVENT,
  "member:joined": MEMBER_EVENT,
  "member:left": MEMBER_EVENT,
  "message": MESSAGE,
  "event:delete": REFERENCE,
  "message:seen": REFERENCE,
  "message:delivered": REFERENCE,
  "message:submitted": REFERENCE,
  "message:rejected": REFERENCE,
  "message:undeliverable": REFERENCE,
  "ephemeral": EVENT,
  "rtc:hangup": SIGNAL,
  "leg:status:update": SIGNAL,
  "rtc:answer": SIGNAL,
  "rtc:transfer": SIGNAL,
  "member:media": SIGNAL,
  "audio:mute:on": SIGNAL,
  "audio:mute:off": SIGNAL,
  "audio:earmuff:on": SIGNAL,
  "audio:earmuff:off": SIGNAL,
  "audio:dtmf": SIGNAL,
  "audio:say": SIGNAL,
  "audio:say:done": SIGNAL,
};

/** A message body, by `message_type`: the content each kind needs. */
const MESSAGE_BODIES: {
  readonly [K in WireMessageBody["message_type"]]: Shape<Extract<WireMessageBody, { message_type: K }>>;
} = {
  text: { text: "string" },
  custom: { custom: "object" },
  image: { image: { url: "string" } },
  video: { video: { url: "string" } },
  audio: { audio: { url: "string" } },
  file: { file: { url: "string" } },
  vcard: { vcard: { url: "string" } },
  location: { location: { latitude: "string", longitude: "string" } },
  template: { template: { name: "string" } },
};

/** A pushed event's place in its conversation, when it has one (ephemeral ones have none). */
export interface Position {
  /** Conversation id. */
  cid: string;
  /** Event id. */
  id: number;
}

/**
 * The edge of the socket: one pushed payload with its event name, as it arrived. `push` is the typed
 * event (its `id` a number), or `null` when its type is not one the client reads or, with `malformed`
 * saying why, when a field the client needs is missing. `position` is there whenever the payload has
 * a conversation id and an event id, readable or not, so that the ordering can account for the id.
 */
export interface ReadPush {
  /** The event name. */
  type: string;
  /** The typed event, or `null`. */
  push: WireAnyPushedEvent | null;
  /** Where it sits in its conversation. */
  position: Position | undefined;
  /** Why a known type was not readable. */
  malformed?: string;
}

/** Reads a pushed payload; throws a parsing error only when it is not an object at all. */
export function readPush(type: string, payload: unknown): ReadPush {
  if (!isObject(payload)) throw parsingError(`${type}: the payload is not an object`);
  const id = eventId(payload.id);
  const position = typeof payload.cid === "string" && id !== undefined ? { cid: payload.cid, id } : undefined;
  const custom = type.startsWith("custom:") && type.length > 7;
  const shape: AnyShape | undefined = custom
    ? STORED
    : Object.hasOwn(PUSHES, type)
    ? PUSHES[type as WirePushedEvent["type"]]
    : undefined;
  if (!shape) return { type, push: null, position };
  try {
    const push: JsonObject = { ...payload, type, ...id === undefined ? {} : { id } };
    check(push, shape, type);
    if (type === "message") {
      const body = push.body as WireMessageBody;
      check(body, MESSAGE_BODIES[body.message_type], `${type}.body`);
    }
    return { type, push: push as WireAnyPushedEvent, position };
  } catch (err) {
    return { type, push: null, position, malformed: messageOf(err) };
  }
}

/**
 * An item of an events page, read as a push: `cid` (the item's `conversation_id`, else the listed
 * conversation) instead of `conversation_id`, and the listing's `state` (a message's delivery state)
 * apart. `null` for an item without a type.
 */
export function readListed(
  item: unknown,
  conversationId: string,
): (ReadPush & { state: WireMessageState | undefined }) | null {
  if (!isObject(item) || typeof item.type !== "string") return null;
  const { conversation_id, state, ...rest } = item;
  const cid = typeof conversation_id === "string" ? conversation_id : conversationId;
  return { ...readPush(item.type, { ...rest, cid }), state: isObject(state) ? state : undefined };
}
