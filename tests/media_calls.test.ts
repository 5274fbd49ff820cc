// Calls carry audio through the reference server: werift peers play the clients (tests/_media_peer.ts),
// each sending a tone, and each side looks for the other's frequency in what it receives. Also: mute
// and earmuff silence what they should on the server's RTP path, a conversation mixes three voices,
// `say` is heard and ends with `audio:say:done`, and a leg whose media never arrives is hung up.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Ncco, Push } from "../server.ts";
import { connect, type Phone, voiceSuite } from "./_voice_fixture.ts";
import { TonePeer } from "./_media_peer.ts";

/** A tone is "there" above this amplitude (the tones are sent at 0.24 of full scale). */
const HEARD = 0.05;
/** And "absent" below this one. */
const SILENT = 0.01;

const pushes: Push[] = [];
const route = (call: { to?: string; context: Record<string, unknown> }): Ncco =>
  typeof call.context.room === "string"
    ? [{ action: "conversation", name: call.context.room }]
    : [{ action: "connect", endpoint: [{ type: "app", user: call.to ?? "" }] }];

describe("call audio through the reference server", { timeout: 60_000 }, () => {
  const suite = voiceSuite([], {
    answer: route,
    pushHook: (push, send) => {
      pushes.push(push);
      send();
    },
  });
  const peers: TonePeer[] = [];
  const phone = async (name: string, hz?: number): Promise<[Phone, TonePeer]> => {
    const peer = new TonePeer(hz);
    peers.push(peer);
    return [await suite.phone(name, { media: peer }), peer];
  };
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it("carries each side's tone to the other in an app-to-app call, and counts it in rtc:hangup", async () => {
    const [alice, aliceHears] = await phone("alice1", 440);
    const [bob, bobHears] = await phone("bob1", 880);
    const { callerId } = await connect(alice, bob);
    await bobHears.until(() => bobHears.level(440) > HEARD, "alice's 440 Hz at bob");
    await aliceHears.until(() => aliceHears.level(880) > HEARD, "bob's 880 Hz at alice");
    assert.ok(bobHears.level(880) < SILENT, "bob does not hear himself");
    assert.ok(aliceHears.level(440) < SILENT, "alice does not hear herself");
    // Half a second of audio each way before hanging up, so the counts have something to count.
    await bobHears.until(() => bobHears.framesSince(0) >= 25, "25 frames at bob");
    await aliceHears.until(() => aliceHears.framesSince(0) >= 25, "25 frames at alice");
    await alice.client.hangup(callerId);
    const [, quality] = await alice.next("callHangup");
    assert.ok(quality.packet_cnt >= 25, `alice's leg counted packets: ${JSON.stringify(quality)}`);
    assert.ok(quality.mos_score > 3.5, `a clean loopback call scores well: ${JSON.stringify(quality)}`);
    assert.equal(quality.packet_loss_perc, 0);
    peers.forEach((p) => p.close());
  });

  it("stops a muted leg's audio reaching the other, and stops everything reaching an earmuffed leg", async () => {
    const [alice, aliceHears] = await phone("alice2", 440);
    const [bob, bobHears] = await phone("bob2", 880);
    const { callerId, calleeId } = await connect(alice, bob);
    await bobHears.until(() => bobHears.level(440) > HEARD, "alice's tone at bob");

    await alice.client.mute(callerId);
    await alice.next("mute", (_call, _leg, muted) => muted);
    const muted = performance.now() + 100;
    await wait(500);
    assert.equal(bobHears.framesSince(muted), 0, "nothing of muted alice reaches bob");
    await alice.client.unmute(callerId);
    const unmuted = performance.now();
    await bobHears.until(() => bobHears.level(440, unmuted) > HEARD, "alice's tone again after unmute");

    await bob.client.enableEarmuff(calleeId);
    await bob.next("earmuff", (_call, _leg, on) => on);
    const earmuffed = performance.now() + 100;
    await aliceHears.until(
      () => aliceHears.level(880, earmuffed) > HEARD,
      "earmuffed bob still heard by alice",
    );
    assert.equal(bobHears.framesSince(earmuffed), 0, "nothing reaches earmuffed bob");
    await bob.client.disableEarmuff(calleeId);
    const open = performance.now();
    await bobHears.until(() => bobHears.level(440, open) > HEARD, "alice's tone once bob's earmuff is off");
    await alice.client.hangup(callerId);
    peers.forEach((p) => p.close());
  });

  it("mixes a conversation: each of three legs hears the two others and not itself", async () => {
    const tones = [440, 1000, 1700];
    const legs = await Promise.all(tones.map((hz, i) => phone(`conf${i}`, hz)));
    for (const [p] of legs) await p.client.serverCall({ room: "mix-room" });
    for (const [i, [, hears]] of legs.entries()) {
      const since = performance.now();
      for (const [j, hz] of tones.entries()) {
        if (j === i) continue;
        await hears.until(() => hears.level(hz, since) > HEARD / 2, `${hz} Hz at conf${i}`);
      }
      assert.ok(hears.level(tones[i]!, since) < SILENT, `conf${i} does not hear its own ${tones[i]} Hz`);
    }
    peers.forEach((p) => p.close());
  });

  it("speaks `say` into the call, audibly, then pushes audio:say:done", async () => {
    // Carol sends a tone (a leg that sends nothing times out); alone in the room, she hears only speech.
    const [carol, carolHears] = await phone("carol3", 440);
    const callId = await carol.client.serverCall({ room: "say-room" });
    await carol.next("callTransfer");
    const before = performance.now();
    await carol.client.say(callId, "Hello from the reference server.");
    await carolHears.until(() => carolHears.rms(before) > 0.02, "speech at carol", 20_000);
    assert.ok(carolHears.level(440, before) < SILENT, "carol does not hear her own tone");
    const done = () => pushes.find((p) => p.name === "audio:say:done" && p.userId !== undefined);
    await carolHears.until(() => done() !== undefined, "audio:say:done", 20_000);
    const spoken = carolHears.framesSince(before);
    assert.ok(spoken > 25, `at least half a second of speech before done (${spoken} frames)`);
    await carol.client.hangup(callId);
    peers.forEach((p) => p.close());
  });

  it("honours say's level (each step doubles the amplitude) and loop", async () => {
    const [dave, daveHears] = await phone("dave5", 440);
    const callId = await dave.client.serverCall({ room: "level-room" });
    await dave.next("callTransfer");
    const dones = () => pushes.filter((p) => p.name === "audio:say:done").length;
    const say = async (params: { text: string; level: number; loop: number }) => {
      const since = performance.now();
      const before = dones();
      await dave.client.say(callId, params);
      await daveHears.until(() => dones() > before, "audio:say:done", 20_000);
      // The push can overtake the last frames on a busy machine: count once they have all arrived.
      await daveHears.settled();
      return daveHears.sound(since);
    };
    const quiet = await say({ text: "Level test.", level: -1, loop: 1 });
    const loud = await say({ text: "Level test.", level: 1, loop: 1 });
    const twice = await say({ text: "Level test.", level: 1, loop: 2 });
    assert.ok(loud.rms > 3 * quiet.rms, `level 1 is about four times level -1: ${loud.rms} vs ${quiet.rms}`);
    assert.ok(
      twice.frames > 1.8 * loud.frames && twice.frames < 2.2 * loud.frames,
      `loop 2 plays it twice: ${twice.frames} vs ${loud.frames} frames`,
    );
    await dave.client.hangup(callId);
    peers.forEach((p) => p.close());
  });
});

