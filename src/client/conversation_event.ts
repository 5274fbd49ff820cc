/**
 * `ConversationEvent`: the 20 kinds of event a `conversationEvent` callback receives, and the
 * items of an events page. A discriminated union on `kind`, so `switch (event.kind)` narrows
 * `body` and an exhaustive switch can end in a `never` check.
 *
 * @module
 */
import type { Channel, JsonObject, PageCursors, User, Whatsapp } from "./types.ts";

/** The sender of an event: a member (with its user). */
export interface EmbeddedInfo {
  /** Discriminant. */
  kind: "embeddedInfo";
  /** Member id of the sender, when known. */
  memberId: string | null;
  /** The sending user. */
  user: User;
}

/** The sender of an event that no user sent (the server or the application's backend). */
export interface System {
  /** Discriminant. */
  kind: "system";
}

/** Who sent an event. */
export type From = EmbeddedInfo | System;

/** One member's delivery state of a message: when it reached each state, and which is the latest. */
export interface EventState {
  /** When the member saw the message. */
  seen: string | null;
  /** When the member's client received it. */
  delivered: string | null;
  /** When it was handed to an outside channel for the member. */
  submitted: string | null;
  /** When an outside channel refused it. */
  rejected: string | null;
  /** When it was found undeliverable. */
  undeliverable: string | null;
  /** The state with the latest time. */
  current: "seen" | "delivered" | "submitted" | "rejected" | "undeliverable" | "none";
}

/** Delivery state of a message per member id. */
export type MemberStatus = Record<string, EventState>;

/** Body of the member events. */
export interface MemberEventBody {
  /** The membership. */
  memberId: string;
  /** Its user. */
  user: User;
  /** Its channel (`id` and `number` both hold the channel id). */
  channel: Channel;
}

/** Body of events that point at another event (deletions and receipts). */
export interface EventReferenceBody {
  /** Id of the deleted or acknowledged event. */
  eventId: number;
}

/** Body of `message:text`. */
export interface MessageTextEventBody {
  /** The text. */
  text: string;
  /** When the message was deleted, or `null`. */
  deleted: string | null;
}

/** Body of `message:custom`. */
export interface MessageCustomEventBody {
  /** The application's object. */
  customData: JsonObject;
  /** When the message was deleted, or `null`. */
  deleted: string | null;
}

/** Body of `message:image`. */
export interface MessageImageEventBody {
  /** URL of the image. */
  imageUrl: string;
  /** When the message was deleted, or `null`. */
  deleted: string | null;
}

/** Body of `message:video`. */
export interface MessageVideoEventBody {
  /** URL of the video. */
  videoUrl: string;
  /** When the message was deleted, or `null`. */
  deleted: string | null;
}

/** Body of `message:audio`. */
export interface MessageAudioEventBody {
  /** URL of the audio file. */
  audioUrl: string;
  /** When the message was deleted, or `null`. */
  deleted: string | null;
}

/** Body of `message:file`. */
export interface MessageFileEventBody {
  /** URL of the file. */
  fileUrl: string;
  /** When the message was deleted, or `null`. */
  deleted: string | null;
}

/** Body of `message:vcard`. */
export interface MessageVCardEventBody {
  /** URL of the vCard file. */
  vcardUrl: string;
  /** When the message was deleted, or `null`. */
  deleted: string | null;
}

/** A place as received. */
export interface ReceivedLocation {
  /** Longitude in decimal degrees. */
  longitude: string;
  /** Latitude in decimal degrees. */
  latitude: string;
  /** Name of the place. */
  name: string | null;
  /** Postal address. */
  address: string | null;
}

/** Body of `message:location`. */
export interface MessageLocationEventBody {
  /** The place. */
  location: ReceivedLocation;
  /** When the message was deleted, or `null`. */
  deleted: string | null;
}

/** Body of `message:template`. */
export interface MessageTemplateEventBody {
  /** The template and its values. */
  template: { name: string; parameters: string[] | null };
  /** WhatsApp settings (empty strings when the sender gave none). */
  whatsapp: Whatsapp;
  /** When the message was deleted, or `null`. */
  deleted: string | null;
}

/** Fields every event has. */
export interface EventBase<K extends string> {
  /** What happened; narrows `body`. */
  kind: K;
  /** When the server recorded the event (ISO 8601). */
  timestamp: string;
  /** The conversation. */
  conversationId: string;
  /** Who sent it. */
  from: From;
}

/** Fields of events the server stores. */
export interface StoredEventBase<K extends string> extends EventBase<K> {
  /** Event id, increasing within the conversation. */
  id: number;
}

