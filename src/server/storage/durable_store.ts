/**
 * The {@link Store} of the durable engines: the memory store serves every read, and every write also
 * goes to a {@link Journal} as a row of the SQL schema, so the database holds the same state. At
 * start the rows are read back into memory ({@link DurableStore.load}).
 *
 * Besides the records of the store it keeps what the rest of the server must find again after a
 * restart: sessions with their pending pushes ({@link SessionKeeper}) and small settings such as
 * the dev-mode key pair.
 *
 * @module
 */
import {
  type ConversationRecord,
  type EventRecord,
  type JsonObject,
  type KnockingRecord,
  type LegRecord,
  type MemberRecord,
  MemoryStore,
  type UserRecord,
} from "../store.ts";
import type { Backend, Cell, Journal } from "./journal.ts";

/** What survives of a session: who it belongs to, its token's expiry, whether it acknowledges. */
export interface SessionRecord {
  /** `SES-<uuid>`. */
  id: string;
  /** The user. */
  userId: string;
  /** Expiry of its latest token, in seconds since the epoch. */
  exp: number;
  /** Whether its client acknowledges pushes. */
  acks: boolean;
}

/** A session as it was stored, with its pending pushes in order. */
export interface StoredSession extends SessionRecord {
  /** Pending pushes by position (positions may be negative: pushes put back in front). */
  pending: { seq: number; payload: JsonObject }[];
}

/** Told by the session layer about every change of a session that must survive a restart. */
export interface SessionKeeper {
  /** A session was opened, or its expiry or acknowledgement changed. */
  saved(session: SessionRecord): void;
  /** A session ended. */
  ended(id: string): void;
  /** A push was queued for a session without a socket. */
  queued(id: string, seq: number, payload: JsonObject): void;
  /** Pushes were taken off the queue (all of them when `seqs` is absent). */
  dequeued(id: string, seqs?: readonly number[]): void;
}

/** A memory store whose every write also goes to a journal. */
export class DurableStore extends MemoryStore implements SessionKeeper {
  readonly #journal: Journal;
  #settings = new Map<string, string>();
  #sessions: StoredSession[] = [];

  /** A store writing through `journal`; fill it from the database with {@link load} first. */
  constructor(journal: Journal) {
    super();
    this.#journal = journal;
  }

  /** Reads every row of `backend` into memory (without writing anything back). */
  async load(backend: Backend): Promise<void> {
    const read = async <T>(table: string) =>
      (await backend.rows(table)).map((row) => ({ row, data: JSON.parse(row.data as string) as T }));
    for (const row of await backend.rows("meta")) this.#settings.set(String(row.key), String(row.value));
    for (const { data } of await read<UserRecord>("users")) super.putUser(data);
    const conversations = await read<ConversationRecord>("conversations");
    const members = await read<MemberRecord>("members");
    let seq = 0;
    for (const { data } of conversations) {
      super.putConversation(data);
      seq = Math.max(seq, data.seq);
    }
    for (const { data } of members) {
      super.putMember(data);
      seq = Math.max(seq, data.seq);
    }
    while (super.nextSeq() < seq) { /* creation order continues after the stored records */ }
    // In primary key order: each conversation's events by id.
    for (const { data } of await read<EventRecord>("events")) {
      const { id, ...rest } = data;
      const stored = super.appendEvent(rest);
      if (stored.id !== id) throw new Error(`event ids of ${data.conversationId} have a gap at ${id}`);
    }
    for (const { data } of await read<LegRecord>("legs")) super.putLeg(data);
    for (const { data } of await read<KnockingRecord>("knockings")) super.putKnocking(data);
    const pending = new Map<string, StoredSession["pending"]>();
    for (const { row, data } of await read<JsonObject>("session_pending")) {
      const id = String(row.session_id);
      let list = pending.get(id);
      if (!list) pending.set(id, list = []);
      list.push({ seq: Number(row.seq), payload: data }); // in seq order
    }
    this.#sessions = (await read<SessionRecord>("sessions")).map(({ data }) => ({
      ...data,
      pending: pending.get(data.id) ?? [],
    }));
  }

  /** The sessions found by {@link load}. */
  storedSessions(): StoredSession[] {
    return this.#sessions;
  }

  /** A stored setting. */
  setting(key: string): string | undefined {
    return this.#settings.get(key);
  }

  /** Stores a setting. */
  putSetting(key: string, value: string): void {
    this.#settings.set(key, value);
    this.#write("meta", { key, value });
  }

  override putUser(user: UserRecord): void {
    super.putUser(user);
    this.#write("users", { id: user.id, data: JSON.stringify(user) });
  }

  override putConversation(conversation: ConversationRecord): void {
    super.putConversation(conversation);
    this.#write("conversations", { id: conversation.id, data: JSON.stringify(conversation) });
  }

  override deleteConversation(id: string): void {
    super.deleteConversation(id);
    this.#journal.write({ table: "conversations", where: { id } });
    for (const table of ["members", "events", "legs", "knockings"]) {
      this.#journal.write({ table, where: { conversation_id: id } });
    }
  }

  override putMember(member: MemberRecord): void {
    super.putMember(member);
    this.#write("members", {
      id: member.id,
      conversation_id: member.conversationId,
      data: JSON.stringify(member),
    });
  }

  override appendEvent(event: Omit<EventRecord, "id">): EventRecord {
    const stored = super.appendEvent(event);
    this.#writeEvent(stored);
    return stored;
  }

  override putEvent(event: EventRecord): void {
    super.putEvent(event);
    this.#writeEvent(event);
  }

  override putLeg(leg: LegRecord): void {
    super.putLeg(leg);
    this.#write("legs", { id: leg.id, conversation_id: leg.conversationId, data: JSON.stringify(leg) });
  }

  override putKnocking(knocking: KnockingRecord): void {
    super.putKnocking(knocking);
    this.#write("knockings", {
      id: knocking.id,
      conversation_id: knocking.conversationId,
      data: JSON.stringify(knocking),
    });
  }

  saved(session: SessionRecord): void {
    const { id, userId, exp, acks } = session;
    this.#write("sessions", { id, data: JSON.stringify({ id, userId, exp, acks }) });
  }

  ended(id: string): void {
    this.#journal.write({ table: "sessions", where: { id } });
    this.#journal.write({ table: "session_pending", where: { session_id: id } });
  }

  queued(id: string, seq: number, payload: JsonObject): void {
    this.#write("session_pending", { session_id: id, seq, data: JSON.stringify(payload) });
  }

  dequeued(id: string, seqs?: readonly number[]): void {
    if (seqs === undefined) this.#journal.write({ table: "session_pending", where: { session_id: id } });
    else {for (const seq of seqs) {
        this.#journal.write({ table: "session_pending", where: { session_id: id, seq } });
      }}
  }

  #writeEvent(event: EventRecord): void {
    this.#write("events", {
      conversation_id: event.conversationId,
      id: event.id,
      data: JSON.stringify(event),
    });
  }

  #write(table: string, put: Record<string, Cell>): void {
    this.#journal.write({ table, put });
  }
}
