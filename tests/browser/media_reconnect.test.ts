// A call's media path breaks the way a network change breaks it, in real browsers: the server's peer
// connection for one leg stops receiving and sending (`server.faults.cutMedia`), nothing is said on
// the signalling side. Bob (880 Hz, the callee) has `autoReconnectMedia` on: his client reports
// callMediaReconnecting, sends a new offer over the media-reconnect request (wire protocol §3.5),
// reports callMediaReconnection, and both hear each other again. Alice (440 Hz, the caller) has it
// off: when her leg is cut, the loss reaches her app as callMediaDisconnect and the call ends for both.
// (audio.test.ts has the caller's reconnectCall.)
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
    await bob.configure({ autoReconnectMedia: true });
    // The SDPs each page sends for its call, with their ICE user fragments: the callee's answer
    // (POST …/rtc/{legId}/answer) and media reconnects (POST …/rtc/{legId}/offer, wire protocol §3.5).
    const sdps = new Map<BrowserPhone, { path: string; ufrag?: string }[]>([[alice, []], [bob, []]]);
    for (const [phone, sent] of sdps) {
      phone.page.on("request", (request) => {
        const path = new URL(request.url()).pathname;
        if (request.method() !== "POST" || !/\/rtc\/[^/]+\/(offer|answer)$/.test(path)) return;
        const ufrag = /a=ice-ufrag:([A-Za-z0-9+/]+)/.exec(request.postData() ?? "")?.[1];
        sent.push({ path, ...ufrag ? { ufrag } : {} });
      });
    }
    const offers = (phone: BrowserPhone) => sdps.get(phone)!.filter((sdp) => sdp.path.endsWith("/offer"));
    const aliceCall = await alice.invoke("serverCall", { to: "bob" }) as string;
    const [bobCall] = await bob.waitFor("callInvite", 10_000) as [string];
    await bob.invoke("answer", bobCall);
    await hearsTone(alice, aliceCall, 880);
    await hearsTone(bob, bobCall, 440);

    // Bob's path is cut: his client notices, restarts the media over the wire, and the tones are back.
    const bobHeard = await bob.heardCount();
    assert.equal(suite.server.faults.cutMedia(bobCall), true);
    await Promise.all([silent(bob, bobCall, 440, 2_500), silent(alice, aliceCall, 880, 2_500)]);
    const [reconnecting] = await bob.waitFor("callMediaReconnecting", 15_000, bobHeard);
    assert.equal(reconnecting, bobCall);
    const [reconnected] = await bob.waitFor("callMediaReconnection", 20_000, bobHeard);
    assert.equal(reconnected, bobCall);
    // Over the wire: new offers for bob's leg, each with ICE credentials of its own (an ICE restart).
    const answer = sdps.get(bob)![0]!;
    assert.ok(answer.path.endsWith(`/rtc/${bobCall}/answer`) && answer.ufrag, JSON.stringify(answer));
    assert.ok(offers(bob).length >= 1, "a media-reconnect offer went to the server");
    for (const offer of offers(bob)) {
      assert.ok(offer.path.endsWith(`/rtc/${bobCall}/offer`), offer.path);
      assert.ok(offer.ufrag && offer.ufrag !== answer.ufrag, JSON.stringify([answer, offer]));
    }
    await hearsTone(bob, bobCall, 440);
    await hearsTone(alice, aliceCall, 880);
    const events = async (phone: BrowserPhone) =>
      (await phone.page.evaluate(() =>
        (globalThis as unknown as { phone: { events: { name: string }[] } }).phone.events.map((e) => e.name)
      )).filter((name) => name.startsWith("callMedia") || name === "callHangup");
    assert.deepEqual(await events(bob), ["callMediaReconnecting", "callMediaReconnection"]);
    assert.deepEqual(await events(alice), [], "alice's media was never lost");

    // Alice's path is cut, and she does not reconnect: her app hears of it, and the call ends for both.
    assert.equal(suite.server.faults.cutMedia(aliceCall), true);
    const [lostCall, why] = await alice.waitFor("callMediaDisconnect", 20_000);
    assert.deepEqual([lostCall, why], [aliceCall, "networkChange"]);
    const [, , aliceReason] = await alice.waitFor("callHangup", 5_000);
    assert.equal(aliceReason, "MEDIA_TIMEOUT");
    const [, , bobReason] = await bob.waitFor("callHangup", 5_000);
    assert.equal(bobReason, "REMOTE_HANGUP");
    assert.deepEqual(await alice.mics(), ["ended"]);
    assert.deepEqual(await events(alice), ["callMediaDisconnect", "callHangup"]);
    assert.deepEqual(offers(alice), [], "without autoReconnectMedia no media reconnect is tried");
  });
});
