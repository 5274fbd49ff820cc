/**
 * Conversation events: the {@link EventLog} that stores events and pushes them, and the event
 * operations (list, send, delete).
 *
 * Every stored event takes the conversation's next integer id (member events and receipts too), and
 * is pushed at once to every session of every joined member, so each session sees a conversation's
 * events in id order. Ephemeral events are pushed to the joined members that are online and never
 * stored, so they have no id.
 *
 * With `filter_group_type=ChatEvents` (the official client always sends it) event pages list only
 * the chat types that client can parse (`member:invited`, `member:joined`, `member:left`,
 * `message`, `event:delete`, `custom:*`); receipts then show up only as the `state` of the message
 * they acknowledge. Without it, pages list every stored type (receipts, `audio:*`, `rtc:hangup`, …),
 * so a client back-filling by id finds every id; ephemeral events are never stored, so never listed.
 *
 * @module
 */
import type { WireCreateEvent, WireEventEmbedded, WireMessageState } from "../wire.ts";
import { conversationById, pageRequest, requireMember } from "./conversations.ts";
import type { Context } from "./context.ts";
import { paginate } from "./cursors.ts";
import type { Fanout } from "./fanout.ts";
import { type Handlers, pageHref, type Reply } from "./http.ts";
import { ApiError } from "./problems.ts";
import type { ConversationRecord, EventRecord, JsonObject, MemberRecord, Store } from "./store.ts";

/** Largest body of an ephemeral event, in bytes of JSON. */
export const EPHEMERAL_LIMIT = 4096;

const CHAT_TYPES = new Set(["member:invited", "member:joined", "member:left", "message", "event:delete"]);

/** Whether events of this type appear in event pages. */
export function isChatType(type: string): boolean {
  return CHAT_TYPES.has(type) || type.startsWith("custom:");
}

/** An event to record. */
export interface Draft {
  /** The conversation. */
  conversationId: string;
  /** Event type. */
  type: string;
  /** Member id of the sender, if a member sent it. */
  from?: string | undefined;
  /** Type-specific content. */
  body: JsonObject;
}

/** Stores events and pushes them through the fan-out. */
export class EventLog {
  #store: Store;
  #fanout: Fanout;

  /** Creates a log over `store` that pushes through `fanout`. */
  constructor(store: Store, fanout: Fanout) {
    this.#store = store;
    this.#fanout = fanout;
  }

  /** User ids of the conversation's joined members. */
  joinedUsers(conversationId: string): string[] {
    return this.#store.members(conversationId).filter((m) => m.state === "JOINED").map((m) => m.userId);
  }

  /** Stores an event and pushes it to the joined members and to `alsoTo` (user ids). */
  record(draft: Draft, alsoTo: readonly string[] = []): EventRecord {
    const { from, ...rest } = draft;
    const event = this.#store.appendEvent({
      ...rest,
      ...from !== undefined ? { from } : {},
      timestamp: now(),
    });
    this.#fanout.publish(
      [...this.joinedUsers(draft.conversationId), ...alsoTo],
      event.type,
      this.pushed(event),
    );
    return event;
  }

  /** Pushes an event without storing it (no id) to the given users' connected sessions. */
  transient(draft: Draft, userIds: readonly string[]): JsonObject {
    const payload: JsonObject = { type: draft.type, cid: draft.conversationId, timestamp: now() };
    if (draft.from !== undefined) payload.from = draft.from;
    payload.body = draft.body;
    const embedded = this.#embedded(draft.from);
    if (embedded) payload._embedded = embedded;
    this.#fanout.publish(userIds, draft.type, payload, false);
    return payload;
  }

  /** The socket payload of a stored event (with `type`, as also used in `pending_events`). */
  pushed(event: EventRecord): JsonObject {
    const payload: JsonObject = { type: event.type, id: event.id, cid: event.conversationId };
    if (event.from !== undefined) payload.from = event.from;
    payload.timestamp = event.timestamp;
    payload.body = event.body;
    const embedded = this.#embedded(event.from);
    if (embedded) payload._embedded = embedded;
    return payload;
  }

  /** The item of an event page. */
  listed(event: EventRecord): JsonObject {
    const item: JsonObject = { id: event.id, type: event.type, timestamp: event.timestamp };
    if (event.from !== undefined) item.from = event.from;
    item.conversation_id = event.conversationId;
    item.body = event.body;
    const embedded = this.#embedded(event.from);
    if (embedded) item._embedded = embedded;
    if (event.state && Object.keys(event.state).length > 0) item.state = event.state;
    return item;
  }

  #embedded(memberId: string | undefined): WireEventEmbedded | undefined {
    const member = memberId === undefined ? undefined : this.#store.member(memberId);
    const user = member && this.#store.user(member.userId);
    if (!member || !user) return undefined;
    return { from_member: { id: member.id, name: user.name }, from_user: { id: user.id, name: user.name } };
  }
}

