/**
 * The audio of one conversation: every connected leg in it, and the speech played into it.
 *
 * **Forward when one voice reaches a leg, mix when several do.** What a leg hears is the set of its
 * sources: the other legs that are not muted, plus speech being played, or nothing when the leg is
 * earmuffed. With one source (a two-party call, or speech into a call with one leg) the source's Opus
 * packets are forwarded as they arrive, re-stamped with the receiving leg's own sequence numbers and
 * timestamps: no decoding, no re-encoding, no added delay, the least CPU, so the machine carries the
 * most calls. With two or more (a conversation three or more legs joined, or speech over a two-party
 * call) the sources are decoded, summed every 20 ms without the receiver's own voice, and encoded
 * once per receiver: forwarding would put several streams on one audio section, which a browser does
 * not play as one. Mute and earmuff change the sets, so they act on what is sent, not on signalling.
 *
 * @module
 */
import type { Endpoint } from "./endpoint.ts";
import { FRAME_SAMPLES, opusDecoder, opusEncoder } from "./opus.ts";

/** Most frames of a source held for the mixer (60 ms); older ones are dropped. */
const MIX_QUEUE_FRAMES = 3;
const FRAME_MS = 20;

/** Speech ready to play: the same frames as Opus (to forward) and PCM (to mix). */
export interface Utterance {
  opus: Uint8Array[];
  pcm: Int16Array[];
  /** Times to play it; 0 plays it until stopped. */
  loop: number;
  /** Called once when it has played out or was stopped. */
  done: () => void;
}

interface Source {
  /** Decoded frames waiting for the mixer. */
  pcm: Int16Array[];
  decoder?: ReturnType<typeof opusDecoder> | undefined;
}

interface BridgedLeg extends Source {
  endpoint: Endpoint;
  mute: boolean;
  earmuff: boolean;
  encoder?: ReturnType<typeof opusEncoder> | undefined;
}

const SPEECH = "speech";

/** Routes audio between the legs of one conversation. */
export class Bridge {
  #legs = new Map<string, BridgedLeg>();
  #speech: Source = { pcm: [] };
  #queue: Utterance[] = [];
  #playing:
    | { utterance: Utterance; started: number; sent: number; timer: ReturnType<typeof setInterval> }
    | undefined;
  #mixer: ReturnType<typeof setInterval> | undefined;
  /**
   * Where each source's packets go, worked out on its first packet and kept until the legs, their
   * flags or the speech change (a packet arrives 50 times a second per leg; those change rarely).
   */
  #routes = new Map<string, { forward: Endpoint[]; mixing: boolean }>();

  /** Whether any leg is in it. */
  get empty(): boolean {
    return this.#legs.size === 0;
  }

  /** Adds a leg; its audio reaches the others from now on. */
  add(legId: string, endpoint: Endpoint, flags: { mute: boolean; earmuff: boolean }): void {
    const leg: BridgedLeg = { endpoint, ...flags, pcm: [] };
    this.#legs.set(legId, leg);
    this.#routes.clear();
    endpoint.onAudio = (payload) => this.#heard(legId, payload);
  }

  /** Takes a leg out (it ended, or moved to another conversation). */
  remove(legId: string): void {
    const leg = this.#legs.get(legId);
    if (!leg) return;
    leg.endpoint.onAudio = () => {};
    leg.decoder?.close();
    leg.encoder?.close();
    this.#legs.delete(legId);
    this.#routes.clear();
    if (this.empty) this.close();
  }

  /** Sets a leg's mute (its audio reaches nobody) or earmuff (nothing reaches it). */
  setFlag(legId: string, flag: "mute" | "earmuff", on: boolean): void {
    const leg = this.#legs.get(legId);
    if (leg) leg[flag] = on;
    this.#routes.clear();
  }

