/**
 * One client process of `deno task bench:calls` (scripts/bench_calls.ts starts several): it holds a
 * share of the calls, both the caller's and the callee's `VonageClient` of each, whose media is a
 * werift peer connection (tests/_media_peer.ts) sending 20 ms Opus frames of a 440 Hz tone, as many as
 * real time asks for since it connected. Each
 * frame's first four bytes are replaced by the sender's frame counter, so the receiver knows exactly
 * which frames arrived (the server forwards two-party audio without decoding it).
 *
 * It talks to its parent in JSON lines. Its first input line is `{ url, calls: [{ id, caller, callee }] }`
 * (each party `{ name, token }`); it signs every client in and answers `{ ready: true }`. Then:
 * - `{ call: id }`: the caller calls the callee, who answers when invited; answered with
 *   `{ call: id, setUp: bool, audio: bool, answerToAudioMs }` once `serverCall` resolved and audio flows
 *   both ways, or after 15 s (`setUp`: `serverCall` resolved);
 * - `{ mark: "start" }` / `{ mark: "end" }`: the edges of the measuring window; after `end` it waits
 *   until frames sent after the window arrive (at most 5 s) and answers with each call's counts in the window;
 * - end of input: signs out (at most 5 s) and exits.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import { type MediaAdapter, type MediaConnection, VonageClient } from "../mod.ts";
import { loopbackPeer, weriftConnection } from "../tests/_media_peer.ts";
// The clients are werift peers too: they take the server's werift fixes, so that neither a consent
// check answered late by a starved process, Deno's 64 KiB allocation per datagram, a DTLS flight sent
// out of order nor a retransmitted flight handled twice is counted against the server, and its cheap
// SRTP ciphers and its lean packet path (RTP headers, events, receiver, sender), so that the clients' CPU leaves
// the server its core.
import "../src/server/media/consent_timeout.ts";
import "../src/server/media/dtls_flight_datagrams.ts";
import "../src/server/media/dtls_retransmissions.ts";
import "../src/server/media/lean_events.ts";
import "../src/server/media/rtp_header_codec.ts";
import "../src/server/media/rtp_receiver_handle.ts";
import "../src/server/media/rtp_sender_dispatch.ts";
import "../src/server/media/srtp_ciphers.ts";
import "../src/server/media/udp_receive_buffer.ts";
import { MediaStreamTrack, OpusScript, RtpHeader, RtpPacket } from "./_deps.ts";
import { lines } from "./_lines.ts";

const FRAME = 960;
const SETUP_LIMIT_MS = 15_000;

/** One second of a 440 Hz tone as 50 Opus frames, made once. */
const TONE: Uint8Array[] = (() => {
  const opus = new OpusScript(48_000, 1, OpusScript.Application.VOIP);
  const frames: Uint8Array[] = [];
  for (let f = 0; f < 50; f++) {
    const pcm = new Int16Array(FRAME);
    for (let i = 0; i < FRAME; i++) {
      pcm[i] = Math.round(8000 * Math.sin((2 * Math.PI * 440 * (f * FRAME + i)) / 48_000));
    }
    frames.push(new Uint8Array(opus.encode(new Uint8Array(pcm.buffer) as never, FRAME)));
  }
  opus.delete();
  return frames;
})();

/** One client's media: sends counted tone frames once connected, notes which frames arrive. */
class CountingPeer implements MediaAdapter {
  sent = 0;
  /** Counters of the frames received, by the sender's count. */
  readonly received = new Set<number>();
  /** The highest counter received. */
  highest = -1;
  firstFrameAt = 0;
  #track = new MediaStreamTrack({ kind: "audio" });
  #pc = loopbackPeer();
  #connected = false;
  #since = 0;

