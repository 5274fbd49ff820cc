// Sessions over socket.io: login through the handshake query, login errors, resume with pending
// events, logout, token expiry and refresh, dropped transports, and the bounds on sessions.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  Api,
  assertInvalid,
  assertProblem,
  claimsOf,
  Client,
  conversationWith,
  type Json,
  sendText,
  serverLetGo,
  serverSuite,
  type TestUser,
} from "./_server_helpers.ts";

describe("socket login", () => {
  const suite = serverSuite();

  it("answers session:success with the session and the user", async () => {
    const alice = await suite.user("alice");
    const { session } = await suite.connect(alice);
    assert.match(session.id, /^SES-[0-9a-f-]{36}$/);
    assert.equal(session.user_id, alice.id);
    assert.equal(session.name, alice.name);
    assert.equal(session.api_key, claimsOf(alice.token).application_id);
    assert.deepEqual(session.pending_events, []);
  });

  it("gives every login its own session", async () => {
    const alice = await suite.user("alice");
    const [a, b] = await Promise.all([suite.connect(alice), suite.connect(alice)]);
    assert.notEqual(a.session.id, b.session.id);
  });

  it("creates the user on first login", async () => {
    const token = await suite.server.token("first-login-user");
    const session = await suite.open(token).login();
    const answer = await new Api(suite.server.url, token).get(`/v0.3/users/${session.user_id}`);
    assert.equal(answer.body.name, "first-login-user");
  });

  const refusals: [string, () => Promise<string>, string][] = [
    ["an expired token", () => suite.server.token("late", { ttlSeconds: -10 }), "system:error:expired-token"],
    ["a malformed token", () => Promise.resolve("not.a.jwt"), "system:error:invalid-token"],
    ["an empty token", () => Promise.resolve(""), "system:error:invalid-token"],
  ];
  for (const [what, token, event] of refusals) {
    it(`refuses ${what} with ${event}, then disconnects`, async () => {
      const client = suite.open(await token());
      const refusal = await client.next(event);
      assert.equal(refusal.code, event);
      assert.match(refusal.detail, /\w{3,}/, "the refusal says why");
      assert.equal(await client.next("disconnect"), "io server disconnect");
      assert.ok(!client.names().includes("session:success"));
    });
  }

  it("refuses a login without any token", async () => {
    const client = Client.open(suite.server, undefined);
    try {
      await client.next("system:error:invalid-token");
    } finally {
      await client.close();
    }
  });
});

