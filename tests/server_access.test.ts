// The access policy (startServer({ policy })): the default keeps a conversation to its creator and the
// users it lets in; OPEN_CONVERSATIONS lets anyone find and join; custom rules replace either. Every
// refusal is a 403 problem before anything changes. Also: a membership can never carry someone else's
// call leg, so leaving cannot hang up another user's call.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type AccessRequest, OPEN_CONVERSATIONS } from "../server.ts";
import {
  assertProblem,
  type Json,
  listEvents,
  sendText,
  serverSuite,
  type Suite,
  type TestUser,
  unique,
} from "./_server_helpers.ts";

const OFFER =
  "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:0\r\n";

const join = (u: TestUser, cid: string, channel: Json = { type: "app" }) =>
  u.api.post(`/v0.3/conversations/${cid}/members`, { state: "joined", user: { name: u.name }, channel });
const invite = (u: TestUser, cid: string, name: string) =>
  u.api.post(`/v0.3/conversations/${cid}/members`, { state: "invited", user: { name } });
const leave = (u: TestUser, cid: string, mid: string) =>
  u.api.delete(`/v0.2/conversations/${cid}/members/${mid}`);

/** A conversation alice created and joined, with one message in it. */
async function aliceRoom(suite: Suite) {
  const alice = await suite.user("alice");
  const name = unique("room");
  const cid: string = (await alice.api.post("/v0.3/conversations", { name })).body.id;
  const aliceMember: string = (await join(alice, cid)).body.id;
  await sendText(alice, cid, "hello");
  return { alice, cid, name, aliceMember };
}

/** Everything alice sees of her conversation, to show that a refusal changed nothing. */
async function snapshot(alice: TestUser, cid: string) {
  return {
    conversation: (await alice.api.get(`/v0.3/conversations/${cid}`)).body,
    members: (await alice.api.get(`/v0.3/conversations/${cid}/members?page_size=100`)).body,
    events: await listEvents(alice, cid),
  };
}

describe("the default access policy", () => {
  const suite = serverSuite();

  it("keeps a stranger out: no finding, joining, reading, sending, inviting, changing, deleting", async () => {
    const { alice, cid, name, aliceMember } = await aliceRoom(suite);
    const mallory = await suite.user("mallory");
    const before = await snapshot(alice, cid);
    const refusals = [
      await mallory.api.get(`/v0.3/conversations/${cid}`),
      await mallory.api.get(`/v0.3/conversations/${name}`),
      await join(mallory, cid),
      await mallory.api.get(`/v0.3/conversations/${cid}/events`),
      await mallory.api.get(`/v0.3/conversations/${cid}/members`),
      await mallory.api.get(`/v0.3/conversations/${cid}/members/${aliceMember}`),
      await mallory.api.get(`/v0.3/conversations/${cid}/legs`),
      await mallory.api.post(`/v0.3/conversations/${cid}/events`, {
        type: "message",
        body: { message_type: "text", text: "spam" },
      }),
      await invite(mallory, cid, mallory.name),
      await mallory.api.patch(`/v0.3/conversations/${cid}`, { display_name: "owned" }),
      await mallory.api.delete(`/v0.3/conversations/${cid}`),
      await leave(mallory, cid, aliceMember),
    ];
    for (const answer of refusals) {
      const problem = assertProblem(answer, 403, "system:error:permission");
      assert.match(problem.detail, new RegExp(`access policy does not let ${mallory.name} .*${cid}`));
    }
    assert.deepEqual(await snapshot(alice, cid), before);
  });

  it("lets an invited user find, read and join; a joined member sends and invites, but not change or delete", async () => {
    const { alice, cid, name } = await aliceRoom(suite);
    const bob = await suite.user("bob");
    const carol = await suite.user("carol");
    await invite(alice, cid, bob.name);
    assert.equal((await bob.api.get(`/v0.3/conversations/${name}`)).body.id, cid);
    assert.equal((await bob.api.get(`/v0.3/conversations/${cid}/events`)).status, 200);
    assert.equal((await join(bob, cid)).status, 201);
    assert.equal((await sendText(bob, cid, "hi")).type, "message");
    assert.equal((await invite(bob, cid, carol.name)).status, 201);
    const before = await snapshot(alice, cid);
    assertProblem(
      await bob.api.patch(`/v0.3/conversations/${cid}`, { name: "mine" }),
      403,
      "system:error:permission",
    );
    assertProblem(await bob.api.delete(`/v0.3/conversations/${cid}`), 403, "system:error:permission");
    assert.deepEqual(await snapshot(alice, cid), before);
  });

  it("lets the creator remove a member (kick), who gets member:left; members cannot remove each other", async () => {
    const { alice, cid, aliceMember } = await aliceRoom(suite);
    const bob = await suite.user("bob");
    const { client } = await suite.connect(bob);
    await invite(alice, cid, bob.name);
    const bobMember: string = (await join(bob, cid)).body.id;
    assertProblem(await leave(bob, cid, aliceMember), 403, "system:error:permission");
    assert.equal((await leave(alice, cid, bobMember)).status, 204);
    assert.equal((await client.next("member:left")).body.member_id, bobMember);
    assert.equal((await bob.api.get(`/v0.3/conversations/${cid}/members/me`)).body.state, "LEFT");
    assertProblem(
      await bob.api.post(`/v0.3/conversations/${cid}/events`, {
        type: "message",
        body: { message_type: "text", text: "still here?" },
      }),
      403,
      "system:error:permission",
    );
  });
});

