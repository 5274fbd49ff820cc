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
import type { Backend, Cell, Change, Journal } from "./journal.ts";

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
  /**
   * Several nodes: the node holding its sockets; absent while it has none. Pushes for a session that
   * no live node holds are queued for it by whichever node writes them.
   */
  node?: string;
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

  /**
   * Reads every row of `backend` into memory (without writing anything back), replacing what memory
   * held.
   */
  async load(backend: Pick<Backend, "rows">): Promise<void> {
    const read = async <T>(table: string) =>
      (await backend.rows(table)).map((row) => ({ row, data: JSON.parse(row.data as string) as T }));
    super.clear();
    this.#settings.clear();
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
    super.advanceSeq(seq); // creation order continues after the stored records
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

  /**
   * Applies a change written by another node (several nodes on one PostgreSQL) to memory, without
   * writing it again; changes of sessions go to `sessionChange`.
   */
  applyChange(change: Change, sessionChange: (change: Change) => void): void {
    const row = "insert" in change ? change.insert : "put" in change ? change.put : undefined;
    const data = row && JSON.parse(String(row.data ?? "null"));
    switch (change.table) {
      case "meta":
        if (row) this.#settings.set(String(row.key), String(row.value));
        break;
      case "users":
        if (row) super.putUser(data);
        break;
      case "conversations":
        if (row) super.putConversation(data), super.advanceSeq(data.seq);
        else super.deleteConversation(String((change as { where: Record<string, Cell> }).where.id));
        break;
      case "members":
        if (row) super.putMember(data), super.advanceSeq(data.seq);
        break;
      case "events": {
        if (!row) break; // deleted with their conversation
        const { id, ...rest } = data as EventRecord;
        if (super.event(rest.conversationId, id)) super.putEvent(data);
        else if (super.appendEvent(rest).id !== id) {
          throw new Error(`event ${id} of ${rest.conversationId} does not follow the ones in memory`);
        }
        break;
      }
      case "legs":
        if (row) super.putLeg(data);
        break;
      case "knockings":
        if (row) super.putKnocking(data);
        break;
      case "sessions":
      case "session_pending":
        sessionChange(change);
        break;
    }
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
    // A plain insert: should two nodes ever hand out one id, the second commit fails.
    this.#journal.write({
      table: "events",
      insert: { conversation_id: stored.conversationId, id: stored.id, data: JSON.stringify(stored) },
    });
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
    const { id, userId, exp, acks, node } = session;
    this.#write("sessions", { id, data: JSON.stringify({ id, userId, exp, acks, node }) });
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
