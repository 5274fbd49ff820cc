// Memberships: join, invite (by user name), read (me, by id, pages), accept an invitation, leave,
// with the pushes each change makes and the conversation error codes for what is refused.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  assertInvalid,
  assertProblem,
  type Json,
  listEvents,
  serverSuite,
  type TestUser,
  unique,
} from "./_server_helpers.ts";

describe("members", () => {
  const suite = serverSuite();

  async function conversation(owner: TestUser): Promise<string> {
    const created = await owner.api.post("/v0.3/conversations", { name: unique("members") });
    assert.equal(created.status, 201);
    return created.body.id;
  }
  const join = (u: TestUser, cid: string, user: Json = { id: u.id, name: u.name }) =>
    u.api.post(`/v0.3/conversations/${cid}/members`, {
      originating_session: "SES-x",
      channel: { type: "app" },
      user,
      state: "joined",
    });
  const invite = (u: TestUser, cid: string, name: string) =>
    u.api.post(`/v0.3/conversations/${cid}/members`, {
      originating_session: "SES-x",
      state: "invited",
      user: { name },
      channel: { type: "app", from: { type: "app" }, to: { type: "app" } },
    });
  const me = async (u: TestUser, cid: string) =>
    (await u.api.get(`/v0.3/conversations/${cid}/members/me`)).body;
  const leave = (u: TestUser, cid: string, mid: string, query = "") =>
    u.api.delete(`/v0.2/conversations/${cid}/members/${mid}${query}`);

  it("joins the caller, answering 201 with the member and pushing member:joined", async () => {
    const alice = await suite.user("alice");
    const { client } = await suite.connect(alice);
    const cid = await conversation(alice);
    const answer = await join(alice, cid);
    assert.equal(answer.status, 201, answer.text);
    assert.match(answer.body.id, /^MEM-[0-9a-f-]{36}$/);
    assert.equal(answer.body.state, "JOINED");
    const pushed = await client.next("member:joined");
    assert.equal(pushed.cid, cid);
    assert.equal(pushed.id, 1);
    assert.equal(pushed.from, answer.body.id);
    assert.deepEqual(pushed.body, {
      member_id: answer.body.id,
      user: { id: alice.id, name: alice.name },
      channel: { type: "app" },
    });
    assert.deepEqual(pushed._embedded.from_user, { id: alice.id, name: alice.name });
    assert.equal(pushed._embedded.from_member.id, answer.body.id);
  });

  it("accepts a join naming the user by id or by name only", async () => {
    const alice = await suite.user("alice");
    const bob = await suite.user("bob");
    const cid = await conversation(alice);
    assert.equal((await join(alice, cid, { id: alice.id })).status, 201);
    await invite(alice, cid, bob.name);
    assert.equal((await join(bob, cid, { name: bob.name })).status, 201);
  });

  it("refuses joining twice with 409 member-already-joined, recording nothing", async () => {
    const alice = await suite.user("alice");
    const cid = await conversation(alice);
    await join(alice, cid);
    const before = await listEvents(alice, cid);
    assertProblem(await join(alice, cid), 409, "conversation:error:member-already-joined");
    assert.deepEqual(await listEvents(alice, cid), before);
  });

  it("refuses joining as someone else with 403", async () => {
    const alice = await suite.user("alice");
    const bob = await suite.user("bob");
    const cid = await conversation(alice);
    assertProblem(await join(bob, cid, { id: alice.id }), 403, "system:error:permission");
    assertProblem(await join(bob, cid, { name: alice.name }), 403, "system:error:permission");
    assertProblem(
      await bob.api.get(`/v0.3/conversations/${cid}/members/me`),
      404,
      "conversation:error:member-not-found",
    );
  });

  it("refuses bodies the API does not describe", async () => {
    const alice = await suite.user("alice");
    const cid = await conversation(alice);
    const post = (body: unknown) => alice.api.post(`/v0.3/conversations/${cid}/members`, body);
    assertInvalid(await post({ state: "kicked", user: { name: alice.name } }), "body.state");
    assertInvalid(await post({ user: { name: alice.name } }), "body.state");
    assertInvalid(await post({ state: "invited" }), "body.user");
    assertInvalid(await post({ state: "invited", user: { name: "" } }), "body.user.name");
    assertInvalid(await post({ state: "joined", user: {} }), "body.user.id", "body.user.name");
    assertInvalid(
      await post({ state: "joined", user: { id: alice.id }, channel: { type: "APP" } }),
      "body.channel.type",
    );
    assertProblem(
      await alice.api.get(`/v0.3/conversations/${cid}/members/me`),
      404,
      "conversation:error:member-not-found",
    );
    assertProblem(await join(alice, "CON-none"), 404, "conversation:error:not-found");
  });

  it("invites a user by name: member:invited reaches the joined members and the invitee", async () => {
    const alice = await suite.user("alice");
    const bob = await suite.user("bob");
    const a = await suite.connect(alice);
    const b = await suite.connect(bob);
    const cid = await conversation(alice);
    await join(alice, cid);
    const answer = await invite(alice, cid, bob.name);
    assert.equal(answer.status, 201, answer.text);
    assert.equal(answer.body.state, "INVITED");
    for (const client of [a.client, b.client]) {
      const pushed = await client.next("member:invited");
      assert.equal(pushed.cid, cid);
      assert.equal(pushed.body.member_id, answer.body.id);
      assert.deepEqual(pushed.body.user, { id: bob.id, name: bob.name });
      assert.equal(pushed.body.conversation.conversation_id, cid);
      assert.equal(
        pushed.body.conversation.name,
        (await alice.api.get(`/v0.3/conversations/${cid}`)).body.name,
      );
      assert.equal(pushed.body.media.audio_settings.enabled, false);
      assert.equal(pushed.body.channel.type, "app");
      assert.equal(pushed.body.invited_by, alice.name);
      assert.equal(pushed._embedded.from_user.name, alice.name);
    }
    assert.deepEqual(await me(bob, cid), answer.body);
  });

  it("lets the creator invite without joining, but not others who are not joined", async () => {
    const alice = await suite.user("alice");
    const bob = await suite.user("bob");
    const carol = await suite.user("carol");
    const cid = await conversation(alice);
    assert.equal((await invite(alice, cid, bob.name)).status, 201);
    assertProblem(await invite(bob, cid, carol.name), 403, "system:error:permission");
    assertProblem(
      await carol.api.get(`/v0.3/conversations/${cid}/members/me`),
      404,
      "conversation:error:member-not-found",
    );
  });

  it("refuses inviting an unknown user, an invited one and a joined one", async () => {
    const alice = await suite.user("alice");
    const bob = await suite.user("bob");
    const cid = await conversation(alice);
    await join(alice, cid);
    assertProblem(await invite(alice, cid, unique("never-logged-in")), 404, "user:error:not-found");
    await invite(alice, cid, bob.name);
    const before = await listEvents(alice, cid);
    assertProblem(await invite(alice, cid, bob.name), 409, "conversation:error:member-already-invited");
    assertProblem(await invite(alice, cid, alice.name), 409, "conversation:error:member-already-joined");
    assert.deepEqual(await listEvents(alice, cid), before);
  });

  it("keeps one membership per user: an invited user joins with the same member id", async () => {
    const alice = await suite.user("alice");
    const bob = await suite.user("bob");
    const cid = await conversation(alice);
    const invited = await invite(alice, cid, bob.name);
    const joined = await join(bob, cid);
    assert.equal(joined.body.id, invited.body.id);
    assert.equal(joined.body.state, "JOINED");
    assert.equal(joined.body.timestamp.invited, invited.body.timestamp.invited);
    assert.ok(Date.parse(joined.body.timestamp.joined) >= Date.parse(invited.body.timestamp.invited));
  });

  it("accepts an invitation with PUT (the answer of a call), once", async () => {
    const alice = await suite.user("alice");
    const bob = await suite.user("bob");
    const cid = await conversation(alice);
    const invited = await invite(alice, cid, bob.name);
    const path = `/v0.3/conversations/${cid}/members/${invited.body.id}`;
    const body = {
      originating_session: "SES-x",
      channel: { type: "app" },
      from: invited.body.id,
      state: "joined",
    };
    assertProblem(await alice.api.put(path, body), 403, "system:error:permission");
    const answer = await bob.api.put(path, body);
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.body.id, invited.body.id);
    assert.equal((await me(bob, cid)).state, "JOINED");
    assertProblem(await bob.api.put(path, body), 409, "conversation:error:member-already-joined");
    assertInvalid(await bob.api.put(path, { state: "left" }), "body.state");
    await leave(bob, cid, invited.body.id);
    assertProblem(await bob.api.put(path, body), 409, "conversation:error:invalid-state");
    assertProblem(
      await bob.api.put(`/v0.3/conversations/${cid}/members/MEM-none`, body),
      404,
      "conversation:error:member-not-found",
    );
  });

  it("reads members by id to members only; states upper case, channel types lower case", async () => {
    const alice = await suite.user("alice");
    const bob = await suite.user("bob");
    const carol = await suite.user("carol");
    const cid = await conversation(alice);
    const joined = await join(alice, cid);
    await invite(alice, cid, bob.name);
    const path = `/v0.3/conversations/${cid}/members/${joined.body.id}`;
    const answer = await alice.api.get(path);
    assert.equal(answer.status, 200);
    assert.equal(answer.body.state, "JOINED");
    assert.equal(answer.body.channel.type, "app");
    assert.deepEqual({ id: answer.body._embedded.user.id, name: answer.body._embedded.user.name }, {
      id: alice.id,
      name: alice.name,
    });
    assert.equal((await bob.api.get(path)).status, 200, "invited members can read members");
    assertProblem(await carol.api.get(path), 403, "system:error:permission");
    assertProblem(
      await alice.api.get(`/v0.3/conversations/${cid}/members/MEM-none`),
      404,
      "conversation:error:member-not-found",
    );
    const otherCid = await conversation(alice);
    await join(alice, otherCid);
    assertProblem(
      await alice.api.get(`/v0.3/conversations/${otherCid}/members/${joined.body.id}`),
      404,
      "conversation:error:member-not-found",
    );
  });

  it("lists members in pages, in any state", async () => {
    const alice = await suite.user("alice");
    const others = await Promise.all([suite.user("b"), suite.user("c"), suite.user("d")]);
    const cid = await conversation(alice);
    const ids = [(await join(alice, cid)).body.id];
    for (const u of others) ids.push((await invite(alice, cid, u.name)).body.id);
    await leave(others[2]!, cid, ids[3]!);

    const first = await alice.api.get(`/v0.3/conversations/${cid}/members?page_size=3`);
    assert.equal(first.status, 200);
    assert.deepEqual(first.body._embedded.members.map((m: Json) => m.id), ids.slice(0, 3));
    assert.deepEqual(first.body._embedded.members.map((m: Json) => m.state), [
      "JOINED",
      "INVITED",
      "INVITED",
    ]);
    const cursor = new URL(first.body._links.next.href, "http://x").searchParams.get("cursor");
    const second = await alice.api.get(`/v0.3/conversations/${cid}/members?page_size=3&cursor=${cursor}`);
    assert.deepEqual(second.body._embedded.members.map((m: Json) => [m.id, m.state]), [[ids[3], "LEFT"]]);
    const desc = await alice.api.get(`/v0.3/conversations/${cid}/members?order=DESC`);
    assert.deepEqual(desc.body._embedded.members.map((m: Json) => m.id), [...ids].reverse());

    const stranger = await suite.user("stranger");
    assertProblem(
      await stranger.api.get(`/v0.3/conversations/${cid}/members`),
      403,
      "system:error:permission",
    );
    assertProblem(
      await alice.api.get(`/v0.3/conversations/${cid}/members?cursor=x`),
      400,
      "paginator-builder:error:invalid-cursor",
    );
    assertInvalid(await alice.api.get(`/v0.3/conversations/${cid}/members?page_size=101`), "page_size");
  });

  it("leaves with DELETE /v0.2: 204, member:left to everyone joined including the one leaving", async () => {
    const alice = await suite.user("alice");
    const bob = await suite.user("bob");
    const a = await suite.connect(alice);
    const b = await suite.connect(bob);
    const cid = await conversation(alice);
    await join(alice, cid);
    await invite(alice, cid, bob.name);
    const bobMember = (await join(bob, cid)).body.id;
    const answer = await leave(bob, cid, bobMember, "?reason_code=BYE&reason_text=see-you&from=" + bobMember);
    assert.equal(answer.status, 204);
    assert.equal(answer.text, "");
    for (const client of [a.client, b.client]) {
      const left = await client.next("member:left");
      assert.equal(left.body.member_id, bobMember);
      assert.deepEqual(left.body.reason, { code: "BYE", text: "see-you" });
    }
    assert.equal((await me(bob, cid)).state, "LEFT");
    assertProblem(
      await bob.api.post(`/v0.3/conversations/${cid}/events`, {
        type: "message",
        body: { message_type: "text", text: "x" },
      }),
      403,
      "system:error:permission",
    );
    // Leaving again changes and pushes nothing.
    const before = await listEvents(alice, cid);
    assert.equal((await leave(bob, cid, bobMember)).status, 204);
    assert.deepEqual(await listEvents(alice, cid), before);
    // Joining again needs a new invitation, and brings back the same membership.
    assertProblem(await join(bob, cid), 403, "system:error:permission");
    await invite(alice, cid, bob.name);
    assert.equal((await join(bob, cid)).body.id, bobMember);
  });

  it("lets an invited user reject (leave) the invitation", async () => {
    const alice = await suite.user("alice");
    const bob = await suite.user("bob");
    const cid = await conversation(alice);
    await join(alice, cid);
    const invited = await invite(alice, cid, bob.name);
    assert.equal(
      (await leave(
        bob,
        cid,
        invited.body.id,
        "?reason_code=REMOTE_REJECT&reason_text=call-rejected-by-callee",
      )).status,
      204,
    );
    const events = await listEvents(alice, cid);
    assert.deepEqual(events.at(-1).body.reason, { code: "REMOTE_REJECT", text: "call-rejected-by-callee" });
  });

  it("refuses removing another member (not the creator), or with someone else's from, and changes nothing", async () => {
    const alice = await suite.user("alice");
    const bob = await suite.user("bob");
    const cid = await conversation(alice);
    const aliceMember = (await join(alice, cid)).body.id;
    await invite(alice, cid, bob.name);
    const bobMember = (await join(bob, cid)).body.id;
    const before = await listEvents(alice, cid);
    assertProblem(await leave(bob, cid, aliceMember), 403, "system:error:permission");
    assertProblem(await leave(bob, cid, bobMember, `?from=${aliceMember}`), 403, "system:error:permission");
    assertProblem(await leave(bob, cid, "MEM-none"), 404, "conversation:error:member-not-found");
    assertProblem(await leave(bob, "CON-none", bobMember), 404, "conversation:error:not-found");
    assert.equal((await me(bob, cid)).state, "JOINED");
    assert.deepEqual(await listEvents(alice, cid), before);
  });
});
