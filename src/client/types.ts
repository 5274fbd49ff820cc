/**
 * The public data shapes: what the client resolves (conversations, members, users, pages) and
 * what it takes (request parameters). Named and shaped as in the official SDK, in camelCase;
 * absent values are `null`.
 *
 * @module
 */
import type { Option } from "../option.ts";
import type { MemberChannelType, OrderBy, PresentingOrder } from "./enums.ts";

/** `T`, `null` or `undefined`: a parameter that may be left out. */
export type Nullable<T> = T | null | undefined;

/** Any JSON value. */
export type JsonValue = object | string | number | boolean | null;
/** A JSON object or array. */
export type Json = { [key: string]: JsonValue } | JsonValue[];
/** Application data: a JSON object, or a string holding one. */
export type CustomData = Json | string;
/** A JSON object as the client hands it back (custom data, custom event bodies). */
export type JsonObject = { [key: string]: unknown };

/** Life-cycle state of a conversation. */
export type ConversationState = "ACTIVE" | "INACTIVE" | "DELETED";
/** State of a membership. */
export type MemberState = "INVITED" | "JOINED" | "LEFT" | "UNKNOWN";

/** When a conversation was created, last changed and deleted (ISO 8601). */
export interface ConversationTimestamp {
  /** Creation time. */
  created: string | null;
  /** Last change. */
  updated: string | null;
  /** Deletion time. */
  destroyed: string | null;
}

/** Settings and application data of a conversation. */
export interface ConversationProperties {
  /** Seconds an empty conversation is kept; `null` when not set. */
  ttl: number | null;
  /** Application-chosen key for `orderBy: "custom_sort_key"`. */
  customSortKey: string | null;
  /** Application data, already parsed. */
  customData: JsonObject | null;
}

/** A conversation. */
export interface Conversation {
  /** Conversation id. */
  id: string;
  /** Unique name within the application. */
  name: string;
  /** Life-cycle times. */
  timestamp: ConversationTimestamp;
  /** The caller's member id, when the caller is a member. */
  memberId: string | null;
  /** The caller's membership state, when the caller is a member. */
  memberState?: MemberState;
  /** Name meant for people. */
  displayName: string | null;
  /** URL of an image representing the conversation. */
  imageUrl: string | null;
  /** Life-cycle state. */
  state?: ConversationState;
  /** Settings and application data. */
  properties: ConversationProperties;
}

/** One contact point: a channel id and/or number. */
export interface Channel {
  /** Channel id (for member events: the leg or channel id). */
  id: string | null;
  /** Number, when the channel has one. */
  number: string | null;
}

/** How a member is connected. */
export interface MemberChannel {
  /** Kind of channel. */
  type: MemberChannelType;
  /** The calling side. */
  from: Channel | null;
  /** The called side. */
  to: Channel | null;
}

/** When a membership reached each state (ISO 8601). */
export interface MemberTimestamp {
  /** Invitation time. */
  invited: string | null;
  /** Join time. */
  joined: string | null;
  /** Leave time. */
  left: string | null;
}

/** A user's membership in a conversation. */
export interface Member {
  /** Member id. */
  id: string;
  /** Current state. */
  state: MemberState;
  /** The user behind the membership. */
  user: User | null;
  /** How the member is connected. */
  channel?: MemberChannel;
  /** When the member reached each state. */
  timestamp: MemberTimestamp | null;
}

/** When a user was created, last changed and deleted (ISO 8601). */
export interface UserTimestamp {
  /** Creation time. */
  created: string | null;
  /** Last change. */
  updated: string | null;
  /** Deletion time. */
  destroyed: string | null;
}

/** The ways a user can be reached, by kind of channel. */
export interface UserChannels {
  /** In-app endpoints. */
  app: Channel[] | null;
  /** Phones. */
  phone: Channel[] | null;
  /** PSTN numbers. */
  pstn: Channel[] | null;
  /** SIP endpoints. */
  sip: Channel[] | null;
  /** Vonage Business Communications extensions. */
  vbc: Channel[] | null;
  /** Websocket endpoints. */
  websocket: Channel[] | null;
  /** SMS numbers. */
  sms: Channel[] | null;
  /** MMS numbers. */
  mms: Channel[] | null;
  /** WhatsApp numbers. */
  whatsapp: Channel[] | null;
  /** Viber accounts. */
  viber: Channel[] | null;
  /** Messenger accounts. */
  messenger: Channel[] | null;
}

/** A user of the application. */
export interface User {
  /** User id. */
  id: string;
  /** Unique user name. */
  name: string;
  /** Name meant for people. */
  displayName: string | null;
  /** URL of the user's picture. */
  imageUrl: string | null;
  /** Ways to reach the user. */
  channels: UserChannels | null;
  /** Life-cycle times. */
  timestamp: UserTimestamp | null;
  /** Application data of the user, already parsed. */
  customData: JsonObject | null;
}

