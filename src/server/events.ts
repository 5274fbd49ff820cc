/**
 * The event operations (list, send, delete); the {@link EventLog} of event_log.ts stores and pushes.
 *
 * With `filter_group_type=ChatEvents` (the official client always sends it) event pages list only
 * the chat types that client can parse (`member:invited`, `member:joined`, `member:left`,
 * `message`, `event:delete`, `custom:*`); receipts then show up only as the `state` of the message
 * they acknowledge. Without it, pages list every stored type (receipts, `audio:*`, `rtc:hangup`, …),
 * so a client back-filling by id finds every id; ephemeral events are never stored, so never listed.
 *
 * @module
 */
import type { WireCreateCustomEvent, WireCreateEvent, WireMessageState } from "../wire.ts";
import { conversationById, requireMember } from "./conversations.ts";
import type { Context } from "./context.ts";
import type { Handlers, OperationOf, Reply } from "./contract.ts";
import type { Draft } from "./event_log.ts";
import { listPage } from "./pages.ts";
import { ApiError } from "./problems.ts";
import type { ConversationRecord, EventRecord, JsonObject, MemberRecord } from "./store.ts";

/** Largest body of an ephemeral event, in bytes of JSON. */
export const EPHEMERAL_LIMIT = 4096;

const CHAT_TYPES = new Set(["member:invited", "member:joined", "member:left", "message", "event:delete"]);

/** Whether events of this type appear in event pages. */
export function isChatType(type: string): boolean {
  return CHAT_TYPES.has(type) || type.startsWith("custom:");
}

/** The answer to a sent event. */
export type EventCreated = Reply<OperationOf<"POST /v0.3/conversations/{conversation_id}/events">>;

/** A sent `audio:*` event. */
export type AudioRequest = Extract<WireCreateEvent, { type: `audio:${string}` }>;

/** Answers the `audio:*` event types (kept with the rest of the call logic). */
export type AudioHandler = (
  conversation: ConversationRecord,
  member: MemberRecord,
  request: AudioRequest,
) => EventCreated;

