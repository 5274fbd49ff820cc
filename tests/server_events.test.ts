// Conversation events: every chat type, ids, fan-out (who gets what, in which order), ephemeral
// events, receipts, deletion, and the event pages with their filters and cursors.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  type Answer,
  assertInvalid,
  assertProblem,
  type Client,
  conversationWith,
  type Json,
  listEvents,
  sendText,
  serverSuite,
  type TestUser,
} from "./_server_helpers.ts";

const MESSAGE_BODIES: Json[] = [
  { message_type: "text", text: 'it\'s <fine> & "quoted"' },
  { message_type: "custom", custom: { card: { title: "t" } } },
  { message_type: "image", image: { url: "https://example.com/a.png" } },
  { message_type: "video", video: { url: "https://example.com/a.mp4" } },
  { message_type: "audio", audio: { url: "https://example.com/a.mp3" } },
  { message_type: "file", file: { url: "https://example.com/a.pdf" } },
  { message_type: "vcard", vcard: { url: "https://example.com/a.vcf" } },
  {
    message_type: "location",
    location: { latitude: "51.5072", longitude: "-0.1276", name: "London", address: "UK" },
  },
  {
    message_type: "template",
    template: { name: "greeting", parameters: ["Ann"] },
    whatsapp: { policy: "deterministic", locale: "en_GB" },
  },
];

