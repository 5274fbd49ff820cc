// The werift patches on the path of every RTP packet (lean_events.ts, rtp_receiver_handle.ts,
// rtp_sender_dispatch.ts), checked
// on two werift peers connected over 127.0.0.1 in this process, as the server and the clients use them.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { isLean, leanEvent } from "../../src/server/media/lean_events.ts";
import { weriftHandleRtp } from "../../src/server/media/rtp_receiver_handle.ts";
import { ntpNow, weriftDispatchRtp } from "../../src/server/media/rtp_sender_dispatch.ts";
import {
  Event,
  MediaStreamTrack,
  RTCRtpCodecParameters,
  RTCRtpReceiver,
  RTCRtpSender,
  RtpHeader,
  RtpPacket,
} from "../_deps.ts";
import { gathered, loopbackPeer } from "../_media_peer.ts";
import { countNumberStrings } from "./_number_strings.ts";

type Peer = ReturnType<typeof loopbackPeer>;
/** What of werift's sender the tests read (its counters are private in its declarations). */
type Sender = {
  ssrc: number;
  sendRtp(rtp: RtpPacket): Promise<void>;
  ntpTimestamp: bigint;
  packetCount: number;
  octetCount: number;
};

/** Two connected peers; `b` keeps every RTP packet it receives. */
async function connectedPair(): Promise<{ a: Peer; b: Peer; sender: Sender; received: RtpPacket[] }> {
  const a = loopbackPeer();
  const b = loopbackPeer();
  const received: RtpPacket[] = [];
  b.onTrack.subscribe((track) => track.onReceiveRtp.subscribe((rtp) => received.push(rtp)));
  const { sender } = a.addTransceiver(new MediaStreamTrack({ kind: "audio" }), { direction: "sendrecv" });
  await a.setLocalDescription(await a.createOffer());
  await b.setRemoteDescription({ type: "offer", sdp: await gathered(a) });
  await b.setLocalDescription(await b.createAnswer());
  await a.setRemoteDescription({ type: "answer", sdp: await gathered(b) });
  const connected = (pc: Peer) =>
    pc.connectionState === "connected"
      ? Promise.resolve()
      : pc.connectionStateChange.watch((s) => s === "connected");
  await Promise.all([connected(a), connected(b)]);
  return { a, b, sender: sender as unknown as Sender, received };
}

const packet = (n: number) =>
  new RtpPacket(
    new RtpHeader({ payloadType: 111, sequenceNumber: n, timestamp: 960 * n }),
    Buffer.from([n, n, n, n]),
  );