  constructor() {
    this.#pc.onTrack.subscribe((track) =>
      track.onReceiveRtp.subscribe((rtp) => {
        if (this.firstFrameAt === 0) this.firstFrameAt = performance.now();
        const n = rtp.payload.readUInt32BE(0);
        this.received.add(n);
        this.highest = Math.max(this.highest, n);
      })
    );
    const t0 = performance.now();
    this.#pc.connectionStateChange.subscribe((state) => {
      this.#connected = state === "connected";
      this.#history.push(`${(performance.now() - t0).toFixed(0)}:conn=${state}`);
    });
    this.#pc.iceConnectionStateChange.subscribe((state) =>
      this.#history.push(`${(performance.now() - t0).toFixed(0)}:ice=${state}`)
    );
    this.#pc.signalingStateChange.subscribe((state) =>
      this.#history.push(`${(performance.now() - t0).toFixed(0)}:sig=${state}`)
    );
  }

  /** ICE and connection states, for BENCH_DEBUG. */
  get states(): string {
    return this.#history.join(" ");
  }
  #history: string[] = [];

  connect(): Promise<MediaConnection> {
    return Promise.resolve(
      weriftConnection(this.#pc, this.#track, () => void this.#pc.close().catch(() => {})),
    );
  }

  /**
   * Sends the frames due by the clock since the peer connected (called every 20 ms by the shared
   * timer): a starved process sends late, in bursts, but as many frames as real time asks for.
   * Straight to the sender, as the server does: through the track, werift copies each packet and
   * passes it through two events and an extra promise.
   */
  tick(now: number): void {
    if (!this.#connected) return;
    const sender = this.#pc.getTransceivers()[0]?.sender;
    if (!sender) return;
    this.#since ||= now;
    while (this.sent * 20 <= now - this.#since) {
      const tone = TONE[this.sent % TONE.length]!;
      const payload = Buffer.allocUnsafe(tone.length); // then set: Buffer.from(a Uint8Array) copies byte by byte
      payload.set(tone);
      payload.writeUInt32BE(this.sent, 0);
      const header = new RtpHeader({
        payloadType: 111,
        sequenceNumber: this.sent & 0xffff,
        timestamp: this.sent * FRAME,
      });
      sender.sendRtp(new RtpPacket(header, payload)).catch(() => {});
      this.sent++;
    }
  }
}

interface Party {
  name: string;
  token: string;
  peer: CountingPeer;
  client: VonageClient;
}

const input = Deno.stdin.readable.pipeThrough(new TextDecoderStream()).pipeThrough(lines());
const reader = input.getReader();
const say = (message: unknown) => console.log(JSON.stringify(message));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const setup = JSON.parse((await reader.read()).value!) as {
  url: string;
  calls: { id: number; caller: { name: string; token: string }; callee: { name: string; token: string } }[];
};
const party = (p: { name: string; token: string }): Party => {
  const peer = new CountingPeer();
  const client = new VonageClient({
    apiUrl: setup.url,
    websocketUrl: setup.url,
    media: peer,
    disableInternalLogger: true,
  });
  return { ...p, peer, client };
};
const calls = new Map(
  setup.calls.map((c) => [c.id, { caller: party(c.caller), callee: party(c.callee), answeredAt: 0 }]),
);
const parties = [...calls.values()].flatMap((c) => [c.caller, c.callee]);
for (let i = 0; i < parties.length; i += 10) {
  await Promise.all(parties.slice(i, i + 10).map((p) => p.client.createSession(p.token)));
}
if (Deno.env.get("BENCH_DEBUG")) {
  console.error(
    `${
      new Date().toISOString().slice(11, 23)
    } client process ${Deno.pid}: ${parties.length} clients signed in`,
  );
}
for (const call of calls.values()) {
  call.callee.client.on("callInvite", (callId) => {
    call.answeredAt = performance.now();
    call.callee.client.answer(callId).catch((err) => console.error(`answer failed: ${err}`));
  });
}
const clock = setInterval(() => {
  const now = performance.now();
  parties.forEach((p) => p.peer.tick(now));
}, 20);
say({ ready: true });

let window: { from: number[]; to: number[] } | undefined;
for (let next = await reader.read(); !next.done; next = await reader.read()) {
  const command = JSON.parse(next.value) as { call?: number; mark?: "start" | "end" };
  if (command.call !== undefined) {
    const call = calls.get(command.call)!;
    (async () => {
      // The limit covers `serverCall` too: a call whose setup never ends is answered for in time.
      const end = performance.now() + SETUP_LIMIT_MS;
      let setUp = false;
      let settled = false;
      call.caller.client.serverCall({ to: call.callee.name }).then(
        () => setUp = true,
        (err) => console.error(`serverCall failed: ${err}`),
      ).finally(() => settled = true);
      while (
        (!settled || call.caller.peer.firstFrameAt === 0 || call.callee.peer.firstFrameAt === 0) &&
        performance.now() < end
      ) {
        await sleep(50);
      }
      const audio = call.caller.peer.firstFrameAt > 0 && call.callee.peer.firstFrameAt > 0;
      const answerToAudioMs = call.callee.peer.firstFrameAt > 0
        ? call.callee.peer.firstFrameAt - call.answeredAt
        : null;
      if (!audio && Deno.env.get("BENCH_DEBUG")) {
        console.error(
          `call ${command.call}: set up ${setUp}${settled ? "" : " (serverCall still pending)"}, ` +
            `answered ${call.answeredAt > 0}, caller heard ${
              call.caller.peer.firstFrameAt > 0
            } (${call.caller.peer.states}) ` +
            `sent ${call.caller.peer.sent}, callee heard ${
              call.callee.peer.firstFrameAt > 0
            } sent ${call.callee.peer.sent}`,
        );
      }
      say({ call: command.call, setUp, audio, answerToAudioMs });
    })();
  }
  if (command.mark === "start") window = { from: parties.map((p) => p.peer.sent), to: [] };
  if (command.mark === "end" && window) {
    window.to = parties.map((p) => p.peer.sent);
    const { from, to } = window;
    // Frames in flight: wait until each receiver has had a frame sent after the window (then the
    // frames of the window that are not lost have arrived too), at most 5 s for a starved process;
    // a direction that never carried audio is not waited for.
    const caughtUp = () =>
      [...calls.values()].every(({ caller, callee }) =>
        [[caller, callee], [callee, caller]].every(([sender, receiver]) => {
          const last = to[parties.indexOf(sender!)]!;
          return last === 0 || receiver!.peer.firstFrameAt === 0 || receiver!.peer.highest >= last;
        })
      );
    const end = performance.now() + 5_000;
    while (!caughtUp() && performance.now() < end) await sleep(100);
    // For each call, both directions: frames sent in the window, and how many of them arrived.
    const counts = [...calls].map(([id, { caller, callee }]) => {
      let sent = 0;
      let arrived = 0;
      for (const [sender, receiver] of [[caller, callee], [callee, caller]] as const) {
        const k = parties.indexOf(sender);
        const lost: number[] = [];
        for (let n = from[k]!; n < to[k]!; n++) {
          sent++;
          if (receiver.peer.received.has(n)) arrived++;
          else lost.push(n);
        }
        if (lost.length > 0 && Deno.env.get("BENCH_DEBUG")) {
          console.error(
            `call ${id} ${sender === caller ? "caller → callee" : "callee → caller"}: ${lost.length} of ` +
              `${to[k]! - from[k]!} frames lost (${lost[0]}…${lost.at(-1)}; window ${from[k]}…${
                to[k]! - 1
              }, ` +
              `highest received ${receiver.peer.highest})`,
          );
        }
      }
      return { id, sent, arrived };
    });
    say({ window: counts });
  }
}
clearInterval(clock);
await Promise.race([Promise.all(parties.map((p) => p.client.deleteSession().catch(() => {}))), sleep(5_000)]);
Deno.exit(0);
