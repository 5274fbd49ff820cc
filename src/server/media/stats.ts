/**
 * What a leg's RTP looked like, from the packets themselves: counts, loss from sequence-number gaps,
 * and interarrival jitter as RFC 3550 §6.4.1 defines it. These become the `bandwidth` and `quality`
 * of the leg's `rtc:hangup`.
 *
 * @module
 */
import { SAMPLE_RATE } from "./opus.ts";

/** The `quality` object of an `rtc:hangup` (wire-protocol §7.2). */
export interface HangupQuality {
  mos_score: number;
  quality_percentage: number;
  jitter_min_var: number;
  jitter_max_var: number;
  jitter_loss_rate: number;
  jitter_burst_rate: number;
  flaw_total: number;
  packet_cnt: number;
  packet_loss_perc: number;
}

/** The figures of a leg that received nothing (signalling only, or failed before any media). */
const NOTHING_MEASURED: HangupQuality = {
  mos_score: 0,
  quality_percentage: 0,
  jitter_min_var: 0,
  jitter_max_var: 0,
  jitter_loss_rate: 0,
  jitter_burst_rate: 0,
  flaw_total: 0,
  packet_cnt: 0,
  packet_loss_perc: 0,
};

/** Counts of one leg's media, both ways. */
export class LegStats {
  bytesIn = 0;
  bytesOut = 0;
  packetsIn = 0;
  packetsOut = 0;
  /** Packets missing from the sequence received so far. */
  lost = 0;
  /** Gaps in the sequence (each a run of one or more lost packets). */
  gaps = 0;
  /** Gaps of two or more packets. */
  burstGaps = 0;
  #lastSeq = -1;
  #lastTransit: number | undefined;
  /** RFC 3550 interarrival jitter, in timestamp units. */
  #jitter = 0;
  jitterMinMs = Infinity;
  jitterMaxMs = 0;

  /** Notes a received packet. */
  received(seq: number, timestamp: number, bytes: number, arrivalMs = performance.now()): void {
    this.packetsIn++;
    this.bytesIn += bytes;
    if (this.#lastSeq >= 0) {
      const step = (seq - this.#lastSeq + 0x10000) & 0xffff;
      if (step === 0 || step > 0x8000) return; // a duplicate or a late packet: counted, not a gap
      if (step > 1) {
        this.lost += step - 1;
        this.gaps++;
        if (step > 2) this.burstGaps++;
      }
    }
    this.#lastSeq = seq;
    const transit = arrivalMs * (SAMPLE_RATE / 1000) - timestamp;
    if (this.#lastTransit !== undefined) {
      const d = Math.abs(transit - this.#lastTransit);
      // Timestamps wrap at 2^32; a jump that large is a new source, not jitter.
      if (d < SAMPLE_RATE) {
        this.#jitter += (d - this.#jitter) / 16;
        const ms = this.jitterMs;
        this.jitterMinMs = Math.min(this.jitterMinMs, ms);
        this.jitterMaxMs = Math.max(this.jitterMaxMs, ms);
      }
    }
    this.#lastTransit = transit;
  }

  /** Notes a sent packet. */
  sent(bytes: number): void {
    this.packetsOut++;
    this.bytesOut += bytes;
  }

  /** Current interarrival jitter in milliseconds. */
  get jitterMs(): number {
    return this.#jitter / (SAMPLE_RATE / 1000);
  }

  /** Share of the expected packets that never arrived, 0–1. */
  get lossRatio(): number {
    const expected = this.packetsIn + this.lost;
    return expected === 0 ? 0 : this.lost / expected;
  }

  /**
   * The quality figures: loss and jitter as measured, and a MOS from the ITU-T G.107 E-model reduced
   * to what one end can see (no round-trip time: the delay is taken as one frame plus a jitter buffer
   * twice the jitter; loss impairs Opus as Ie,eff with Bpl = 10).
   */
  quality(): HangupQuality {
    if (this.packetsIn === 0) return { ...NOTHING_MEASURED };
    const lossPercent = this.lossRatio * 100;
    const delayMs = 20 + 2 * this.jitterMs;
    const delayImpairment = delayMs < 160 ? delayMs / 40 : (delayMs - 120) / 10;
    const lossImpairment = 95 * lossPercent / (lossPercent + 10);
    const r = Math.max(0, Math.min(100, 93.2 - delayImpairment - lossImpairment));
    const mos = 1 + 0.035 * r + 7e-6 * r * (r - 60) * (100 - r);
    const round = (n: number) => Math.round(n * 100) / 100;
    return {
      mos_score: round(mos),
      quality_percentage: round(((mos - 1) / 3.5) * 100),
      jitter_min_var: round(Number.isFinite(this.jitterMinMs) ? this.jitterMinMs : 0),
      jitter_max_var: round(this.jitterMaxMs),
      jitter_loss_rate: round(lossPercent),
      jitter_burst_rate: round(this.gaps === 0 ? 0 : (this.burstGaps / this.gaps) * 100),
      flaw_total: this.gaps,
      packet_cnt: this.packetsIn,
      packet_loss_perc: round(lossPercent),
    };
  }
}
