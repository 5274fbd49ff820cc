// Conversations: create, read by id or name, update with absent / value / null semantics, delete,
// and the paged list of a user's conversations. Every refusal is checked to leave the state as it was.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  type Answer,
  Api,
  assertInvalid,
  assertProblem,
  conversationWith,
  type Json,
  serverSuite,
  type TestUser,
  unique,
} from "./_server_helpers.ts";

const MEDIA_FLAGS = ["mute", "earmuff", "play_stream", "tts", "recording", "transcribing"];

describe("creating and reading conversations", () => {
  const suite = serverSuite();

  it("creates a conversation with every field and answers 201 with it", async () => {
    const alice = await suite.user("alice");
    const name = unique("team");
    const answer = await alice.api.post("/v0.3/conversations", {
      name,
      display_name: "The team",
      image_url: "https://example.com/team.png",
      properties: { ttl: 60, custom_sort_key: "k1", custom_data: { color: "blue" } },
    });
    assert.equal(answer.status, 201, answer.text);
    const c = answer.body;
    assert.match(c.id, /^CON-[0-9a-f-]{36}$/);
    assert.equal(c.name, name);
    assert.equal(c.state, "ACTIVE");
    assert.equal(c.display_name, "The team");
    assert.equal(c.image_url, "https://example.com/team.png");
    assert.deepEqual(c.properties, { ttl: 60, custom_sort_key: "k1", custom_data: { color: "blue" } });
    assert.ok(!Number.isNaN(Date.parse(c.timestamp.created)));
  });

  it("makes up a unique name when none is given, and stores no ttl for ttl 0", async () => {
    const alice = await suite.user("alice");
    const a = await alice.api.post("/v0.3/conversations", {});
    const b = await alice.api.post("/v0.3/conversations", { properties: { ttl: 0 } });
    assert.equal(a.status, 201);
    assert.notEqual(a.body.name, "");
    assert.notEqual(a.body.name, b.body.name);
    // The made-up name is a real, unique name: it finds the conversation.
    assert.equal((await alice.api.get(`/v0.3/conversations/${a.body.name}`)).body.id, a.body.id);
    assert.deepEqual(b.body.properties, {});
  });

  it("refuses a duplicate name with 409 and creates nothing", async () => {
    const alice = await suite.user("alice");
    const name = unique("dup");
    const first = await alice.api.post("/v0.3/conversations", { name, display_name: "first" });
    assertProblem(
      await alice.api.post("/v0.3/conversations", { name, display_name: "second" }),
      409,
      "conversation:error:duplicate-name",
    );
    const stored = await alice.api.get(`/v0.3/conversations/${name}`);
    assert.equal(stored.body.id, first.body.id);
    assert.equal(stored.body.display_name, "first");
  });

  it("reads a conversation by id or by (percent-encoded) name", async () => {
    const alice = await suite.user("alice");
    const name = unique("a name with spaces & symbols");
    const created = await alice.api.post("/v0.3/conversations", { name });
    const byId = await alice.api.get(`/v0.3/conversations/${created.body.id}`);
    const byName = await alice.api.get(`/v0.3/conversations/${encodeURIComponent(name)}`);
    assert.equal(byId.status, 200);
    assert.deepEqual(byName.body, byId.body);
    assertProblem(await alice.api.get("/v0.3/conversations/CON-none"), 404, "conversation:error:not-found");
  });

  it("embeds the caller's membership and always has the six media flags", async () => {
    const alice = await suite.user("alice");
    const bob = await suite.user("bob");
    const cid = await conversationWith(alice);
    const mine = await alice.api.get(`/v0.3/conversations/${cid}`);
    const me = await alice.api.get(`/v0.3/conversations/${cid}/members/me`);
    assert.deepEqual(mine.body._embedded, { member: { id: me.body.id, state: "JOINED" } });
    assert.deepEqual(Object.keys(mine.body.media_state).sort(), [...MEDIA_FLAGS].sort());
    assert.ok(Object.values(mine.body.media_state).every((v) => v === false));
    // An invited user reads it (to answer the invitation), with the invitation embedded.
    const invited = await alice.api.post(`/v0.3/conversations/${cid}/members`, {
      state: "invited",
      user: { name: bob.name },
    });
    const theirs = await bob.api.get(`/v0.3/conversations/${cid}`);
    assert.equal(theirs.status, 200);
    assert.deepEqual(theirs.body._embedded, { member: { id: invited.body.id, state: "INVITED" } });
  });

  it("needs a token", async () => {
    const alice = await suite.user("alice");
    const cid = await conversationWith(alice);
    assertProblem(
      await new Api(suite.server.url).get(`/v0.3/conversations/${cid}`),
      401,
      "system:error:invalid-token",
    );
  });
});

