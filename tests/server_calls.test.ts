// Calls on the reference server, as the official SDK drives them (wire protocol §3.5, §7.2, §13): legs,
// knocking and the member:joined push that completes serverCall, legs and media state, audio events,
// SDP exchange, hangup; and the call flow of the answer handler's NCCO: talk, connect (answer, reject,
// cancel, ring out), conversation (transfer), and the default routing.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { CallInfo, Ncco } from "../server.ts";
import {
  assertInvalid,
  assertProblem,
  type Client,
  type Json,
  serverSuite,
  type Suite,
  type TestUser,
  unique,
} from "./_server_helpers.ts";

const OFFER = [
  "v=0",
  "o=- 4611731400430051336 2 IN IP4 127.0.0.1",
  "s=-",
  "t=0 0",
  "a=group:BUNDLE audio0",
  "m=audio 9 UDP/TLS/RTP/SAVPF 111",
  "c=IN IP4 0.0.0.0",
  "a=mid:audio0",
  "a=sendrecv",
  "a=rtpmap:111 opus/48000/2",
  "",
].join("\r\n");

interface Call {
  caller: TestUser;
  client: Client;
  session: Json;
  legId: string;
  cid: string;
  memberId: string;
  joined: Json;
}

/** Places a call as the official SDK does; `context.ncco` tells the test handler how to route it. */
async function place(suite: Suite, context: Json = {}, caller?: TestUser): Promise<Call> {
  caller ??= await suite.user("caller");
  const { client, session } = await suite.connect(caller);
  const leg = await caller.api.post("/v0.3/legs", {
    originating_session: session.id,
    body: { offer: { type: "offer", sdp: OFFER } },
  });
  assert.equal(leg.status, 201, leg.text);
  const legId: string = leg.body.rtc_id;
  const knocking = await caller.api.post("/v0.3/knocking", {
    originating_session: session.id,
    channel: {
      type: "app",
      to: { type: "phone", number: typeof context.to === "string" ? context.to : "" },
      from: { type: "app", user: caller.name },
      id: legId,
    },
    properties: { custom_data: context },
  });
  assert.equal(knocking.status, 201, knocking.text);
  const joined = await client.next("member:joined", (e) => e.body.channel?.id === legId);
  return { caller, client, session, legId, cid: joined.cid, memberId: joined.body.member_id, joined };
}

/** A callee with a live socket, as in `connect` NCCOs. */
async function callee(
  suite: Suite,
): Promise<{ user: TestUser; client: Client; invite: () => Promise<Json> }> {
  const user = await suite.user("callee");
  const { client } = await suite.connect(user);
  return { user, client, invite: () => client.next("member:invited", (e) => e.body.sdp !== undefined) };
}

function ring(user: TestUser, timeout?: number): Ncco {
  return [{ action: "connect", endpoint: [{ type: "app", user: user.name }], ...timeout ? { timeout } : {} }];
}

/** Accepts an invitation the way the official SDK answers: PUT the member, then POST the SDP answer. */
async function answer(user: TestUser, invite: Json): Promise<void> {
  const path = `/v0.3/conversations/${invite.cid}`;
  const mid = invite.body.member_id;
  const put = await user.api.put(`${path}/members/${mid}`, {
    channel: { type: "app" },
    from: mid,
    state: "joined",
  });
  assert.equal(put.status, 200, put.text);
  const sdp = await user.api.post(`${path}/rtc/${invite.body.channel.id}/answer`, {
    from: mid,
    body: { answer: OFFER },
  });
  assert.equal(sdp.status, 200, sdp.text);
}

