// The official SDK's browser build (installed at test time outside the repository, as the interop
// suite does) in one Chromium, our browser bundle in another: the official client calls ours through
// the reference server, and each hears the other's tone (official 440 Hz, ours 880 Hz). With its
// autoReconnectMedia on, the official client also brings its media back through the server after its
// media path is cut (`server.faults.cutMedia`, as a network change would): the same media reconnect
// as ours (media_reconnect.test.ts), answered by our server.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { BrowserPhone, browserSuite, hearsTone } from "./_browser.ts";

describe("browser: the official SDK calls our client", () => {
  const suite = browserSuite(true);

  it("the official client (440 Hz) calls ours (880 Hz), both hear each other, also after a media reconnect", async () => {
    const [official, ours] = await Promise.all([
      BrowserPhone.open(suite.site, suite.server, "alice", 440, { sdk: "official" }),
      BrowserPhone.open(suite.site, suite.server, "bob", 880),
    ]);
    suite.open.push(official, ours);
    await official.configure({ autoReconnectMedia: true });
    const officialCall = await official.invoke("serverCall", { to: "bob" }) as string;
    const [ourCall, from] = await ours.waitFor("callInvite", 10_000) as [string, string];
    assert.equal(from, "alice");
    await ours.invoke("answer", ourCall);

    await hearsTone(official, officialCall, 880);
    await hearsTone(ours, ourCall, 440);

    assert.equal(suite.server.faults.cutMedia(officialCall), true);
    assert.deepEqual(await official.waitFor("callMediaReconnecting", 15_000), [officialCall]);
    assert.deepEqual(await official.waitFor("callMediaReconnection", 20_000), [officialCall]);
    await hearsTone(official, officialCall, 880);
    await hearsTone(ours, ourCall, 440);

    await official.invoke("hangup", officialCall);
    const [, , reason] = await ours.waitFor("callHangup", 5_000);
    assert.equal(reason, "REMOTE_HANGUP");
    assert.deepEqual(await ours.mics(), ["ended"]);
  });
});