describe("updating conversations", () => {
  const suite = serverSuite();

  async function full(owner: TestUser): Promise<Json> {
    const answer = await owner.api.post("/v0.3/conversations", {
      name: unique("upd"),
      display_name: "Display",
      image_url: "https://example.com/i.png",
      properties: { ttl: 30, custom_sort_key: "key", custom_data: { a: 1 } },
    });
    assert.equal(answer.status, 201);
    return answer.body;
  }

  const patch = (u: TestUser, cid: string, body: unknown) => u.api.patch(`/v0.3/conversations/${cid}`, body);
  const read = async (u: TestUser, cid: string) => (await u.api.get(`/v0.3/conversations/${cid}`)).body;
  const same = (a: Json, b: Json) => {
    const { timestamp: _a, ...restA } = a;
    const { timestamp: _b, ...restB } = b;
    assert.deepEqual(restA, restB);
  };

  it("keeps absent keys and answers the full conversation", async () => {
    const alice = await suite.user("alice");
    const c = await full(alice);
    const answer = await patch(alice, c.id, {});
    assert.equal(answer.status, 200);
    same(answer.body, await read(alice, c.id));
    assert.equal(answer.body.display_name, "Display");
    assert.deepEqual(answer.body.properties, c.properties);
    assert.deepEqual(Object.keys(answer.body.media_state).sort(), [...MEDIA_FLAGS].sort());
  });

  it("sets values and clears with null", async () => {
    const alice = await suite.user("alice");
    const c = await full(alice);
    const newName = unique("renamed");
    const answer = await patch(alice, c.id, {
      name: newName,
      display_name: null,
      image_url: "https://example.com/new.png",
      properties: { custom_sort_key: null, custom_data: { b: 2 } },
    });
    assert.equal(answer.status, 200, answer.text);
    const now = await read(alice, c.id);
    assert.equal(now.name, newName);
    assert.equal(now.display_name, undefined);
    assert.equal(now.image_url, "https://example.com/new.png");
    assert.deepEqual(now.properties, { ttl: 30, custom_data: { b: 2 } });
    assert.equal(now.timestamp.updated, answer.body.timestamp.updated);
    assert.ok(Date.parse(now.timestamp.updated) >= Date.parse(now.timestamp.created));
    // The old name is free again; the new one finds the conversation.
    assert.equal((await alice.api.get(`/v0.3/conversations/${newName}`)).body.id, c.id);
    assertProblem(await alice.api.get(`/v0.3/conversations/${c.name}`), 404, "conversation:error:not-found");
  });

  it("clears custom sort key and custom data for properties: null, keeping ttl", async () => {
    const alice = await suite.user("alice");
    const c = await full(alice);
    await patch(alice, c.id, { properties: null });
    assert.deepEqual((await read(alice, c.id)).properties, { ttl: 30 });
  });

  it("removes the ttl for ttl 0 and for ttl null", async () => {
    const alice = await suite.user("alice");
    for (const ttl of [0, null]) {
      const c = await full(alice);
      await patch(alice, c.id, { properties: { ttl } });
      assert.deepEqual((await read(alice, c.id)).properties, {
        custom_sort_key: "key",
        custom_data: { a: 1 },
      });
    }
  });

  it("replaces custom data as a whole", async () => {
    const alice = await suite.user("alice");
    const c = await full(alice);
    await patch(alice, c.id, { properties: { custom_data: { z: true } } });
    assert.deepEqual((await read(alice, c.id)).properties.custom_data, { z: true });
  });

  const refusals: [string, Json, (a: Answer) => void][] = [
    ["a null name", { name: null }, (a) => assertInvalid(a, "body.name")],
    ["an empty name", { name: "" }, (a) => assertInvalid(a, "body.name")],
    ["a fractional ttl", { properties: { ttl: 1.5 } }, (a) => assertInvalid(a, "body.properties.ttl")],
    ["a negative ttl", { properties: { ttl: -1 } }, (a) => assertInvalid(a, "body.properties.ttl")],
    [
      "custom data that is a string",
      { properties: { custom_data: "{}" } },
      (a) => assertInvalid(a, "body.properties.custom_data"),
    ],
    ["properties that are a number", { properties: 5 }, (a) => assertInvalid(a, "body.properties")],
    ["a body that is an array", [], (a) => assertInvalid(a, "body")],
    [
      "a display name of 51 characters",
      { display_name: "x".repeat(51) },
      (a) => assertInvalid(a, "body.display_name"),
    ],
  ];
  for (const [what, body, check] of refusals) {
    it(`refuses ${what} with 400 and changes nothing`, async () => {
      const alice = await suite.user("alice");
      const c = await full(alice);
      const before = await read(alice, c.id);
      check(await patch(alice, c.id, body));
      assert.deepEqual(await read(alice, c.id), before);
    });
  }

  it("refuses a name another conversation has, with 409, and changes nothing", async () => {
    const alice = await suite.user("alice");
    const a = await full(alice);
    const b = await full(alice);
    const before = await read(alice, b.id);
    assertProblem(
      await patch(alice, b.id, { name: a.name, display_name: "x" }),
      409,
      "conversation:error:duplicate-name",
    );
    assert.deepEqual(await read(alice, b.id), before);
    // Renaming to its own name is no conflict.
    assert.equal((await patch(alice, b.id, { name: b.name })).status, 200);
  });

  it("lets only the creator update (the default policy), changing nothing on a refusal", async () => {
    const alice = await suite.user("alice");
    const bob = await suite.user("bob");
    const carol = await suite.user("carol");
    const c = await full(alice);
    await alice.api.post(`/v0.3/conversations/${c.id}/members`, {
      state: "invited",
      user: { name: bob.name },
    });
    await bob.api.post(`/v0.3/conversations/${c.id}/members`, { state: "joined", user: { name: bob.name } });
    assert.equal((await patch(alice, c.id, { display_name: "by alice" })).status, 200);
    const before = await read(alice, c.id);
    assertProblem(await patch(bob, c.id, { display_name: "by bob" }), 403, "system:error:permission");
    assertProblem(await patch(carol, c.id, { display_name: "by carol" }), 403, "system:error:permission");
    assert.deepEqual(await read(alice, c.id), before);
    assertProblem(await patch(alice, "CON-none", {}), 404, "conversation:error:not-found");
  });
});