/** Fields of messages. */
export interface MessageEventBase<K extends string> extends StoredEventBase<K> {
  /** Delivery state per member: from `getConversationEvents`; `null` on pushed events. */
  memberStatuses: MemberStatus | null;
}

/** An application-defined event (`custom:<name>` on the wire). */
export interface CustomConversationEvent extends StoredEventBase<"custom"> {
  /** The full wire type, `custom:<name>`. */
  eventType: string;
  /** The application's object. */
  body: JsonObject;
}
/** An event was deleted. */
export interface EventDeleteConversationEvent extends StoredEventBase<"event:delete"> {
  /** The deleted event. */
  body: EventReferenceBody;
}
/** A user was invited. */
export interface MemberInvitedEvent extends StoredEventBase<"member:invited"> {
  /** The invitation. */
  body: MemberEventBody;
}
/** A member joined. */
export interface MemberJoinedEvent extends StoredEventBase<"member:joined"> {
  /** The new member. */
  body: MemberEventBody;
}
/** A member left. */
export interface MemberLeftEvent extends StoredEventBase<"member:left"> {
  /** The departed member. */
  body: MemberEventBody;
}
/** A text message. */
export interface MessageTextEvent extends MessageEventBase<"message:text"> {
  /** The text. */
  body: MessageTextEventBody;
}
/** A message holding an application object. */
export interface MessageCustomEvent extends MessageEventBase<"message:custom"> {
  /** The object. */
  body: MessageCustomEventBody;
}
/** An image message. */
export interface MessageImageEvent extends MessageEventBase<"message:image"> {
  /** The image. */
  body: MessageImageEventBody;
}
/** A video message. */
export interface MessageVideoEvent extends MessageEventBase<"message:video"> {
  /** The video. */
  body: MessageVideoEventBody;
}
/** An audio message. */
export interface MessageAudioEvent extends MessageEventBase<"message:audio"> {
  /** The audio file. */
  body: MessageAudioEventBody;
}
/** A file message. */
export interface MessageFileEvent extends MessageEventBase<"message:file"> {
  /** The file. */
  body: MessageFileEventBody;
}
/** A vCard message. */
export interface MessageVCardEvent extends MessageEventBase<"message:vcard"> {
  /** The vCard. */
  body: MessageVCardEventBody;
}
/** A location message. */
export interface MessageLocationEvent extends MessageEventBase<"message:location"> {
  /** The place. */
  body: MessageLocationEventBody;
}
/** A template message. */
export interface MessageTemplateEvent extends MessageEventBase<"message:template"> {
  /** The template. */
  body: MessageTemplateEventBody;
}
/** A member saw a message. */
export interface MessageSeenEvent extends StoredEventBase<"message:seen"> {
  /** The seen message. */
  body: EventReferenceBody;
}
/** A message reached a member's client. */
export interface MessageDeliveredEvent extends StoredEventBase<"message:delivered"> {
  /** The delivered message. */
  body: EventReferenceBody;
}
/** A message was handed to an outside channel. */
export interface MessageSubmittedEvent extends StoredEventBase<"message:submitted"> {
  /** The submitted message. */
  body: EventReferenceBody;
}
/** An outside channel refused a message. */
export interface MessageRejectedEvent extends StoredEventBase<"message:rejected"> {
  /** The rejected message. */
  body: EventReferenceBody;
}
/** A message could not be delivered. */
export interface MessageUndeliverableEvent extends StoredEventBase<"message:undeliverable"> {
  /** The undeliverable message. */
  body: EventReferenceBody;
}
/** An application object sent to the members online at that moment; never stored, so it has no `id`. */
export interface EphemeralConversationEvent extends EventBase<"ephemeral"> {
  /** The application's object. */
  body: JsonObject;
}

/** Every kind of event the server stores (all but ephemeral ones). */
export type PersistentConversationEvent =
  | CustomConversationEvent
  | EventDeleteConversationEvent
  | MemberInvitedEvent
  | MemberJoinedEvent
  | MemberLeftEvent
  | MessageTextEvent
  | MessageCustomEvent
  | MessageImageEvent
  | MessageVideoEvent
  | MessageAudioEvent
  | MessageFileEvent
  | MessageVCardEvent
  | MessageLocationEvent
  | MessageTemplateEvent
  | MessageSeenEvent
  | MessageDeliveredEvent
  | MessageSubmittedEvent
  | MessageRejectedEvent
  | MessageUndeliverableEvent;

/** Any event of a conversation, told apart by `kind`. */
export type ConversationEvent = PersistentConversationEvent | EphemeralConversationEvent;

/** A page of stored events. */
export interface EventsPage extends PageCursors {
  /** The events. */
  events: PersistentConversationEvent[];
}
