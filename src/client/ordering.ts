/**
 * Exactly once and in id order, per conversation. Every stored event has the next integer id of
 * its conversation; this file remembers the last id delivered per conversation and:
 *
 * - drops an event whose id was delivered already (duplicates, and late pushes whose successors
 *   were delivered, which a back-fill has recovered in their place);
 * - delivers the next id at once, followed by any held events it unblocks;
 * - holds an event that leaves a gap, and back-fills the gap from the server's event list
 *   (`fetchSince`), then releases everything in id order;
 * - after a reconnect ({@link Ordering.catchUp}) back-fills every conversation, holding pushes
 *   that arrive meanwhile.
 *
 * The first event seen for a conversation sets where its sequence starts, and so does a new
 * membership of the session's own user (an invitation or a join after being away): ids before it
 * were never meant for this user. The listing is authoritative up to its highest id: an id below
 * it that it leaves out (a type the server does not list) is skipped rather than waited for.
 *
 * @module
 */
import { messageOf } from "./failures.ts";
import type { Logger } from "./logger.ts";

/** An event with its place in its conversation's sequence. */
export interface Sequenced<T> {
  /** The conversation. */
  readonly conversationId: string;
  /** The event's id. */
  readonly id: number;
  /** What is delivered. */
  readonly item: T;
  /**
   * `starts` for the session user's own invitation or join (the sequence starts afresh there),
   * `ends` for the user's own departure (no back-fill until the next membership).
   */
  readonly membership?: "starts" | "ends";
}

/** What the ordering needs from the rest of the client. */
export interface OrderingOptions<T> {
  /** Hands an event on, in order; called once per id. */
  deliver(item: T): void;
  /** Every listed event of the conversation with an id ≥ `fromId` (all pages). */
  fetchSince(conversationId: string, fromId: number): Promise<Sequenced<T>[]>;
  /** Whether a failed fetch is worth retrying (network failures, 5xx) rather than giving the gap up. */
  isTransient(err: unknown): boolean;
  /** Delay before retry `attempt` (from 0) of a failed fetch, in milliseconds. */
  retryDelayMs(attempt: number): number;
  /** Where gaps and failed back-fills are reported. */
  logger: Logger;
}

interface Held<T> {
  event: Sequenced<T>;
  /** Arrival number; 0 for events that came from a fetch. */
  arrival: number;
}

interface Stream<T> {
  /** The last id delivered. */
  last: number;
  /** Events after a gap, by id. Empty unless a back-fill is running. */
  held: Map<number, Held<T>>;
  filling: boolean;
  /** Fetch once more when the current fetch ends (a reconnect or a new gap happened meanwhile). */
  again: boolean;
  /** False after the user left: no catch-up, and the next newer event starts afresh. */
  open: boolean;
  /** Ends a retry wait early (a reconnect makes a retry worth trying now). */
  wake?: (() => void) | undefined;
}

/** Orders, de-duplicates and back-fills the events of every conversation. */
export class Ordering<T> {
  readonly #options: OrderingOptions<T>;
  #streams = new Map<string, Stream<T>>();
  #arrivals = 0;
  /** Bumped by {@link reset}; back-fills of an older generation stop. */
  #generation = 0;
  #timers = new Set<ReturnType<typeof setTimeout>>();

  /** Creates an empty ordering. */
  constructor(options: OrderingOptions<T>) {
    this.#options = options;
  }

  /** True when no back-fill is running or waiting. */
  get idle(): boolean {
    return [...this.#streams.values()].every((s) => !s.filling);
  }

  /** One event, pushed or pending. Delivers it (and what it unblocks), drops it, or holds it. */
  receive(event: Sequenced<T>): void {
    const arrival = ++this.#arrivals;
    let stream = this.#streams.get(event.conversationId);
    if (stream && (event.id <= stream.last || stream.held.has(event.id))) return;
    if (!stream) {
      stream = { last: event.id - 1, held: new Map(), filling: false, again: false, open: true };
      this.#streams.set(event.conversationId, stream);
    } else if (!stream.open || (event.membership === "starts" && !stream.filling)) {
      stream.open = true;
      stream.last = event.id - 1;
    }
    if (event.id === stream.last + 1) {
      this.#deliver(stream, event);
      this.#releaseConsecutive(stream);
      return;
    }
    stream.held.set(event.id, { event, arrival });
    // During a back-fill, the end of the fetch decides whether this one needs another.
    if (stream.filling) return;
    this.#options.logger.debug(
      "WS",
      `gap in ${event.conversationId}: got ${event.id} after ${stream.last}; back-filling`,
    );
    void this.#fill(event.conversationId, stream);
  }

