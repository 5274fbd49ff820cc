/**
 * Legs created (`POST /v0.3/legs`, with the caller's SDP offer) and not placed yet by a knocking.
 *
 * Each holds a peer connection waiting for a call, so they are bounded: a user holds at most
 * `offersPerUser` of them, and each expires `offerTtlMs` after it was created (a client places its leg
 * right after creating it). An expired leg is handed to `expire`, which completes it and ends its media.
 *
 * @module
 */

/** Bounds on the legs a user holds. */
export interface LegLimits {
  /** Most legs a user holds that are not completed (placed or not). */
  legsPerUser: number;
  /** Most legs a user holds that are not placed yet (each holds its SDP offer and media). */
  offersPerUser: number;
  /** How long a leg may wait to be placed, in milliseconds. */
  offerTtlMs: number;
}

/** The defaults of {@link LegLimits}. */
export const LEG_LIMITS: Readonly<LegLimits> = Object.freeze({
  legsPerUser: 10,
  offersPerUser: 5,
  offerTtlMs: 60_000,
});

interface Pending {
  userId: string;
  timer: ReturnType<typeof setTimeout>;
}

/** The unplaced legs. */
export class PendingLegs {
  #byLeg = new Map<string, Pending>();
  #count = new Map<string, number>();
  #ttlMs: number;
  #expire: (legId: string) => void;

  /** Legs expire after `ttlMs`; `expire` then completes them. */
  constructor(ttlMs: number, expire: (legId: string) => void) {
    this.#ttlMs = ttlMs;
    this.#expire = expire;
  }

  /** How many unplaced legs the user holds. */
  countOf(userId: string): number {
    return this.#count.get(userId) ?? 0;
  }

  /** Waits for a new leg to be placed, or expires it. */
  add(legId: string, userId: string): void {
    const timer = setTimeout(() => {
      if (this.#remove(legId)) this.#expire(legId);
    }, this.#ttlMs);
    this.#byLeg.set(legId, { userId, timer });
    this.#count.set(userId, this.countOf(userId) + 1);
  }

  /** A leg is being placed: it stops waiting. */
  take(legId: string): void {
    this.#remove(legId);
  }

  /** Stops every expiry timer (when the server closes). */
  close(): void {
    for (const pending of this.#byLeg.values()) clearTimeout(pending.timer);
    this.#byLeg.clear();
    this.#count.clear();
  }

  #remove(legId: string): Pending | undefined {
    const pending = this.#byLeg.get(legId);
    if (!pending) return undefined;
    clearTimeout(pending.timer);
    this.#byLeg.delete(legId);
    const left = this.countOf(pending.userId) - 1;
    if (left > 0) this.#count.set(pending.userId, left);
    else this.#count.delete(pending.userId);
    return pending;
  }
}
