// Our client outside browsers holds a call with audio when a WebRTC stack is plugged into its `media`
// option: a Deno client with werift as its stack (its microphone a 880 Hz tone) answers a call from
// our browser bundle in Chromium (its fake microphone 440 Hz), and each hears the other's tone.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { webRtcMedia } from "../../mod.ts";
import { type ReferenceServer, startServer } from "../../server.ts";
import { Phone } from "../_voice_fixture.ts";
import { BrowserPhone, hearsTone, type Site, startSite, until } from "./_browser.ts";
import { WeriftToneStack } from "./_werift.ts";

describe("Deno with werift as its WebRTC stack", () => {
  let server: ReferenceServer;
  let site: Site;
  let dir = "";
  const open: { close(): Promise<unknown> }[] = [];
  before(async () => {
    server = await startServer({ port: 0, host: "127.0.0.1" });
    dir = await Deno.makeTempDir({ prefix: "parley-browser-" });
    site = await startSite(dir);
  });
  after(async () => {
    for (const thing of open.reverse()) await thing.close().catch(() => {});
    await site?.close();
    await server?.close();
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  });

  it("answers a call from a browser and both hear each other", async () => {
    const alice = await BrowserPhone.open(site, server, "alice", 440);
    open.push(alice);
    const stack = new WeriftToneStack(880);
    const bob = new Phone(server, "bob", { media: webRtcMedia(stack) });
    open.push({ close: () => bob.client.deleteSession() });
    await bob.client.createSession(await server.token("bob"));

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
