// A call's media path breaks the way a network change breaks it, in real browsers: the server's peer
// connection for one leg stops receiving and sending (`server.faults.cutMedia`), nothing is said on
// the signalling side. Alice (440 Hz) has `autoReconnectMedia` on: her client reports
// callMediaReconnecting, sends a new offer over the media-reconnect request (wire protocol §3.5),
// reports callMediaReconnection, and both hear each other again. Bob (880 Hz) has it off: when his
// leg is cut, the loss reaches his app as callMediaDisconnect and the call ends for both.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { BrowserPhone, browserSuite, hearsTone, silent } from "./_browser.ts";

describe("browser: media lost on the way", () => {
  const suite = browserSuite();

  it("autoReconnectMedia brings the audio back; without it the loss reaches the app and ends the call", async () => {
    const [alice, bob] = await Promise.all([
      BrowserPhone.open(suite.site, suite.server, "alice", 440),
      BrowserPhone.open(suite.site, suite.server, "bob", 880),
    ]);
    suite.open.push(alice, bob);
    await alice.configure({ autoReconnectMedia: true });
    // The media-reconnect requests each page sends (POST /v0.3/conversations/{cid}/rtc/{legId}/offer).
    const offers = new Map<BrowserPhone, string[]>([[alice, []], [bob, []]]);
    for (const [phone, sent] of offers) {
      phone.page.on("request", (request) => {
        const path = new URL(request.url()).pathname;
        if (request.method() === "POST" && /\/rtc\/[^/]+\/offer$/.test(path)) sent.push(path);
      });
    }
    const aliceCall = await alice.invoke("serverCall", { to: "bob" }) as string;
    const [bobCall] = await bob.waitFor("callInvite", 10_000) as [string];
    await bob.invoke("answer", bobCall);
    await hearsTone(alice, aliceCall, 880);
    await hearsTone(bob, bobCall, 440);

    // Alice's path is cut: her client notices, restarts the media over the wire, and the tones are back.
    const aliceHeard = await alice.heardCount();
    assert.equal(suite.server.faults.cutMedia(aliceCall), true);
    await Promise.all([silent(alice, aliceCall, 880, 2_500), silent(bob, bobCall, 440, 2_500)]);
    const [reconnecting] = await alice.waitFor("callMediaReconnecting", 15_000, aliceHeard);
    assert.equal(reconnecting, aliceCall);
    const [reconnected] = await alice.waitFor("callMediaReconnection", 20_000, aliceHeard);
    assert.equal(reconnected, aliceCall);
    const aliceOffers = offers.get(alice)!;
    assert.ok(aliceOffers.length >= 1, "a media-reconnect offer went to the server");
    assert.ok(aliceOffers.every((path) => path.endsWith(`/rtc/${aliceCall}/offer`)), aliceOffers.join());
    await hearsTone(alice, aliceCall, 880);
    await hearsTone(bob, bobCall, 440);
    const events = async (phone: BrowserPhone) =>
      (await phone.page.evaluate(() =>
        (globalThis as unknown as { phone: { events: { name: string }[] } }).phone.events.map((e) => e.name)
      )).filter((name) => name.startsWith("callMedia") || name === "callHangup");
    assert.deepEqual(await events(alice), ["callMediaReconnecting", "callMediaReconnection"]);
    assert.deepEqual(await events(bob), [], "bob's media was never lost");

    // Bob's path is cut, and he does not reconnect: his app hears of it, and the call ends for both.
    assert.equal(suite.server.faults.cutMedia(bobCall), true);
    const [lostCall, why] = await bob.waitFor("callMediaDisconnect", 20_000);
    assert.deepEqual([lostCall, why], [bobCall, "networkChange"]);
    const [, , bobReason] = await bob.waitFor("callHangup", 5_000);
    assert.equal(bobReason, "MEDIA_TIMEOUT");
    const [, , aliceReason] = await alice.waitFor("callHangup", 5_000);
    assert.equal(aliceReason, "REMOTE_HANGUP");
    assert.deepEqual(await bob.mics(), ["ended"]);
    assert.deepEqual(await events(bob), ["callMediaDisconnect", "callHangup"]);
    assert.deepEqual(offers.get(bob), [], "without autoReconnectMedia no media reconnect is tried");
  });
});