/** Answers the `audio:*` event types (kept with the rest of the call logic). */
export type AudioHandler = (
  conversation: ConversationRecord,
  member: MemberRecord,
  request: WireCreateEvent,
) => Reply;

/** The event operations. */
export function eventHandlers(ctx: Context, audio: AudioHandler): Handlers {
  const { store, log } = ctx;

  return {
    listEvents: ({ caller, params, url }) => {
      const conversation = conversationById(ctx, params.conversation_id as string);
      requireMember(ctx, conversation, caller, ["INVITED", "JOINED"], "read its events");
      const wanted = typeFilter(params.event_type as string | undefined);
      const startId = (params.start_id as number | undefined) ?? 0;
      const excludeDeleted = params.exclude_deleted_events === true;
      const chatOnly = params.filter_group_type === "ChatEvents";
      const events = store.events(conversation.id).filter((e) =>
        (!chatOnly || isChatType(e.type)) && e.id >= startId && !(excludeDeleted && e.deleted) &&
        wanted(e.type)
      );
      const page = paginate(
        events,
        (e) => [e.id],
        pageRequest(params),
        `events:${conversation.id}`,
        (cursor) => pageHref(url, cursor),
      );
      return {
        status: 200,
        body: {
          page_size: params.page_size ?? 10,
          _embedded: { events: page.items.map((e) => log.listed(e)) },
          _links: page.links,
        },
      };
    },

    createEvent: ({ caller, params, body }) => {
      const request = body as WireCreateEvent;
      const conversation = conversationById(ctx, params.conversation_id as string);
      const member = requireMember(ctx, conversation, caller, ["JOINED"], "send events");
      if (request.from !== undefined && request.from !== member.id) {
        throw new ApiError(
          "system:error:permission",
          `from must be your own member id (${member.id}) or absent.`,
        );
      }
      const type: string = request.type;
      const draft: Draft = {
        conversationId: conversation.id,
        type,
        from: member.id,
        body: request.body as JsonObject,
      };

      if (type === "message") {
        // body.timestamp is kept by the server (its `deleted` marks deleted messages).
        const { timestamp: _ignored, ...content } = draft.body;
        return created(log.record({ ...draft, body: content }));
      }
      if (type.startsWith("custom:")) return created(log.record(draft));
      if (type === "message:seen" || type === "message:delivered") {
        const target = store.event(conversation.id, (draft.body as { event_id: number }).event_id);
        if (!target || target.type !== "message") {
          throw new ApiError(
            "event:error:not-found",
            `No message has the id ${draft.body.event_id} in ${conversation.id}.`,
          );
        }
        const event = log.record(draft);
        const key = type === "message:seen" ? "seen_by" : "delivered_to";
        const state: WireMessageState = {
          ...target.state,
          [key]: { ...target.state?.[key], [member.id]: event.timestamp },
        };
        store.putEvent({ ...target, state });
        return created(event);
      }
      if (type === "ephemeral") {
        if (new TextEncoder().encode(JSON.stringify(draft.body)).byteLength > EPHEMERAL_LIMIT) {
          throw new ApiError(
            "ephemeral:error:max-data-limit",
            `An ephemeral body may hold at most ${EPHEMERAL_LIMIT} bytes.`,
          );
        }
        const payload = log.transient(draft, log.joinedUsers(conversation.id));
        return { status: 201, body: { type, timestamp: payload.timestamp, body: draft.body } };
      }
      return audio(conversation, member, request);
    },

    deleteEvent: ({ caller, params }) => {
      const conversation = conversationById(ctx, params.conversation_id as string);
      const member = requireMember(ctx, conversation, caller, ["JOINED"], "delete events");
      if (params.from !== undefined && params.from !== member.id) {
        throw new ApiError(
          "system:error:permission",
          `from must be your own member id (${member.id}) or absent.`,
        );
      }
      const id = params.event_id as number;
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
      });
      return { status: 204 };
    },
  };
}

/** The answer to a sent event. */
export function created(event: EventRecord): Reply {
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
  const kind = body.message_type as string;
  const empty: Record<string, unknown> = {
    text: "",
    custom: {},
    location: { latitude: "0", longitude: "0" },
    template: { name: (body.template as { name?: string } | undefined)?.name ?? "deleted", parameters: [] },
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
