// Call signalling as the official SDK drives it (wire protocol §3.5 and §13): legs, knocking and the
// member:joined push that completes serverCall, legs and media state, audio events, SDP exchange,
// and hangup (rtc:hangup, then member:left).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  assertInvalid,
  assertProblem,
  type Client,
  type Json,
  serverSuite,
  type TestUser,
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

describe("calls", () => {
  const suite = serverSuite();

  async function call(): Promise<Call> {
    const caller = await suite.user("caller");
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
        to: { type: "phone", number: "bob" },
        from: { type: "app", user: caller.name },
        id: legId,
      },
      properties: { custom_data: { to: "bob" } },
    });
    assert.equal(knocking.status, 201, knocking.text);
    const joined = await client.next("member:joined", (e) => e.body.channel?.id === legId);
    return { caller, client, session, legId, cid: joined.cid, memberId: joined.body.member_id, joined };
  }

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

  it("completes serverCall: knocking creates the call and pushes member:joined with the leg id", async () => {
    const { caller, cid, legId, joined, memberId } = await call();
    assert.deepEqual(joined.body.user, { id: joined.body.user.id, name: caller.name });
    assert.equal(joined.body.channel.type, "app");
    assert.deepEqual(joined.body.channel.to, { type: "phone", number: "bob" });
    const conversation = await caller.api.get(`/v0.3/conversations/${cid}`);
    assert.equal(conversation.status, 200);
    assert.deepEqual(conversation.body._embedded.member, { id: memberId, state: "JOINED" });
    assert.deepEqual(conversation.body.properties.custom_data, { to: "bob" });
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
    assert.equal(leg.body.conversation_id, cid);
    assert.equal(leg.body.end_time, "");
    const legs = await caller.api.get(`/v0.3/conversations/${cid}/legs`);
    assert.deepEqual(legs.body._embedded.legs.map((l: Json) => l.id), [legId]);
    assert.deepEqual(legs.body._links, {});
  });

  it("refuses knocking for unknown legs, others' legs, and twice", async () => {
    const { session } = await call();
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
    const { legId, cid } = await call();
    const stranger = await suite.user("stranger");
    assertProblem(await stranger.api.get(`/v0.3/legs/${legId}`), 403, "system:error:permission");
    assertProblem(await stranger.api.get(`/v0.3/conversations/${cid}/legs`), 403, "system:error:permission");
    assertProblem(await stranger.api.get("/v0.3/legs/unknown"), 404, "voice:error:no_call_found");
  });

  it("says text into the call: the answer carries say_id, text, level and loop", async () => {
    const { caller, client, cid, memberId, session } = await call();
    const answer = await caller.api.post(`/v0.3/conversations/${cid}/events`, {
      type: "audio:say",
      from: memberId,
      originating_session: session.id,
      body: { text: "Hello", level: 1, loop: 1, queue: true, voice_name: "amy", ssml: true },
    });
    assert.equal(answer.status, 201, answer.text);
    assert.equal(answer.body.type, "audio:say");
    assert.equal(typeof answer.body.id, "number");
    assert.equal(typeof answer.body.timestamp, "string");
    assert.match(answer.body.body.say_id, /^[0-9a-f-]{36}$/);
    assert.deepEqual([answer.body.body.text, answer.body.body.level, answer.body.body.loop], ["Hello", 1, 1]);
    assert.equal((await client.next("audio:say")).body.say_id, answer.body.body.say_id);
    const minimal = await caller.api.post(`/v0.3/conversations/${cid}/events`, {
      type: "audio:say",
      body: { text: "x" },
    });
    assert.deepEqual([minimal.body.body.level, minimal.body.body.loop], [1, 1]);
    assertInvalid(
      await caller.api.post(`/v0.3/conversations/${cid}/events`, {
        type: "audio:say",
        body: { text: "x", level: 2 },
      }),
      "body.body.level",
    );
  });

  it("mutes and earmuffs legs, with pushes and the leg's media state", async () => {
    const { caller, client, cid, memberId, legId } = await call();
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
  });

  it("sends DTMF digits", async () => {
    const { caller, client, cid, memberId, legId } = await call();
    const send = (digit: string) =>
      caller.api.post(`/v0.3/conversations/${cid}/events`, {
        type: "audio:dtmf",
        from: memberId,
        body: { digit, channel: { id: legId, type: "app" } },
      });
    const answer = await send("12#*p");
    assert.equal(answer.status, 201);
    assert.equal(typeof answer.body.id, "number");
    assert.deepEqual((await client.next("audio:dtmf")).body, {
      digit: "12#*p",
      channel: { id: legId, type: "app" },
    });
    assertInvalid(await send("12x"), "body.body.digit");
  });

  it("takes SDP answers and offers; an offer's answer comes as an rtc:answer push", async () => {
    const { caller, client, cid, memberId, legId } = await call();
    const answer = await caller.api.post(`/v0.3/conversations/${cid}/rtc/${legId}/answer`, {
      from: memberId,
      body: { answer: OFFER },
    });
    assert.equal(answer.status, 200);
    assert.equal(typeof answer.body.id, "string");
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

  it("hangs up by deleting the call member: rtc:hangup, then member:left; the leg completes", async () => {
    const { caller, client, cid, memberId, legId } = await call();
    const answer = await caller.api.delete(
      `/v0.2/conversations/${cid}/members/${memberId}?reason_code=LOCAL_HANGUP&reason_text=bye&from=${memberId}`,
    );
    assert.equal(answer.status, 204);
    const hangup = await client.next("rtc:hangup");
    assert.equal(hangup.body.channel.id, legId);
    assert.deepEqual(hangup.body.bandwidth, { bytes_in: 0, bytes_out: 0 });
    assert.deepEqual(hangup.body.reason, { code: "LOCAL_HANGUP", text: "bye", sip_code: 200 });
    assert.equal(typeof hangup.body.quality.mos_score, "number");
    assert.equal(hangup.body.direction, "outbound");
    const left = await client.next("member:left");
    assert.ok(left.id > hangup.id);
    assert.equal(left.body.channel.id, legId);
    const leg = (await caller.api.get(`/v0.3/legs/${legId}`)).body;
    assert.equal(leg.status, "completed");
    assert.ok(!Number.isNaN(Date.parse(leg.end_time)));
  });

  it("refuses hanging up someone else's call", async () => {
    const { cid, memberId } = await call();
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
});