describe("sending events", () => {
  const suite = serverSuite();
  const post = (u: TestUser, cid: string, body: unknown) =>
    u.api.post(`/v0.3/conversations/${cid}/events`, body);

  async function pair() {
    const alice = await suite.user("alice");
    const bob = await suite.user("bob");
    const cid = await conversationWith(alice, bob);
    return { alice, bob, cid, a: (await suite.connect(alice)).client, b: (await suite.connect(bob)).client };
  }

  it("stores and pushes every kind of message to every joined member, and lists it", async () => {
    const { alice, bob, cid, a, b } = await pair();
    const me = (await alice.api.get(`/v0.3/conversations/${cid}/members/me`)).body.id;
    for (const body of MESSAGE_BODIES) {
      const answer = await post(alice, cid, { cid, from: me, type: "message", body });
      assert.equal(answer.status, 201, answer.text);
      assert.equal(answer.body.type, "message");
      for (const client of [a, b]) {
        const pushed = await client.next("message");
        assert.equal(pushed.id, answer.body.id);
        assert.equal(pushed.timestamp, answer.body.timestamp);
        assert.equal(pushed.cid, cid);
        assert.equal(pushed.from, me);
        assert.deepEqual(pushed.body, body);
        assert.deepEqual(pushed._embedded.from_user, { id: alice.id, name: alice.name });
        assert.equal(pushed._embedded.from_member.id, me);
      }
    }
    const messages = (await listEvents(bob, cid)).filter((e) => e.type === "message");
    assert.deepEqual(messages.map((e) => e.body), MESSAGE_BODIES);
    assert.ok(messages.every((e) => !Number.isNaN(Date.parse(e.timestamp))));
    assert.equal(messages[0].conversation_id, cid);
    assert.equal(messages[0]._embedded.from_user.name, alice.name);
  });

  it("numbers stored events per conversation 1, 2, 3…, member events included", async () => {
    const { alice, bob, cid } = await pair();
    // 1: alice joined, 2: bob invited, 3: bob joined.
    const sent = [await sendText(alice, cid, "x"), await sendText(bob, cid, "y")];
    assert.deepEqual(sent.map((e) => e.id), [4, 5]);
    assert.deepEqual((await listEvents(alice, cid)).map((e) => e.id), [1, 2, 3, 4, 5]);
    const other = await conversationWith(alice);
    assert.equal((await sendText(alice, other, "z")).id, 2);
  });

  it("stores and pushes custom events under their own type name", async () => {
    const { alice, cid, b } = await pair();
    const answer = await post(alice, cid, { type: "custom:typing", body: { on: true } });
    assert.equal(answer.status, 201);
    const pushed = await b.next("custom:typing");
    assert.deepEqual([pushed.id, pushed.type, pushed.body], [answer.body.id, "custom:typing", { on: true }]);
    assert.equal((await listEvents(alice, cid)).at(-1).type, "custom:typing");
  });

  it("pushes ephemeral events without an id, and neither stores nor numbers them", async () => {
    const { alice, bob, cid, b } = await pair();
    const answer = await post(alice, cid, { type: "ephemeral", body: { cursor: 3 } });
    assert.equal(answer.status, 201);
    assert.equal(answer.body.id, undefined);
    const pushed = await b.next("ephemeral");
    assert.equal(pushed.id, undefined);
    assert.equal(pushed.timestamp, answer.body.timestamp);
    assert.ok(!Number.isNaN(Date.parse(pushed.timestamp)));
    assert.deepEqual(pushed.body, { cursor: 3 });
    assert.equal(pushed.cid, cid);
    assert.ok(!(await listEvents(bob, cid)).some((e) => e.type === "ephemeral"));
    assert.equal((await sendText(alice, cid, "after")).id, 4);
  });

  it("refuses an ephemeral body over 4096 bytes with 413", async () => {
    const { alice, cid } = await pair();
    assertProblem(
      await post(alice, cid, { type: "ephemeral", body: { x: "y".repeat(4100) } }),
      413,
      "ephemeral:error:max-data-limit",
    );
  });

  it("records receipts in the message's state, pushes them, and never lists them", async () => {
    const { alice, bob, cid, a } = await pair();
    const message = await sendText(alice, cid, "read me");
    const bobMember = (await bob.api.get(`/v0.3/conversations/${cid}/members/me`)).body.id;
    const delivered = await post(bob, cid, {
      cid,
      from: bobMember,
      type: "message:delivered",
      body: { event_id: message.id },
    });
    const seen = await post(bob, cid, { type: "message:seen", body: { event_id: message.id } });
    assert.equal(delivered.status, 201);
    assert.equal(seen.status, 201);
    assert.ok(seen.body.id > delivered.body.id && delivered.body.id > message.id);
    const pushedSeen = await a.next("message:seen");
    assert.deepEqual([pushedSeen.id, pushedSeen.body], [seen.body.id, { event_id: message.id }]);
    assert.equal((await a.next("message:delivered")).from, bobMember);

    // The official SDK's filter group lists only the chat set: receipts show as the message's state.
    const events = await listEvents(alice, cid, "&filter_group_type=ChatEvents&filter_group_version=3");
    assert.ok(!events.some((e) => e.type.startsWith("message:")));
    const stored = events.find((e) => e.id === message.id);
    assert.deepEqual(stored.state, {
      delivered_to: { [bobMember]: delivered.body.timestamp },
      seen_by: { [bobMember]: seen.body.timestamp },
    });
    // Without it every stored type is listed, so a back-fill by id finds every id.
    const all = await listEvents(alice, cid, `&start_id=${message.id}`);
    assert.deepEqual(all.map((e) => [e.id, e.type]), [
      [message.id, "message"],
      [delivered.body.id, "message:delivered"],
      [seen.body.id, "message:seen"],
    ]);
    assert.deepEqual(all[2].body, { event_id: message.id });
    assert.equal(all[2].conversation_id, cid);
  });

  it("answers the official SDK's automatic message:delivered for every pushed message", async () => {
    const { alice, bob, cid, a, b } = await pair();
    const message = await sendText(alice, cid, "hello");
    const pushed = await b.next("message");
    const mid = (await bob.api.get(`/v0.3/conversations/${cid}/members/me`)).body.id;
    const receipt = await post(bob, cid, {
      cid,
      from: mid,
      type: "message:delivered",
      body: { event_id: pushed.id },
    });
    assert.equal(receipt.status, 201);
    assert.equal((await a.next("message:delivered")).body.event_id, message.id);
  });

  it("refuses receipts for events that are not messages, or missing", async () => {
    const { bob, cid } = await pair();
    const before = await listEvents(bob, cid);
    assertProblem(
      await post(bob, cid, { type: "message:seen", body: { event_id: 1 } }),
      404,
      "event:error:not-found",
    );
    assertProblem(
      await post(bob, cid, { type: "message:seen", body: { event_id: 999 } }),
      404,
      "event:error:not-found",
    );
    assertInvalid(
      await post(bob, cid, { type: "message:seen", body: { event_id: "1" } }),
      "body.body.event_id",
    );
    assertInvalid(
      await post(bob, cid, { type: "message:seen", body: { event_id: 0 } }),
      "body.body.event_id",
    );
    assert.deepEqual(await listEvents(bob, cid), before);
  });

  const invalid: [string, Json, string][] = [
    ["an unknown type", { type: "message:exploded", body: {} }, "body.type"],
    ["no type", { body: {} }, "body.type"],
    ["no body", { type: "message" }, "body.body"],
    ["a text message without text", { type: "message", body: { message_type: "text" } }, "body.body.text"],
    [
      "an unknown message_type",
      { type: "message", body: { message_type: "poll", poll: {} } },
      "body.body.message_type",
    ],
    [
      "an image without url",
      { type: "message", body: { message_type: "image", image: {} } },
      "body.body.image.url",
    ],
    ["a numeric latitude", {
      type: "message",
      body: { message_type: "location", location: { latitude: 1, longitude: "2" } },
    }, "body.body.location.latitude"],
    ["a custom event whose body is a string", { type: "custom:x", body: "text" }, "body.body"],
    ["a custom type without a name", { type: "custom:", body: {} }, "body.type"],
    ["a body that is null", null, "body"],
  ];
  for (const [what, body, name] of invalid) {
    it(`refuses ${what} with 400 naming ${name}, storing nothing`, async () => {
      const { alice, cid } = await pair();
      const before = await listEvents(alice, cid);
      assertInvalid(await post(alice, cid, body), name);
      assert.deepEqual(await listEvents(alice, cid), before);
    });
  }

  it("lets only joined members send, only as themselves", async () => {
    const { alice, bob, cid } = await pair();
    const carol = await suite.user("carol");
    await alice.api.post(`/v0.3/conversations/${cid}/members`, {
      state: "invited",
      user: { name: carol.name },
    });
    const text = { type: "message", body: { message_type: "text", text: "hi" } };
    const before = await listEvents(alice, cid);
    assertProblem(await post(carol, cid, text), 403, "system:error:permission");
    const stranger = await suite.user("stranger");
    assertProblem(await post(stranger, cid, text), 403, "system:error:permission");
    const bobMember = (await bob.api.get(`/v0.3/conversations/${cid}/members/me`)).body.id;
    assertProblem(await post(alice, cid, { ...text, from: bobMember }), 403, "system:error:permission");
    assert.deepEqual(await listEvents(alice, cid), before);
    assertProblem(await post(alice, "CON-none", text), 404, "conversation:error:not-found");
  });
});

