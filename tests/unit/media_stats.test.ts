// The media server's pure logic: RTP statistics of a leg (loss from sequence gaps, RFC 3550 jitter,
// the rtc:hangup quality), which SDP can carry media, and the words of an SSML text.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { carriesMedia, textOfSsml } from "../../src/server/media/media_server.ts";
import { LegStats } from "../../src/server/media/stats.ts";

describe("LegStats", () => {
  it("counts nothing measured as all zeros", () => {
    assert.deepEqual(Object.values(new LegStats().quality()), [0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it("finds loss in sequence gaps, across the 16-bit wrap, ignoring duplicates and late packets", () => {
    const stats = new LegStats();
    const seqs = [65533, 65534, 65535, 0, 3, 3, 1, 4, 8];
    seqs.forEach((seq, i) => stats.received(seq, i * 960, 100, i * 20));
    // Missing: 1 and 2 (1 arrives late and is not a gap filler), then 5, 6 and 7.
    assert.equal(stats.lost, 5);
    assert.equal(stats.gaps, 2);
    assert.equal(stats.burstGaps, 2);
    assert.equal(stats.packetsIn, seqs.length);
    const quality = stats.quality();
    assert.equal(quality.packet_cnt, seqs.length);
    assert.equal(quality.flaw_total, 2);
    assert.ok(quality.packet_loss_perc > 30 && quality.mos_score < 3);
  });

  it("measures no jitter for packets on time, and some for packets that are not", () => {
    const steady = new LegStats();
    for (let i = 0; i < 50; i++) steady.received(i, i * 960, 100, i * 20);
    assert.equal(steady.jitterMs, 0);
    assert.ok(steady.quality().mos_score > 4.3);
    const jittery = new LegStats();
    for (let i = 0; i < 50; i++) jittery.received(i, i * 960, 100, i * 20 + (i % 2) * 15);
    assert.ok(jittery.jitterMs > 5, `${jittery.jitterMs}`);
    assert.ok(jittery.quality().mos_score < steady.quality().mos_score);
  });
});

describe("carriesMedia", () => {
  const real =
    "v=0\r\na=ice-ufrag:x\r\na=fingerprint:sha-256 AB\r\na=candidate:1 1 udp 1 127.0.0.1 5000 typ host\r\na=sendrecv\r\n";
  it("wants candidates, ICE credentials, a fingerprint and a direction other than inactive", () => {
    assert.equal(carriesMedia(real), true);
    assert.equal(carriesMedia(real.replace(/a=candidate.*\r\n/, "")), false);
    assert.equal(carriesMedia(real.replace("a=sendrecv", "a=inactive")), false);
    assert.equal(carriesMedia(real.replace(/a=fingerprint.*\r\n/, "")), false);
  });
});

describe("textOfSsml", () => {
  it("drops the markup and reads the XML entities", () => {
    assert.equal(
      textOfSsml('<speak>Tom &amp; Jerry <break time="1s"/>say &lt;hi&gt;</speak>').replace(/\s+/g, " ")
        .trim(),
      "Tom & Jerry say <hi>",
    );
  });
});
