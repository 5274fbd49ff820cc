/**
 * The media of one call, watched. A {@link CallMedia} wraps the call's {@link MediaConnection} and
 * turns what its connection does into the media events of `VonageClient`:
 *
 * | connection                                   | effect                                                     |
 * | -------------------------------------------- | ---------------------------------------------------------- |
 * | not `connected` within 10 s of the SDP exchange, or `failed` before it ever connected | `callMediaError(voice:error:media_timeout)`, the call ends (`MEDIA_TIMEOUT`) |
 * | `connected`                                  | statistics every second: `rtcStatsUpdate` when `rtcStatsTelemetry` is on |
 * | lost (`disconnected`/`failed`), `autoReconnectMedia` on | `callMediaReconnecting`, then a media reconnect every 3 s, up to 5 |
 * | back to `connected` after that               | `callMediaReconnection`                                    |
 * | lost and not back (no auto reconnect: after 3 s, or after the 5 restarts) | `callMediaDisconnect(networkChange)`, the call ends (`MEDIA_TIMEOUT`) |
 *
 * The 10 s, the 3 s between restarts and the 5 tries are the official SDK's. An offer is never sent while
 * the previous one waits for its answer (the answer names no offer, so a late one would be applied to the
 * wrong one): a restart that falls due then, or a `reconnectCall`, joins the reconnect under way, and the
 * call still gives up after the 5 tries. A connection without state reports (signalling only) has none of
 * this. The statistics also give the call's quality figures for `callHangup`.
 *
 * @module
 */
import { VonageError } from "../errors.ts";
import type { Emitter, VonageEvent } from "./emitter.ts";
import type { MediaAdapter, MediaConnection, MediaConnectionState, StatsReportLike } from "./media.ts";
import type { RTCQuality, RtcStats } from "./voice_types.ts";

/** The official SDK's timings, in milliseconds; tests shorten them. */
export interface MediaTiming {
  /** How long a call's media may take to connect (the official media timeout). */
  connectMs: number;
  /** Wait before each media reconnect while the media is lost. */
  retryMs: number;
  /** Media reconnects before giving up. */
  tries: number;
  /** Interval of statistics. */
  statsMs: number;
}

/** The official SDK's timings. */
export const MEDIA_TIMING: MediaTiming = { connectMs: 10_000, retryMs: 3_000, tries: 5, statsMs: 1_000 };

/** What a watched call needs from the voice layer. */
export interface CallMediaHost {
  /** Where the media events go. */
  emitter: Emitter<VonageEvent>;
  /** The client settings in force (read at each use, so `setConfig` applies). */
  config(): { rtcStatsTelemetry: boolean; autoReconnectMedia: boolean };
  /** Sends an offer that renegotiates the call's media; its answer comes back through {@link CallMedia.answer}. */
  sendOffer(sdp: string): Promise<void>;
  /** Ends the call after a media failure. */
  end(): void;
}

/** A media error as the official SDK reports it. */
export function mediaError(code: string, message: string): VonageError {
  return new VonageError("INTERNAL_ERROR", code, message);
}

/** The media of one call and what its connection does. */
export class CallMedia {
  /** The call's media connection. */
  readonly connection: MediaConnection;
  readonly #timing: MediaTiming;
  #state: MediaConnectionState = "new";
  #callId = "";
  #host: CallMediaHost | undefined;
  #everConnected = false;
  #lost = false;
  #tries = 0;
  #over = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #statsTimer: ReturnType<typeof setInterval> | undefined;
  #answered: (() => void) | undefined;
  /** The latest reconnect, and whether its offer still waits for the answer. */
  #reconnect: Promise<void> | undefined;
  #awaitingAnswer = false;
  #waiters: (() => void)[] = [];
  #stats: RtcStats | undefined;
  #jitter = { min: Infinity, max: 0 };
  #flaws = { discarded: 0, concealed: 0, burst: 0 };

  private constructor(connection: MediaConnection, timing: MediaTiming) {
    this.connection = connection;
    this.#timing = timing;
  }

  /** Opens a call's media with `adapter`; the connection is watched once {@link watch} is called. */
  static async open(adapter: MediaAdapter, timing: MediaTiming = MEDIA_TIMING): Promise<CallMedia> {
    // A state reported while the adapter connects is kept for the new CallMedia.
    const relay: { to?: CallMedia; early?: MediaConnectionState } = {};
    const connection = await adapter.connect((state) =>
      relay.to ? relay.to.#changed(state) : relay.early = state
    );
    const media = relay.to = new CallMedia(connection, timing);
    if (relay.early) media.#state = relay.early;
    return media;
  }