  /** Plays speech: after what is playing (`queue`), or instead of it. */
  play(utterance: Utterance, queue: boolean): void {
    if (!queue) {
      for (const waiting of this.#queue.splice(0)) waiting.done();
      this.#stopSpeech();
    }
    this.#queue.push(utterance);
    if (!this.#playing) this.#nextUtterance();
  }

  /** Stops everything: speech ends (its `done` is called), legs are let go. */
  close(): void {
    for (const waiting of this.#queue.splice(0)) waiting.done();
    this.#stopSpeech();
    clearInterval(this.#mixer);
    this.#mixer = undefined;
    for (const leg of this.#legs.values()) {
      leg.decoder?.close();
      leg.encoder?.close();
    }
    this.#legs.clear();
    this.#routes.clear();
  }

  /** The sources `receiverId` hears now. */
  #sourcesOf(receiverId: string): string[] {
    const receiver = this.#legs.get(receiverId);
    if (!receiver || receiver.earmuff) return [];
    const sources = [...this.#legs].filter(([id, leg]) => id !== receiverId && !leg.mute).map(([id]) => id);
    if (this.#playing) sources.push(SPEECH);
    return sources;
  }

  /** A packet from a leg: forward it to whoever hears only that leg, queue it for the mixer if any mixes. */
  #heard(senderId: string, payload: Uint8Array): void {
    this.#route(senderId, payload, () => {
      const sender = this.#legs.get(senderId)!;
      sender.decoder ??= opusDecoder();
      return sender.decoder.decode(payload);
    });
  }

  #route(sourceId: string, opus: Uint8Array, decode: () => Int16Array): void {
    let route = this.#routes.get(sourceId);
    if (!route) this.#routes.set(sourceId, route = this.#routeOf(sourceId));
    for (const endpoint of route.forward) endpoint.send(opus);
    if (!route.mixing) return;
    const source = sourceId === SPEECH ? this.#speech : this.#legs.get(sourceId)!;
    source.pcm.push(decode());
    if (source.pcm.length > MIX_QUEUE_FRAMES) source.pcm.shift();
    this.#mixer ??= setInterval(() => this.#mix(), FRAME_MS);
  }

  /** The legs that hear only `sourceId` (its packets are forwarded to them), and whether any mixes it. */
  #routeOf(sourceId: string): { forward: Endpoint[]; mixing: boolean } {
    const forward: Endpoint[] = [];
    let mixing = false;
    for (const [id, leg] of this.#legs) {
      const sources = this.#sourcesOf(id);
      if (!sources.includes(sourceId)) continue;
      if (sources.length === 1) forward.push(leg.endpoint);
      else mixing = true;
    }
    return { forward, mixing };
  }

  /** One 20 ms step of the mixer: each receiver with several sources gets their sum, less its own voice. */
  #mix(): void {
    let mixed = false;
    for (const [id, leg] of this.#legs) {
      const sources = this.#sourcesOf(id);
      if (sources.length < 2) continue;
      const frames = sources.map((s) => (s === SPEECH ? this.#speech : this.#legs.get(s)!).pcm[0])
        .filter((f): f is Int16Array => f !== undefined);
      if (frames.length === 0) continue;
      mixed = true;
      const sum = new Int16Array(FRAME_SAMPLES);
      for (let i = 0; i < FRAME_SAMPLES; i++) {
        let s = 0;
        for (const f of frames) s += f[i] ?? 0;
        sum[i] = Math.max(-32768, Math.min(32767, s));
      }
      leg.encoder ??= opusEncoder();
      leg.endpoint.send(leg.encoder.encode(sum));
    }
    this.#speech.pcm.shift();
    for (const leg of this.#legs.values()) leg.pcm.shift();
    if (!mixed) {
      clearInterval(this.#mixer);
      this.#mixer = undefined;
    }
  }

  #nextUtterance(): void {
    const utterance = this.#queue.shift();
    if (!utterance) return;
    const playing = {
      utterance,
      started: performance.now(),
      sent: 0,
      timer: setInterval(() => this.#speak(), FRAME_MS),
    };
    this.#playing = playing;
    this.#routes.clear();
    this.#speak();
  }

  /** Sends the speech frames that are due by the clock (timers drift; the clock does not). */
  #speak(): void {
    const playing = this.#playing;
    if (!playing) return;
    const { utterance } = playing;
    const frames = utterance.opus.length;
    const due = Math.floor((performance.now() - playing.started) / FRAME_MS) + 1;
    const total = utterance.loop === 0 ? Infinity : frames * utterance.loop;
    while (playing.sent < Math.min(due, total)) {
      const i = playing.sent % frames;
      this.#route(SPEECH, utterance.opus[i]!, () => utterance.pcm[i]!);
      playing.sent++;
    }
    if (playing.sent >= total) {
      this.#stopSpeech();
      this.#nextUtterance();
    }
  }

  #stopSpeech(): void {
    const playing = this.#playing;
    if (!playing) return;
    clearInterval(playing.timer);
    this.#playing = undefined;
    this.#routes.clear();
    this.#speech.pcm = [];
    playing.utterance.done();
  }
}
