// Creating conversations with the official SDK and reading them back by id and by name.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { interopSuite, uniqueName } from "./_fixture.ts";

describe("official SDK conversations", () => {
  const ctx = interopSuite();

  it("createConversation stores every parameter; getConversation by id and by name return it", async () => {
    const { alice } = ctx;
    const name = uniqueName("team");
    const cid = await alice.call("createConversation", {
      name,
      displayName: "The Team",
      imageUrl: "https://example.com/team.png",
      ttl: 3600,
      customSortKey: "k-01",
      customData: { topic: "launch", priority: 2, tags: ["a", "b"] },
    });
    assert.equal(typeof cid, "string");

    const byId = await alice.call("getConversation", cid);
    const byName = await alice.call("getConversation", name);
    for (const c of [byId, byName]) {
      assert.equal(c.id, cid);
      assert.equal(c.name, name);
      assert.equal(c.displayName, "The Team");
      assert.equal(c.imageUrl, "https://example.com/team.png");
      assert.equal(c.state, "ACTIVE");
      assert.equal(c.properties?.ttl, 3600);
      assert.equal(c.properties?.customSortKey, "k-01");
      assert.deepEqual(c.properties?.customData, { topic: "launch", priority: 2, tags: ["a", "b"] });
      assert.equal(typeof c.timestamp.created, "string");
    }
  });

  it("createConversation without parameters gets a server-chosen name", async () => {
    const { alice } = ctx;
    const cid = await alice.call("createConversation");
    const c = await alice.call("getConversation", cid);
    assert.equal(c.id, cid);
    assert.ok(c.name.length > 0);
  });

  it("getConversation shows the caller's own membership", async () => {
    const { alice } = ctx;
    const cid = await alice.call("createConversation", { name: uniqueName("members") });
    const memberId = await alice.call("joinConversation", cid);
    const mine = await alice.call("getConversation", cid);
    assert.equal(mine.memberId, memberId);
    assert.equal(mine.memberState, "JOINED");
  });

  it("getConversations lists the conversations the user is a member of", async () => {
    const { bob } = ctx;
    const joined = await bob.call("createConversation", { name: uniqueName("bobs") });
    await bob.call("joinConversation", joined);
    const other = await bob.call("createConversation", { name: uniqueName("not-joined") });
    const page = await bob.call("getConversations", { pageSize: 100 });
    const ids = page.conversations.map((c) => c.id);
    assert.ok(ids.includes(joined), `${joined} in ${ids}`);
    assert.ok(!ids.includes(other), `${other} not in ${ids}`);
  });
});
