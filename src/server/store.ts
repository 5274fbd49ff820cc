/**
 * Where the reference server keeps its state: the {@link Store} interface, and {@link MemoryStore},
 * the in-memory implementation used by default.
 *
 * Records are plain data and treated as immutable: callers change a record by putting a new copy,
 * so another implementation (a database) sees every change through `put*`. Event ids are assigned
 * by the store, per conversation, starting at 1 and increasing by one with every stored event.
 *
 * @module
 */
import type { WireChannel, WireMediaState, WireMessageState } from "../wire.ts";

/** Any JSON object. */
export type JsonObject = Record<string, unknown>;

/** A user of the application. */
export interface UserRecord {
  /** `USR-<uuid>`. */
  id: string;
  /** Unique name; the `sub` claim of the user's tokens. */
  name: string;
  /** When the user was created (ISO 8601). */
  created: string;
}

/** A conversation. */
export interface ConversationRecord {
  /** `CON-<uuid>`. */
  id: string;
  /** Unique name. */
  name: string;
  /** Name meant for people. */
  displayName?: string;
  /** Image URL. */
  imageUrl?: string;
  /** Time-to-live in seconds; absent when there is none. Stored and reported, not enforced. */
  ttl?: number;
  /** Application-chosen sort key. */
  customSortKey?: string;
  /** Application data. */
  customData?: JsonObject;
  /** Creation order, the key of `order_by=created`. */
  seq: number;
  /** When it was created (ISO 8601). */
  created: string;
  /** When it last changed (ISO 8601). */
  updated?: string;
  /** User id of the creator, who may change and delete it without being a member. */
  createdBy: string;
  /** Media flags of the call held in it (all false for chat conversations). */
  mediaState: WireMediaState;
}

/** Membership states, upper case as in responses. */
export type MemberState = "INVITED" | "JOINED" | "LEFT";

/** A user's membership in a conversation. A user has at most one per conversation. */
export interface MemberRecord {
  /** `MEM-<uuid>`. */
  id: string;
  /** The conversation. */
  conversationId: string;
  /** The user. */
  userId: string;
  /** Current state. */
  state: MemberState;
  /** How the member is connected (for calls, `channel.id` is the leg id). */
  channel: WireChannel;
  /** When the member reached each state (ISO 8601). */
  timestamp: { invited?: string; joined?: string; left?: string };
  /** Creation order, the key of member pages. */
  seq: number;
}

/** A stored conversation event. */
export interface EventRecord {
  /** Per-conversation id, from 1. */
  id: number;
  /** The conversation. */
  conversationId: string;
  /** Event type, e.g. `message`, `member:joined`, `custom:typing`. */
  type: string;
  /** Member id of the sender; absent for system events. */
  from?: string;
  /** When it was recorded (ISO 8601). */
  timestamp: string;
  /** Type-specific content, as pushed and listed. */
  body: JsonObject;
  /** For messages: who has seen, received, … it. */
  state?: WireMessageState;
  /** When it was deleted (ISO 8601), for messages and custom events. */
  deleted?: string;
}

/** A call leg. */
export interface LegRecord {
  /** A bare UUID; for app calls it is also the call id. */
  id: string;
  /** The call conversation; empty until the leg is connected by a knocking. */
  conversationId: string;
  /** The user whose client owns the leg. */
  userId: string;
  /** `started`, `ringing`, `answered` or `completed`. */
  status: string;
  /** `inbound` or `outbound`. */
  direction: string;
  /** The caller. */
  from: JsonObject;
  /** The callee. */
  to: JsonObject;
  /** When the leg started (ISO 8601). */
  startTime: string;
  /** When it ended (ISO 8601), or empty while it is up. */
  endTime: string;
  /** Media flags of this leg. */
  mediaState: WireMediaState;
}

/** An outbound call request connecting a leg to a destination. */
export interface KnockingRecord {
  /** `KNO-<uuid>`. */
  id: string;
  /** The leg it connects. */
  legId: string;
  /** The user who placed the call. */
  userId: string;
  /** The call conversation it created. */
  conversationId: string;
}

/** Storage of the reference server. Lists come back in creation (for events: id) order. */
export interface Store {
  /** A number larger than every earlier one, for ordering records. */
  nextSeq(): number;

  /** A user by id. */
  user(id: string): UserRecord | undefined;
  /** A user by name. */
  userByName(name: string): UserRecord | undefined;
  /** Inserts or replaces a user. */
  putUser(user: UserRecord): void;

  /** A conversation by id. */
  conversation(id: string): ConversationRecord | undefined;
  /** A conversation by name. */
  conversationByName(name: string): ConversationRecord | undefined;
  /** Inserts or replaces a conversation (its name may change). */
  putConversation(conversation: ConversationRecord): void;
  /** Removes a conversation with its members, events and legs. */
  deleteConversation(id: string): void;

  /** A member by id. */
  member(id: string): MemberRecord | undefined;
  /** The membership of a user in a conversation. */
  memberOf(conversationId: string, userId: string): MemberRecord | undefined;
  /** The memberships of a conversation. */
  members(conversationId: string): MemberRecord[];
  /** The memberships of a user, in all conversations. */
  membershipsOf(userId: string): MemberRecord[];
  /** Inserts or replaces a member. */
  putMember(member: MemberRecord): void;

  /** Stores a new event under the conversation's next id and returns it. */
  appendEvent(event: Omit<EventRecord, "id">): EventRecord;
  /** An event by conversation and id. */
  event(conversationId: string, id: number): EventRecord | undefined;
  /** The events of a conversation, in id order. */
  events(conversationId: string): readonly EventRecord[];
  /** Replaces a stored event (same conversation and id). */
  putEvent(event: EventRecord): void;

