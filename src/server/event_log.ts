/**
 * The {@link EventLog}: stores conversation events and pushes them.
 *
 * Every stored event takes the conversation's next integer id (member events and receipts too), and
 * is pushed at once to every session of every joined member, so each session sees a conversation's
 * events in id order. Ephemeral events are pushed to the joined members that are online and never
 * stored, so they have no id.
 *
 * @module
 */
import type { WireEventEmbedded, WireStoredEvent } from "../wire.ts";
import type { Fanout } from "./fanout.ts";
import type { EventRecord, JsonObject, Store } from "./store.ts";

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
  /** When it happened: the time the caller stamped on the change it records; now by default. */
  timestamp?: string | undefined;
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
    const { from, timestamp = now(), ...rest } = draft;
    const event = this.#store.appendEvent({
      ...rest,
      ...from !== undefined ? { from } : {},
      timestamp,
    });
    this.#fanout.publish(
      [...this.joinedUsers(draft.conversationId), ...alsoTo],
      event.type,
      this.pushed(event),
    );
    return event;
  }

  /** Pushes an event without storing it (no id) to the given users' connected sessions. */
  transient(draft: Draft, userIds: readonly string[]): JsonObject & { timestamp: string } {
    const payload: JsonObject & { timestamp: string } = {
      type: draft.type,
      cid: draft.conversationId,
      timestamp: now(),
    };
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

  /**
   * The item of an event page. Records keep type and body as sent or built, in the contract's shapes
   * (request bodies were validated, server events are built to their schemas), so the record is
   * declared a stored event here rather than checked again.
   */
  listed(event: EventRecord): WireStoredEvent {
    const item: JsonObject = { id: event.id, type: event.type, timestamp: event.timestamp };
    if (event.from !== undefined) item.from = event.from;
    item.conversation_id = event.conversationId;
    item.body = event.body;
    const embedded = this.#embedded(event.from);
    if (embedded) item._embedded = embedded;
    if (event.state && Object.keys(event.state).length > 0) item.state = event.state;
    return item as WireStoredEvent;
  }

  #embedded(memberId: string | undefined): WireEventEmbedded | undefined {
    const member = memberId === undefined ? undefined : this.#store.member(memberId);
    const user = member && this.#store.user(member.userId);
    if (!member || !user) return undefined;
    return { from_member: { id: member.id, name: user.name }, from_user: { id: user.id, name: user.name } };
  }
}

function now(): string {
  return new Date().toISOString();
}