  /** After a reconnect: back-fills every conversation from its last delivered id. */
  catchUp(): void {
    for (const [conversationId, stream] of this.#streams) {
      if (stream.open) void this.#fill(conversationId, stream);
    }
  }

  /** Forgets every conversation (a new session) and stops running back-fills. */
  reset(): void {
    this.#generation++;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    for (const stream of this.#streams.values()) stream.wake?.();
    this.#streams = new Map();
  }

  async #fill(conversationId: string, stream: Stream<T>): Promise<void> {
    if (stream.filling) {
      stream.again = true;
      stream.wake?.();
      return;
    }
    stream.filling = true;
    const generation = this.#generation;
    let failures = 0;
    try {
      do {
        stream.again = false;
        const startedAt = this.#arrivals;
        let fetched: Sequenced<T>[];
        try {
          fetched = await this.#options.fetchSince(conversationId, stream.last + 1);
        } catch (err) {
          if (generation !== this.#generation) return;
          const reason = messageOf(err);
          if (!this.#options.isTransient(err)) {
            this.#options.logger.warn("WS", `back-fill of ${conversationId} failed for good (${reason})`);
            this.#releaseAll(stream);
            return;
          }
          const delay = this.#options.retryDelayMs(failures++);
          this.#options.logger.info(
            "WS",
            `back-fill of ${conversationId} failed (${reason}); retry in ${delay} ms`,
          );
          await this.#sleep(stream, delay);
          if (generation !== this.#generation) return;
          stream.again = true;
          continue;
        }
        if (generation !== this.#generation) return;
        failures = 0;
        this.#merge(stream, fetched, startedAt);
      } while (stream.again);
    } finally {
      stream.filling = false;
    }
  }

  /** Delivers a fetch together with the held events, in id order, as far as they reach. */
  #merge(stream: Stream<T>, fetched: Sequenced<T>[], startedAt: number): void {
    let horizon = stream.last;
    for (const event of fetched) {
      horizon = Math.max(horizon, event.id);
      if (event.id > stream.last && !stream.held.has(event.id)) {
        stream.held.set(event.id, { event, arrival: 0 });
      }
    }
    // Up to the listing's highest id, the listing and the held pushes are all there is.
    for (const id of [...stream.held.keys()].sort((a, b) => a - b)) {
      if (id > horizon) break;
      this.#deliver(stream, stream.held.get(id)!.event);
    }
    this.#releaseConsecutive(stream);
    // An event held before this fetch began proves its predecessors were stored by then; the ones
    // the listing left out are not listed at all, so stop waiting for them. A later one may be
    // waiting for events stored after the fetch: fetch again.
    while (stream.held.size > 0) {
      let first = Infinity;
      for (const id of stream.held.keys()) first = Math.min(first, id);
      if (stream.held.get(first)!.arrival > startedAt) {
        stream.again = true;
        return;
      }
      this.#options.logger.debug("WS", `ids ${stream.last + 1}–${first - 1} are not listed; skipped`);
      stream.last = first - 1;
      this.#releaseConsecutive(stream);
    }
  }

  #deliver(stream: Stream<T>, event: Sequenced<T>): void {
    stream.held.delete(event.id);
    stream.last = event.id;
    if (event.membership === "ends") stream.open = false;
    this.#options.deliver(event.item);
  }

  #releaseConsecutive(stream: Stream<T>): void {
    for (let next = stream.held.get(stream.last + 1); next; next = stream.held.get(stream.last + 1)) {
      this.#deliver(stream, next.event);
    }
  }

  /** Gives a gap up: delivers every held event in id order. */
  #releaseAll(stream: Stream<T>): void {
    for (const id of [...stream.held.keys()].sort((a, b) => a - b)) {
      this.#deliver(stream, stream.held.get(id)!.event);
    }
  }

  #sleep(stream: Stream<T>, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#timers.delete(timer);
        stream.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#timers.add(timer);
      stream.wake = done;
    });
  }
}
