/**
 * Loads the voice layer (voice.ts, the call registry and leg mapping) on first use, so an app
 * that never calls does not download it: bundlers put the dynamic import in a chunk of its own.
 *
 * Until it is loaded, the only push that matters is an incoming call (a `member:invited` with
 * an SDP offer): that one starts the load. Pushes that arrive while it loads are kept and handed
 * over in order.
 *
 * @module
 */
import type { WireAnyPushedEvent } from "../wire.ts";
import type { Voice, VoiceHost } from "./voice.ts";

/** The voice layer, loaded on demand. */
export class VoiceLoader {
  readonly #host: VoiceHost;
  #voice: Voice | undefined;
  #loading: Promise<Voice> | undefined;
  #waiting: WireAnyPushedEvent[] = [];

  /** Prepares the loader; nothing is loaded yet. */
  constructor(host: VoiceHost) {
    this.#host = host;
  }

  /** The voice layer, loading it the first time. */
  get(): Promise<Voice> {
    return this.#loading ??= import("./voice.ts").then(({ Voice }) => {
      const voice = new Voice(this.#host);
      for (const push of this.#waiting.splice(0)) voice.receive(push);
      return (this.#voice = voice);
    });
  }

  /** The voice layer if it is loaded (there is no call before it is). */
  get loaded(): Voice | undefined {
    return this.#voice;
  }

  /** A pushed event, after ordering and de-duplication. */
  receive(push: WireAnyPushedEvent): void {
    if (this.#voice) return this.#voice.receive(push);
    if (!this.#loading && !(push.type === "member:invited" && push.body.sdp)) return;
    this.#waiting.push(push);
    this.get().catch(() => {/* reported by the next call of a voice method */});
  }

  /** Forgets every call (the session ended). */
  reset(): void {
    this.#waiting = [];
    this.#voice?.reset();
  }
}
