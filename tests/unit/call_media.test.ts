// A call's watched media over a scripted connection (its state set by the test), with short timings:
// the connect timeout and ICE failure end the call through callMediaError; a lost connection is
// restarted (autoReconnectMedia) or reported with callMediaDisconnect; statistics become
// rtcStatsUpdate and the quality figures; reconnect() waits for the answer and the connection.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { CallMedia, meanOpinionScore, type MediaTiming, toRtcStats } from "../../src/client/call_media.ts";
import { Emitter, type VonageEvent } from "../../src/client/emitter.ts";
import type { MediaConnection, MediaConnectionState } from "../../src/client/media.ts";
import { recordingLogger } from "./_log.ts";

const TIMING: MediaTiming = { connectMs: 60, retryMs: 20, tries: 2, statsMs: 10 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Browser-shaped statistics: `packets` received and sent so far. */
function reports(packets: number) {
  return new Map<string, { type: string; [field: string]: unknown }>([
    ["in", {
      type: "inbound-rtp",
      kind: "audio",
      packetsReceived: packets,
      packetsLost: 2,
      bytesReceived: packets * 80,
      jitter: 0.004,
      packetsDiscarded: 1,
      concealmentEvents: 3,
    }],
    ["out", { type: "outbound-rtp", kind: "audio", packetsSent: packets + 1, bytesSent: packets * 90 }],
    ["remote", {
      type: "remote-inbound-rtp",
      kind: "audio",
      packetsLost: 1,
      roundTripTime: 0.02,
      jitter: 0.003,
    }],
    ["video", { type: "inbound-rtp", kind: "video", packetsReceived: 999 }],
  ]);
}

async function setup(settings = { rtcStatsTelemetry: true, autoReconnectMedia: false }) {
  let setState: (state: MediaConnectionState) => void = () => {};
  const log: string[] = [];
  let packets = 0;
  const connection: MediaConnection = {
    createOffer: () => Promise.resolve("offer"),
    applyAnswer: (sdp) => (log.push(`answer ${sdp}`), Promise.resolve()),
    createAnswer: () => Promise.resolve("answer"),
    mute() {},
    earmuff() {},
    close: () => void log.push("close"),
    reconnectOffer: () => (log.push("restart"), Promise.resolve("restart offer")),
    getStats: () => Promise.resolve(reports(packets += 50)),
  };
  const media = await CallMedia.open({
    connect: (onState) => (setState = onState!, Promise.resolve(connection)),
  }, TIMING);
  const emitter = new Emitter<VonageEvent>(recordingLogger().logger);
  const heard: unknown[][] = [];
  for (
    const name of [
      "callMediaError",
      "callMediaDisconnect",
      "callMediaReconnecting",
      "callMediaReconnection",
      "rtcStatsUpdate",
    ] as const
  ) {
    emitter.on(name, (...args: unknown[]) => void heard.push([name, ...args]));
  }
  let ended = 0;
  const offers: string[] = [];
  media.watch("LEG-1", {
    emitter,
    config: () => settings,
    sendOffer: (sdp) => (offers.push(sdp), Promise.resolve()),
    end: () => void ended++,
  });
  return {
    media,
    setState: (s: MediaConnectionState) => setState(s),
    heard,
    log,
    offers,
    ended: () => ended,
  };
}

const names = (heard: unknown[][]) => heard.map((h) => h[0]);

describe("CallMedia", () => {
  it("a connection that never connects ends the call with callMediaError voice:error:media_timeout", async () => {
    const { heard, ended, setState } = await setup();
    setState("connecting");
    await sleep(TIMING.connectMs + 30);
    assert.deepEqual(names(heard), ["callMediaError"]);
    const [, callId, error] = heard[0] as [string, string, { type: string; code: string; message: string }];
    assert.equal(callId, "LEG-1");
    assert.equal(error.type, "INTERNAL_ERROR");
    assert.equal(error.code, "voice:error:media_timeout");
    assert.match(error.message, /did not connect within 60 ms/);
    assert.equal(ended(), 1);
  });

  it("an ICE or DTLS failure before connecting ends the call at once", async () => {
    const { heard, ended, setState } = await setup();
    setState("failed");
    assert.deepEqual(names(heard), ["callMediaError"]);
    assert.match((heard[0]![2] as Error).message, /ICE or DTLS/);
    assert.equal(ended(), 1);
    await sleep(TIMING.connectMs + 20);
    assert.equal(ended(), 1, "the timeout does not fire after the end");
  });

  it("a connected call reports statistics each interval and its quality figures; none with telemetry off", async () => {
    const { media, heard, setState } = await setup();
    assert.equal(media.quality(), undefined, "no statistics yet");
    setState("connected");
    await sleep(TIMING.statsMs * 5);
    const updates = heard.filter((h) => h[0] === "rtcStatsUpdate");
    assert.ok(updates.length >= 2, `stats updates: ${updates.length}`);
    const [, stats, callId] = updates.at(-1)!;
    assert.equal(callId, "LEG-1");
    const received = (stats as { audioRecvPackets: number }).audioRecvPackets;
    assert.deepEqual(stats, {
      audioRecvPackets: received,
      audioRecvPacketsLost: 2,
      audioRecvBytes: received * 80,
      audioRecvJitter: 0.004,
      audioSentPackets: received + 1,
      audioSentBytes: received * 90,
      audioSentPacketsLost: 1,
      audioRtt: 0.02,
      audioSentJitter: 0.003,
    });
    const quality = media.quality()!;
    assert.ok(quality.packet_cnt >= received);
    assert.equal(quality.flaw_total, 3);
    assert.equal(quality.jitter_min_var, 4);
    assert.equal(quality.jitter_max_var, 4);
    assert.ok(quality.mos_score > 4 && quality.mos_score <= 4.5, `MOS ${quality.mos_score}`);
    assert.ok(quality.packet_loss_perc > 0 && quality.packet_loss_perc < 5);
    media.close();

    const quiet = await setup({ rtcStatsTelemetry: false, autoReconnectMedia: false });
    quiet.setState("connected");
    await sleep(TIMING.statsMs * 4);
    assert.deepEqual(names(quiet.heard), []);
    assert.ok(quiet.media.quality(), "statistics are still taken for the quality figures");
    quiet.media.close();
  });

  it("without autoReconnectMedia a lost connection that does not heal is reported with callMediaDisconnect", async () => {
    const { media, heard, ended, setState, offers } = await setup();
    setState("connected");
    setState("disconnected");
    setState("connected"); // healed by itself: nothing to report
    await sleep(TIMING.retryMs + 20);
    assert.deepEqual(names(heard).filter((n) => n !== "rtcStatsUpdate"), []);
    setState("disconnected");
    await sleep(TIMING.retryMs + 20);
    assert.deepEqual(
      heard.filter((h) => h[0] !== "rtcStatsUpdate"),
      [["callMediaDisconnect", "LEG-1", "networkChange"]],
    );
    assert.equal(ended(), 1);
    assert.deepEqual(offers, [], "no media reconnect without autoReconnectMedia");
    media.close();
  });

  it("with autoReconnectMedia a lost connection is restarted: reconnecting, a new offer, its answer, reconnection", async () => {
    const { media, heard, setState, offers, log } = await setup({
      rtcStatsTelemetry: false,
      autoReconnectMedia: true,
    });
    setState("connected");
    setState("failed");
    assert.deepEqual(names(heard), ["callMediaReconnecting"]);
    await sleep(TIMING.retryMs + 10);
    assert.deepEqual(offers, ["restart offer"]);
    await media.answer("restart answer");
    setState("connecting");
    setState("connected");
    assert.deepEqual(names(heard), ["callMediaReconnecting", "callMediaReconnection"]);
    assert.deepEqual(log.filter((l) => l !== "close"), ["restart", "answer restart answer"]);
    media.close();
  });

  it("with autoReconnectMedia, restarts that do not bring the media back end in callMediaDisconnect", async () => {
    const { media, heard, ended, setState, offers } = await setup({
      rtcStatsTelemetry: false,
      autoReconnectMedia: true,
    });
    setState("connected");
    setState("disconnected");
    // Each offer is answered, but the media never comes back.
    const until = Date.now() + TIMING.retryMs * (TIMING.tries + 2) + 30;
    for (let answered = 0; Date.now() < until; await sleep(2)) {
      if (offers.length > answered) await media.answer(`answer ${++answered}`);
    }
    assert.equal(offers.length, TIMING.tries);
    assert.deepEqual(names(heard), ["callMediaReconnecting", "callMediaDisconnect"]);
    assert.equal(ended(), 1);
  });

  it("no offer is sent while one waits for its answer: restarts and reconnect() join it; the tries still end", async () => {
    const { media, heard, ended, setState, offers, log } = await setup({
      rtcStatsTelemetry: false,
      autoReconnectMedia: true,
    });
    setState("connected");
    setState("disconnected");
    await sleep(TIMING.retryMs + 5);
    assert.deepEqual(offers, ["restart offer"]);
    const joined = media.reconnect(); // the app's reconnectCall while the answer is slow
    await sleep(TIMING.retryMs + 5); // the next restart falls due: still unanswered
    assert.equal(offers.length, 1, "no second offer crosses the first one's answer");
    await media.answer("slow answer");
    assert.deepEqual(log.filter((l) => l !== "close"), ["restart", "answer slow answer"]);
    setState("connecting");
    setState("connected");
    await joined;
    assert.deepEqual(names(heard), ["callMediaReconnecting", "callMediaReconnection"]);
    assert.equal(ended(), 0);
    // Lost again, with answers that never come: the tries still run out, one offer at a time.
    setState("disconnected");
    await sleep(TIMING.retryMs * (TIMING.tries + 2) + 30);
    assert.equal(offers.length, 2, "one more offer, never answered: no other was sent");
    assert.deepEqual(names(heard).slice(-2), ["callMediaReconnecting", "callMediaDisconnect"]);
    assert.equal(ended(), 1);
  });

  it("reconnect() resolves once the answer is applied and the connection is up; else media_timeout", async () => {
    const { media, setState, offers } = await setup({ rtcStatsTelemetry: false, autoReconnectMedia: false });
    setState("connected");
    const done = media.reconnect();
    await sleep(5);
    assert.deepEqual(offers, ["restart offer"]);
    await media.answer("new answer");
    let resolved = false;
    done.then(() => resolved = true);
    await sleep(5);
    assert.equal(resolved, false, "the new connection is not up yet");
    setState("connecting");
    setState("connected");
    await done;
    await assert.rejects(media.reconnect(), { code: "voice:error:media_timeout" });
    media.close();
  });

  it("toRtcStats reads the audio reports; the MOS falls with loss and delay", () => {
    const flaws = { discarded: 0, concealed: 0, burst: 0 };
    const stats = toRtcStats(reports(100), flaws);
    assert.equal(stats.audioRecvPackets, 100, "video reports are left out");
    assert.deepEqual(flaws, { discarded: 1, concealed: 3, burst: 0 });
    assert.ok(meanOpinionScore(20, 2, 0) > 4.3);
    assert.ok(meanOpinionScore(20, 2, 10) < meanOpinionScore(20, 2, 1));
    assert.ok(meanOpinionScore(600, 50, 0) < meanOpinionScore(20, 2, 0));
    assert.equal(meanOpinionScore(0, 0, 100), 1);
  });
});
