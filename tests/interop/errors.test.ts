// The server's error codes as the official SDK reports them (wire-protocol.md §11.1): a 4xx body's
// `code` becomes the VonageError's code, with type CS_ERROR.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { interopSuite, uniqueName } from "./_fixture.ts";

describe("official SDK error codes", () => {
  const ctx = interopSuite();

  it("an unknown conversation is conversation:error:not-found", async () => {
    const { alice } = ctx;
    for (
      const err of [
        await alice.callError("getConversation", "CON-00000000-0000-0000-0000-000000000000"),
        await alice.callError("getConversation", uniqueName("no-such-name")),
        await alice.callError("joinConversation", "CON-00000000-0000-0000-0000-000000000000"),
        await alice.callError("getConversationEvents", "CON-00000000-0000-0000-0000-000000000000", {}),
      ]
    ) {
      assert.equal(err.type, "CS_ERROR");
      assert.equal(err.code, "conversation:error:not-found");
    }
  });

  it("a taken name is conversation:error:duplicate-name, on create and on rename", async () => {
    const { alice, bob } = ctx;
    const name = uniqueName("dup");
    await alice.call("createConversation", { name });
    const onCreate = await bob.callError("createConversation", { name });
    assert.equal(onCreate.type, "CS_ERROR");
    assert.equal(onCreate.code, "conversation:error:duplicate-name");

    const other = await alice.call("createConversation", { name: uniqueName("other") });
    await alice.call("joinConversation", other);
    const onRename = await alice.callError("updateConversation", other, { name });
    assert.equal(onRename.type, "CS_ERROR");
    assert.equal(onRename.code, "conversation:error:duplicate-name");
  });
});
