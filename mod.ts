/**
 * Parley: an open, Deno-first implementation of the `VonageClient` API, wire-compatible with
 * the official Vonage Client SDK.
 *
 * @example Log in, join a conversation and send a message
 * ```ts ignore
 * import { VonageClient } from "@parley/client";
 * const client = new VonageClient({ apiUrl: "http://127.0.0.1:3000", websocketUrl: "http://127.0.0.1:3000" });
 * client.on("conversationEvent", (event) => console.log(event.kind));
 * await client.createSession(token);
 * await client.joinConversation(conversationId);
 * await client.sendMessageTextEvent(conversationId, "Hello!");
 * ```
 *
 * @module
 */

// Bundle layout: the dependencies (socket.io-client, openapi-fetch) come first in a bundle, so this
// package's own modules sit next to each other, where gzip finds what they share. No effect otherwise.
import "./src/deps.ts";

// The client.
export { VonageClient } from "./src/client/vonage_client.ts";
export { VonageClient as default } from "./src/client/vonage_client.ts";
export type { VonageEvent, VonageEventName } from "./src/client/emitter.ts";
export type {
  ConnectionChangeReason,
  ConnectionState,
  ConnectionStateChange,
} from "./src/client/connection.ts";
export type { SessionEnd } from "./src/client/session.ts";

// Configuration and logging.
export {
  ClientConfig,
  type ClientConfigObject,
  ClientInitConfig,
  type ClientInitConfigObject,
  ConfigRegion,
  convertInitConfig,
  type FetchFunction,
} from "./src/client/config.ts";
export {
  createVonageLogger,
  type LoggerOptions,
  LoggingLevel,
  Topic,
  Topics,
  type VonageLogger,
} from "./src/client/logger.ts";

// Options for updates.
export { mapOption, type None, none, Option, OptionBase, type Some, some } from "./src/option.ts";

// Errors.
export { VonageError, type VonageErrorOptions, VonageErrorType } from "./src/errors.ts";
export {
  CSErrorCodes,
  MemberChannelType,
  OrderBy,
  PresentingOrder,
  SessionErrorCodes,
  SessionErrorReason,
} from "./src/client/enums.ts";

// Data shapes and parameters.
export type {
  Channel,
  Conversation,
  ConversationProperties,
  ConversationsPage,
  ConversationState,
  ConversationTimestamp,
  CreateConversationParameters,
  CustomData,
  GetConversationEventsParameters,
  GetConversationMembersParameters,
  GetConversationsParameters,
  Json,
  JsonObject,
  JsonValue,
  Location,
  Member,
  MemberChannel,
  MembersPage,
  MemberState,
  MemberTimestamp,
  Nullable,
  PageCursors,
  Template,
  UpdateConversationParameters,
  User,
  UserChannels,
  UserTimestamp,
  Whatsapp,
} from "./src/client/types.ts";

// Conversation events.
export type {
  ConversationEvent,
  CustomConversationEvent,
  EmbeddedInfo,
  EphemeralConversationEvent,
  EventBase,
  EventDeleteConversationEvent,
  EventReferenceBody,
  EventsPage,
  EventState,
  From,
  MemberEventBody,
  MemberInvitedEvent,
  MemberJoinedEvent,
  MemberLeftEvent,
  MemberStatus,
  MessageAudioEvent,
  MessageAudioEventBody,
  MessageCustomEvent,
  MessageCustomEventBody,
  MessageDeliveredEvent,
  MessageEventBase,
  MessageFileEvent,
  MessageFileEventBody,
  MessageImageEvent,
  MessageImageEventBody,
  MessageLocationEvent,
  MessageLocationEventBody,
  MessageRejectedEvent,
  MessageSeenEvent,
  MessageSubmittedEvent,
  MessageTemplateEvent,
  MessageTemplateEventBody,
  MessageTextEvent,
  MessageTextEventBody,
  MessageUndeliverableEvent,
  MessageVCardEvent,
  MessageVCardEventBody,
  MessageVideoEvent,
  MessageVideoEventBody,
  PersistentConversationEvent,
  ReceivedLocation,
  StoredEventBase,
  System,
} from "./src/client/conversation_event.ts";

// Voice.
export {
  CallDisconnectReason,
  type CallSayParams,
  CancelReason,
  type GetCallLegsParameters,
  HangupReason,
  type Leg,
  type LegChannel,
  type LegsPage,
  LegStatus,
  type MediaState,
  type RTCQuality,
  type RtcStats,
  VoiceChannelType,
} from "./src/client/voice_types.ts";
export {
  defaultMedia,
  type DescriptionLike,
  type IceServer,
  type MediaAdapter,
  type MediaConnection,
  type MediaConnectionState,
  type MicrophoneSettings,
  type PeerConfiguration,
  type PeerConnectionLike,
  signallingOnly,
  type StatsReportLike,
  type StreamLike,
  type TrackLike,
  webRtcMedia,
  type WebRtcStack,
} from "./src/client/media.ts";
