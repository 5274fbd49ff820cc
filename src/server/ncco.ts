/**
 * How the reference server routes a call: an answer handler gets the call and returns an NCCO (a
 * list of actions, after Vonage's Call Control Objects), which the server runs in order. Three
 * actions are emulated:
 *
 * - `talk`: says `text` into the call (`audio:say`, then `audio:say:done`);
 * - `connect`: rings an app user, who can answer or reject; answered, the two talk until one hangs
 *   up, which ends the call for both; rejected or unanswered after `timeout` seconds, the NCCO goes on;
 * - `conversation`: moves the caller into the named conversation (created if needed), where the call
 *   stays until hung up; the client reports it as `callTransfer`.
 *
 * When the NCCO runs out without a connected callee or a conversation, the server hangs up.
 *
 * @module
 */
import type { JsonObject } from "./store.ts";

/** Says `text` into the call. */
export interface TalkAction {
  /** Discriminant. */
  action: "talk";
  /** What to say. */
  text: string;
  /** Volume from -1 to 1 (default 0). */
  level?: number;
  /** How many times to say it (default 1). */
  loop?: number;
}

/** An app user to ring. */
export interface AppEndpoint {
  /** Discriminant (only app users are emulated). */
  type: "app";
  /** The user's name. */
  user: string;
}

/** Rings an app user and connects the caller once they answer. */
export interface ConnectAction {
  /** Discriminant. */
  action: "connect";
  /** The user to ring (one endpoint). */
  endpoint: [AppEndpoint];
  /** Seconds to ring before giving up (default {@link DEFAULT_RING_SECONDS}). */
  timeout?: number;
}

/** Moves the caller into a named conversation, created when it does not exist. */
export interface ConversationAction {
  /** Discriminant. */
  action: "conversation";
  /** Name of the conversation. */
  name: string;
}

/** One step of an NCCO. */
export type NccoAction = TalkAction | ConnectAction | ConversationAction;

/** What an answer handler returns: the actions to run, in order. */
export type Ncco = NccoAction[];

/** A new call, as the answer handler sees it. */
export interface CallInfo {
  /** The caller's leg id, which is the call id the caller's client reports. */
  callId: string;
  /** The conversation created for the call. */
  conversationId: string;
  /** User name of the caller. */
  from: string;
  /** The `to` of the caller's `serverCall` context, when it has one. */
  to?: string;
  /** The whole context the caller passed to `serverCall` (`{}` when none). */
  context: JsonObject;
}

/** Decides how a call is routed; may be async (e.g. ask the application's own backend). */
export type AnswerHandler = (call: CallInfo) => Ncco | Promise<Ncco>;

/** How long `connect` rings when the action sets no `timeout`. */
export const DEFAULT_RING_SECONDS = 60;

/** What the default handler says when the call names nobody to connect to. */
export const GREETING = "Hello from the Parley reference server.";

/** Without a handler of the application: ring the app user named by `to`, else say a greeting. */
export function defaultAnswer(call: CallInfo): Ncco {
  return call.to
    ? [{ action: "connect", endpoint: [{ type: "app", user: call.to }] }]
    : [{ action: "talk", text: GREETING }];
}

/** Checks what a handler returned; throws a `TypeError` naming the first thing wrong. */
export function readNcco(value: unknown): Ncco {
  if (!Array.isArray(value)) throw new TypeError("an NCCO must be an array of actions");
  return value.map((item, i) => {
    const action = item as Partial<Record<string, unknown>> | null;
    const at = `NCCO action ${i}`;
    const text = (key: string) => {
      if (typeof action?.[key] !== "string" || action[key] === "") {
        throw new TypeError(`${at} needs a non-empty string ${key}`);
      }
    };
    const num = (key: string, ok: (n: number) => boolean) => {
      const n = action?.[key];
      if (n !== undefined && (typeof n !== "number" || !ok(n))) throw new TypeError(`${at} has a bad ${key}`);
    };
    switch (action?.action) {
      case "talk":
        text("text");
        num("level", (n) => n >= -1 && n <= 1);
        num("loop", (n) => Number.isInteger(n) && n >= 0);
        break;
      case "connect": {
        const endpoints = action.endpoint;
        const endpoint = Array.isArray(endpoints) && endpoints.length === 1
          ? endpoints[0] as Partial<AppEndpoint>
          : undefined;
        if (endpoint?.type !== "app" || typeof endpoint.user !== "string" || endpoint.user === "") {
          throw new TypeError(`${at}: connect takes one endpoint { type: "app", user: <user name> }`);
        }
        num("timeout", (n) => n > 0);
        break;
      }
      case "conversation":
        text("name");
        break;
      default:
        throw new TypeError(`${at} is not one of talk, connect, conversation`);
    }
    return action as unknown as NccoAction;
  });
}
