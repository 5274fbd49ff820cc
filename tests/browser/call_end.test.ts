// Our browser bundle in Chromium, calling a Deno client through the reference server: a call whose
// media cannot connect reaches the app (callMediaError voice:error:media_timeout after the official
// 10 s, then callHangup MEDIA_TIMEOUT), and every end of a call releases the microphone.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Phone } from "../_voice_fixture.ts";
import { BrowserPhone, browserSuite } from "./_browser.ts";

describe("browser: the end of a call", () => {
  const suite = browserSuite();

  async function deno(name: string): Promise<Phone> {
    const phone = new Phone(suite.server, name);
    suite.open.push({ close: () => phone.client.deleteSession() });
    await phone.client.createSession(await suite.server.token(name));
    return phone;
  }

  it("media that never connects: callMediaError media_timeout, callHangup MEDIA_TIMEOUT, microphone released", async () => {
    const alice = await BrowserPhone.open(suite.site, suite.server, "alice", 440, { relayOnly: true });
    suite.open.push(alice);
    const bob = await deno("bob");
    const callId = await alice.invoke("serverCall", { to: "bob" }) as string;
    const [bobCall] = await bob.next("callInvite");
    await bob.client.answer(bobCall);
    assert.deepEqual(await alice.mics(), ["live"]);

    const [errorCall, error] = await alice.waitFor("callMediaError", 15_000) as [string, { code: string }];
    assert.equal(errorCall, callId);
    assert.equal(error.code, "voice:error:media_timeout");
    const [hungUp, , reason] = await alice.waitFor("callHangup", 5_000);
    assert.deepEqual([hungUp, reason], [callId, "MEDIA_TIMEOUT"]);
    assert.deepEqual(await alice.mics(), ["ended"]);
    const [, , bobReason] = await bob.next("callHangup");
    assert.equal(bobReason, "REMOTE_HANGUP");
  });

  it("hangup stops the microphone", async () => {
    const carol = await BrowserPhone.open(suite.site, suite.server, "carol", 880);
    suite.open.push(carol);
    const dave = await deno("dave");
    const callId = await carol.invoke("serverCall", { to: "dave" }) as string;
    const [daveCall] = await dave.next("callInvite");
    await dave.client.answer(daveCall);
    assert.deepEqual(await carol.mics(), ["live"]);
    assert.deepEqual(await carol.media(callId), { peerConnection: true, audioElement: true });
    await carol.invoke("hangup", callId);
    const [, , reason] = await carol.waitFor("callHangup", 5_000);
    assert.equal(reason, "LOCAL_HANGUP");
    assert.deepEqual(await carol.mics(), ["ended"]);
    assert.deepEqual(await carol.media(callId), { peerConnection: false, audioElement: false });
    await dave.next("callHangup");
  });
});