  /** A leg by id. */
  leg(id: string): LegRecord | undefined;
  /** The legs of a conversation. */
  legs(conversationId: string): LegRecord[];
  /** Inserts or replaces a leg. */
  putLeg(leg: LegRecord): void;

  /** A knocking by id. */
  knocking(id: string): KnockingRecord | undefined;
  /** Inserts or replaces a knocking. */
  putKnocking(knocking: KnockingRecord): void;
}

/** The in-memory {@link Store}: maps, plus the indexes the server's lookups need. */
export class MemoryStore implements Store {
  #seq = 0;
  #users = new Map<string, UserRecord>();
  #userNames = new Map<string, string>();
  #conversations = new Map<string, ConversationRecord>();
  #conversationNames = new Map<string, string>();
  #members = new Map<string, MemberRecord>();
  #membersByConversation = new Map<string, Map<string, MemberRecord>>(); // userId → member
  #membersByUser = new Map<string, Map<string, MemberRecord>>(); // conversationId → member
  #events = new Map<string, EventRecord[]>();
  #legs = new Map<string, LegRecord>();
  #knockings = new Map<string, KnockingRecord>();

  nextSeq(): number {
    return ++this.#seq;
  }

  /** Makes {@link nextSeq} answer more than `seq` (after records made elsewhere were read). */
  advanceSeq(seq: number): void {
    if (this.#seq < seq) this.#seq = seq;
  }

  /** Forgets every record (before the state is read again from a database). */
  clear(): void {
    this.#seq = 0;
    for (
      const map of [
        this.#users,
        this.#userNames,
        this.#conversations,
        this.#conversationNames,
        this.#members,
        this.#membersByConversation,
        this.#membersByUser,
        this.#events,
        this.#legs,
        this.#knockings,
      ]
    ) map.clear();
  }

  user(id: string): UserRecord | undefined {
    return this.#users.get(id);
  }

  userByName(name: string): UserRecord | undefined {
    const id = this.#userNames.get(name);
    return id === undefined ? undefined : this.#users.get(id);
  }

  putUser(user: UserRecord): void {
    this.#users.set(user.id, user);
    this.#userNames.set(user.name, user.id);
  }

  conversation(id: string): ConversationRecord | undefined {
    return this.#conversations.get(id);
  }

  conversationByName(name: string): ConversationRecord | undefined {
    const id = this.#conversationNames.get(name);
    return id === undefined ? undefined : this.#conversations.get(id);
  }

  putConversation(conversation: ConversationRecord): void {
    const old = this.#conversations.get(conversation.id);
    if (old && old.name !== conversation.name) this.#conversationNames.delete(old.name);
    this.#conversations.set(conversation.id, conversation);
    this.#conversationNames.set(conversation.name, conversation.id);
  }

  deleteConversation(id: string): void {
    const old = this.#conversations.get(id);
    if (!old) return;
    this.#conversations.delete(id);
    this.#conversationNames.delete(old.name);
    for (const member of this.#membersByConversation.get(id)?.values() ?? []) {
      this.#members.delete(member.id);
      this.#membersByUser.get(member.userId)?.delete(id);
    }
    this.#membersByConversation.delete(id);
    this.#events.delete(id);
    for (const leg of this.#legs.values()) {
      if (leg.conversationId === id) this.#legs.delete(leg.id);
    }
    for (const knocking of this.#knockings.values()) {
      if (knocking.conversationId === id) this.#knockings.delete(knocking.id);
    }
  }

  member(id: string): MemberRecord | undefined {
    return this.#members.get(id);
  }

  memberOf(conversationId: string, userId: string): MemberRecord | undefined {
    return this.#membersByConversation.get(conversationId)?.get(userId);
  }

  members(conversationId: string): MemberRecord[] {
    return [...this.#membersByConversation.get(conversationId)?.values() ?? []];
  }

  membershipsOf(userId: string): MemberRecord[] {
    return [...this.#membersByUser.get(userId)?.values() ?? []];
  }

  putMember(member: MemberRecord): void {
    this.#members.set(member.id, member);
    indexed(this.#membersByConversation, member.conversationId).set(member.userId, member);
    indexed(this.#membersByUser, member.userId).set(member.conversationId, member);
  }

  appendEvent(event: Omit<EventRecord, "id">): EventRecord {
    const list = this.#events.get(event.conversationId) ?? [];
    this.#events.set(event.conversationId, list);
    const stored = { ...event, id: list.length + 1 };
    list.push(stored);
    return stored;
  }

  event(conversationId: string, id: number): EventRecord | undefined {
    return this.#events.get(conversationId)?.[id - 1];
  }

  events(conversationId: string): readonly EventRecord[] {
    return this.#events.get(conversationId) ?? [];
  }

  putEvent(event: EventRecord): void {
    const list = this.#events.get(event.conversationId);
    if (!list || list[event.id - 1]?.id !== event.id) throw new Error(`no event ${event.id} to replace`);
    list[event.id - 1] = event;
  }

  leg(id: string): LegRecord | undefined {
    return this.#legs.get(id);
  }

  legs(conversationId: string): LegRecord[] {
    return [...this.#legs.values()].filter((leg) => leg.conversationId === conversationId);
  }

  putLeg(leg: LegRecord): void {
    this.#legs.set(leg.id, leg);
  }

  knocking(id: string): KnockingRecord | undefined {
    return this.#knockings.get(id);
  }

  putKnocking(knocking: KnockingRecord): void {
    this.#knockings.set(knocking.id, knocking);
  }
}

function indexed<V>(index: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let inner = index.get(key);
  if (!inner) index.set(key, inner = new Map());
  return inner;
}
