/**
 * What the operation handlers share: the store, the event log (which stores events and fans them
 * out) and the access policy.
 *
 * @module
 */
import type { EventLog } from "./event_log.ts";
import type { Access } from "./policy.ts";
import type { Store } from "./store.ts";

/** The state every handler works on. */
export interface Context {
  /** Where records live. */
  readonly store: Store;
  /** Records conversation events and pushes them. */
  readonly log: EventLog;
  /** Who may do what to a conversation. */
  readonly access: Access;
}
