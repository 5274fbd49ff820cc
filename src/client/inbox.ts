/**
 * The inbox: the one place every pushed event (and every `pending_events` item) passes through
 * before callbacks see it. Data flows one way:
 *
 *   socket frame → parse (wire → `ConversationEvent`) → [ordering, de-duplication and REST
 *   back-fill per conversation: next issue] → deliver
 *
 * A malformed push is logged and skipped; nothing here throws back into the socket handler.
 *
 * @module
 */
import type { ConversationEvent } from "./conversation_event.ts";
import type { Logger } from "./logger.ts";
import { asObject, toConversationEvent } from "./mapping.ts";

/** Receives parsed events from the inbox. */
export type Deliver = (event: ConversationEvent) => void;

/** Turns raw pushes into `ConversationEvent`s and hands them on, in arrival order. */
export class Inbox {
  readonly #deliver: Deliver;
  readonly #logger: Logger;

  /** Creates an inbox that hands parsed events to `deliver`. */
  constructor(deliver: Deliver, logger: Logger) {
    this.#deliver = deliver;
    this.#logger = logger;
  }

  /** One pushed event: its socket.io event name and payload. */
  receive(type: string, payload: unknown): void {
    const event = this.#parse(type, payload);
    // Seam for the next issue: per-conversation ordering, de-duplication and back-fill go here.
    if (event) this.#hand(event);
  }

  /** The `pending_events` of a login, in the order the server listed them. */
  receiveAll(events: readonly unknown[]): void {
    for (const item of events) {
      const type = asObject(item)?.type;
      if (typeof type === "string") this.receive(type, item);
      else this.#logger.warn("WS", "skipped a pending event without a type");
    }
  }

  #parse(type: string, payload: unknown): ConversationEvent | null {
    const wire = asObject(payload);
    if (!wire) {
      this.#logger.warn("WS", `skipped ${type}: the payload is not an object`);
      return null;
    }
    try {
      const event = toConversationEvent({ ...wire, type });
      if (!event) this.#logger.debug("WS", `ignored ${type} (not a conversation event)`);
      return event;
    } catch (err) {
      this.#logger.warn(
        "WS",
        `skipped a malformed ${type}: ${err instanceof Error ? err.message : String(err)}`,
      );
      return null;
    }
  }

  #hand(event: ConversationEvent): void {
    try {
      this.#deliver(event);
    } catch (err) {
      this.#logger.error(
        "API",
        `delivering ${event.kind} failed: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
}