describe("deleting conversations", () => {
  const suite = serverSuite();

  it("answers 204 with an empty body, after which the conversation and its name are gone", async () => {
    const alice = await suite.user("alice");
    const name = unique("gone");
    const created = await alice.api.post("/v0.3/conversations", { name });
    const answer = await alice.api.delete(`/v0.3/conversations/${created.body.id}`);
    assert.equal(answer.status, 204);
    assert.equal(answer.text, "");
    assertProblem(
      await alice.api.get(`/v0.3/conversations/${created.body.id}`),
      404,
      "conversation:error:not-found",
    );
    assertProblem(
      await alice.api.delete(`/v0.3/conversations/${created.body.id}`),
      404,
      "conversation:error:not-found",
    );
    assert.equal((await alice.api.post("/v0.3/conversations", { name })).status, 201);
  });

  it("refuses users who are neither creator nor joined member, and keeps the conversation", async () => {
    const alice = await suite.user("alice");
    const bob = await suite.user("bob");
    const cid = await conversationWith(alice);
    assertProblem(await bob.api.delete(`/v0.3/conversations/${cid}`), 403, "system:error:permission");
    assert.equal((await alice.api.get(`/v0.3/conversations/${cid}`)).status, 200);
  });

  it("takes members and events with it", async () => {
    const alice = await suite.user("alice");
    const cid = await conversationWith(alice);
    await alice.api.delete(`/v0.3/conversations/${cid}`);
    assertProblem(
      await alice.api.get(`/v0.3/conversations/${cid}/events`),
      404,
      "conversation:error:not-found",
    );
    const list = await alice.api.get(`/v0.3/users/${alice.id}/conversations`);
    assert.ok(!list.body._embedded.conversations.some((c: Json) => c.id === cid));
  });
});

