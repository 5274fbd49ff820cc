// Our client outside browsers holds a call with audio when a WebRTC stack is plugged into its `media`
// option: a Deno client with werift as its stack (its microphone a 880 Hz tone) answers a call from
// our browser bundle in Chromium (its fake microphone 440 Hz), and each hears the other's tone.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { webRtcMedia } from "../../mod.ts";
import { Phone } from "../_voice_fixture.ts";
import { BrowserPhone, browserSuite, hearsTone, until } from "./_browser.ts";
import { WeriftToneStack } from "../_werift.ts";

describe("Deno with werift as its WebRTC stack", () => {
  const suite = browserSuite();

  it("answers a call from a browser and both hear each other", async () => {
    const alice = await BrowserPhone.open(suite.site, suite.server, "alice", 440);
    suite.open.push(alice);
    const stack = new WeriftToneStack(880);
    const bob = new Phone(suite.server, "bob", { media: webRtcMedia(stack) });
    suite.open.push({ close: () => bob.client.deleteSession() });
    await bob.client.createSession(await suite.server.token("bob"));

    const aliceCall = await alice.invoke("serverCall", { to: "bob" }) as string;
    const [bobCall] = await bob.next("callInvite");
    await bob.client.answer(bobCall);
    assert.ok(bob.client.getPeerConnection(bobCall), "the werift peer connection");

    await hearsTone(alice, aliceCall, 880);
    const since = performance.now();
    await until(
      () => stack.level(440, since) > 0.05 && stack.level(440, since) > 4 * stack.level(880, since),
      () => `bob hears 440 Hz (440: ${stack.level(440, since)}, 880: ${stack.level(880, since)})`,
      10_000,
    );

    await bob.client.hangup(bobCall);
    const [, quality, reason] = await bob.next("callHangup");
    assert.equal(reason, "LOCAL_HANGUP");
    assert.ok(quality.packet_cnt > 0, `bob's own statistics counted ${quality.packet_cnt} packets`);
    await alice.waitFor("callHangup", 5_000);
    assert.deepEqual(stack.mics.map((track) => track.stopped), [true], "bob's microphone is released");
  });
});
