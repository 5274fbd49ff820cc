/**
 * Named aliases over the generated wire types (what goes over HTTP and the socket, in the
 * server's snake_case). Client and server code use these names, never `gen/` directly, so a
 * renamed schema touches this file only.
 *
 * @module
 */
import type { components, paths } from "../gen/client-api.ts";

type Schemas = components["schemas"];

/** Every REST path of the client API, for openapi-fetch. */
export type ApiPaths = paths;

/** The problem body of every 4xx/5xx answer. */
export type WireProblem = Schemas["Problem"];
/** A conversation as the API returns it. */
export type WireConversation = Schemas["Conversation"];
/** A page of a user's conversations. */
export type WireConversationsPage = Schemas["ConversationsPage"];
/** A member as the API returns it. */
export type WireMember = Schemas["Member"];
/** A page of members. */
export type WireMembersPage = Schemas["MembersPage"];
/** A user as the API returns it. */
export type WireUser = Schemas["User"];
/** A call leg as the API returns it. */
export type WireLeg = Schemas["Leg"];
/** A page of legs. */
export type WireLegsPage = Schemas["LegsPage"];
/** A page of events. */
export type WireEventsPage = Schemas["EventsPage"];
/** An item of an events page. */
export type WireRestEvent = Schemas["RestEvent"];
/** The body of a `message` event, by `message_type`. */
export type WireMessageBody = Schemas["MessageBody"];
/** Delivery state of a message (seen_by, delivered_to, …). */
export type WireMessageState = Schemas["MessageState"];
/** `PATCH /v0.3/conversations/{id}` body. */
export type WireUpdateConversation = Schemas["UpdateConversationRequest"];
/** `POST /v0.3/conversations` body. */
export type WireCreateConversation = Schemas["CreateConversationRequest"];
/** `POST /v0.3/conversations/{id}/events` body. */
export type WireCreateEvent = Schemas["CreateEventRequest"];
/** A custom event (`custom:<name>`) of a `POST /v0.3/conversations/{id}/events` body. */
export type WireCreateCustomEvent = Schemas["CreateCustomEventRequest"];
/** An item of an events page read without `filter_group_type` (any stored type). */
export type WireStoredEvent = Schemas["StoredEvent"];
/** `POST /v0.3/conversations/{id}/members` body. */
export type WireCreateMember = Schemas["CreateMemberRequest"];
/** The payload of the `session:success` socket event. */
export type WireSessionSuccess = Schemas["SessionSuccess"];
/** A pushed socket event of a fixed type (the event name merged in as `type`). */
export type WirePushedEvent = Schemas["PushedEvent"];
/** A pushed `custom:<name>` event. */
export type WireCustomPushedEvent = Schemas["CustomPushedEvent"];
/** Any pushed socket event. */
export type WireAnyPushedEvent = WirePushedEvent | WireCustomPushedEvent;
/** Who sent an event, as embedded in pushed and listed events. */
export type WireEventEmbedded = Schemas["EventEmbedded"];
/** The media flags of a conversation or leg. */
export type WireMediaState = Schemas["MediaState"];
/** A member's channel. */
export type WireChannel = Schemas["Channel"];
/** One end of a channel or leg (user, number, …). */
export type WireEndpoint = Schemas["Endpoint"];
/** The `_links` of a page. */
export type WirePageLinks = Schemas["PageLinks"];
/** Created / updated / destroyed times. */
export type WireTimestamps = Schemas["Timestamps"];
/** The answer of a POST that created a member (`id`). */
export type WireMemberRef = Schemas["MemberRef"];
/** The answer of `POST /v0.3/conversations`. */
export type WireCreatedConversation = Schemas["CreatedConversation"];
/** The answer of `POST …/events`. */
export type WireCreateEventResponse = Schemas["CreateEventResponse"];
/** The answer of `PUT /v0.2/sessions/{id}` (refreshSession). */
export type WireSessionRef = Schemas["SessionRef"];
/** The answer of `POST /v0.3/legs`: the call id and the media server's SDP. */
export type WireLegCreated = Schemas["LegCreated"];
/** A pushed `message`. */
export type WireMessagePushedEvent = Schemas["MessagePushedEvent"];
