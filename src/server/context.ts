/**
 * What the operation handlers share: the store and the event log (which stores events and fans them
 * out).
 *
 * @module
 */
import type { EventLog } from "./event_log.ts";
import type { Store } from "./store.ts";

/** The state every handler works on. */
export interface Context {
  /** Where records live. */
  readonly store: Store;
  /** Records conversation events and pushes them. */
  readonly log: EventLog;
}
