/**
 * Callback registry behind `on` / `off` / `clearCallbacks`: callbacks run in registration order,
 * one that throws is logged and does not stop the others, and registering or removing callbacks
 * from inside a callback is safe (each dispatch works on a snapshot).
 *
 * @module
 */
import type { ConnectionStateChange } from "./connection.ts";
import type { ConversationEvent } from "./conversation_event.ts";
import type { SessionErrorReason } from "./enums.ts";
import type { Logger } from "./logger.ts";
import type { VonageError } from "../errors.ts";
import type {
  CallDisconnectReason,
  CancelReason,
  HangupReason,
  LegStatus,
  RTCQuality,
  RtcStats,
  VoiceChannelType,
} from "./voice_types.ts";

/** The events `on` accepts, with the arguments their callbacks receive. */
export interface VonageEvent {
  /** A conversation event arrived (pushed, or pending at login). */
  conversationEvent: (event: ConversationEvent) => void;
  /** The live session ended; REST methods keep working while the token is valid. */
  sessionError: (reason: SessionErrorReason) => void;
  /** The connection dropped; the client is reconnecting. Fires once per outage. */
  reconnecting: () => void;
  /** The connection is back after `reconnecting`. */
  reconnection: () => void;
  /** An incoming call: `answer(callId)` or `reject(callId)` it. `from` is the caller's user name or number. */
  callInvite: (callId: string, from: string, channelType: VoiceChannelType) => void;
  /** An incoming call went away before it was answered here. */
  callInviteCancel: (callId: string, reason: CancelReason) => void;
  /** A call ended, with its audio quality figures. */
  callHangup: (callId: string, callQuality: RTCQuality, reason: HangupReason) => void;
  /** Another party's leg of a call changed status. */
  legStatusUpdate: (callId: string, legId: string, legStatus: LegStatus) => void;
  /** The call moved to another conversation. */
  callTransfer: (callId: string, conversationId: string) => void;
  /** A leg of the call was muted or unmuted. */
  mute: (callId: string, legId: string, isMuted: boolean) => void;
  /** A leg of the call was earmuffed (cannot hear the others) or no longer. */
  earmuff: (callId: string, legId: string, earmuffStatus: boolean) => void;
  /** A leg of the call sent DTMF keys. */
  dtmf: (callId: string, legId: string, digits: string) => void;
  /** A call's media connection dropped and is being brought back (`autoReconnectMedia`). */
  callMediaReconnecting: (callId: string) => void;
  /** A call's media connection is back after `callMediaReconnecting`. */
  callMediaReconnection: (callId: string) => void;
  /** A call's media connection was lost for good; the call ends (`callHangup` follows). */
  callMediaDisconnect: (callId: string, reason: CallDisconnectReason) => void;
  /** A call's media failed (e.g. never connected within 10 s); the call ends (`callHangup` follows). */
  callMediaError: (callId: string, error: VonageError) => void;
  /** Audio statistics of a connected call, about once a second (when `rtcStatsTelemetry` is on). */
  rtcStatsUpdate: (stats: RtcStats, callId: string) => void;
  /** Parley only: the connection changed state (see `VonageClient.connectionState`). */
  connectionStateChange: (change: ConnectionStateChange) => void;
}

/** Names accepted by `on`, `off` and `clearCallbacks`. */
export type VonageEventName = keyof VonageEvent;

// Callbacks take specific arguments; `never[]` lets every one of them fit the registry.
type AnyCallback = (...args: never[]) => void;

/** A typed callback registry. */
export class Emitter<Events extends { [K in keyof Events]: AnyCallback }> {
  readonly #callbacks = new Map<keyof Events, Map<symbol, AnyCallback>>();
  readonly #logger: Logger;

  /** Creates an empty registry; failing callbacks are reported to `logger`. */
  constructor(logger: Logger) {
    this.#logger = logger;
  }

  /** Registers `callback` for `name`; returns the symbol that `off` takes. */
  on<K extends keyof Events>(name: K, callback: Events[K]): symbol {
    let forName = this.#callbacks.get(name);
    if (!forName) this.#callbacks.set(name, forName = new Map());
    const id = Symbol(String(name));
    forName.set(id, callback);
    return id;
  }

  /** Removes one callback; `true` when it was registered. */
  off<K extends keyof Events>(name: K, id: symbol): boolean {
    return this.#callbacks.get(name)?.delete(id) ?? false;
  }

  /** Removes every callback of `name`. */
  clear<K extends keyof Events>(name: K): void {
    this.#callbacks.get(name)?.clear();
  }

  /** Calls every callback of `name` with `args`, in registration order. */
  emit<K extends keyof Events>(name: K, ...args: Parameters<Events[K]>): void {
    const forName = this.#callbacks.get(name);
    if (!forName) return;
    for (const [id, callback] of [...forName]) {
      // A callback removed by an earlier one in this round is not called.
      if (!forName.has(id)) continue;
      try {
        (callback as (...a: unknown[]) => void)(...args);
      } catch (err) {
        this.#logger.error("API", `a ${String(name)} callback threw: ${describe(err)}`);
      }
    }
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
