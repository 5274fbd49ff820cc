// Conversations against the reference server: create, read by id or name, update with Option
// semantics (the exact JSON sent for every row of DESIGN.md §4), delete, list and iterate.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { type Conversation, none, some, type UpdateConversationParameters, VonageError } from "../mod.ts";
import { clientSuite, type TestClient, unique } from "./_client_fixture.ts";

describe("VonageClient conversations", () => {
  const suite = clientSuite();
  const alice = () => suite.clients.alice as TestClient;

  it("createConversation sends only the given keys and resolves the id; getConversation reads it back", async () => {
    const name = unique("create");
    const id = await alice().client.createConversation({
      name,
      displayName: "Support <24/7> & co",
      imageUrl: "https://img.test/s.png",
      ttl: 600,
      customSortKey: "b",
      customData: '{"tier":"gold"}',
    });
    const before = Date.now();
    assert.deepEqual(JSON.parse(alice().sent("/v0.3/conversations", "POST").at(-1)!.body), {
      name,
      display_name: "Support <24/7> & co",
      image_url: "https://img.test/s.png",
      properties: { ttl: 600, custom_sort_key: "b", custom_data: { tier: "gold" } },
    });
    const conversation = await alice().client.getConversation(id);
    assert.equal(conversation.id, id);
    assert.equal(conversation.name, name);
    assert.equal(conversation.displayName, "Support <24/7> & co");
    assert.equal(conversation.imageUrl, "https://img.test/s.png");
    assert.deepEqual(conversation.properties, { ttl: 600, customSortKey: "b", customData: { tier: "gold" } });
    assert.equal(conversation.memberId, null);
    assert.equal(conversation.state, "ACTIVE");
    const created = Date.parse(conversation.timestamp.created ?? "");
    assert.ok(
      Math.abs(created - before) < 60_000,
      `created ${conversation.timestamp.created}, now ${before}`,
    );
    assert.equal(conversation.timestamp.destroyed, null);
    // The id is the server's: the conversation is found by it in the creator's list once joined.
    await alice().client.joinConversation(id);
    const ids: string[] = [];
    for await (const c of alice().client.conversations({ pageSize: 100 })) ids.push(c.id);
    assert.ok(ids.includes(id), `${id} in ${ids.join(", ")}`);
  });

  it("createConversation without parameters sends {}", async () => {
    const id = await alice().client.createConversation();
    assert.equal(alice().sent("/v0.3/conversations", "POST").at(-1)!.body, "{}");
    assert.equal((await alice().client.getConversation(id)).id, id);
  });

  it("getConversation finds a conversation by a name full of URL syntax (percent-encoded)", async () => {
    const name = unique("a/b?c=d&e#f g");
    const id = await alice().client.createConversation({ name });
    assert.equal((await alice().client.getConversation(name)).id, id);
    const get = alice().sent("/v0.3/conversations/", "GET").at(-1)!;
    assert.equal(get.path, `/v0.3/conversations/${encodeURIComponent(name)}`);
  });

  it("getConversation shows the caller's membership", async () => {
    const id = await alice().client.createConversation();
    const memberId = await alice().client.joinConversation(id);
    const conversation = await alice().client.getConversation(id);
    assert.equal(conversation.memberId, memberId);
    assert.equal(conversation.memberState, "JOINED");
  });

  describe("updateConversation", () => {
    let id = "";
    const base = { displayName: "D", imageUrl: "https://img.test/i.png", ttl: 60, customSortKey: "k" };

    /** Resets the conversation, applies `params`, and answers the PATCH body text and the result. */
    async function update(params: UpdateConversationParameters): Promise<[string, Conversation]> {
      id = await alice().client.createConversation({ name: unique("upd"), ...base, customData: { a: 1 } });
      const result = await alice().client.updateConversation(id, params);
      const patch = alice().sent(`/v0.3/conversations/${id}`, "PATCH").at(-1)!;
      assert.deepEqual(await alice().client.getConversation(id), result, "resolves the updated conversation");
      return [patch.body, result];
    }

    it("keeps a field that is left out, none() or undefined: nothing is sent", async () => {
      for (
        const params of [{}, { displayName: none(), customData: none() }, {
          displayName: undefined,
          ttl: undefined,
        }]
      ) {
        const [body, result] = await update(params);
        assert.equal(body, "{}");
        assert.equal(result.displayName, "D");
        assert.deepEqual(result.properties, { ttl: 60, customSortKey: "k", customData: { a: 1 } });
      }
    });

    it("sets a field given as v or some(v)", async () => {
      let [body, result] = await update({ displayName: "New", ttl: some(120) });
      assert.equal(body, '{"display_name":"New","properties":{"ttl":120}}');
      assert.equal(result.displayName, "New");
      assert.equal(result.properties.ttl, 120);
      assert.equal(result.imageUrl, "https://img.test/i.png");

      const name = unique("renamed");
      [body, result] = await update({ name: some(name), customSortKey: "z", customData: '{"b":2}' });
      assert.equal(body, `{"name":"${name}","properties":{"custom_sort_key":"z","custom_data":{"b":2}}}`);
      assert.equal(result.name, name);
      assert.deepEqual(result.properties, { ttl: 60, customSortKey: "z", customData: { b: 2 } });
    });

    it("clears a field given as null or some(null)", async () => {
      let [body, result] = await update({ displayName: null, imageUrl: some(null) });
      assert.equal(body, '{"display_name":null,"image_url":null}');
      assert.equal(result.displayName, null);
      assert.equal(result.imageUrl, null);

      [body, result] = await update({ ttl: null });
      assert.equal(body, '{"properties":{"ttl":null}}');
      assert.equal(result.properties.ttl, null);

      [body, result] = await update({ customSortKey: some(null), customData: null });
      assert.equal(body, '{"properties":{"custom_sort_key":null,"custom_data":null}}');
      assert.deepEqual(result.properties, { ttl: 60, customSortKey: null, customData: null });

      [body, result] = await update({ customData: some(null) });
      assert.equal(body, '{"properties":{"custom_data":null}}');
      assert.deepEqual(result.properties, { ttl: 60, customSortKey: "k", customData: null });
    });

    it("refuses to clear name, and bad custom data, without a request", async () => {
      const before = alice().requests.length;
      for (const params of [{ name: null }, { name: some(null) }, { customData: "not json" }]) {
        await assert.rejects(
          alice().client.updateConversation(id || "CON-x", params as UpdateConversationParameters),
          (err: unknown) =>
            err instanceof VonageError && err.code === "internal:error:illegal_argument_exception",
        );
      }
      assert.equal(alice().requests.length, before);
    });
  });

  it("deleteConversation deletes; reading it afterwards is conversation:error:not-found", async () => {
    const id = await alice().client.createConversation();
    await alice().client.deleteConversation(id);
    await assert.rejects(alice().client.getConversation(id), (err: unknown) => {
      return err instanceof VonageError && err.type === "CS_ERROR" &&
        err.code === "conversation:error:not-found";
    });
  });

  it("getConversations pages through the user's conversations; conversations() iterates them all", async () => {
    const carol = suite.extra("carol");
    await carol.client.createSession(await suite.server.token("carol"));
    const ids: string[] = [];
    for (const key of ["c", "a", "b"]) {
      const id = await carol.client.createConversation({ customSortKey: key, customData: { key } });
      await carol.client.joinConversation(id);
      ids.push(id);
    }
    const first = await carol.client.getConversations({ pageSize: 2, order: "asc" });
    assert.equal(first.conversations.length, 2);
    assert.equal(first.previousCursor, null);
    assert.ok(first.nextCursor);
    const second = await carol.client.getConversations({
      pageSize: 2,
      order: "asc",
      cursor: first.nextCursor,
    });
    assert.deepEqual([...first.conversations, ...second.conversations].map((c) => c.id), ids);
    assert.equal(second.nextCursor, null);
    assert.equal(first.conversations[0]!.properties.customData, null, "custom data only on request");

    const sorted = await carol.client.getConversations({
      orderBy: "custom_sort_key",
      includeCustomData: true,
    });
    assert.deepEqual(sorted.conversations.map((c) => c.properties.customSortKey), ["a", "b", "c"]);
    assert.deepEqual(sorted.conversations[0]!.properties.customData, { key: "a" });
    assert.match(carol.requests.at(-1)!.path, /\?include_custom_data=true&order_by=custom_sort_key$/);

    const all: string[] = [];
    for await (const c of carol.client.conversations({ pageSize: 1, order: "desc" })) all.push(c.id);
    assert.deepEqual(all, [...ids].reverse());
    assert.equal(carol.sent("/v0.3/users/").filter((r) => r.path.includes("page_size=1")).length, 3);
  });
});