async function until(check: () => boolean): Promise<void> {
  for (let waited = 0; !check(); waited += 10) {
    if (waited > 5_000) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
}

let pair: Awaited<ReturnType<typeof connectedPair>>;
before(async () => {
  pair = await connectedPair();
});
after(async () => {
  await Promise.all([pair.a.close(), pair.b.close()]);
});

describe("leanEvent() (lean_events.ts)", () => {
  it("runs subscribers as werift's Event does: in order, unsubscribing mid-way, queued ones too, not once ended", async () => {
    const event = new Event<[number]>();
    leanEvent(event);
    const seen: string[] = [];
    const first = event.subscribe((n) => {
      seen.push(`first ${n}`);
      first.unSubscribe();
    });
    event.subscribe((n) => seen.push(`second ${n}`));
    event.execute(1);
    event.execute(2);
    assert.deepEqual(seen, ["first 1", "second 1", "second 2"]);
    event.queuingSubscribe((n) => Promise.resolve(void seen.push(`queued ${n}`)));
    event.execute(3);
    await new Promise((r) => setTimeout(r, 0));
    assert.deepEqual(seen.slice(3), ["second 3", "queued 3"]);
    event.complete();
    event.execute(4);
    assert.equal(seen.length, 5);
  });

  it("is on every event an RTP packet passes, on both sides of a connection", () => {
    for (const pc of [pair.a, pair.b]) {
      const dtls = pc.dtlsTransports[0]!;
      const connection = dtls.iceTransport.connection as unknown as {
        onData: unknown;
        protocols: { onDataReceived: unknown }[];
      };
      const events = [
        dtls.onRtp,
        dtls.onRtcp,
        connection.onData,
        ...connection.protocols.map((p) => p.onDataReceived),
      ];
      assert.deepEqual(events.map(isLean), events.map(() => true));
    }
    const remote = pair.b.getTransceivers()[0]!.receiver.tracks[0]!;
    assert.ok(isLean(remote.onReceiveRtp));
  });
});

describe("RTCRtpSender.dispatchRtp (rtp_sender_dispatch.ts)", () => {
  it("is ours", () => {
    assert.notEqual(RTCRtpSender.prototype["dispatchRtp" as keyof RTCRtpSender], weriftDispatchRtp);
  });

  it("sends each packet with the sender's SSRC, the payload as given, and counts it for the sender reports", async () => {
    const { sender, received } = pair;
    const before = { packets: sender.packetCount, octets: sender.octetCount };
    for (let n = 1; n <= 20; n++) await sender.sendRtp(packet(n));
    await until(() => received.length >= 20);
    assert.deepEqual(
      received.map((p) => p.header.sequenceNumber),
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    assert.deepEqual(
      received.map((p) => p.header.timestamp),
      Array.from({ length: 20 }, (_, i) => 960 * (i + 1)),
    );
    assert.deepEqual(
      received.map((p) => [...p.payload]),
      Array.from({ length: 20 }, (_, i) => Array(4).fill(i + 1)),
    );
    assert.ok(received.every((p) => p.header.ssrc === sender.ssrc && p.header.payloadType === 111));
    assert.equal(sender.packetCount - before.packets, 20);
    assert.equal(sender.octetCount - before.octets, 80);
  });

  it("stamps the sender report's time as a real NTP timestamp, without printing numbers as strings", async () => {
    assert.equal(await countNumberStrings(() => pair.sender.sendRtp(packet(21))), 0);
    const ntp = pair.sender.ntpTimestamp;
    const ms = Number(ntp >> 32n) * 1000 + Number(ntp & 0xffff_ffffn) / 2 ** 32 * 1000 - 2_208_988_800_000;
    assert.ok(Math.abs(ms - Date.now()) < 100, `${ms} is now`);
    assert.equal(ntpNow(Date.UTC(2026, 0, 1, 0, 0, 0, 500)), (3_976_214_400n << 32n) | 0x8000_0000n);
  });
});

describe("RTCRtpReceiver.handleRTP (rtp_receiver_handle.ts)", () => {
  it("is ours", () => {
    assert.notEqual(RTCRtpReceiver.prototype["handleRTP" as keyof RTCRtpReceiver], weriftHandleRtp);
  });

  it("hands each packet to the track once and counts it, without asking the codec its name per packet", async () => {
    const { sender, received } = pair;
    const receiver = pair.b.getTransceivers()[0]!.receiver as unknown as {
      remoteStreams: Record<number, { packets_received: number }>;
    };
    const name = Object.getOwnPropertyDescriptor(RTCRtpCodecParameters.prototype, "name")!;
    let asked = 0;
    Object.defineProperty(RTCRtpCodecParameters.prototype, "name", {
      ...name,
      get(this: RTCRtpCodecParameters) {
        asked++;
        return name.get!.call(this);
      },
    });
    try {
      const before = {
        heard: received.length,
        counted: receiver.remoteStreams[sender.ssrc]!.packets_received,
      };
      for (let n = 100; n < 110; n++) await sender.sendRtp(packet(n));
      await until(() => received.length >= before.heard + 10);
      await new Promise((r) => setTimeout(r, 50));
      assert.deepEqual(received.slice(before.heard).map((p) => p.header.sequenceNumber), [
        100,
        101,
        102,
        103,
        104,
        105,
        106,
        107,
        108,
        109,
      ]);
      assert.equal(receiver.remoteStreams[sender.ssrc]!.packets_received - before.counted, 10);
    } finally {
      Object.defineProperty(RTCRtpCodecParameters.prototype, "name", name);
    }
    assert.equal(asked, 0);
  });
});