describe("fan-out", () => {
  const suite = serverSuite();

  it("reaches every session of every joined member, and nobody else", async () => {
    const alice = await suite.user("alice");
    const bob = await suite.user("bob");
    const carol = await suite.user("carol");
    const dave = await suite.user("dave");
    const cid = await conversationWith(alice, bob);
    await alice.api.post(`/v0.3/conversations/${cid}/members`, {
      state: "invited",
      user: { name: carol.name },
    });
    const bobs = [(await suite.connect(bob)).client, (await suite.connect(bob)).client];
    const c = (await suite.connect(carol)).client;
    const d = (await suite.connect(dave)).client;

    const sent = await sendText(alice, cid, "members only");
    for (const client of bobs) assert.equal((await client.next("message")).id, sent.id);
    // A barrier: carol and dave get a later push in another conversation; the message would be first.
    const barrier = await conversationWith(alice, carol, dave);
    await c.next("member:joined", (e) => e.cid === barrier && e.body.user.id === dave.id);
    await d.next("member:joined", (e) => e.cid === barrier && e.body.user.id === dave.id);
    assert.ok(!c.names().includes("message"));
    assert.ok(!d.names().includes("message"));
  });

  it("delivers a conversation's events to each session in id order, also when sent concurrently", async () => {
    const alice = await suite.user("alice");
    const bob = await suite.user("bob");
    const cid = await conversationWith(alice, bob);
    const clients: Client[] = [(await suite.connect(alice)).client, (await suite.connect(bob)).client];
    const sent = await Promise.all(
      Array.from({ length: 30 }, (_, i) => sendText(i % 2 ? bob : alice, cid, `m${i}`)),
    );
    const expected = sent.map((e) => e.id).sort((x, y) => x - y);
    for (const client of clients) {
      const got: number[] = [];
      for (let i = 0; i < sent.length; i++) got.push((await client.next("message")).id);
      assert.deepEqual(got, expected);
    }
  });
});