/** Cursors of a page: pass one as `cursor` to fetch the neighbouring page. */
export interface PageCursors {
  /** Cursor of the previous page, `null` on the first. */
  previousCursor: string | null;
  /** Cursor of the next page, `null` on the last. */
  nextCursor: string | null;
}

/** A page of the caller's conversations. */
export interface ConversationsPage extends PageCursors {
  /** The conversations. */
  conversations: Conversation[];
}

/** A page of members. */
export interface MembersPage extends PageCursors {
  /** The members. */
  members: Member[];
}

/** Parameters of `getConversations`. */
export interface GetConversationsParameters {
  /** `asc` (default) or `desc`. */
  order?: Nullable<PresentingOrder>;
  /** Items per page, 1 to 100 (server default 10). */
  pageSize?: Nullable<number>;
  /** Cursor from a previous page. */
  cursor?: Nullable<string>;
  /** Include each conversation's custom data. */
  includeCustomData?: Nullable<boolean>;
  /** `created` (default) or `custom_sort_key`. */
  orderBy?: Nullable<OrderBy>;
}

/** Parameters of `getConversationMembers`. */
export interface GetConversationMembersParameters {
  /** `asc` (default) or `desc`. */
  order?: Nullable<PresentingOrder>;
  /** Items per page, 1 to 100. */
  pageSize?: Nullable<number>;
  /** Cursor from a previous page. */
  cursor?: Nullable<string>;
}

/** Parameters of `getConversationEvents`. */
export interface GetConversationEventsParameters {
  /** `asc` (default) or `desc`. */
  order?: Nullable<PresentingOrder>;
  /** Items per page, 1 to 100. */
  pageSize?: Nullable<number>;
  /** Cursor from a previous page. */
  cursor?: Nullable<string>;
  /** Only these wire types, e.g. `["message", "member:joined", "custom:typing"]`. */
  eventFilter?: Nullable<string[]>;
  /** Also list deleted messages. */
  includeDeletedEvents?: Nullable<boolean>;
  /** Only events whose id is at least this. */
  startId?: Nullable<number>;
}

/** Parameters of `createConversation`; every field is optional. */
export interface CreateConversationParameters {
  /** Unique name; the server picks one when absent. */
  name?: Nullable<string>;
  /** Name meant for people. */
  displayName?: Nullable<string>;
  /** URL of an image representing the conversation. */
  imageUrl?: Nullable<string>;
  /** Seconds an empty conversation is kept. */
  ttl?: Nullable<number>;
  /** Key for `orderBy: "custom_sort_key"`. */
  customSortKey?: Nullable<string>;
  /** Application data: an object, or a string holding a JSON object. */
  customData?: Nullable<CustomData>;
}

/**
 * Parameters of `updateConversation`. For each field: leave it out, pass `none()` or pass
 * `undefined` to keep it; pass a value or `some(value)` to set it; pass `null` or `some(null)` to
 * clear it. `name` can be changed but not cleared.
 */
export interface UpdateConversationParameters {
  /** New unique name. */
  name?: string | Option<string> | undefined;
  /** New display name, or `null` to remove it. */
  displayName?: string | null | Option<string | null> | undefined;
  /** New image URL, or `null` to remove it. */
  imageUrl?: string | null | Option<string | null> | undefined;
  /** New time-to-live in seconds, or `null` to remove it. */
  ttl?: number | null | Option<number | null> | undefined;
  /** New sort key, or `null` to remove it. */
  customSortKey?: string | null | Option<string | null> | undefined;
  /** New custom data (replaces the old object), or `null` to remove it. */
  customData?: CustomData | null | Option<CustomData | null> | undefined;
}

/** A place, for `sendMessageLocationEvent`. */
export interface Location {
  /** Latitude in decimal degrees, e.g. `"51.5072"` (a number is accepted too). */
  latitude: string | number;
  /** Longitude in decimal degrees, e.g. `"-0.1276"` (a number is accepted too). */
  longitude: string | number;
  /** Name of the place (optional). */
  name?: Nullable<string>;
  /** Postal address (optional). */
  address?: Nullable<string>;
}

/** A pre-approved message template, for `sendMessageTemplateEvent`. */
export interface Template {
  /** Name of the template. */
  name: string;
  /** Values for its placeholders, in order. */
  parameters?: Nullable<string[]>;
}

/** WhatsApp delivery settings of a template message. */
export interface Whatsapp {
  /** How the language is chosen, e.g. `deterministic`. */
  policy: string;
  /** Template language, e.g. `en_GB`. */
  locale: string;
}
