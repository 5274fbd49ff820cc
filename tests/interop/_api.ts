// Our own declarations of the official SDK's API as it crosses the driver's JSON-lines boundary:
// arguments are JSON (plus the tags below), results are the JSON form of what the SDK resolves.
// Written from wire-protocol.md and the API facts summary; nothing is copied from the SDK.

// ---- Argument tags: values JSON cannot carry, rebuilt by the driver with the SDK's own helpers.

export type SomeTag<T> = { $some: T };
export type NoneTag = { $none: true };
export type UrlTag = { $url: string };
export type UndefinedTag = { $undefined: true };

/** `some(x)`, `none()`, `new URL(x)` and a present-but-`undefined` value, for driver arguments. */
export const tag = {
  some: <T>(value: T): SomeTag<T> => ({ $some: value }),
  none: (): NoneTag => ({ $none: true }),
  url: (href: string): UrlTag => ({ $url: href }),
  undefined: (): UndefinedTag => ({ $undefined: true }),
};

// ---- Data shapes (JSON form).

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type Order = "asc" | "desc";

export interface User {
  id: string;
  name: string;
  displayName?: string | null;
  imageUrl?: string | null;
  customData?: unknown;
}

export interface Conversation {
  id: string;
  name: string;
  timestamp: { created?: string | null; updated?: string | null; destroyed?: string | null };
  memberId?: string | null;
  memberState?: string;
  displayName?: string | null;
  imageUrl?: string | null;
  state?: string;
  properties?: { ttl?: number | null; customSortKey?: string | null; customData?: unknown } | null;
}

export interface Member {
  id: string;
  state?: string;
  user?: User | null;
}

interface Page {
  previousCursor?: string | null;
  nextCursor?: string | null;
}
export interface ConversationsPage extends Page {
  conversations: Conversation[];
}
export interface MembersPage extends Page {
  members: Member[];
}
export interface EventsPage extends Page {
  events: PersistentConversationEvent[];
}

export type From = { kind: "embeddedInfo"; memberId?: string | null; user: User } | { kind: "system" };

interface Base<K extends string, B> {
  kind: K;
  id: number;
  timestamp: string;
  conversationId: string;
  from: From;
  body: B;
}
type Message<K extends string, B> = Base<K, B & { deleted?: string | null }> & { memberStatuses?: unknown };
type Receipt<K extends string> = Base<K, { eventId: number }>;
type MemberEvent<K extends string> = Base<K, { memberId: string; user: User; channel?: unknown }>;
type Location = { latitude: string; longitude: string; name?: string | null; address?: string | null };
type Template = { name: string; parameters?: string[] | null };
type Whatsapp = { policy: string; locale: string };

/** The 20 kinds of `conversationEvent`, as the SDK delivers them. */
export type ConversationEvent =
  | Message<"message:text", { text: string }>
  | Message<"message:custom", { customData: unknown }>
  | Message<"message:image", { imageUrl: string }>
  | Message<"message:video", { videoUrl: string }>
  | Message<"message:audio", { audioUrl: string }>
  | Message<"message:file", { fileUrl: string }>
  | Message<"message:vcard", { vcardUrl: string }>
  | Message<"message:location", { location: Location }>
  | Message<"message:template", { template: Template; whatsapp: Whatsapp }>
  | Receipt<"message:seen">
  | Receipt<"message:delivered">
  | Receipt<"message:submitted">
  | Receipt<"message:rejected">
  | Receipt<"message:undeliverable">
  | MemberEvent<"member:invited">
  | MemberEvent<"member:joined">
  | MemberEvent<"member:left">
  | Base<"event:delete", { eventId: number }>
  | (Base<"custom", Record<string, unknown>> & { eventType?: string | null })
  | (Omit<Base<"ephemeral", Record<string, unknown>>, "id"> & { id?: number | null });

export type ConversationEventKind = ConversationEvent["kind"];
/** The stored kinds: all but ephemeral, each with an id. */
export type PersistentConversationEvent = Exclude<ConversationEvent, { kind: "ephemeral" }>;

// ---- Parameters.

type OptionArg<T> = T | SomeTag<T> | NoneTag | UndefinedTag;

