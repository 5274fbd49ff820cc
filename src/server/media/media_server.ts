/**
 * The reference server as a media endpoint (DESIGN.md §4 Voice): every leg is one peer connection
 * between its client and this server, and the legs of a conversation are bridged here. A caller's
 * offer gets the server's own answer, a callee gets the server's own offer and its answer is applied,
 * speech is played into conversations, and a leg whose media fails is reported through `onFailure`.
 *
 * Clients without a WebRTC stack (signalling-only clients, test stand-ins) send SDP that cannot carry
 * media: no candidates, or `a=inactive`. Their legs get no peer connection, as before: the answer is
 * a placeholder and nothing times out, so their calls keep working as signalling.
 *
 * @module
 */
import { Bridge } from "./bridge.ts";
import { Endpoint, type EndpointConfig, type MediaFailure } from "./endpoint.ts";
import { FRAME_SAMPLES, opusEncoder, SAMPLE_RATE } from "./opus.ts";
import { Speech } from "./speech.ts";
import { type HangupQuality, LegStats } from "./stats.ts";

/** Media options of `startServer`. */
export interface MediaOptions {
  /**
   * The address ICE gathers on and announces in its host candidates (default `127.0.0.1`). Set a
   * LAN address for clients on other machines; behind NAT, add STUN or TURN servers too.
   */
  address?: string;
  /**
   * STUN/TURN servers the server's peer connections use, and that `ReferenceServer.iceServers` hands
   * to apps for their clients' configuration (default: none, host candidates only).
   */
  iceServers?: RTCIceServer[];
  /**
   * How long a leg may go without its first packet once both SDPs are applied before it fails with
   * `media-timeout` (default 10 000 ms, the official client's own media timeout).
   */
  mediaTimeoutMs?: number;
}

/** A STUN or TURN server, as in `RTCConfiguration.iceServers` (declared here so it is documented). */
export interface RTCIceServer {
  /** One or more `stun:`/`turn:` URLs. */
  urls: string | string[];
  /** TURN user name. */
  username?: string;
  /** TURN password. */
  credential?: string;
}

export type { MediaFailure };

/** What a leg's media amounted to, for its `rtc:hangup`. */
export interface MediaReport {
  bandwidth: { bytes_in: number; bytes_out: number };
  quality: HangupQuality;
}

/** What `say` and NCCO `talk` ask for. */
export interface SpeechRequest {
  text: string;
  voiceName: string;
  /** -1 … 1; 0 is normal. */
  level: number;
  /** Times to play; 0 until stopped. */
  loop: number;
  /** Play after what is playing (true) or instead of it. */
  queue: boolean;
  /** Whether `text` is SSML: its markup is dropped and its text spoken (eSpeak reads no SSML here). */
  ssml: boolean;
}

const DEFAULT_MEDIA_TIMEOUT_MS = 10_000;

/** Whether an SDP can carry media: it has ICE candidates, credentials, a fingerprint, and a direction. */
export function carriesMedia(sdp: string): boolean {
  return /^a=candidate:/m.test(sdp) && /^a=ice-ufrag:/m.test(sdp) && /^a=fingerprint:/m.test(sdp) &&
    !/^a=inactive/m.test(sdp);
}

/** The words of an SSML text: its markup dropped, the five XML entities read. */
export function textOfSsml(ssml: string): string {
  const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  return ssml.replace(/<[^>]*>/g, " ").replace(
    /&(amp|lt|gt|quot|apos);/g,
    (_, name: string) => entities[name]!,
  );
}

/** The peer connections of all legs, and the bridges between them. */
export class MediaServer {
  /** Called when a leg's media fails (the leg's endpoint is already closed). */
  onFailure: (legId: string, reason: MediaFailure) => void = () => {};
  readonly iceServers: RTCIceServer[];
  #config: EndpointConfig;
  #endpoints = new Map<string, Endpoint>();
  #flags = new Map<string, { mute: boolean; earmuff: boolean }>();
  /** Bridges by conversation id, and the conversation each bridged leg is in. */
  #bridges = new Map<string, Bridge>();
  #bridgeOf = new Map<string, string>();
  #closed = false;
  #speech = new Speech();

