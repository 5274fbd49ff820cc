// The microphone of a call in Chromium follows the client's `noiseSuppression` as configured when the
// call starts: on by default, off after `setConfig({ noiseSuppression: false })` on a client that
// already exists, as the track's own `getSettings()` reports it; echo cancellation and gain control
// stay on.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Phone } from "../_voice_fixture.ts";
import { BrowserPhone, browserSuite } from "./_browser.ts";

describe("browser: the microphone of a call", () => {
  const suite = browserSuite();

  it("noiseSuppression: on by default, off once setConfig turns it off, for the next call", async () => {
    const alice = await BrowserPhone.open(suite.site, suite.server, "alice", 440);
    suite.open.push(alice);
    const bob = new Phone(suite.server, "bob");
    suite.open.push({ close: () => bob.client.deleteSession() });
    await bob.client.createSession(await suite.server.token("bob"));

    const call = async () => {
      const heard = await alice.heardCount();
      const callId = await alice.invoke("serverCall", { to: "bob" }) as string;
      const [bobCall] = await bob.next("callInvite");
      await bob.client.answer(bobCall);
      await alice.invoke("hangup", callId);
      await alice.waitFor("callHangup", 5_000, heard);
      await bob.next("callHangup");
    };
    // The other processing keeps the browser's defaults (on) either way.
    const others = { echoCancellation: true, autoGainControl: true };
    await call();
    assert.deepEqual(await alice.processing(), [{ noiseSuppression: true, ...others }]);
    await alice.configure({ noiseSuppression: false });
    await call();
    assert.deepEqual(await alice.processing(), [
      { noiseSuppression: true, ...others },
      { noiseSuppression: false, ...others },
    ]);
    assert.deepEqual(await alice.mics(), ["ended", "ended"]);
  });
});