describe("calls", () => {
  const calls: CallInfo[] = [];
  // Calls stay up (the handler never answers) unless the context carries an NCCO.
  const suite = serverSuite({
    answer: (call) => {
      calls.push(call);
      return (call.context.ncco as Ncco | undefined) ?? new Promise<Ncco>(() => {});
    },
  });

  it("answers a leg with its id and an SDP answer matching the offer's mid", async () => {
    const caller = await suite.user("caller");
    const answer = await caller.api.post("/v0.3/legs", { body: { offer: { type: "offer", sdp: OFFER } } });
    assert.equal(answer.status, 201);
    assert.match(answer.body.rtc_id, /^[0-9a-f-]{36}$/);
    const sdp: string = answer.body.sdp;
    assert.ok(sdp.startsWith("v=0\r\n"));
    assert.match(sdp, /\r\nm=audio 9 UDP\/TLS\/RTP\/SAVPF 111\r\n/);
    assert.match(sdp, /\r\na=mid:audio0\r\n/);
    assert.match(sdp, /\r\na=fingerprint:sha-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}\r\n/);
    assertInvalid(
      await caller.api.post("/v0.3/legs", { body: { offer: { sdp: "" } } }),
      "body.body.offer.sdp",
    );
    assertInvalid(await caller.api.post("/v0.3/legs", {}), "body.body");
  });

  it("completes serverCall: knocking creates the call, pushes member:joined with the leg id, and asks the handler", async () => {
    const { caller, cid, legId, joined, memberId } = await place(suite, { to: "bob", extra: 1 });
    assert.deepEqual(joined.body.user, { id: joined.body.user.id, name: caller.name });
    assert.equal(joined.body.channel.type, "app");
    assert.deepEqual(joined.body.channel.to, { type: "phone", number: "bob" });
    assert.deepEqual(calls.at(-1), {
      callId: legId,
      conversationId: cid,
      from: caller.name,
      to: "bob",
      context: { to: "bob", extra: 1 },
    });
    const conversation = await caller.api.get(`/v0.3/conversations/${cid}`);
    assert.equal(conversation.status, 200);
    assert.deepEqual(conversation.body._embedded.member, { id: memberId, state: "JOINED" });
    assert.deepEqual(conversation.body.properties.custom_data, { to: "bob", extra: 1 });
    assert.equal(Object.keys(conversation.body.media_state).length, 6);

    const leg = await caller.api.get(`/v0.3/legs/${legId}`);
    assert.equal(leg.status, 200);
    for (
      const key of [
        "id",
        "conversation_id",
        "status",
        "start_time",
        "end_time",
        "direction",
        "type",
        "from",
        "to",
      ]
    ) {
      assert.ok(key in leg.body, `leg without ${key}`);
    }
    assert.deepEqual([leg.body.conversation_id, leg.body.status, leg.body.direction], [
      cid,
      "answered",
      "inbound",
    ]);
    assert.equal(leg.body.end_time, "");
    const legs = await caller.api.get(`/v0.3/conversations/${cid}/legs`);
    assert.deepEqual(legs.body._embedded.legs.map((l: Json) => l.id), [legId]);
    assert.deepEqual(legs.body._links, {});
  });

  it("refuses knocking for unknown legs, others' legs, and twice", async () => {
    const { session } = await place(suite);
    const other = await suite.user("other");
    const knock = (u: TestUser, id: string) =>
      u.api.post("/v0.3/knocking", { originating_session: session.id, channel: { type: "app", id } });
    assertProblem(await knock(other, "nope"), 404, "voice:error:no_call_found");
    const mine = await other.api.post("/v0.3/legs", { body: { offer: { sdp: OFFER } } });
    const caller = await suite.user("caller");
    assertProblem(await knock(caller, mine.body.rtc_id), 403, "system:error:permission");
    assertInvalid(await other.api.post("/v0.3/knocking", { channel: { type: "app" } }), "body.channel.id");
    const first = await suite.user("first");
    const fresh = await first.api.post("/v0.3/legs", { body: { offer: { sdp: OFFER } } });
    assert.equal((await knock(first, fresh.body.rtc_id)).status, 201);
    assertProblem(await knock(first, fresh.body.rtc_id), 409, "conversation:error:invalid-state");
  });

  it("keeps legs to the call's members", async () => {
    const { legId, cid } = await place(suite);
    const stranger = await suite.user("stranger");
    assertProblem(await stranger.api.get(`/v0.3/legs/${legId}`), 403, "system:error:permission");
    assertProblem(await stranger.api.get(`/v0.3/conversations/${cid}/legs`), 403, "system:error:permission");
    assertProblem(await stranger.api.get("/v0.3/legs/unknown"), 404, "voice:error:no_call_found");
  });

  it("says text into the call: say_id, text, level, loop; then audio:say:done", async () => {
    const { caller, client, cid, memberId, session } = await place(suite);
    const answer = await caller.api.post(`/v0.3/conversations/${cid}/events`, {
      type: "audio:say",
      from: memberId,
      originating_session: session.id,
      body: { text: "Hello", level: 1, loop: 1, queue: true, voice_name: "amy", ssml: true },
    });
    assert.equal(answer.status, 201, answer.text);
    assert.equal(answer.body.type, "audio:say");
    assert.match(answer.body.body.say_id, /^[0-9a-f-]{36}$/);
    assert.deepEqual([answer.body.body.text, answer.body.body.level, answer.body.body.loop], ["Hello", 1, 1]);
    const said = await client.next("audio:say");
    assert.deepEqual(
      [said.id, said.timestamp, said.body.say_id],
      [answer.body.id, answer.body.timestamp, answer.body.body.say_id],
    );
    assert.deepEqual((await client.next("audio:say:done")).body, { say_id: answer.body.body.say_id });
    const minimal = await caller.api.post(`/v0.3/conversations/${cid}/events`, {
      type: "audio:say",
      body: { text: "x" },
    });
    assert.deepEqual([minimal.body.body.level, minimal.body.body.loop], [1, 1]);
    const say = (body: Json) =>
      caller.api.post(`/v0.3/conversations/${cid}/events`, { type: "audio:say", body });
    assertInvalid(await say({ text: "x", level: 2 }), "body.body.level");
    assertInvalid(await say({ text: "" }), "body.body.text");
    assertInvalid(await say({ text: "x", loop: -1 }), "body.body.loop");
    // A member without a call leg in the conversation has nothing to say into.
    const chat = await caller.api.post("/v0.3/conversations", { name: unique("chat") });
    await caller.api.post(`/v0.3/conversations/${chat.body.id}/members`, {
      state: "joined",
      user: { name: caller.name },
    });
    assertProblem(
      await caller.api.post(`/v0.3/conversations/${chat.body.id}/events`, {
        type: "audio:say",
        body: { text: "x" },
      }),
      404,
      "voice:error:no_call_found",
    );
  });

  it("mutes and earmuffs legs, with pushes and the leg's media state", async () => {
    const { caller, client, cid, memberId, legId } = await place(suite);
    const control = (type: string, rtc_id = legId) =>
      caller.api.post(`/v0.3/conversations/${cid}/events`, {
        type,
        from: memberId,
        to: memberId,
        body: { rtc_id },
      });
    const on = await control("audio:mute:on");
    assert.equal(on.status, 201);
    assert.equal(typeof on.body.id, "number");
    assert.deepEqual((await client.next("audio:mute:on")).body, { rtc_id: legId });
    await control("audio:earmuff:on");
    await client.next("audio:earmuff:on");
    let leg = (await caller.api.get(`/v0.3/legs/${legId}`)).body;
    assert.deepEqual([leg.media_state.mute, leg.media_state.earmuff], [true, true]);
    await control("audio:mute:off");
    await control("audio:earmuff:off");
    leg = (await caller.api.get(`/v0.3/legs/${legId}`)).body;
    assert.deepEqual([leg.media_state.mute, leg.media_state.earmuff], [false, false]);
    assertProblem(await control("audio:mute:on", "not-a-leg"), 404, "voice:error:no_call_found");
    assertInvalid(await control("audio:mute:on", ""), "body.body.rtc_id");
  });

  it("sends DTMF digits (0-9, *, #, A-D, p)", async () => {
    const { caller, client, cid, memberId, legId } = await place(suite);
    const send = (digit: string, id = legId) =>
      caller.api.post(`/v0.3/conversations/${cid}/events`, {
        type: "audio:dtmf",
        from: memberId,
        body: { digit, channel: { id, type: "app" } },
      });
    const answer = await send("12#*pA");
    assert.equal(answer.status, 201);
    assert.equal(typeof answer.body.id, "number");
    assert.deepEqual((await client.next("audio:dtmf")).body, {
      digit: "12#*pA",
      channel: { id: legId, type: "app" },
    });
    assertInvalid(await send("12x"), "body.body.digit");
    assertInvalid(await send("E"), "body.body.digit");
    assertInvalid(await send(""), "body.body.digit");
    assertProblem(await send("1", "other"), 404, "voice:error:no_call_found");
  });

  it("takes SDP answers and offers; an offer's answer comes as an rtc:answer push", async () => {
    const { caller, client, cid, memberId, legId } = await place(suite);
    const answer = await caller.api.post(`/v0.3/conversations/${cid}/rtc/${legId}/answer`, {
      from: memberId,
      body: { answer: OFFER },
    });
    assert.equal(answer.status, 200);
    assert.match(answer.body.id, /^[0-9a-f-]{36}$/);
    const offer = await caller.api.post(`/v0.3/conversations/${cid}/rtc/${legId}/offer`, {
      from: memberId,
      body: { offer: { sdp: OFFER } },
    });
    assert.equal(offer.status, 200);
    const pushed = await client.next("rtc:answer");
    assert.equal(pushed.body.rtc_id, legId);
    assert.match(pushed.body.answer, /^v=0\r\n/);
    assertProblem(
      await caller.api.post(`/v0.3/conversations/${cid}/rtc/other/answer`, { body: { answer: "x" } }),
      404,
      "voice:error:no_call_found",
    );
    const stranger = await suite.user("stranger");
    assertProblem(
      await stranger.api.post(`/v0.3/conversations/${cid}/rtc/${legId}/answer`, { body: { answer: "x" } }),
      403,
      "system:error:permission",
    );
  });

  it("hangs up by deleting the call member: the leg completes, rtc:hangup, then member:left", async () => {
    const { caller, client, cid, memberId, legId } = await place(suite);
    const answer = await caller.api.delete(
      `/v0.2/conversations/${cid}/members/${memberId}?reason_code=LOCAL_HANGUP&reason_text=bye&from=${memberId}`,
    );
    assert.equal(answer.status, 204);
    const status = await client.next("leg:status:update");
    assert.deepEqual([status.body.leg_id, status.body.status], [legId, "completed"]);
    const hangup = await client.next("rtc:hangup");
    assert.equal(hangup.body.channel.id, legId);
    assert.deepEqual(hangup.body.bandwidth, { bytes_in: 0, bytes_out: 0 });
    assert.deepEqual(hangup.body.reason, { code: "LOCAL_HANGUP", text: "bye", sip_code: 200 });
    assert.equal(Object.keys(hangup.body.quality).length, 9);
    assert.equal(hangup.body.direction, "inbound");
    const left = await client.next("member:left");
    assert.ok(left.id > hangup.id && hangup.id > status.id);
    assert.equal(left.body.channel.id, legId);
    const leg = (await caller.api.get(`/v0.3/legs/${legId}`)).body;
    assert.equal(leg.status, "completed");
    assert.ok(!Number.isNaN(Date.parse(leg.end_time)));
    assertProblem(
      await caller.api.post(`/v0.3/conversations/${cid}/rtc/${legId}/offer`, {
        body: { offer: { sdp: OFFER } },
      }),
      403,
      "system:error:permission",
    );
  });

  it("refuses hanging up someone else's call", async () => {
    const { cid, memberId } = await place(suite);
    const stranger = await suite.user("stranger");
    assertProblem(
      await stranger.api.delete(`/v0.2/conversations/${cid}/members/${memberId}`),
      403,
      "system:error:permission",
    );
  });

  it("cancels a knocking, which hangs up its leg", async () => {
    const caller = await suite.user("caller");
    const { client } = await suite.connect(caller);
    const leg = await caller.api.post("/v0.3/legs", { body: { offer: { sdp: OFFER } } });
    const knocking = await caller.api.post("/v0.3/knocking", {
      channel: { type: "app", id: leg.body.rtc_id },
    });
    await client.next("member:joined");
    const stranger = await suite.user("stranger");
    assertProblem(
      await stranger.api.delete(`/v0.3/knocking/${knocking.body.id}`),
      403,
      "system:error:permission",
    );
    assert.equal((await caller.api.delete(`/v0.3/knocking/${knocking.body.id}`)).status, 204);
    assert.equal((await client.next("rtc:hangup")).body.reason.code, "LOCAL_CANCEL");
    await client.next("member:left");
    assertProblem(await caller.api.delete("/v0.3/knocking/KNO-none"), 404, "voice:error:no_call_found");
  });

  it("talk: says the text, then hangs up the caller (member:left with the reason, then rtc:hangup)", async () => {
    const { client, legId } = await place(suite, { ncco: [{ action: "talk", text: "Welcome", loop: 2 }] });
    const say = await client.next("audio:say");
    assert.deepEqual([say.body.text, say.body.loop, say.body.level], ["Welcome", 2, 0]);
    assert.equal((await client.next("audio:say:done")).body.say_id, say.body.say_id);
    const left = await client.next("member:left");
    assert.deepEqual(left.body.reason, { code: "remote_hangup", text: "call-ended-by-remote" });
    const hangup = await client.next("rtc:hangup");
    assert.ok(hangup.id > left.id);
    assert.deepEqual([hangup.body.channel.id, hangup.body.reason.code], [legId, "REMOTE_HANGUP"]);
  });

  it("connect: the callee is invited with the server's offer, answers, and both hear each other's statuses", async () => {
    const bob = await callee(suite);
    const call = await place(suite, { ncco: ring(bob.user) });
    const invite = await bob.invite();
    assert.equal(invite.cid, call.cid);
    // The media server's own offer (every leg ends at the server), not the caller's.
    assert.notEqual(invite.body.sdp, OFFER);
    assert.match(invite.body.sdp, /^a=candidate:.* 127\.0\.0\.1 \d+ typ host/m);
    assert.match(invite.body.sdp, /^a=setup:actpass/m);
    assert.equal(invite.body.user.id, bob.user.id);
    assert.deepEqual(invite.body.media.audio_settings, { enabled: true, earmuffed: false, muted: false });
    assert.deepEqual(invite.body.channel.from, { type: "app", user: call.caller.name });
    assert.deepEqual(invite.body.channel.to, { type: "app", user: bob.user.name });
    assert.equal(invite._embedded.from_user.id, call.caller.id);
    const bobLeg: string = invite.body.channel.id;
    const ringing = await call.client.next("leg:status:update");
    assert.deepEqual([ringing.cid, ringing.body.leg_id, ringing.body.status], [call.cid, bobLeg, "ringing"]);
    assert.equal(ringing._embedded.from_user.id, bob.user.id);
    for (const key of ["direction", "leg_id", "status", "type", "statusHistory"]) {
      assert.ok(key in ringing.body);
    }

    assertProblem(
      await bob.user.api.post(`/v0.3/conversations/${call.cid}/rtc/${bobLeg}/answer`, {
        body: { answer: OFFER },
      }),
      409,
      "conversation:error:invalid-state",
    );
    await answer(bob.user, invite);
    const answered = await call.client.next("leg:status:update", (e) => e.body.status === "answered");
    assert.deepEqual([answered.body.leg_id, answered._embedded.from_user.id], [bobLeg, bob.user.id]);
    const other = await bob.client.next("leg:status:update", (e) => e.body.leg_id === call.legId);
    assert.deepEqual([other.body.status, other._embedded.from_user.id], ["answered", call.caller.id]);

    const legs = (await bob.user.api.get(`/v0.3/conversations/${call.cid}/legs`)).body._embedded.legs;
    assert.deepEqual(legs.map((l: Json) => [l.id, l.status, l.direction]), [
      [call.legId, "answered", "inbound"],
      [bobLeg, "answered", "outbound"],
    ]);
    // A leg is controlled by its own user only.
    assertProblem(
      await call.caller.api.post(`/v0.3/conversations/${call.cid}/events`, {
        type: "audio:mute:on",
        body: { rtc_id: bobLeg },
      }),
      403,
      "system:error:permission",
    );

    const member = invite.body.member_id;
    await bob.user.api.delete(`/v0.2/conversations/${call.cid}/members/${member}`);
    const completed = await call.client.next("leg:status:update", (e) => e.body.status === "completed");
    assert.equal(completed.body.leg_id, bobLeg);
    const left = await call.client.next("member:left", (e) => e.body.member_id === call.memberId);
    assert.equal(left.body.reason.code, "remote_hangup");
    const hangup = await call.client.next("rtc:hangup", (e) => e.body.channel.id === call.legId);
    assert.equal(hangup.body.reason.code, "REMOTE_HANGUP");
    assert.ok(hangup.id > left.id);
  });

  it("connect: a rejection hangs up the callee's leg, then the caller with remote_rejected", async () => {
    const bob = await callee(suite);
    const call = await place(suite, { ncco: ring(bob.user) });
    const invite = await bob.invite();
    const answer = await bob.user.api.delete(
      `/v0.2/conversations/${call.cid}/members/${invite.body.member_id}?reason_code=REMOTE_REJECT&reason_text=call-rejected-by-callee`,
    );
    assert.equal(answer.status, 204);
    const bobHangup = await bob.client.next("rtc:hangup");
    assert.equal(bobHangup.body.reason.code, "REMOTE_REJECT");
    assert.equal((await bob.client.next("member:left")).body.reason.code, "REMOTE_REJECT");
    await call.client.next("leg:status:update", (e) => e.body.status === "completed");
    const left = await call.client.next("member:left", (e) => e.body.member_id === call.memberId);
    assert.deepEqual(left.body.reason, { code: "remote_rejected", text: "call-rejected-by-callee" });
    const hangup = await call.client.next("rtc:hangup", (e) => e.body.channel.id === call.legId);
    assert.deepEqual([hangup.body.reason.code, hangup.body.reason.sip_code], ["REMOTE_REJECT", 603]);
  });

  it("connect: the caller giving up cancels the invitation (rtc:hangup, then member:left)", async () => {
    const bob = await callee(suite);
    const call = await place(suite, { ncco: ring(bob.user) });
    const invite = await bob.invite();
    await call.caller.api.delete(`/v0.2/conversations/${call.cid}/members/${call.memberId}`);
    const hangup = await bob.client.next("rtc:hangup");
    assert.deepEqual([hangup.body.channel.id, hangup.body.reason.sip_code], [invite.body.channel.id, 200]);
    const left = await bob.client.next("member:left", (e) => e.body.member_id === invite.body.member_id);
    assert.ok(left.id > hangup.id);
    assert.equal(left.body.reason.code, "remote_cancel");
    const put = await bob.user.api.put(`/v0.3/conversations/${call.cid}/members/${invite.body.member_id}`, {
      state: "joined",
    });
    assertProblem(put, 409, "conversation:error:invalid-state");
  });

  it("connect: unanswered, the invitation rings out (SIP 487) and the NCCO goes on", async () => {
    const bob = await callee(suite);
    const call = await place(suite, {
      ncco: [...ring(bob.user, 0.05), { action: "talk", text: "Leave a message" }],
    });
    await bob.invite();
    const hangup = await bob.client.next("rtc:hangup");
    assert.deepEqual([hangup.body.reason.code, hangup.body.reason.sip_code], ["RING_TIMER", 487]);
    assert.equal((await bob.client.next("member:left")).body.reason.code, "ring_timer");
    assert.equal((await call.client.next("audio:say")).body.text, "Leave a message");
    const left = await call.client.next("member:left", (e) => e.body.member_id === call.memberId);
    assert.equal(left.body.reason.code, "ring_timer");
    await call.client.next("rtc:hangup", (e) => e.body.channel.id === call.legId);
  });

  it("connect to nobody (or to the caller) counts as a rejection", async () => {
    const call = await place(suite, {
      ncco: [{ action: "connect", endpoint: [{ type: "app", user: "nobody" }] }],
    });
    const left = await call.client.next("member:left");
    assert.equal(left.body.reason.code, "remote_rejected");
  });

  it("conversation: moves the caller's leg into the named conversation (rtc:transfer)", async () => {
    const name = unique("conference");
    const call = await place(suite, { ncco: [{ action: "conversation", name }] });
    const transfer = await call.client.next("rtc:transfer");
    assert.notEqual(transfer.cid, call.cid);
    assert.deepEqual(transfer.body, {
      was_member: call.memberId,
      user_id: call.caller.id,
      transferred_from: call.cid,
      channel: call.joined.body.channel,
    });
    const target = await call.caller.api.get(`/v0.3/conversations/${name}`);
    assert.equal(target.body.id, transfer.cid);
    assert.deepEqual(target.body._embedded.member, { id: transfer.from, state: "JOINED" });
    const legs = (await call.caller.api.get(`/v0.3/conversations/${transfer.cid}/legs`)).body._embedded.legs;
    assert.deepEqual(legs.map((l: Json) => l.id), [call.legId]);
    assert.equal(
      (await call.caller.api.get(`/v0.3/conversations/${call.cid}/members/me`)).body.state,
      "LEFT",
    );
    // The call stays in the conversation until hung up there.
    await call.caller.api.delete(`/v0.2/conversations/${transfer.cid}/members/${transfer.from}`);
    const hangup = await call.client.next("rtc:hangup");
    assert.deepEqual([hangup.cid, hangup.body.channel.id], [transfer.cid, call.legId]);
  });

  it("a handler answering something that is not an NCCO gets the call hung up", async () => {
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const call = await place(suite, { ncco: [{ action: "dance" }] });
      const left = await call.client.next("member:left");
      assert.equal(left.body.reason.code, "remote_hangup");
    } finally {
      console.error = original;
    }
    assert.match(String(errors[0]?.[1]), /NCCO action 0 is not one of talk, connect, conversation/);
  });
});