describe("session resume and pending events", () => {
  const suite = serverSuite();

  async function pair(): Promise<{ alice: TestUser; bob: TestUser; cid: string }> {
    const alice = await suite.user("alice");
    const bob = await suite.user("bob");
    return { alice, bob, cid: await conversationWith(alice, bob) };
  }

  it("replays the events a session missed as pending_events, in order, with their type", async () => {
    const { alice, bob, cid } = await pair();
    const { client, session } = await suite.connect(alice);
    await client.close();
    await serverLetGo(suite.server, alice.name);
    const sent = [await sendText(bob, cid, "one"), await sendText(bob, cid, "two")];

    const again = suite.open(alice.token, { sessionId: session.id });
    const resumed = await again.login();
    assert.equal(resumed.id, session.id);
    assert.deepEqual(resumed.pending_events.map((e: Json) => [e.type, e.id, e.body.text]), [
      ["message", sent[0].id, "one"],
      ["message", sent[1].id, "two"],
    ]);
    assert.equal(resumed.pending_events[0].cid, cid);
    // A second resume starts with an empty queue.
    await again.close();
    const third = await suite.open(alice.token, { sessionId: session.id }).login();
    assert.deepEqual(third.pending_events, []);
  });

  it("keeps pushing live events to the resumed session", async () => {
    const { alice, bob, cid } = await pair();
    const { client, session } = await suite.connect(alice);
    await client.close();
    const again = suite.open(alice.token, { sessionId: session.id });
    await again.login();
    const sent = await sendText(bob, cid, "live");
    assert.equal((await again.next("message")).id, sent.id);
  });

  it("keeps at most 500 pending events, dropping the oldest", async () => {
    const { alice, bob, cid } = await pair();
    const { client, session } = await suite.connect(alice);
    await client.close();
    let last = 0;
    for (let i = 0; i < 505; i++) last = (await sendText(bob, cid, `m${i}`)).id;
    const resumed = await suite.open(alice.token, { sessionId: session.id }).login();
    assert.equal(resumed.pending_events.length, 500);
    assert.equal(resumed.pending_events.at(-1).id, last);
    assert.equal(resumed.pending_events[0].id, last - 499);
  });

  it("refuses to resume an unknown session or another user's with session:error:invalid", async () => {
    const alice = await suite.user("alice");
    const bob = await suite.user("bob");
    const { session } = await suite.connect(bob);
    for (const sessionId of ["SES-unknown", session.id]) {
      const client = suite.open(alice.token, { sessionId });
      await client.next("session:error:invalid");
      assert.equal(await client.next("disconnect"), "io server disconnect");
    }
  });

  it("ends the session on session:logout", async () => {
    const alice = await suite.user("alice");
    const { client, session } = await suite.connect(alice);
    client.socket.emit("session:logout", { tid: crypto.randomUUID(), body: {} });
    assert.equal(await client.next("disconnect"), "io server disconnect");
    await suite.open(alice.token, { sessionId: session.id }).next("session:error:invalid");
    assertProblem(await alice.api.put(`/v0.2/sessions/${session.id}`, ""), 404, "session:error:not-found");
  });
});

describe("dropped transports", () => {
  const suite = serverSuite();

  it("cuts a user's transports so the client reconnects and resumes, losing nothing", async () => {
    const alice = await suite.user("alice");
    const bob = await suite.user("bob");
    const cid = await conversationWith(alice, bob);
    const { client, session } = await suite.connect(alice, { acks: true, reconnect: true });
    await suite.connect(bob);

    assert.equal(suite.server.dropConnections(alice.name), 1);
    // Sent while alice's transport is gone: either acknowledged live, or pending on resume.
    const sent = [await sendText(bob, cid, "a"), await sendText(bob, cid, "b")];
    assert.equal(await client.next("disconnect"), "transport close");
    const resumed = await client.next("session:success");
    assert.equal(resumed.body.id, session.id);
    const ids = resumed.body.pending_events.map((e: Json) => e.id);
    for (const _ of sent.slice(ids.length)) ids.push((await client.next("message")).id);
    assert.deepEqual(ids.filter((id: number) => sent.some((s) => s.id === id)), sent.map((s) => s.id));
  });

  it("queues again what a dropped socket had not acknowledged", async () => {
    const alice = await suite.user("alice");
    const bob = await suite.user("bob");
    const cid = await conversationWith(alice, bob);
    const { client, session } = await suite.connect(alice, { acks: true, withholdAcks: true });
    const sent = await sendText(bob, cid, "unacknowledged");
    assert.equal((await client.next("message")).id, sent.id);
    suite.server.dropConnections(alice.name);
    await client.next("disconnect");
    const resumed = await suite.open(alice.token, { sessionId: session.id }).login();
    assert.deepEqual(resumed.pending_events.map((e: Json) => e.id), [sent.id]);
  });

  it("does not queue what was acknowledged", async () => {
    const alice = await suite.user("alice");
    const bob = await suite.user("bob");
    const cid = await conversationWith(alice, bob);
    const { client, session } = await suite.connect(alice, { acks: true });
    const sent = await sendText(bob, cid, "acknowledged");
    assert.equal((await client.next("message")).id, sent.id);
    // The ack travels on the same socket as the next push's ack; wait for a later push as a barrier.
    const barrier = await sendText(bob, cid, "barrier");
    await client.next("message", (m) => m.id === barrier.id);
    await client.close();
    const resumed = await suite.open(alice.token, { sessionId: session.id }).login();
    assert.deepEqual(resumed.pending_events, []);
  });

  it("cuts everyone's transports without a name, and nobody's for an unknown name", async () => {
    const alice = await suite.user("alice");
    const bob = await suite.user("bob");
    const a = await suite.connect(alice);
    const b = await suite.connect(bob);
    assert.equal(suite.server.dropConnections("nobody-like-this"), 0);
    assert.ok(suite.server.dropConnections() >= 2);
    assert.equal(await a.client.next("disconnect"), "transport close");
    assert.equal(await b.client.next("disconnect"), "transport close");
  });
});