describe("deleting events", () => {
  const suite = serverSuite();
  const remove = (u: TestUser, cid: string, id: number | string, query = "") =>
    u.api.delete(`/v0.3/conversations/${cid}/events/${id}${query}`);

  it("blanks a message, marks it deleted and pushes event:delete", async () => {
    const alice = await suite.user("alice");
    const bob = await suite.user("bob");
    const cid = await conversationWith(alice, bob);
    const b = (await suite.connect(bob)).client;
    const mids = await Promise.all(
      [alice, bob].map(async (u) => (await u.api.get(`/v0.3/conversations/${cid}/members/me`)).body.id),
    );
    const sent: Json[] = [];
    for (const body of MESSAGE_BODIES) {
      sent.push((await alice.api.post(`/v0.3/conversations/${cid}/events`, { type: "message", body })).body);
    }
    for (const message of sent) {
      const answer = await remove(alice, cid, message.id, `?from=${mids[0]}`);
      assert.equal(answer.status, 204);
      assert.equal(answer.text, "");
      const pushed = await b.next("event:delete");
      assert.deepEqual(pushed.body, { event_id: message.id });
      assert.equal(pushed.from, mids[0]);
    }
    const listed = await listEvents(bob, cid, "&exclude_deleted_events=false");
    for (const [i, message] of sent.entries()) {
      const stored = listed.find((e) => e.id === message.id);
      const kind = MESSAGE_BODIES[i].message_type;
      assert.equal(stored.body.message_type, kind);
      assert.ok(kind in stored.body, `a deleted ${kind} message keeps its ${kind} key`);
      assert.notDeepEqual(stored.body[kind], MESSAGE_BODIES[i][kind]);
      assert.ok(!Number.isNaN(Date.parse(stored.body.timestamp.deleted)));
    }
    assert.equal(listed.find((e) => e.id === sent[0].id).body.text, "");
    assert.equal(listed.filter((e) => e.type === "event:delete").length, sent.length);
    const visible = await listEvents(bob, cid, "&exclude_deleted_events=true");
    assert.ok(!visible.some((e) => sent.some((m) => m.id === e.id)));
  });

  it("deletes custom events too; deleting twice changes nothing more", async () => {
    const alice = await suite.user("alice");
    const cid = await conversationWith(alice);
    const custom = await alice.api.post(`/v0.3/conversations/${cid}/events`, {
      type: "custom:note",
      body: { a: 1 },
    });
    assert.equal((await remove(alice, cid, custom.body.id)).status, 204);
    const after = await listEvents(alice, cid);
    assert.equal((await remove(alice, cid, custom.body.id)).status, 204);
    assert.deepEqual(await listEvents(alice, cid), after);
    assert.ok(
      !(await listEvents(alice, cid, "&exclude_deleted_events=true")).some((e) => e.id === custom.body.id),
    );
  });

  it("refuses deleting others' events, member events, unknown ids, and bad ids, changing nothing", async () => {
    const alice = await suite.user("alice");
    const bob = await suite.user("bob");
    const cid = await conversationWith(alice, bob);
    const message = await sendText(alice, cid, "mine");
    const before = await listEvents(alice, cid);
    assertProblem(await remove(bob, cid, message.id), 403, "system:error:permission");
    assertProblem(await remove(alice, cid, 1), 403, "system:error:permission");
    assertProblem(await remove(alice, cid, 999), 404, "event:error:not-found");
    const bobMember = (await bob.api.get(`/v0.3/conversations/${cid}/members/me`)).body.id;
    assertProblem(await remove(alice, cid, message.id, `?from=${bobMember}`), 403, "system:error:permission");
    assertInvalid(await remove(alice, cid, "abc"), "event_id");
    assertInvalid(await remove(alice, cid, 0), "event_id");
    const stranger = await suite.user("stranger");
    assertProblem(await remove(stranger, cid, message.id), 403, "system:error:permission");
    assert.deepEqual(await listEvents(alice, cid), before);
  });
});