describe("calls without an answer handler", () => {
  const suite = serverSuite();

  it("a call naming nobody hears a greeting and ends", async () => {
    const call = await place(suite);
    assert.equal((await call.client.next("audio:say")).body.text, "Hello from the Parley reference server.");
    await call.client.next("rtc:hangup");
  });

  it("a call whose context has `to` rings the app user of that name", async () => {
    const bob = await callee(suite);
    const call = await place(suite, { to: bob.user.name });
    const invite = await bob.invite();
    assert.equal(invite.cid, call.cid);
    await answer(bob.user, invite);
    await call.client.next("leg:status:update", (e) => e.body.status === "answered");
  });
});

describe("call leg limits", () => {
  const suite = serverSuite({
    legLimits: { legsPerUser: 3, offersPerUser: 2, offerTtlMs: 300 },
    answer: () => new Promise<Ncco>(() => {}),
  });
  const createLeg = (u: TestUser) =>
    u.api.post("/v0.3/legs", { body: { offer: { type: "offer", sdp: OFFER } } });
  const knock = (u: TestUser, legId: string, customData: Json = {}) =>
    u.api.post("/v0.3/knocking", {
      channel: { type: "app", id: legId, to: { type: "phone", number: "" } },
      properties: { custom_data: customData },
    });
  const conversations = async (u: TestUser) =>
    (await u.api.get(`/v0.3/users/${u.id}/conversations?page_size=100`)).body._embedded.conversations;

  it("refuses a leg beyond the unplaced ones a user may hold, storing nothing; placing one makes room", async () => {
    const caller = await suite.user("caller");
    const legs = [(await createLeg(caller)).body.rtc_id, (await createLeg(caller)).body.rtc_id];
    const refusal = assertProblem(await createLeg(caller), 409, "leg:error:maximum-number-of-legs");
    assert.match(refusal.detail, /2 legs not placed yet/);
    assert.equal((await knock(caller, legs[0])).status, 201);
    assert.equal((await createLeg(caller)).status, 201);
  });

  it("refuses a leg beyond the legs not ended a user may hold; hanging up makes room", async () => {
    const caller = await suite.user("caller");
    const { client } = await suite.connect(caller);
    for (let i = 0; i < 3; i++) {
      const legId = (await createLeg(caller)).body.rtc_id;
      assert.equal((await knock(caller, legId)).status, 201);
      await client.next("member:joined", (e) => e.body.channel?.id === legId);
    }
    assertProblem(await createLeg(caller), 409, "leg:error:maximum-number-of-legs");
    const [call] = await conversations(caller);
    const me = (await caller.api.get(`/v0.3/conversations/${call.id}/members/me`)).body.id;
    assert.equal((await caller.api.delete(`/v0.2/conversations/${call.id}/members/${me}`)).status, 204);
    assert.equal((await createLeg(caller)).status, 201);
  });

  it("expires legs never placed: they complete, cannot be placed, and free their room", async () => {
    const caller = await suite.user("caller");
    const legs = [(await createLeg(caller)).body.rtc_id, (await createLeg(caller)).body.rtc_id];
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const legId of legs) {
      const leg = (await caller.api.get(`/v0.3/legs/${legId}`)).body;
      assert.equal(leg.status, "completed");
      assert.ok(!Number.isNaN(Date.parse(leg.end_time)));
      const refusal = assertProblem(await knock(caller, legId), 409, "conversation:error:invalid-state");
      assert.match(refusal.detail, /expired/);
    }
    assert.deepEqual(await conversations(caller), []);
    assert.equal((await createLeg(caller)).status, 201);
    assert.equal((await createLeg(caller)).status, 201);
  });

  it("refuses knocking custom_data over 16 KiB with 413, creating no call", async () => {
    const caller = await suite.user("caller");
    const legId = (await createLeg(caller)).body.rtc_id;
    assertProblem(
      await knock(caller, legId, { blob: "z".repeat(17 * 1024) }),
      413,
      "custom-data:error:max-data-sum-limit-exceeded",
    );
    assert.deepEqual(await conversations(caller), []);
    assert.equal((await caller.api.get(`/v0.3/legs/${legId}`)).body.status, "started");
    assert.equal((await knock(caller, legId, { small: true })).status, 201);
  });
});
