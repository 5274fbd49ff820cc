/**
 * Gives werift's ICE consent checks (RFC 7675) 3 s for their answer instead of 500 ms. werift (0.25)
 * sends a consent check every 4–6 s, once, and counts it as unanswered when no response is handled
 * within twice the round trip plus 200 ms, at least 500 ms; after 30 s without an answered one, the
 * connection fails. On loopback the round trip is a millisecond, so a server whose event loop runs
 * half a second late (a busy machine) dropped calls that were working: in `deno task bench:calls`
 * runs of 25 calls on 2 cores at a load average of 6 to 9, 10 and 8 legs (0 in a third run) ended
 * `ice-failed` about 30 s after they connected; 0 in two runs with this. Consent still expires after
 * 30 s without an answer, so a peer that is gone is noticed as before.
 *
 * Imported for its effect by endpoint.ts; it patches werift's `StunProtocol.prototype.request` once,
 * only for requests sent without retransmissions (the consent checks; connectivity checks retransmit).
 *
 * @module
 */
import { StunProtocol } from "./deps.ts";

/** The least time a consent check waits for its answer. */
export const CONSENT_ANSWER_MS = 3_000;

type Options = { retransmissions?: number; responseTimeout?: number };
type Protocol = {
  request(
    request: unknown,
    addr: unknown,
    key: unknown,
    options?: unknown,
    ...rest: unknown[]
  ): Promise<unknown>;
};

const protocol = StunProtocol.prototype as unknown as Protocol;
const request = protocol.request;
protocol.request = function (message, addr, key, options, ...rest) {
  const o = options as Options | undefined;
  if (
    typeof o === "object" && o !== null && o.retransmissions === 0 &&
    o.responseTimeout !== undefined
  ) {
    o.responseTimeout = Math.max(o.responseTimeout, CONSENT_ANSWER_MS);
  }
  return request.call(this, message, addr, key, options, ...rest);
};