describe("token expiry and refresh", () => {
  const suite = serverSuite();

  it("disconnects a live socket when its token expires", async () => {
    // Expiry has a resolution of one second: 2 s leave at least one for the login.
    const token = await suite.server.token("short-lived", { ttlSeconds: 2 });
    const client = suite.open(token);
    await client.login();
    assert.equal(await client.next("disconnect", () => true, 4000), "io server disconnect");
    assert.ok(Date.now() >= claimsOf(token).exp * 1000);
  });

  it("lets PUT /v0.2/sessions/{id} move the expiry to the new token's", async () => {
    const first = await suite.server.token("refresher", { ttlSeconds: 2 });
    const client = suite.open(first);
    const session = await client.login();
    const second = await suite.server.token("refresher", { ttlSeconds: 3 });
    const answer = await new Api(suite.server.url, second).put(`/v0.2/sessions/${session.id}`, "");
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { session_id: session.id });
    assert.equal(await client.next("disconnect", () => true, 5000), "io server disconnect");
    assert.ok(Date.now() >= claimsOf(second).exp * 1000, "disconnected at the new expiry, not the old one");
  });

  it("refuses refreshing an unknown session, another user's, or with a body that is not a string", async () => {
    const alice = await suite.user("alice");
    const bob = await suite.user("bob");
    const { session } = await suite.connect(bob);
    assertProblem(await alice.api.put("/v0.2/sessions/SES-nope", ""), 404, "session:error:not-found");
    assertProblem(await alice.api.put(`/v0.2/sessions/${session.id}`, ""), 403, "system:error:permission");
    assertInvalid(await bob.api.put(`/v0.2/sessions/${session.id}`, {}), "body");
    assertProblem(
      await new Api(suite.server.url).put(`/v0.2/sessions/${session.id}`, ""),
      401,
      "system:error:invalid-token",
    );
  });
});

describe("sessions per user", () => {
  const suite = serverSuite();

  it("allows 32 sessions with sockets, then refuses; an idle session makes room", async () => {
    const alice = await suite.user("alice");
    const logins = await Promise.all(Array.from({ length: 32 }, () => suite.connect(alice)));
    const refused = suite.open(alice.token);
    await refused.next("session:error:max-open-sessions");

    // The oldest session without a socket is replaced by the next login.
    const idle = logins[0]!;
    await idle.client.close();
    await suite.open(alice.token).login();
    await suite.open(alice.token, { sessionId: idle.session.id }).next("session:error:invalid");
  });
});

describe("sockets per session", () => {
  const suite = serverSuite();

  it("attaches at most 4 sockets to one session: each further resume replaces the oldest", async () => {
    const alice = await suite.user("alice");
    const cid = await conversationWith(alice);
    const first = await suite.connect(alice);
    const resumed: Client[] = [first.client];
    for (let i = 0; i < 9; i++) {
      const client = suite.open(alice.token, { sessionId: first.session.id });
      await client.login();
      resumed.push(client);
    }
    // The six oldest were disconnected by the server, one by one as newer ones came.
    for (const client of resumed.slice(0, 6)) {
      assert.equal(await client.next("disconnect"), "io server disconnect");
    }
    const sent = await sendText(alice, cid, "once per socket");
    for (const client of resumed.slice(6)) assert.equal((await client.next("message")).id, sent.id);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(resumed.flatMap((c) => c.names()).filter((name) => name === "message").length, 0);
  });
});