export interface CreateConversationParameters {
  name?: string;
  displayName?: string;
  imageUrl?: string;
  ttl?: number;
  customSortKey?: string;
  customData?: Json;
}

export interface UpdateConversationParameters {
  name?: OptionArg<string>;
  displayName?: OptionArg<string | null> | null;
  imageUrl?: OptionArg<string | null> | null;
  ttl?: OptionArg<number | null> | null;
  customSortKey?: OptionArg<string | null> | null;
  customData?: OptionArg<Json | null> | null;
}

export interface PageParameters {
  order?: Order;
  pageSize?: number;
  cursor?: string;
}
export interface GetConversationsParameters extends PageParameters {
  includeCustomData?: boolean;
  orderBy?: "created" | "custom_sort_key";
}
export interface GetConversationEventsParameters extends PageParameters {
  eventFilter?: string[];
  includeDeletedEvents?: boolean;
  startId?: number;
}

// ---- Methods: arguments → resolved value (the driver awaits the SDK's promise).

export interface OfficialApi {
  createSession(token: string, sessionId?: string | null): string;
  refreshSession(token: string): null;
  deleteSession(): null;
  getUser(idOrName: string): User;
  getConversation(idOrName: string): Conversation;
  getConversations(params?: GetConversationsParameters | null): ConversationsPage;
  createConversation(params?: CreateConversationParameters | null): string;
  /** The official 2.3.1 resolves an internal object here; read the result with getConversation. */
  updateConversation(conversationId: string, params: UpdateConversationParameters): unknown;
  deleteConversation(conversationId: string): void;
  joinConversation(conversationId: string): string;
  inviteToConversation(conversationId: string, userName: string): string;
  leaveConversation(conversationId: string): void;
  getConversationMembers(conversationId: string, params?: PageParameters | null): MembersPage;
  getConversationMember(conversationId: string, memberId: string): Member;
  getConversationEvents(conversationId: string, params?: GetConversationEventsParameters | null): EventsPage;
  sendMessageTextEvent(conversationId: string, text: string, raw?: boolean): string;
  sendMessageCustomEvent(conversationId: string, customData: Json): string;
  sendMessageImageEvent(conversationId: string, url: UrlTag): string;
  sendMessageVideoEvent(conversationId: string, url: UrlTag): string;
  sendMessageAudioEvent(conversationId: string, url: UrlTag): string;
  sendMessageFileEvent(conversationId: string, url: UrlTag): string;
  sendMessageVCardEvent(conversationId: string, url: UrlTag): string;
  sendMessageLocationEvent(conversationId: string, location: Location): string;
  sendMessageTemplateEvent(conversationId: string, template: Template, whatsapp: Whatsapp): string;
  sendCustomEvent(conversationId: string, eventType: string, customData: Json): string;
  sendEphemeralEvent(conversationId: string, customData: Json): string;
  sendMessageSeenEvent(eventId: number, conversationId: string): string;
  deleteEvent(eventId: number, conversationId: string): null;
}

/** Callback argument lists by event name. */
export type OfficialEvents = {
  conversationEvent: [event: ConversationEvent];
  sessionError: [reason: string];
  reconnecting: [];
  reconnection: [];
  callInvite: [callId: string, from: string, channelType: string];
  callInviteCancel: [callId: string, reason: string];
  callHangup: [callId: string, quality: unknown, reason: string];
  legStatusUpdate: [callId: string, legId: string, status: string];
  callTransfer: [callId: string, conversationId: string];
  mute: [callId: string, legId: string, muted: boolean];
  earmuff: [callId: string, legId: string, earmuffed: boolean];
  dtmf: [callId: string, legId: string, digits: string];
  callMediaReconnecting: [callId: string];
  callMediaReconnection: [callId: string];
  callMediaDisconnect: [callId: string, reason: string];
  callMediaError: [callId: string, error: { type: string; code: string | null; message: string }];
  rtcStatsUpdate: [stats: unknown, legId: string];
};

/** How a rejection of the official SDK crosses the driver: a VonageError's fields. */
export interface OfficialError {
  type: string | null;
  code: string | null;
  message: string;
  name?: string;
}