  /** Starts watching the connection of call `callId`: its SDP exchange is done. */
  watch(callId: string, host: CallMediaHost): void {
    this.#callId = callId;
    this.#host = host;
    if (!this.connection.reconnectOffer) return; // no WebRTC: nothing to watch
    if (this.#state === "connected") this.#connected();
    else if (this.#state === "failed") this.#fail();
    else this.#timer = setTimeout(() => this.#fail(), this.#timing.connectMs);
  }

  /** Applies the answer to a renegotiation (an `rtc:answer` push). */
  async answer(sdp: string): Promise<void> {
    try {
      await this.connection.applyAnswer(sdp);
      this.#answered?.();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.#emit("callMediaError", this.#callId, mediaError("media:error:process_answer_error", message));
    }
  }

  /**
   * Reconnects the media (`reconnectCall`): sends a new offer (new ICE and DTLS) and resolves once its
   * answer is applied and the connection is up; rejects with `voice:error:media_timeout` after 10 s.
   * While an offer waits for its answer, this joins that reconnect instead of sending another offer.
   */
  reconnect(): Promise<void> {
    if (this.#awaitingAnswer && this.#reconnect) return this.#reconnect;
    return this.#reconnect = this.#restart();
  }

  async #restart(): Promise<void> {
    const offer = this.connection.reconnectOffer;
    if (!offer || !this.#host) {
      throw mediaError("voice:error:invalid_call_action", "This call has no WebRTC media to reconnect");
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) =>
      timer = setTimeout(
        () => reject(mediaError("voice:error:media_timeout", `Call ${this.#callId}: media not back in time`)),
        this.#timing.connectMs,
      )
    );
    timeout.catch(() => {}); // it may fire while the offer is being made: reported by the races below
    const answered = new Promise<void>((resolve) => this.#answered = resolve);
    this.#awaitingAnswer = true;
    try {
      try {
        const sdp = await offer.call(this.connection);
        this.#state = "new"; // a new connection: up once it reports `connected`
        await Promise.race([this.#host.sendOffer(sdp), timeout]);
        await Promise.race([answered, timeout]);
      } finally {
        this.#awaitingAnswer = false;
        this.#answered = undefined;
      }
      await Promise.race([this.#up(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The call's audio quality from the statistics so far, or `undefined` when there were none. */
  quality(): RTCQuality | undefined {
    const s = this.#stats;
    if (!s) return undefined;
    const received = s.audioRecvPackets, lost = s.audioRecvPacketsLost;
    const lossPercent = received + lost > 0 ? 100 * lost / (received + lost) : 0;
    const mos = meanOpinionScore(s.audioRtt * 1000, s.audioRecvJitter * 1000, lossPercent);
    const round = (n: number) => Math.round(n * 1000) / 1000;
    return {
      mos_score: round(mos),
      quality_percentage: Math.round((mos - 1) / 3.5 * 100),
      jitter_min_var: round(this.#jitter.min === Infinity ? 0 : this.#jitter.min),
      jitter_max_var: round(this.#jitter.max),
      jitter_loss_rate: round(received > 0 ? this.#flaws.discarded / received : 0),
      jitter_burst_rate: round(this.#flaws.burst),
      flaw_total: this.#flaws.concealed,
      packet_cnt: received,
      packet_loss_perc: round(lossPercent),
    };
  }

  /** Stops sending (`true`) or resumes. */
  mute(muted: boolean): void {
    this.connection.mute(muted);
  }

  /** Stops playing the others (`true`) or resumes. */
  earmuff(earmuffed: boolean): void {
    this.connection.earmuff(earmuffed);
  }

  /** Ends the media and stops watching. */
  close(): void {
    this.#over = true;
    clearTimeout(this.#timer);
    clearInterval(this.#statsTimer);
    this.connection.close();
  }

  #changed(state: MediaConnectionState): void {
    this.#state = state;
    if (this.#over || !this.#host) return;
    if (state === "connected") return this.#connected();
    if (state !== "disconnected" && state !== "failed") return;
    if (!this.#everConnected) {
      if (state === "failed") this.#fail();
      return; // the connect timeout is running
    }
    if (this.#lost) return; // the restarts are under way
    this.#lost = true;
    clearInterval(this.#statsTimer);
    this.#statsTimer = undefined;
    if (this.#host.config().autoReconnectMedia) {
      this.#emit("callMediaReconnecting", this.#callId);
      this.#tries = 0;
      this.#timer = setTimeout(() => this.#retry(), this.#timing.retryMs);
    } else {
      // A brief `disconnected` often heals by itself: give it the time of one retry.
      this.#timer = setTimeout(() => this.#disconnect(), state === "failed" ? 0 : this.#timing.retryMs);
    }
  }

  #connected(): void {
    clearTimeout(this.#timer);
    for (const wake of this.#waiters.splice(0)) wake();
    if (this.#lost && this.#host?.config().autoReconnectMedia) {
      this.#emit("callMediaReconnection", this.#callId);
    }
    this.#lost = false;
    this.#everConnected = true;
    if (this.connection.getStats && !this.#statsTimer) {
      this.#statsTimer = setInterval(() => this.#sample(), this.#timing.statsMs);
    }
  }

  /** One media reconnect while the media is lost (or the one under way); gives up after the last try. */
  #retry(): void {
    if (this.#over || !this.#lost) return;
    if (this.#tries++ >= this.#timing.tries) return this.#disconnect();
    this.reconnect().catch(() => {/* the next try, or the end */});
    this.#timer = setTimeout(() => this.#retry(), this.#timing.retryMs);
  }

  /** Resolves when the connection is (back) up. */
  #up(): Promise<void> {
    return this.#state === "connected"
      ? Promise.resolve()
      : new Promise((resolve) => this.#waiters.push(resolve));
  }

  #fail(): void {
    if (this.#over) return;
    const why = this.#state === "failed"
      ? "its connection failed (ICE or DTLS)"
      : `it did not connect within ${this.#timing.connectMs} ms`;
    this.#emit(
      "callMediaError",
      this.#callId,
      mediaError("voice:error:media_timeout", `Call ${this.#callId}: no media, ${why}`),
    );
    this.#end();
  }

  #disconnect(): void {
    if (this.#over || this.#state === "connected") return;
    this.#emit("callMediaDisconnect", this.#callId, "networkChange");
    this.#end();
  }

  #end(): void {
    clearTimeout(this.#timer);
    clearInterval(this.#statsTimer);
    this.#over = true;
    this.#host?.end();
  }

  async #sample(): Promise<void> {
    const reports = await this.connection.getStats!().catch(() => undefined);
    if (!reports || this.#over) return;
    const stats = this.#stats = toRtcStats(reports, this.#flaws);
    const jitterMs = stats.audioRecvJitter * 1000;
    if (stats.audioRecvPackets > 0) {
      this.#jitter.min = Math.min(this.#jitter.min, jitterMs);
      this.#jitter.max = Math.max(this.#jitter.max, jitterMs);
    }
    if (this.#host?.config().rtcStatsTelemetry) this.#emit("rtcStatsUpdate", stats, this.#callId);
  }

  #emit<K extends keyof VonageEvent>(name: K, ...args: Parameters<VonageEvent[K]>): void {
    this.#host?.emitter.emit(name, ...args);
  }
}

/** The audio figures of WebRTC statistics reports; also notes the receiver's flaws into `flaws`. */
export function toRtcStats(
  reports: StatsReportLike,
  flaws: { discarded: number; concealed: number; burst: number } = { discarded: 0, concealed: 0, burst: 0 },
): RtcStats {
  const stats: RtcStats = {
    audioRecvPackets: 0,
    audioRecvPacketsLost: 0,
    audioRecvBytes: 0,
    audioRecvJitter: 0,
    audioSentPackets: 0,
    audioSentBytes: 0,
    audioSentPacketsLost: 0,
    audioRtt: 0,
    audioSentJitter: 0,
  };
  const n = (value: unknown) => typeof value === "number" && Number.isFinite(value) ? value : 0;
  reports.forEach((report) => {
    const r = report as { type: string; [field: string]: unknown };
    if (r.kind !== undefined && r.kind !== "audio") return;
    if (r.type === "inbound-rtp") {
      stats.audioRecvPackets += n(r.packetsReceived);
      stats.audioRecvPacketsLost += n(r.packetsLost);
      stats.audioRecvBytes += n(r.bytesReceived);
      stats.audioRecvJitter = Math.max(stats.audioRecvJitter, n(r.jitter));
      flaws.discarded = n(r.packetsDiscarded);
      flaws.concealed = n(r.concealmentEvents);
      flaws.burst = n(r.burstLossRate);
    } else if (r.type === "outbound-rtp") {
      stats.audioSentPackets += n(r.packetsSent);
      stats.audioSentBytes += n(r.bytesSent);
    } else if (r.type === "remote-inbound-rtp") {
      stats.audioSentPacketsLost += n(r.packetsLost);
      stats.audioRtt = Math.max(stats.audioRtt, n(r.roundTripTime));
      stats.audioSentJitter = Math.max(stats.audioSentJitter, n(r.jitter));
    }
  });
  return stats;
}

/**
 * Mean opinion score (1 to 4.5) of a voice path, by the simplified E-model of ITU-T G.107: the
 * rating R starts at 93.2 and loses the delay impairment of the effective latency (half the round
 * trip, twice the jitter, 10 ms of codec delay) and 2.5 per percent of packets lost.
 */
export function meanOpinionScore(rttMs: number, jitterMs: number, lossPercent: number): number {
  const latency = rttMs / 2 + 2 * jitterMs + 10;
  const delay = latency < 160 ? latency / 40 : (latency - 120) / 10;
  const r = Math.min(100, Math.max(0, 93.2 - delay - 2.5 * lossPercent));
  return Math.min(4.5, Math.max(1, 1 + 0.035 * r + 0.000007 * r * (r - 60) * (100 - r)));
}
