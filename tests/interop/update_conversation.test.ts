// updateConversation with the official SDK's Option-style parameters (wire-protocol.md §8): a key
// left out or none() keeps a field, a value or some(v) sets it, null or some(null) clears it. The
// official 2.3.1 resolves an unreadable object, so every result is read back with getConversation.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Conversation, UpdateConversationParameters } from "./_api.ts";
import { tag } from "./_api.ts";
import { interopSuite, uniqueName } from "./_fixture.ts";

describe("official SDK updateConversation", () => {
  const ctx = interopSuite();

  /** A conversation alice is a member of, with every field set; returns its id and name. */
  async function fullConversation(): Promise<{ cid: string; name: string }> {
    const name = uniqueName("upd");
    const cid = await ctx.alice.call("createConversation", {
      name,
      displayName: "Before",
      imageUrl: "https://example.com/before.png",
      ttl: 100,
      customSortKey: "before",
      customData: { v: 1 },
    });
    await ctx.alice.call("joinConversation", cid);
    return { cid, name };
  }

  async function update(cid: string, params: UpdateConversationParameters): Promise<Conversation> {
    await ctx.alice.call("updateConversation", cid, params);
    return await ctx.alice.call("getConversation", cid);
  }

  it("plain values and some(v) set every field", async () => {
    const { cid } = await fullConversation();
    const newName = uniqueName("renamed");
    let c = await update(cid, {
      name: newName,
      displayName: "After",
      imageUrl: "https://example.com/after.png",
      ttl: 200,
      customSortKey: "after",
      customData: { v: 2, nested: { ok: true } },
    });
    assert.equal(c.name, newName);
    assert.equal(c.displayName, "After");
    assert.equal(c.imageUrl, "https://example.com/after.png");
    assert.equal(c.properties?.ttl, 200);
    assert.equal(c.properties?.customSortKey, "after");
    assert.deepEqual(c.properties?.customData, { v: 2, nested: { ok: true } });
    // The conversation is found under its new name.
    assert.equal((await ctx.alice.call("getConversation", newName)).id, cid);

    c = await update(cid, { displayName: tag.some("Some"), customData: tag.some({ v: 3 }) });
    assert.equal(c.displayName, "Some");
    assert.deepEqual(c.properties?.customData, { v: 3 });
    assert.equal(c.properties?.customSortKey, "after");
  });

  it("an empty update and none() keep every field", async () => {
    const { cid, name } = await fullConversation();
    const before = await ctx.alice.call("getConversation", cid);
    for (
      const params of [
        {},
        {
          name: tag.none(),
          displayName: tag.none(),
          imageUrl: tag.none(),
          ttl: tag.none(),
          customSortKey: tag.none(),
          customData: tag.none(),
        },
      ]
    ) {
      const c = await update(cid, params);
      assert.equal(c.name, name);
      assert.equal(c.displayName, "Before");
      assert.equal(c.imageUrl, "https://example.com/before.png");
      assert.deepEqual(c.properties, before.properties);
    }
  });

  it("setting one field keeps the others", async () => {
    const { cid, name } = await fullConversation();
    const c = await update(cid, { customSortKey: "only-this" });
    assert.equal(c.properties?.customSortKey, "only-this");
    assert.equal(c.name, name);
    assert.equal(c.displayName, "Before");
    assert.equal(c.imageUrl, "https://example.com/before.png");
    assert.equal(c.properties?.ttl, 100);
    assert.deepEqual(c.properties?.customData, { v: 1 });
  });

  it("null, some(null) and a present undefined clear a field", async () => {
    const { cid } = await fullConversation();
    let c = await update(cid, { displayName: null, imageUrl: tag.some(null) });
    assert.equal(c.displayName ?? null, null);
    assert.equal(c.imageUrl ?? null, null);
    assert.equal(c.properties?.customSortKey, "before");

    c = await update(cid, { customSortKey: tag.undefined() }); // the official SDK sends null
    assert.equal(c.properties?.customSortKey ?? null, null);
    assert.deepEqual(c.properties?.customData, { v: 1 });

    c = await update(cid, { customData: null });
    assert.equal(c.properties?.customData ?? null, null);
    assert.equal(c.properties?.ttl, 100);
  });

  it('clearing custom sort key and custom data together sends "properties": null', async () => {
    const { cid, name } = await fullConversation();
    const c = await update(cid, { customSortKey: null, customData: null });
    assert.equal(c.properties?.customSortKey ?? null, null);
    assert.equal(c.properties?.customData ?? null, null);
    assert.equal(c.name, name);
    assert.equal(c.displayName, "Before");
  });

  it("ttl: a number sets it, 0 and null are sent as 0", async () => {
    const { cid } = await fullConversation();
    let c = await update(cid, { ttl: 42 });
    assert.equal(c.properties?.ttl, 42);
    c = await update(cid, { ttl: 0 });
    assert.equal(c.properties?.ttl ?? 0, 0);
    await update(cid, { ttl: 7 });
    c = await update(cid, { ttl: null });
    assert.equal(c.properties?.ttl ?? 0, 0);
    assert.equal(c.properties?.customSortKey, "before");
  });

  it("name cannot be cleared: the SDK refuses before any request", async () => {
    const { cid, name } = await fullConversation();
    const err = await ctx.alice.callError("updateConversation", cid, { name: tag.some(null) as never });
    assert.equal(err.type, "UNKNOWN_ERROR");
    assert.equal((await ctx.alice.call("getConversation", cid)).name, name);
  });
});
