/**
 * Fan-out: the one way anything reaches a client over the socket. Every push (stored events,
 * ephemeral events, call signalling) goes through {@link Fanout.publish}, which hands one
 * {@link Push} per session to the optional {@link PushHook} before it leaves. Tests of client
 * robustness can use that seam to duplicate, delay or reorder pushes; without a hook each push is
 * sent at once, so a conversation's events leave in id order. With a durable store, pushes wait until
 * what they tell about is committed (the `route` seam: see storage/cluster.ts, which also carries
 * them to the other nodes), so a client never sees a change that a crash could take back.
 *
 * @module
 */
import { PushPacket } from "./push_packet.ts";
import type { Publication } from "./storage/cluster.ts";
import type { JsonObject } from "./store.ts";

/** One push about to leave for one session. */
export interface Push {
  /** The receiving user. */
  readonly userId: string;
  /** The receiving session. */
  readonly sessionId: string;
  /** The socket.io event name (the event type). */
  readonly name: string;
  /** The payload, which includes `type` as well. */
  readonly payload: Readonly<JsonObject>;
}

/**
 * Decides when (and how often) a push is sent: call `send` once to deliver it normally, more than
 * once to duplicate it, later to delay it, or never to drop it.
 */
export type PushHook = (push: Push, send: () => void) => void;

const sendAtOnce: PushHook = (_push, send) => send();

/** A session as fan-out sees it. */
export interface Outlet {
  /** Session id. */
  readonly id: string;
  /**
   * Sends a push to the session's sockets; without a socket, keeps it for the session's resume
   * when `durable` (stored events) and drops it otherwise (ephemeral data).
   */
  deliver(packet: PushPacket, durable: boolean): void;
}

/** Where fan-out finds the sessions of a user. */
export interface Audience {
  /** The open sessions of a user. */
  sessionsOf(userId: string): Iterable<Outlet>;
}

/** Sends pushes to every session of the given users. */
export class Fanout {
  #audience: Audience;
  #hook: PushHook;
  #route: (publication: Publication) => void;

  /**
   * Creates a fan-out over `audience`; `hook` sees each push before it is sent, and `route` takes
   * each publication to {@link deliver} (here and on other nodes) once the store has committed what
   * it tells about.
   */
  constructor(
    audience: Audience,
    hook: PushHook = sendAtOnce,
    route: (publication: Publication) => void = (publication) => this.deliver(publication),
  ) {
    this.#audience = audience;
    this.#hook = hook;
    this.#route = route;
  }

  /** Replaces the hook (`undefined`: send each push at once); test-only fault injection uses it. */
  setHook(hook: PushHook | undefined): void {
    this.#hook = hook ?? sendAtOnce;
  }

  /**
   * Pushes `payload` as event `name` to every session of every user in `userIds` (each user once).
   * `durable` pushes are kept for sessions that are disconnected and replayed when they resume.
   */
  publish(userIds: Iterable<string>, name: string, payload: JsonObject, durable = true): void {
    this.#route({ users: [...new Set(userIds)], name, payload, durable });
  }

  /**
   * Hands a committed publication to the sessions of its users known here, encoded once for all of
   * them (push_packet.ts).
   */
  deliver({ users, name, payload, durable }: Publication): void {
    const packet = new PushPacket(name, payload);
    for (const userId of users) {
      for (const outlet of this.#audience.sessionsOf(userId)) {
        const push: Push = { userId, sessionId: outlet.id, name, payload };
        this.#hook(push, () => outlet.deliver(packet, durable));
      }
    }
  }
}
