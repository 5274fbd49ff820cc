/**
 * Fault injection, for tests of client robustness (test-only; never used in normal operation).
 * `ReferenceServer.faults` swaps the {@link PushHook} every push passes through (see fanout.ts),
 * restarts the socket layer keeping all state, counts connection attempts, and cuts a leg's media path.
 * The hook factories
 * here duplicate, lose, delay and reorder pushes at a given rate; {@link combineHooks} chains them.
 *
 * @example Duplicate one push in ten and reorder one in ten
 * ```ts
 * import { startServer } from "../../server.ts";
 * import { combineHooks, duplicatePushes, reorderPushes } from "./faults.ts";
 * const server = await startServer();
 * server.faults.setPushHook(combineHooks(duplicatePushes(0.1), reorderPushes(0.1)));
 * await server.close();
 * ```
 *
 * @module
 */
import type { Fanout, Push, PushHook } from "./fanout.ts";
import type { MediaServer } from "./media/media_server.ts";
import type { SocketLayer } from "./socket_layer.ts";

/** Test-only controls of a running server. */
export interface ServerFaults {
  /** Sets the hook every push passes through; `undefined` sends each push at once again. */
  setPushHook(hook: PushHook | undefined): void;
  /**
   * Restarts the socket layer, keeping every session, queue and event: all sockets close (clients
   * see the transport close), connections are refused for `downtimeMs` (default 0), then accepted
   * again. Resolves how many sockets were closed, once connections are accepted again.
   */
  restartSockets(options?: { downtimeMs?: number }): Promise<number>;
  /** Websocket connections attempted since the server started (refused ones included). */
  readonly connectionAttempts: number;
  /**
   * Cuts the media path of leg `legId` as a network change on its client's side would: from now on
   * the server's peer connection for it neither receives nor sends a packet (ICE checks included),
   * and the server does not end the leg for it. Only a media reconnect of the client (a new offer)
   * brings its audio back. Answers whether the leg had media to cut.
   */
  cutMedia(legId: string): boolean;
  /**
   * How many sockets the sessions of one user (or of everyone) hold, as the server sees them: a socket
   * its client closed counts until the server has noticed. Tests wait on it before sending to a user
   * who just went away (a send can otherwise overtake the close, on another connection).
   */
  heldSockets(userName?: string): number;
}

/** The controls over a server's fan-out, socket layer and media. */
export function faultControls(
  fanout: Fanout,
  sockets: SocketLayer,
  media: MediaServer,
  heldSockets: (userName?: string) => number,
): ServerFaults {
  return {
    heldSockets,
    setPushHook: (hook) => fanout.setHook(hook),
    restartSockets: (options = {}) => sockets.restart(options.downtimeMs ?? 0),
    get connectionAttempts() {
      return sockets.attempts;
    },
    cutMedia: (legId) => media.cut(legId),
  };
}

/** Sends a push twice at `rate` (0–1); `random` returns numbers in `[0, 1)`. */
export function duplicatePushes(rate: number, random: () => number = Math.random): PushHook {
  return (_push, send) => {
    send();
    if (random() < rate) send();
  };
}

/**
 * Loses a push at `rate`: it is never sent (nor queued for a resume), as if a frame vanished on the
 * way. Only a client that notices the gap, or back-fills after reconnecting, recovers it.
 */
export function losePushes(rate: number, random: () => number = Math.random): PushHook {
  return (_push, send) => {
    if (random() >= rate) send();
  };
}

/** Sends a push after a random delay below `maxDelayMs` at `rate`; later pushes may overtake it. */
export function delayPushes(rate: number, maxDelayMs: number, random: () => number = Math.random): PushHook {
  return (_push, send) => {
    if (random() < rate) setTimeout(send, Math.floor(random() * maxDelayMs));
    else send();
  };
}

/**
 * Swaps a push with the next one to the same session at `rate`: the push is held until the next
 * arrives and sent right after it (or alone after `flushMs` when none comes).
 */
export function reorderPushes(rate: number, random: () => number = Math.random, flushMs = 20): PushHook {
  const held = new Map<string, { send: () => void; timer: ReturnType<typeof setTimeout> }>();
  return (push: Push, send) => {
    const waiting = held.get(push.sessionId);
    if (waiting) {
      held.delete(push.sessionId);
      clearTimeout(waiting.timer);
      send();
      waiting.send();
    } else if (random() < rate) {
      const timer = setTimeout(() => {
        held.delete(push.sessionId);
        send();
      }, flushMs);
      held.set(push.sessionId, { send, timer });
    } else {
      send();
    }
  };
}

/** One hook that applies `hooks` in order: each one's `send` goes through the next. */
export function combineHooks(...hooks: PushHook[]): PushHook {
  return hooks.reduceRight<PushHook>(
    (next, hook) => (push, send) => hook(push, () => next(push, send)),
    (_push, send) => send(),
  );
}