describe("listing a user's conversations", () => {
  const suite = serverSuite();

  async function owner(count: number, keys: string[] = []): Promise<{ u: TestUser; ids: string[] }> {
    const u = await suite.user("lister");
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const properties: Json = { custom_data: { i } };
      if (keys[i] !== undefined) properties.custom_sort_key = keys[i];
      const created = await u.api.post("/v0.3/conversations", { name: unique(`list${i}`), properties });
      await u.api.post(`/v0.3/conversations/${created.body.id}/members`, {
        state: "joined",
        user: { id: u.id },
      });
      ids.push(created.body.id);
    }
    return { u, ids };
  }
  const list = (u: TestUser, query = "") => u.api.get(`/v0.3/users/${u.id}/conversations${query}`);
  const ids = (a: Answer) => a.body._embedded.conversations.map((c: Json) => c.id);
  const cursorOf = (href: string) => new URL(href, "http://x").searchParams.get("cursor")!;

  it("lists the conversations the user joined or is invited to, with their membership", async () => {
    const { u, ids: mine } = await owner(2);
    const other = await suite.user("other");
    const elsewhere = await conversationWith(other);
    const invite = await other.api.post(`/v0.3/conversations/${elsewhere}/members`, {
      state: "invited",
      user: { name: u.name },
    });
    const answer = await list(u);
    assert.equal(answer.status, 200);
    assert.deepEqual(ids(answer), [...mine, elsewhere]);
    assert.deepEqual(answer.body._embedded.conversations[2]._embedded.member, {
      id: invite.body.id,
      state: "INVITED",
    });
    assert.deepEqual(answer.body._links, {});
    // Left conversations drop out.
    const me = await u.api.get(`/v0.3/conversations/${mine[0]}/members/me`);
    await u.api.delete(`/v0.2/conversations/${mine[0]}/members/${me.body.id}`);
    assert.deepEqual(ids(await list(u)), [mine[1], elsewhere]);
  });

  it("includes custom_data only when asked", async () => {
    const { u } = await owner(1);
    assert.equal((await list(u)).body._embedded.conversations[0].properties.custom_data, undefined);
    const withData = await list(u, "?include_custom_data=true");
    assert.deepEqual(withData.body._embedded.conversations[0].properties.custom_data, { i: 0 });
    assert.equal(
      (await list(u, "?include_custom_data=false")).body._embedded.conversations[0].properties.custom_data,
      undefined,
    );
  });

  it("orders by creation or custom sort key, ascending or descending", async () => {
    const { u, ids: made } = await owner(3, ["b", "c", "a"]);
    assert.deepEqual(ids(await list(u, "?order=DESC")), [...made].reverse());
    assert.deepEqual(ids(await list(u, "?order=desc")), [...made].reverse());
    assert.deepEqual(ids(await list(u, "?order_by=custom_sort_key")), [made[2], made[0], made[1]]);
    assert.deepEqual(ids(await list(u, "?order_by=custom_sort_key&order=DESC")), [made[1], made[0], made[2]]);
  });

  it("pages with URL-safe cursors in _links, forwards and back", async () => {
    const { u, ids: made } = await owner(5);
    const first = await list(u, "?page_size=2");
    assert.deepEqual(ids(first), made.slice(0, 2));
    assert.equal(first.body.page_size, 2);
    assert.equal(first.body._links.prev, undefined);
    const next = cursorOf(first.body._links.next.href);
    assert.match(next, /^[A-Za-z0-9_-]+$/);
    const second = await list(u, `?page_size=2&cursor=${next}`);
    assert.deepEqual(ids(second), made.slice(2, 4));
    const third = await list(u, `?page_size=2&cursor=${cursorOf(second.body._links.next.href)}`);
    assert.deepEqual(ids(third), made.slice(4));
    assert.equal(third.body._links.next, undefined);
    const back = await list(u, `?page_size=2&cursor=${cursorOf(third.body._links.prev.href)}`);
    assert.deepEqual(ids(back), made.slice(2, 4));
    // A cursor keeps its order even if the next request forgets it.
    const desc = await list(u, "?page_size=2&order=DESC");
    assert.deepEqual(ids(await list(u, `?page_size=2&cursor=${cursorOf(desc.body._links.next.href)}`)), [
      made[2],
      made[1],
    ]);
  });

  it("refuses bad cursors, bad page sizes and other values the API does not know", async () => {
    const { u } = await owner(3);
    const first = await list(u, "?page_size=1");
    const cursor = cursorOf(first.body._links.next.href);
    assertProblem(await list(u, "?cursor=garbage!"), 400, "paginator-builder:error:invalid-cursor");
    assertProblem(await list(u, "?cursor=eyJ4IjoxfQ"), 400, "paginator-builder:error:invalid-cursor");
    assertProblem(
      await list(u, `?cursor=${cursor}&order_by=custom_sort_key`),
      400,
      "paginator-builder:error:invalid-cursor",
    );
    const other = await owner(1);
    assertProblem(await list(other.u, `?cursor=${cursor}`), 400, "paginator-builder:error:invalid-cursor");
    assertInvalid(await list(u, "?page_size=0"), "page_size");
    assertInvalid(await list(u, "?page_size=101"), "page_size");
    assertInvalid(await list(u, "?page_size=ten"), "page_size");
    assertInvalid(await list(u, "?order=up"), "order");
    assertInvalid(await list(u, "?order_by=name"), "order_by");
    assertInvalid(await list(u, "?include_custom_data=yes"), "include_custom_data");
  });

  it("lists only the caller's own conversations", async () => {
    const { u } = await owner(1);
    const other = await suite.user("other");
    assertProblem(await other.api.get(`/v0.3/users/${u.id}/conversations`), 403, "system:error:permission");
    assertProblem(await other.api.get("/v0.3/users/USR-none/conversations"), 404, "user:error:not-found");
  });
});