/** The event operations. */
export function eventHandlers(ctx: Context, audio: AudioHandler) {
  const { store, log } = ctx;

  return {
    "GET /v0.3/conversations/{conversation_id}/events": ({ caller, params: { path, query }, url }) => {
      const conversation = conversationById(ctx, path.conversation_id);
      ctx.access.require("read", caller, conversation);
      const wanted = typeFilter(query.event_type);
      const startId = query.start_id ?? 0;
      const excludeDeleted = query.exclude_deleted_events === true;
      const chatOnly = query.filter_group_type === "ChatEvents";
      // Stored in id order: pages are cut by binary search, with no sort and no copy of the history.
      const page = listPage(query, url, {
        name: "events",
        scope: `events:${conversation.id}`,
        sorted: store.events(conversation.id),
        keyOf: (e) => [e.id],
        from: [startId],
        accept: (e) => (!chatOnly || isChatType(e.type)) && !(excludeDeleted && e.deleted) && wanted(e.type),
        view: (e) => log.listed(e),
      });
      return { status: 200, body: page };
    },

    "POST /v0.3/conversations/{conversation_id}/events": ({ caller, params, body: request }) => {
      const conversation = conversationById(ctx, params.path.conversation_id);
      ctx.access.require("send", caller, conversation);
      const member = requireMember(ctx, conversation, caller, ["JOINED"], "send events");
      if (request.from !== undefined && request.from !== member.id) {
        throw new ApiError(
          "system:error:permission",
          `from must be your own member id (${member.id}) or absent.`,
        );
      }
      const draft = (body: JsonObject): Draft => ({
        conversationId: conversation.id,
        type: request.type,
        from: member.id,
        body,
      });

      switch (request.type) {
        case "message": {
          // body.timestamp is kept by the server (its `deleted` marks deleted messages).
          const { timestamp: _ignored, ...content } = request.body;
          return created(log.record(draft(content)));
        }
        case "message:seen":
        case "message:delivered": {
          const target = store.event(conversation.id, request.body.event_id);
          if (!target || target.type !== "message") {
            throw new ApiError(
              "event:error:not-found",
              `No message has the id ${request.body.event_id} in ${conversation.id}.`,
            );
          }
          const event = log.record(draft(request.body));
          const key = request.type === "message:seen" ? "seen_by" : "delivered_to";
          const state: WireMessageState = {
            ...target.state,
            [key]: { ...target.state?.[key], [member.id]: event.timestamp },
          };
          store.putEvent({ ...target, state });
          return created(event);
        }
        case "ephemeral": {
          if (new TextEncoder().encode(JSON.stringify(request.body)).byteLength > EPHEMERAL_LIMIT) {
            throw new ApiError(
              "ephemeral:error:max-data-limit",
              `An ephemeral body may hold at most ${EPHEMERAL_LIMIT} bytes.`,
            );
          }
          const { timestamp } = log.transient(draft(request.body), log.joinedUsers(conversation.id));
          return { status: 201, body: { type: request.type, timestamp, body: request.body } };
        }
      }
      if (isCustom(request)) return created(log.record(draft(request.body)));
      return audio(conversation, member, request);
    },

    "DELETE /v0.3/conversations/{conversation_id}/events/{event_id}": (
      { caller, params: { path, query } },
    ) => {
      const conversation = conversationById(ctx, path.conversation_id);
      ctx.access.require("send", caller, conversation);
      const member = requireMember(ctx, conversation, caller, ["JOINED"], "delete events");
      if (query.from !== undefined && query.from !== member.id) {
        throw new ApiError(
          "system:error:permission",
          `from must be your own member id (${member.id}) or absent.`,
        );
      }
      const id = path.event_id;
      const event = store.event(conversation.id, id);
      if (!event) {
        throw new ApiError("event:error:not-found", `No event has the id ${id} in ${conversation.id}.`);
      }
      if (event.type !== "message" && !event.type.startsWith("custom:")) {
        throw new ApiError(
          "system:error:permission",
          `Only messages and custom events can be deleted, not ${event.type}.`,
        );
      }
      if (event.from !== member.id) {
        throw new ApiError("system:error:permission", "Only the sender of an event can delete it.");
      }
      // Deleting twice is harmless: the second time changes and pushes nothing.
      if (event.deleted) return { status: 204 };
      const deleted = now();
      const body = event.type === "message" ? { ...blankMessage(event.body), timestamp: { deleted } } : {};
      store.putEvent({ ...event, body, deleted });
      log.record({
        conversationId: conversation.id,
        type: "event:delete",
        from: member.id,
        body: { event_id: id },
        // The deletion event bears the time the message's `deleted` says.
        timestamp: deleted,
      });
      return { status: 204 };
    },
  } satisfies Partial<Handlers>;
}

function isCustom(request: WireCreateEvent): request is WireCreateCustomEvent {
  return request.type.startsWith("custom:");
}

/** The answer to a sent event. */
export function created(event: EventRecord): EventCreated {
  return {
    status: 201,
    body: { id: event.id, type: event.type, timestamp: event.timestamp, body: event.body },
  };
}

/**
 * What is left of a deleted message: its `message_type` and the key named after it (which the
 * official client needs to parse the page), emptied of content.
 */
function blankMessage(body: JsonObject): JsonObject {
  const kind = String(body.message_type);
  const template = body.template;
  const templateName = typeof template === "object" && template !== null && "name" in template &&
      typeof template.name === "string"
    ? template.name
    : "deleted";
  const empty: Record<string, unknown> = {
    text: "",
    custom: {},
    location: { latitude: "0", longitude: "0" },
    template: { name: templateName, parameters: [] },
  };
  return { message_type: kind, [kind]: empty[kind] ?? { url: "about:blank" } };
}

/** The `event_type` filter: exact type names, and `custom:*` for every custom type. */
function typeFilter(list: string | undefined): (type: string) => boolean {
  const names = (list ?? "").split(",").map((s) => s.trim()).filter((s) => s !== "");
  if (names.length === 0) return () => true;
  const anyCustom = names.includes("custom:*");
  const exact = new Set(names);
  return (type) => exact.has(type) || (anyCustom && type.startsWith("custom:"));
}

function now(): string {
  return new Date().toISOString();
}
