/**
 * Reconnection delays: capped exponential backoff with full jitter. Each delay is drawn uniformly
 * from `[0, min(cap, base · 2^attempt))`, so clients cut off together (a server restart, a network
 * switch) spread their retries out instead of arriving in waves.
 *
 * @module
 */

/** The two numbers of a backoff policy, in milliseconds. */
export interface BackoffPolicy {
  /** Upper bound of the first delay; each later attempt doubles it. */
  baseMs: number;
  /** No delay exceeds this. */
  capMs: number;
}

/** Defaults: the first retry within half a second, none later than 30 seconds. */
export const DEFAULT_BACKOFF: Readonly<BackoffPolicy> = Object.freeze({ baseMs: 500, capMs: 30_000 });

/**
 * The delay before retry number `attempt` (0 for the first retry after a failure):
 * `random() · min(cap, base · 2^attempt)`. `random` returns a number in `[0, 1)`, as `Math.random`.
 */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  // 2 ** attempt becomes Infinity for large attempts; min() then picks the cap.
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt));
  return Math.floor(random() * ceiling);
}

/** Checks a policy's numbers; returns an error message, or `undefined` when they are usable. */
export function backoffProblem(policy: BackoffPolicy): string | undefined {
  const { baseMs, capMs } = policy;
  if (!(Number.isFinite(baseMs) && baseMs > 0)) {
    return `reconnectBaseDelayMs must be a positive number of milliseconds, got ${String(baseMs)}`;
  }
  if (!(Number.isFinite(capMs) && capMs >= baseMs)) {
    return `reconnectMaxDelayMs must be a number of milliseconds ≥ reconnectBaseDelayMs, got ${
      String(capMs)
    }`;
  }
  return undefined;
}
