// Bad input to the voice methods is refused before any request, with a VonageError that says what is
// wrong, and changes nothing on the server (read back over REST).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { CallSayParams, Json, VonageClient } from "../mod.ts";
import { connect, voiceSuite } from "./_voice_fixture.ts";

const ILLEGAL = "internal:error:illegal_argument_exception";

describe("voice: bad input", () => {
  const suite = voiceSuite(["alice", "bob"]);

  it("an unknown call id is voice:error:no_call_found for every call method, without a request", async () => {
    const { alice } = suite.phones;
    const sent = alice.sentCount();
    const calls: [string, (c: VonageClient) => Promise<unknown>][] = [
      ["hangup", (c) => c.hangup("nope")],
      ["answer", (c) => c.answer("nope")],
      ["reject", (c) => c.reject("nope")],
      ["say", (c) => c.say("nope", "hi")],
      ["mute", (c) => c.mute("nope")],
      ["unmute", (c) => c.unmute("nope")],
      ["enableEarmuff", (c) => c.enableEarmuff("nope")],
      ["disableEarmuff", (c) => c.disableEarmuff("nope")],
      ["sendDTMF", (c) => c.sendDTMF("nope", "1")],
      ["getCallLegs", (c) => c.getCallLegs("nope")],
    ];
    for (const [name, call] of calls) {
      await assert.rejects(call(alice.client), (err: Error & { code?: string; type?: string }) => {
        assert.equal(err.code, "voice:error:no_call_found", name);
        assert.equal(err.type, "INTERNAL_ERROR");
        assert.match(err.message, /No call nope/);
        return true;
      });
    }
    await assert.rejects(alice.client.hangup(""), {
      code: ILLEGAL,
      message: /callId must be a non-empty string/,
    });
    assert.equal(alice.sentCount(), sent);
  });

  it("bad arguments of a live call are refused and change nothing on the server", async () => {
    const { alice, bob } = suite.phones;
    const { callerId, calleeId } = await connect(alice, bob);
    const before = await alice.client.getCallLegs(callerId);
    const sent = alice.sentCount();
    const refused: [Promise<unknown>, RegExp][] = [
      [alice.client.sendDTMF(callerId, ""), /digits must be a non-empty string/],
      [alice.client.sendDTMF(callerId, "12x"), /digits may hold only 0-9, \*, #, A-D and p/],
      [alice.client.sendDTMF(callerId, "E"), /digits may hold only/],
      [alice.client.say(callerId, ""), /text must be a non-empty string/],
      [alice.client.say(callerId, { text: "  " }), /text must be a non-empty string/],
      [alice.client.say(callerId, { text: "hi", level: 2 }), /level must be from -1 to 1/],
      [alice.client.say(callerId, { text: "hi", loop: 1.5 }), /loop must be a whole number/],
      [alice.client.say(callerId, { text: "hi", queue: "yes" } as unknown as CallSayParams), /queue must be/],
      [alice.client.say(callerId, null as unknown as string), /say takes a text/],
      [alice.client.hangup(callerId, 5 as unknown as string), /reasonText must be a string/],
      [alice.client.getCallLegs(callerId, { pageSize: 0 }), /pageSize must be an integer from 1 to 100/],
      [alice.client.getCallLegs(callerId, { order: "up" as "asc" }), /order must be "asc" or "desc"/],
      [alice.client.getLeg(""), /legId must be a non-empty string/],
    ];
    for (const [promise, message] of refused) await assert.rejects(promise, { code: ILLEGAL, message });
    // Actions that do not fit the call's state.
    await assert.rejects(alice.client.answer(callerId), {
      code: "voice:error:invalid_call_action",
      message: /not an unanswered invitation/,
    });
    await assert.rejects(bob.client.reject(calleeId), { code: "voice:error:invalid_call_action" });
    assert.equal(alice.sentCount(), sent, "nothing was sent");
    assert.deepEqual(await alice.client.getCallLegs(callerId), before);
    await alice.client.hangup(callerId);
    await bob.next("callHangup", (id) => id === calleeId);
  });

  it("an invitation cannot be hung up or controlled before it is answered", async () => {
    const { alice, bob } = suite.phones;
    const callerId = await alice.client.serverCall({ to: "bob" });
    const [calleeId] = await bob.next("callInvite");
    const sent = bob.sentCount();
    for (
      const action of [bob.client.hangup(calleeId), bob.client.mute(calleeId), bob.client.say(calleeId, "x")]
    ) {
      await assert.rejects(action, { code: "voice:error:invalid_call_action", message: /is not connected/ });
    }
    assert.equal(bob.sentCount(), sent);
    await bob.client.reject(calleeId);
    await alice.next("callHangup", (id) => id === callerId);
  });

  it("serverCall refuses a context that is not a JSON object, and needs a session", async () => {
    const { alice } = suite.phones;
    const sent = alice.sentCount();
    await assert.rejects(alice.client.serverCall("not json" as unknown as Json), {
      code: ILLEGAL,
      message: /context is a string but not JSON/,
    });
    await assert.rejects(alice.client.serverCall([1, 2]), {
      code: ILLEGAL,
      message: /context must be a JSON object/,
    });
    assert.equal(alice.sentCount(), sent);
    const offline = await suite.phone("dave");
    await offline.client.deleteSession();
    await assert.rejects(offline.client.serverCall({ to: "bob" }), {
      code: "session:error:no-active-session",
    });
    await assert.rejects(offline.client.getLeg("x"), { code: "session:error:no-active-session" });
  });
});