  constructor(options: MediaOptions = {}) {
    this.iceServers = options.iceServers ?? [];
    this.#config = {
      address: options.address ?? "127.0.0.1",
      iceServers: this.iceServers,
      mediaTimeoutMs: options.mediaTimeoutMs ?? DEFAULT_MEDIA_TIMEOUT_MS,
    };
  }

  /** Answers a caller's offer for leg `legId` with the server's SDP; undefined when it carries no media. */
  async answer(legId: string, offer: string): Promise<string | undefined> {
    if (!carriesMedia(offer)) return undefined;
    const endpoint = this.#endpoint(legId);
    return await endpoint.answer(offer);
  }

  /** The server's offer to a callee on leg `legId`. */
  offer(legId: string): Promise<string> {
    return this.#endpoint(legId).offer();
  }

  /** Applies a callee's answer; an answer without media lets the leg go on as signalling only. */
  async accept(legId: string, answer: string): Promise<void> {
    const endpoint = this.#endpoints.get(legId);
    if (!endpoint) return;
    if (!carriesMedia(answer)) return this.#drop(legId);
    try {
      await endpoint.accept(answer);
    } catch (err) {
      console.error(`reference server: the answer for leg ${legId} was refused:`, err);
      this.#drop(legId);
      this.onFailure(legId, "ice-failed");
    }
  }

  /**
   * A new offer on a live leg (the client's media reconnect, an ICE restart): a new peer connection
   * answers it and takes the old one's place in the bridge. Undefined when it carries no media.
   */
  async renegotiate(legId: string, offer: string): Promise<string | undefined> {
    if (!carriesMedia(offer)) return undefined;
    const conversationId = this.#bridgeOf.get(legId);
    this.#drop(legId);
    const sdp = await this.answer(legId, offer);
    if (conversationId !== undefined) this.connect(legId, conversationId);
    return sdp;
  }

  /** Puts leg `legId` into the bridge of `conversationId` (taking it out of any other). */
  connect(legId: string, conversationId: string): void {
    const endpoint = this.#endpoints.get(legId);
    if (!endpoint) return;
    this.#unbridge(legId);
    let bridge = this.#bridges.get(conversationId);
    if (!bridge) {
      this.#bridges.set(conversationId, bridge = new Bridge());
      // Speech is likely now that audio flows somewhere: have its engine loaded before it is asked for.
      this.#speech.warm();
    }
    bridge.add(legId, endpoint, this.#flagsOf(legId));
    this.#bridgeOf.set(legId, conversationId);
  }

  /** Mutes or earmuffs a leg (also before it is bridged). */
  setFlag(legId: string, flag: "mute" | "earmuff", on: boolean): void {
    this.#flagsOf(legId)[flag] = on;
    const conversationId = this.#bridgeOf.get(legId);
    if (conversationId !== undefined) this.#bridges.get(conversationId)?.setFlag(legId, flag, on);
  }

  /**
   * Speaks into a conversation; resolves when the speech has played out or was stopped, at once when
   * no leg there carries media (nobody would hear it).
   */
  async say(conversationId: string, request: SpeechRequest): Promise<void> {
    const text = request.ssml ? textOfSsml(request.text) : request.text;
    if (!this.#bridges.has(conversationId) || text.trim() === "") return;
    let pcm: Int16Array;
    try {
      pcm = await this.#speech.synthesize(text, request.voiceName, request.level, SAMPLE_RATE);
    } catch (err) {
      console.error("reference server: speech synthesis failed:", err);
      return;
    }
    // Speech at the start of a call waits for someone to hear it (a leg's media takes a moment to connect).
    await this.#anyoneListening(conversationId);
    const bridge = this.#bridges.get(conversationId);
    if (!bridge || this.#closed) return;
    const frames: Int16Array[] = [];
    for (let at = 0; at < pcm.length; at += FRAME_SAMPLES) {
      const frame = new Int16Array(FRAME_SAMPLES);
      frame.set(pcm.subarray(at, at + FRAME_SAMPLES));
      frames.push(frame);
    }
    const encoder = opusEncoder();
    const opus = frames.map((frame) => encoder.encode(frame));
    encoder.close();
    await new Promise<void>((done) =>
      bridge.play({ opus, pcm: frames, loop: request.loop, done }, request.queue)
    );
  }

  /** Ends leg `legId`'s media; answers what it carried (zeros for a leg without media). */
  end(legId: string): MediaReport {
    const endpoint = this.#endpoints.get(legId);
    this.#drop(legId);
    this.#flags.delete(legId);
    const stats = endpoint?.stats ?? new LegStats();
    return { bandwidth: { bytes_in: stats.bytesIn, bytes_out: stats.bytesOut }, quality: stats.quality() };
  }

  /** Test-only: the media of leg `legId` stops reaching anyone (see {@link Endpoint.cut}); false without media. */
  cut(legId: string): boolean {
    this.#endpoints.get(legId)?.cut();
    return this.#endpoints.has(legId);
  }

  /** Ends every leg's media (the server is closing). */
  close(): void {
    this.#closed = true;
    this.#speech.close();
    for (const legId of [...this.#endpoints.keys()]) this.#drop(legId);
    for (const bridge of this.#bridges.values()) bridge.close();
    this.#bridges.clear();
  }

  /** Resolves once a leg bridged in the conversation is connected (or none can be any more). */
  async #anyoneListening(conversationId: string): Promise<void> {
    const endpoints = [...this.#bridgeOf].filter(([, c]) => c === conversationId)
      .map(([legId]) => this.#endpoints.get(legId)).filter((e): e is Endpoint => e !== undefined);
    if (endpoints.length === 0 || endpoints.some((e) => e.connected)) return;
    await Promise.race(endpoints.map((e) => e.ready));
  }

  #endpoint(legId: string): Endpoint {
    this.#drop(legId);
    const endpoint = new Endpoint(this.#config);
    endpoint.onFailure = (reason) => {
      if (this.#endpoints.get(legId) !== endpoint) return;
      this.#drop(legId);
      this.onFailure(legId, reason);
    };
    this.#endpoints.set(legId, endpoint);
    return endpoint;
  }

  #flagsOf(legId: string): { mute: boolean; earmuff: boolean } {
    let flags = this.#flags.get(legId);
    if (!flags) this.#flags.set(legId, flags = { mute: false, earmuff: false });
    return flags;
  }

  #unbridge(legId: string): void {
    const conversationId = this.#bridgeOf.get(legId);
    if (conversationId === undefined) return;
    this.#bridgeOf.delete(legId);
    const bridge = this.#bridges.get(conversationId);
    bridge?.remove(legId);
    if (bridge?.empty) this.#bridges.delete(conversationId);
  }

  #drop(legId: string): void {
    this.#unbridge(legId);
    this.#endpoints.get(legId)?.close();
    this.#endpoints.delete(legId);
  }
}
