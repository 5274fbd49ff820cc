/**
 * The inbox: the one place every pushed event (and every `pending_events` item, which the session
 * pushes in the order listed) passes through before callbacks see it. Data flows one way:
 *
 *   socket frame → ordering, de-duplication and REST back-fill per conversation (ordering.ts)
 *   → tap (call signalling) → parse (wire → `ConversationEvent`) → deliver
 *
 * Events with an id and a conversation go through the ordering; events without an id (ephemeral
 * ones) are best effort and delivered at once. A malformed push is logged and skipped; nothing
 * here throws back into the socket handler.
 *
 * @module
 */
import type { ConversationEvent } from "./conversation_event.ts";
import type { Logger } from "./logger.ts";
import { messageOf } from "./failures.ts";
import { asObject, toConversationEvent } from "./mapping.ts";
import { Ordering, type Sequenced } from "./ordering.ts";
import type { JsonObject } from "./types.ts";

/** Receives parsed events from the inbox. */
export type Deliver = (event: ConversationEvent) => void;

/** A pushed event with its socket.io event name merged in as `type`. */
export type WirePush = JsonObject & { type: string };

/** What the inbox needs from the client. */
export interface InboxOptions {
  /** Receives the events, each once, in id order per conversation. */
  deliver: Deliver;
  /** Every stored event of a conversation with an id ≥ `fromId`, shaped as pushes (all pages). */
  fetchSince(conversationId: string, fromId: number): Promise<WirePush[]>;
  /** The session user's id, to tell the user's own memberships from others'. */
  selfUserId(): string | undefined;
  /** Whether a failed fetch is worth retrying. */
  isTransient(err: unknown): boolean;
  /** Delay before retry `attempt` of a failed fetch. */
  retryDelayMs(attempt: number): number;
  /** Where skipped events are reported. */
  logger: Logger;
  /**
   * Sees every push after ordering and de-duplication, before it is parsed: call signalling, so
   * a doubled or late push cannot fire a call callback twice.
   */
  tap?: (push: WirePush) => void;
}

/** Turns raw pushes into `ConversationEvent`s and hands them on, once each and in order. */
export class Inbox {
  readonly #options: InboxOptions;
  readonly #ordering: Ordering<WirePush>;

  /** Creates an inbox with no history. */
  constructor(options: InboxOptions) {
    this.#options = options;
    this.#ordering = new Ordering<WirePush>({
      deliver: (push) => this.#dispatch(push),
      fetchSince: async (cid, fromId) => {
        const items = await options.fetchSince(cid, fromId);
        return items.flatMap((push) => this.#sequenced(push) ?? []);
      },
      isTransient: options.isTransient,
      retryDelayMs: options.retryDelayMs,
      logger: options.logger,
    });
  }

  /** True when no back-fill is running. */
  get idle(): boolean {
    return this.#ordering.idle;
  }

  /** One pushed event: its socket.io event name and payload. */
  receive(type: string, payload: unknown): void {
    const wire = asObject(payload);
    if (!wire) {
      this.#options.logger.warn("WS", `skipped ${type}: the payload is not an object`);
      return;
    }
    const push: WirePush = { ...wire, type };
    const sequenced = this.#sequenced(push);
    if (sequenced) this.#ordering.receive(sequenced);
    else this.#dispatch(push);
  }

  /** After a reconnect: back-fills what every known conversation missed. */
  catchUp(): void {
    this.#ordering.catchUp();
  }

  /** A new session: forgets every conversation's position. */
  reset(): void {
    this.#ordering.reset();
  }

  /** The event's place in its conversation, or `null` when it has none (ephemeral, malformed). */
  #sequenced(push: WirePush): Sequenced<WirePush> | null {
    const cid = push.cid;
    const id = typeof push.id === "string" && push.id.trim() !== "" ? Number(push.id) : push.id;
    if (typeof cid !== "string" || typeof id !== "number" || !Number.isSafeInteger(id)) return null;
    const membership = this.#membership(push);
    return membership
      ? { conversationId: cid, id, item: push, membership }
      : { conversationId: cid, id, item: push };
  }

  /** Whether the event starts or ends a membership of the session's own user. */
  #membership(push: WirePush): "starts" | "ends" | undefined {
    if (!push.type.startsWith("member:")) return undefined;
    const self = this.#options.selfUserId();
    const user = asObject(asObject(push.body)?.user);
    if (self === undefined || user?.id !== self) return undefined;
    if (push.type === "member:invited" || push.type === "member:joined") return "starts";
    return push.type === "member:left" ? "ends" : undefined;
  }

  #dispatch(push: WirePush): void {
    try {
      this.#options.tap?.(push);
    } catch (err) {
      this.#options.logger.error("MEDIA", `call signalling failed on ${push.type}: ${String(err)}`);
    }
    const event = this.#parse(push);
    if (!event) return;
    try {
      this.#options.deliver(event);
    } catch (err) {
      this.#options.logger.error(
        "API",
        `delivering ${event.kind} failed: ${messageOf(err)}`,
      );
    }
  }

  #parse(push: WirePush): ConversationEvent | null {
    try {
      const event = toConversationEvent(push);
      if (!event) this.#options.logger.debug("WS", `ignored ${push.type} (not a conversation event)`);
      return event;
    } catch (err) {
      this.#options.logger.warn(
        "WS",
        `skipped a malformed ${push.type}: ${messageOf(err)}`,
      );
      return null;
    }
  }
}