describe("OPEN_CONVERSATIONS", () => {
  // Calls stay up: the answer handler never routes them.
  const suite = serverSuite({ policy: OPEN_CONVERSATIONS, answer: () => new Promise<never>(() => {}) });

  it("lets anyone find a conversation by name and join it; joined members change it", async () => {
    const { alice, cid, name } = await aliceRoom(suite);
    const bob = await suite.user("bob");
    assertProblem(await bob.api.get(`/v0.3/conversations/${cid}/events`), 403, "system:error:permission");
    assert.equal((await bob.api.get(`/v0.3/conversations/${name}`)).body.id, cid);
    assert.equal((await join(bob, cid)).status, 201);
    assert.equal((await bob.api.patch(`/v0.3/conversations/${cid}`, { display_name: "ours" })).status, 200);
    assert.equal((await alice.api.get(`/v0.3/conversations/${cid}`)).body.display_name, "ours");
  });

  it("refuses joining with channel.id of another user's call leg; leaving never ends that call", async () => {
    const bob = await suite.user("bob");
    const { client } = await suite.connect(bob);
    const legId: string =
      (await bob.api.post("/v0.3/legs", { body: { offer: { type: "offer", sdp: OFFER } } }))
        .body.rtc_id;
    const knocking = await bob.api.post("/v0.3/knocking", {
      channel: { type: "app", id: legId, to: { type: "phone", number: "" } },
    });
    assert.equal(knocking.status, 201, knocking.text);
    const cid: string = (await client.next("member:joined", (e) => e.body.channel?.id === legId)).cid;
    const status = async () => (await bob.api.get(`/v0.3/legs/${legId}`)).body.status;
    const before = await status();
    assert.notEqual(before, "completed");

    // The leg id shows in the call's history; the conversation is open, so mallory finds and joins it.
    const mallory = await suite.user("mallory");
    const hijack = assertProblem(
      await join(mallory, cid, { type: "app", id: legId }),
      403,
      "system:error:permission",
    );
    assert.match(hijack.detail, new RegExp(`channel.id names call leg ${legId}`));
    // Joined with a channel of her own and left again, she ends nothing of bob's.
    const member = await join(mallory, cid);
    assert.equal(member.status, 201, member.text);
    assert.equal((await leave(mallory, cid, member.body.id)).status, 204);
    assert.equal(await status(), before);
  });
});

describe("a policy of one's own", () => {
  const asked: AccessRequest[] = [];
  const suite = serverSuite({
    policy: {
      find: (r) => {
        asked.push(r);
        return r.conversationName.startsWith("public-");
      },
      send: () => false,
    },
  });

  it("replaces the default's rules, which get who asks about which conversation", async () => {
    const alice = await suite.user("alice");
    const bob = await suite.user("bob");
    const open = (await alice.api.post("/v0.3/conversations", { name: unique("public") })).body;
    const closed = (await alice.api.post("/v0.3/conversations", { name: unique("private") })).body;
    assert.equal((await bob.api.get(`/v0.3/conversations/${open.name}`)).status, 200);
    assertProblem(await bob.api.get(`/v0.3/conversations/${closed.name}`), 403, "system:error:permission");
    assert.deepEqual(asked.at(-1), {
      user: bob.name,
      conversationId: closed.id,
      conversationName: closed.name,
      creator: false,
      membership: undefined,
    });
    // Rules not given stay the default's: the creator joins; `send: () => false` silences even her.
    assert.equal((await join(alice, open.id)).status, 201);
    assertProblem(
      await alice.api.post(`/v0.3/conversations/${open.id}/events`, {
        type: "message",
        body: { message_type: "text", text: "x" },
      }),
      403,
      "system:error:permission",
    );
  });
});
