/**
 * Small constant maps of the public API. Each is both a value (`PresentingOrder.ASC`) and the
 * union type of its values, so code written against the official SDK's names keeps compiling.
 *
 * @module
 */
import { enumOf, pascal, upper } from "../enum_of.ts";

/** Order of the items in a page. */
export const PresentingOrder: {
  /** Oldest first (the default). */
  readonly ASC: "asc";
  /** Newest first. */
  readonly DESC: "desc";
} = enumOf("asc desc", upper);
/** One of the values of {@link PresentingOrder}. */
export type PresentingOrder = typeof PresentingOrder[keyof typeof PresentingOrder];

/** What `getConversations` sorts by. */
export const OrderBy: {
  /** Creation time (the default). */
  readonly CREATED: "created";
  /** The conversations' `customSortKey`. */
  readonly CUSTOM_SORT_KEY: "custom_sort_key";
} = enumOf("created custom_sort_key", upper);
/** One of the values of {@link OrderBy}. */
export type OrderBy = typeof OrderBy[keyof typeof OrderBy];

/** Why a live session ended, passed to `sessionError` callbacks. */
export const SessionErrorReason: {
  /** The connection dropped and could not be restored. */
  readonly TransportClosed: "TRANSPORT_CLOSED";
  /** The server stopped answering keep-alive pings. */
  readonly PingTimeout: "PING_TIMEOUT";
  /** The server closed the session, typically because the token expired. Create a new session. */
  readonly ExpiredToken: "EXPIRED_TOKEN";
} = enumOf("TRANSPORT_CLOSED PING_TIMEOUT EXPIRED_TOKEN", pascal);
/** One of the values of {@link SessionErrorReason}. */
export type SessionErrorReason = typeof SessionErrorReason[keyof typeof SessionErrorReason];

/**
 * Codes the Conversation service puts in `VonageError.code` (type `CS_ERROR`). Unlike the
 * official SDK, whose map holds upper-case tags, the values here are the codes themselves, so
 * `err.code === CSErrorCodes.ConversationNotFound` works.
 */
export const CSErrorCodes = {
  /** A conversation with this name exists already. */
  ConversationDuplicateName: "conversation:error:duplicate-name",
  /** The user is a joined member already. */
  MemberAlreadyJoined: "conversation:error:member-already-joined",
  /** The user is invited already. */
  MemberAlreadyInvited: "conversation:error:member-already-invited",
  /** No such conversation. */
  ConversationNotFound: "conversation:error:not-found",
  /** No such member. */
  MemberNotFound: "conversation:error:member-not-found",
  /** No such user. */
  UserNotFound: "user:error:not-found",
  /** The page cursor is unknown or damaged. */
  InvalidCursor: "paginator-builder:error:invalid-cursor",
  /** The request did not pass validation. */
  ValidationFail: "http:error:validation-fail",
  /** The conversation is full. */
  ConversationMaxNumberOfMembers: "conversation:error:maximum-number-of-members",
  /** Custom data is over the size limit. */
  CustomDataOverallLimitExceeded: "custom-data:error:max-data-sum-limit-exceeded",
} as const;
/** One of the values of {@link CSErrorCodes}. */
export type CSErrorCodes = typeof CSErrorCodes[keyof typeof CSErrorCodes];

/** Codes of session failures in `VonageError.code` (type `SESSION_ERROR`); the values are the codes themselves. */
export const SessionErrorCodes = {
  /** No `session:success` within 5 seconds of connecting. */
  Timeout: "session:error:timeout",
  /** The token has expired. */
  ExpiredToken: "session:error:expired-token",
  /** `createSession` got an empty token. */
  EmptyToken: "session:error:empty-token",
  /** The server closed the connection. */
  ForcedDisconnect: "session:error:server-forced-disconnect",
  /** The session failed for a reason of its own. */
  InternalFailure: "session:error:internal-failure",
  /** The method needs a session: call `createSession` first. */
  NoActiveSession: "session:error:no-active-session",
  /** A session is open already. */
  AlreadyActiveSession: "session:error:already-active-session",
  /** The token was refused. */
  InvalidToken: "session:error:invalid-token",
  /** The token's user is unknown. */
  InvalidUser: "user:error:invalid-user",
  /** The token may not open a session. */
  AuthorizationError: "system:error:permission",
  /** The session to resume is unknown. */
  InvalidSession: "session:error:invalid-session",
  /** The user has too many open sessions. */
  MaxOpenSessions: "session:error:max-open-sessions-permitted",
  /** The connection closed while logging in. */
  InvalidSocketTransport: "session:error:websocket-transport-invalid",
  /** The client closed the connection. */
  ClientDisconnect: "session:disconnect:client-disconnect",
  /** The server stopped answering pings. */
  PingTimeoutDisconnect: "session:disconnect:ping-timeout",
  /** The connection closed. */
  TransportClosedDisconnect: "session:disconnect:websocket-transport-closed",
} as const;
/** One of the values of {@link SessionErrorCodes}. */
export type SessionErrorCodes = typeof SessionErrorCodes[keyof typeof SessionErrorCodes];

/** How a member is connected (`Member.channel.type`). */
export const MemberChannelType: {
  /** An app user (a client SDK). */
  readonly App: "APP";
  /** A phone. */
  readonly Phone: "PHONE";
  /** The public telephone network. */
  readonly Pstn: "PSTN";
  /** SIP (lower case, as in the official SDK). */
  readonly Sip: "sip";
  /** Vonage Business Communications. */
  readonly Vbc: "VBC";
  /** A websocket endpoint. */
  readonly Websocket: "WEBSOCKET";
  /** SMS. */
  readonly Sms: "SMS";
  /** MMS. */
  readonly Mms: "MMS";
  /** WhatsApp. */
  readonly Whatsapp: "WHATSAPP";
  /** Viber. */
  readonly Viber: "VIBER";
  /** Facebook Messenger. */
  readonly Messenger: "MESSENGER";
} = enumOf("APP PHONE PSTN sip VBC WEBSOCKET SMS MMS WHATSAPP VIBER MESSENGER", pascal);
/** One of the values of {@link MemberChannelType}. */
export type MemberChannelType = typeof MemberChannelType[keyof typeof MemberChannelType];
