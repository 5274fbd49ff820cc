// Calls between our VonageClient (carol, signalling only in Deno) and the official SDK (with the WebRTC
// stand-ins) through the reference server, both ways: each side gets the callbacks, with the
// arguments, that it would get from a peer of its own kind.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { VonageClient } from "../../mod.ts";
import type { VoiceEvents } from "../_voice_fixture.ts";
import { CallbackLog } from "../_record.ts";
import { interopSuite } from "./_fixture.ts";

describe("calls between our client and the official SDK", () => {
  const ctx = interopSuite([], { webrtc: true });
  let carol: VonageClient;
  let heard: CallbackLog<VoiceEvents>;

  before(async () => {
    carol = new VonageClient({
      apiUrl: ctx.server.url,
      websocketUrl: ctx.server.url,
      disableInternalLogger: true,
    });
    heard = CallbackLog.attach("carol (Parley)", carol, [
      "callInvite",
      "callInviteCancel",
      "callHangup",
      "legStatusUpdate",
      "mute",
      "earmuff",
      "dtmf",
    ]);
    await carol.createSession(await ctx.server.token("carol"));
  });
  after(async () => {
    await carol?.deleteSession().catch(() => {});
  });

  it("ours calls the official SDK: invitation, answer, statuses, controls, legs, hangup", async () => {
    const { bob } = ctx;
    const carolId = await carol.serverCall({ to: "bob" });
    const [bobId, from, channelType] = await bob.nextEvent("callInvite");
    assert.deepEqual([from, channelType], ["carol", "app"]);
    assert.deepEqual(await heard.nextEvent("legStatusUpdate"), [carolId, bobId, "RINGING"]);
    await bob.callAny("answer", [bobId]);
    assert.deepEqual(await heard.nextEvent("legStatusUpdate"), [carolId, bobId, "ANSWERED"]);
    assert.deepEqual(await bob.nextEvent("legStatusUpdate", (id) => id === bobId), [
      bobId,
      carolId,
      "ANSWERED",
    ]);

    await carol.say(carolId, "Hello from Parley");
    await bob.callAny("mute", [bobId]);
    assert.deepEqual(await heard.nextEvent("mute"), [carolId, bobId, true]);
    await carol.enableEarmuff(carolId);
    assert.deepEqual(await bob.nextEvent("earmuff"), [bobId, carolId, true]);
    await carol.sendDTMF(carolId, "0*#");
    assert.deepEqual(await bob.nextEvent("dtmf"), [bobId, carolId, "0*#"]);
    await bob.callAny("sendDTMF", [bobId, "7"]);
    // Each side hears its own tones too, as the official SDK does.
    assert.deepEqual(await bob.nextEvent("dtmf"), [bobId, bobId, "7"]);
    assert.deepEqual(await heard.nextEvent("dtmf"), [carolId, carolId, "0*#"]);
    assert.deepEqual(await heard.nextEvent("dtmf"), [carolId, bobId, "7"]);

    const ours = await carol.getCallLegs(carolId);
    const theirs = await bob.callAny("getCallLegs", [bobId]);
    assert.deepEqual(JSON.parse(JSON.stringify(ours)), theirs, "both clients read the same legs");
    assert.equal(ours.legs.find((l) => l.id === bobId)?.mediaState?.mute, true);

    await carol.hangup(carolId);
    const [, quality, reason] = await heard.nextEvent("callHangup", (id) => id === carolId);
    assert.equal(reason, "LOCAL_HANGUP");
    assert.equal((await bob.nextEvent("callHangup", (id) => id === bobId))[2], "REMOTE_HANGUP");
    assert.deepEqual(Object.keys(quality).length, 9);
  });

  it("the official SDK calls ours: invitation, answer, statuses, hangup by the caller", async () => {
    const { alice } = ctx;
    const aliceId = await alice.callAny("serverCall", [{ to: "carol" }]) as string;
    const [carolId, from, channelType] = await heard.nextEvent("callInvite");
    assert.deepEqual([from, channelType], ["alice", "app"]);
    await carol.answer(carolId);
    assert.deepEqual(
      await alice.nextEvent("legStatusUpdate", (id, _l, s) => id === aliceId && s === "ANSWERED"),
      [
        aliceId,
        carolId,
        "ANSWERED",
      ],
    );
    assert.deepEqual(await heard.nextEvent("legStatusUpdate", (id) => id === carolId), [
      carolId,
      aliceId,
      "ANSWERED",
    ]);
    await alice.callAny("say", [aliceId, "Hi carol"]);
    await carol.mute(carolId);
    assert.deepEqual(await alice.nextEvent("mute", (id) => id === aliceId), [aliceId, carolId, true]);
    await alice.callAny("hangup", [aliceId]);
    assert.equal((await alice.nextEvent("callHangup", (id) => id === aliceId))[2], "LOCAL_HANGUP");
    assert.equal((await heard.nextEvent("callHangup", (id) => id === carolId))[2], "REMOTE_HANGUP");
  });

  it("ours rejects the official SDK's call: REMOTE_REJECT for the official caller", async () => {
    const { alice } = ctx;
    const aliceId = await alice.callAny("serverCall", [{ to: "carol" }]) as string;
    const [carolId] = await heard.nextEvent("callInvite");
    await carol.reject(carolId);
    assert.equal((await alice.nextEvent("callHangup", (id) => id === aliceId))[2], "REMOTE_REJECT");
  });

  it("the official caller gives up: ours hears callInviteCancel(RemoteCancel)", async () => {
    const { alice } = ctx;
    const aliceId = await alice.callAny("serverCall", [{ to: "carol" }]) as string;
    const [carolId] = await heard.nextEvent("callInvite");
    await alice.callAny("hangup", [aliceId]);
    assert.deepEqual(await heard.nextEvent("callInviteCancel"), [carolId, "RemoteCancel"]);
  });

  it("the official SDK rejects ours: REMOTE_REJECT for our caller", async () => {
    const { bob } = ctx;
    const carolId = await carol.serverCall({ to: "bob" });
    const [bobId] = await bob.nextEvent("callInvite");
    await bob.callAny("reject", [bobId]);
    assert.equal((await heard.nextEvent("callHangup", (id) => id === carolId))[2], "REMOTE_REJECT");
  });
});