describe("event pages", () => {
  const suite = serverSuite();

  async function history(): Promise<{ alice: TestUser; cid: string }> {
    const alice = await suite.user("alice");
    const cid = await conversationWith(alice); // event 1: member:joined
    const post = (body: unknown) => alice.api.post(`/v0.3/conversations/${cid}/events`, body);
    await sendText(alice, cid, "m2");
    await post({ type: "custom:a", body: {} }); // 3
    await post({ type: "custom:b", body: {} }); // 4
    await post({ type: "message:seen", body: { event_id: 2 } }); // 5: listed only without ChatEvents
    await sendText(alice, cid, "m6");
    await post({ type: "ephemeral", body: {} }); // no id
    await sendText(alice, cid, "m7");
    return { alice, cid };
  }
  const page = (u: TestUser, cid: string, query: string) =>
    u.api.get(`/v0.3/conversations/${cid}/events?${query}`);
  const ids = (a: Answer) => {
    assert.equal(a.status, 200, a.text);
    return a.body._embedded.events.map((e: Json) => e.id);
  };
  const CHAT = "filter_group_type=ChatEvents&filter_group_version=3";
  const cursor = (a: Answer, rel: "next" | "prev") =>
    new URL(a.body._links[rel].href, "http://x").searchParams.get("cursor");

  it("lists up to 10 events by default, ascending", async () => {
    const { alice, cid } = await history();
    const answer = await page(alice, cid, "");
    assert.deepEqual(ids(answer), [1, 2, 3, 4, 5, 6, 7], "every stored type");
    assert.deepEqual(ids(await page(alice, cid, CHAT)), [1, 2, 3, 4, 6, 7], "the chat set");
    assert.equal(answer.body.page_size, 10);
    assert.deepEqual(answer.body._links, {});
    for (let i = 0; i < 6; i++) await sendText(alice, cid, `more${i}`);
    assert.equal(ids(await page(alice, cid, "")).length, 10);
  });

  it("orders descending and pages both ways with cursors", async () => {
    const { alice, cid } = await history();
    const first = await page(alice, cid, `${CHAT}&order=DESC&page_size=2`);
    assert.deepEqual(ids(first), [7, 6]);
    const second = await page(alice, cid, `${CHAT}&order=DESC&page_size=2&cursor=${cursor(first, "next")}`);
    assert.deepEqual(ids(second), [4, 3]);
    const third = await page(alice, cid, `${CHAT}&order=DESC&page_size=2&cursor=${cursor(second, "next")}`);
    assert.deepEqual(ids(third), [2, 1]);
    assert.equal(third.body._links.next, undefined);
    assert.deepEqual(ids(await page(alice, cid, `${CHAT}&page_size=2&cursor=${cursor(third, "prev")}`)), [
      4,
      3,
    ]);
  });

  it("starts at start_id (inclusive) in either order", async () => {
    const { alice, cid } = await history();
    assert.deepEqual(ids(await page(alice, cid, `${CHAT}&start_id=4`)), [4, 6, 7]);
    assert.deepEqual(ids(await page(alice, cid, `${CHAT}&start_id=4&order=DESC`)), [7, 6, 4]);
    assert.deepEqual(ids(await page(alice, cid, "start_id=4")), [4, 5, 6, 7]);
    assert.deepEqual(ids(await page(alice, cid, "start_id=100")), []);
  });

  it("filters by event_type: exact names, lists, and custom:*", async () => {
    const { alice, cid } = await history();
    assert.deepEqual(ids(await page(alice, cid, "event_type=message")), [2, 6, 7]);
    assert.deepEqual(ids(await page(alice, cid, "event_type=message,member:joined")), [1, 2, 6, 7]);
    assert.deepEqual(ids(await page(alice, cid, "event_type=custom:*")), [3, 4]);
    assert.deepEqual(ids(await page(alice, cid, "event_type=custom:b")), [4]);
    assert.deepEqual(ids(await page(alice, cid, "event_type=message:seen")), [5]);
    assert.deepEqual(ids(await page(alice, cid, `${CHAT}&event_type=message:seen`)), []);
  });

  it("answers the exact query the official SDK sends", async () => {
    const { alice, cid } = await history();
    const query =
      "order=ASC&page_size=3&filter_group_type=ChatEvents&filter_group_version=3&event_type=message,custom:a&exclude_deleted_events=true";
    assert.deepEqual(ids(await page(alice, cid, query)), [2, 3, 6]);
  });

  it("refuses bad query values and bad cursors", async () => {
    const { alice, cid } = await history();
    assertInvalid(await page(alice, cid, "page_size=0"), "page_size");
    assertInvalid(await page(alice, cid, "page_size=101"), "page_size");
    assertInvalid(await page(alice, cid, "start_id=-1"), "start_id");
    assertInvalid(await page(alice, cid, "filter_group_type=AllEvents"), "filter_group_type");
    assertInvalid(await page(alice, cid, "filter_group_version=2"), "filter_group_version");
    assertInvalid(await page(alice, cid, "exclude_deleted_events=maybe"), "exclude_deleted_events");
    assertProblem(await page(alice, cid, "cursor=AAAA"), 400, "paginator-builder:error:invalid-cursor");
    const other = await history();
    const foreign = cursor(await page(other.alice, other.cid, "page_size=1"), "next");
    assertProblem(await page(alice, cid, `cursor=${foreign}`), 400, "paginator-builder:error:invalid-cursor");
  });

  it("shows events to invited and joined members only", async () => {
    const { alice, cid } = await history();
    const bob = await suite.user("bob");
    assertProblem(await page(bob, cid, ""), 403, "system:error:permission");
    await alice.api.post(`/v0.3/conversations/${cid}/members`, {
      state: "invited",
      user: { name: bob.name },
    });
    assert.equal((await page(bob, cid, "")).status, 200);
    assertProblem(await page(bob, "CON-none", ""), 404, "conversation:error:not-found");
  });
});
