/**
 * The inbox: the one path from a socket frame to the callbacks. Every pushed event (and every
 * `pending_events` item of a login, which the session pushes in the order listed) runs through it,
 * in this order:
 *
 * 1. **Edge check** (`readPush`, wire_readers.ts): the payload becomes a typed pushed event, the
 *    generated union discriminated by `type`. A payload that is no object, or lacks a field the
 *    client needs, is logged and skipped; from here on nothing probes it again.
 * 2. **Ordering** (ordering.ts), for events with a conversation and an id: de-duplication, holding
 *    events after a gap, and back-fill of the gap over REST (backfill.ts, through {@link InboxHost.http}).
 *    A skipped event still takes its id here, so it is not mistaken for a gap. This comes before
 *    everything below so that a doubled or late push can fire no callback twice. Events without an
 *    id (ephemeral ones) are best effort and go on at once.
 * 3. **Call tap**: call signalling (calls.ts, through the voice loader) sees every push, in order.
 * 4. **Mapping** (events.ts) to a `ConversationEvent`; call signalling maps to nothing.
 * 5. **Dispatch**: {@link Memberships} learns the user's own joins and departures, then the
 *    `conversationEvent` callbacks run.
 *
 * Nothing here throws back into the socket handler.
 *
 * @module
 */
import type { WireAnyPushedEvent } from "../wire.ts";
import { fetchEventsSince, isTransient } from "./backfill.ts";
import { backoffDelay, type BackoffPolicy } from "./backoff.ts";
import type { Emitter, VonageEvent } from "./emitter.ts";
import { toConversationEvent } from "./events.ts";
import { messageOf } from "./failures.ts";
import type { Http } from "./http.ts";
import type { Logger } from "./logger.ts";
import type { MemberPush, Memberships } from "./memberships.ts";
import { Ordering, type Sequenced } from "./ordering.ts";
import { type Position, type ReadPush, readPush } from "./wire_readers.ts";

/** A pushed event past the edge check. */
export type Push = WireAnyPushedEvent;

/** An event in the ordering: the typed push, or `null` for one skipped at the edge (it keeps its id). */
type Item = Push | null;

/** What the inbox works with. */
export interface InboxHost {
  /** The REST layer, for back-fills (read at each back-fill, so `setConfig` applies). */
  http(): Http;
  /** The session user's memberships: where sequences start afresh, and kept true to pushes. */
  memberships: Memberships;
  /** Call signalling: sees every push after ordering, before mapping. */
  calls: { receive(push: Push): void };
  /** Where `conversationEvent` callbacks are. */
  emitter: Emitter<VonageEvent>;
  /** Delays between retries of a failed back-fill. */
  backoff(): BackoffPolicy;
  /** Where skipped pushes and failures are reported. */
  logger: Logger;
}

/** Turns pushed frames into callbacks, each event once and in id order per conversation. */
export class Inbox {
  readonly #host: InboxHost;
  readonly #ordering: Ordering<Item>;

  /** Creates an inbox with no history. */
  constructor(host: InboxHost) {
    this.#host = host;
    this.#ordering = new Ordering<Item>({
      deliver: (push) => push && this.#dispatch(push),
      fetchSince: async (cid, fromId) => {
        const listed = await fetchEventsSince(host.http(), cid, fromId);
        return listed.flatMap((read) => this.#sequenced(read) ?? []);
      },
      isTransient,
      retryDelayMs: (attempt) => backoffDelay(attempt, host.backoff()),
      logger: host.logger,
    });
  }

  /** True when no back-fill is running. */
  get idle(): boolean {
    return this.#ordering.idle;
  }

  /** One pushed frame: its socket.io event name and payload, as received. */
  receive(type: string, payload: unknown): void {
    let read: ReadPush;
    try {
      read = readPush(type, payload);
    } catch (err) {
      this.#host.logger.warn("WS", `skipped ${messageOf(err)}`);
      return;
    }
    const sequenced = this.#sequenced(read);
    if (sequenced) this.#ordering.receive(sequenced);
    else if (read.push) this.#dispatch(read.push);
  }

  /** After a reconnect: back-fills what every known conversation missed. */
  catchUp(): void {
    this.#ordering.catchUp();
  }

  /** A new session: forgets every conversation's position. */
  reset(): void {
    this.#ordering.reset();
  }

  /** Reports what the edge skipped; the event's place in its conversation, or `null` when it has none. */
  #sequenced(read: ReadPush): Sequenced<Item> | null {
    const { logger } = this.#host;
    if (read.malformed) logger.warn("WS", `skipped a malformed ${read.type}: ${read.malformed}`);
    else if (!read.push) logger.debug("WS", `ignored ${read.type} (not a type this client reads)`);
    const at: Position | undefined = read.position;
    if (!at) return null;
    const membership = read.push && isMemberPush(read.push)
      ? this.#host.memberships.change(read.push)
      : undefined;
    return { conversationId: at.cid, id: at.id, item: read.push, ...membership ? { membership } : {} };
  }

  #dispatch(push: Push): void {
    const { logger, memberships, emitter } = this.#host;
    try {
      this.#host.calls.receive(push);
    } catch (err) {
      logger.error("MEDIA", `call signalling failed on ${push.type}: ${messageOf(err)}`);
    }
    const event = toConversationEvent(push);
    if (!event) return logger.debug("WS", `ignored ${push.type} (not a conversation event)`);
    if (isMemberPush(push)) memberships.observe(push);
    try {
      emitter.emit("conversationEvent", event);
    } catch (err) {
      logger.error("API", `delivering ${event.kind} failed: ${messageOf(err)}`);
    }
  }
}

function isMemberPush(push: Push): push is MemberPush {
  return push.type === "member:invited" || push.type === "member:joined" || push.type === "member:left";
}