describe("a leg whose media fails", { timeout: 30_000 }, () => {
  const suite = voiceSuite([], {
    answer: route,
    media: { mediaTimeoutMs: 1_500 },
    pushHook: (push, send) => {
      pushes.push(push);
      send();
    },
  });
  const peers: TonePeer[] = [];
  const phone = async (name: string): Promise<[Phone, TonePeer]> => {
    const peer = new TonePeer();
    peers.push(peer);
    return [await suite.phone(name, { media: peer }), peer];
  };

  it("hangs up a leg whose media never arrives, with the media-timeout reason", async () => {
    // ICE and DTLS come up, but this client never sends a packet.
    const [gina] = await phone("gina4");
    const callId = await gina.client.serverCall({ room: "silent-room" });
    const [id, quality, reason] = await gina.next("callHangup");
    assert.equal(id, callId);
    assert.equal(reason, "MEDIA_TIMEOUT");
    assert.equal(quality.packet_cnt, 0);
    const hangup = pushes.find((p) =>
      p.name === "rtc:hangup" && (p.payload.body as { channel: { id: string } }).channel.id === callId
    );
    assert.deepEqual((hangup?.payload.body as { reason: unknown }).reason, {
      code: "RING_TIMER",
      text: "media-timeout",
      sip_code: 408,
    });
    peers.forEach((p) => p.close());
  });
});
