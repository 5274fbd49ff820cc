// Sessions of the official SDK against our server: login over the socket handshake, refused and
// expired tokens, refreshSession with a new token, and deleteSession.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { interopSuite, senderName } from "./_fixture.ts";
import { OfficialClient, startOfficial } from "./_official.ts";

describe("official SDK sessions", () => {
  const ctx = interopSuite();

  it("createSession resolves a session id that later REST calls use", async () => {
    // interopSuite already logged alice in; a second login of the same user is a new session.
    const carol = await OfficialClient.start(ctx.server.url, "carol");
    try {
      const sessionId = await carol.call("createSession", await ctx.server.token("carol"));
      assert.match(sessionId, /^\S+$/);
      // A REST call addressed by the session id (PUT /v0.2/sessions/{id}) is answered: the id is the
      // server's session, not just some string.
      assert.equal(await carol.call("refreshSession", await ctx.server.token("carol")), null);
      // Calls in the session act as its user: the join makes carol (not alice) the member.
      const cid = await carol.call("createConversation", {});
      const memberId = await carol.call("joinConversation", cid);
      const conversation = await carol.call("getConversation", cid);
      assert.equal(conversation.memberState, "JOINED");
      assert.equal(conversation.memberId, memberId);
      const member = await carol.call("getConversationMember", cid, memberId);
      assert.equal(member.user?.name, "carol");
    } finally {
      await carol.close();
    }
  });

  it("a token that is not ours is refused as invalid", async () => {
    const mallory = await OfficialClient.start(ctx.server.url, "mallory");
    try {
      // Well-formed JWT, signature by nobody.
      const forged = [{ alg: "RS256", typ: "JWT" }, { sub: "mallory", exp: 4102444800 }]
        .map((part) => btoa(JSON.stringify(part)).replace(/=+$/, "")).join(".") + ".c2lnbmF0dXJl";
      const err = await mallory.callError("createSession", forged);
      assert.equal(err.type, "SESSION_ERROR");
      assert.equal(err.code, "session:error:invalid-token");
    } finally {
      await mallory.close();
    }
  });

  it("an expired token is refused as expired", async () => {
    const erin = await OfficialClient.start(ctx.server.url, "erin");
    try {
      const err = await erin.callError("createSession", await ctx.server.token("erin", { ttlSeconds: 0 }));
      assert.equal(err.type, "SESSION_ERROR");
      assert.equal(err.code, "session:error:expired-token");
    } finally {
      await erin.close();
    }
  });

  it("the server ends a session when its token expires, unless refreshSession gave a new one", async () => {
    const { server, bob } = ctx;
    const [dave, carol] = await startOfficial(server.url, "dave", "carol") as [
      OfficialClient,
      OfficialClient,
    ];
    try {
      // dave's token is minted first, so it expires no later than carol's.
      const daveToken = await server.token("dave", { ttlSeconds: 2 });
      const carolToken = await server.token("carol", { ttlSeconds: 2 });
      await dave.call("createSession", daveToken);
      await carol.call("createSession", carolToken);
      assert.equal(await dave.call("refreshSession", await server.token("dave", { ttlSeconds: 600 })), null);

      // The server disconnects carol's socket at expiry; the SDK reports it as EXPIRED_TOKEN.
      const [reason] = await carol.nextEvent("sessionError", undefined, 5_000);
      assert.equal(reason, "EXPIRED_TOKEN");

      // dave's first token has expired by now too, yet his calls (made with the new token) work
      // and pushes still reach him.
      const cid = await dave.call("createConversation", {});
      await dave.call("joinConversation", cid);
      await bob.call("joinConversation", cid);
      await bob.call("sendMessageTextEvent", cid, "still there?");
      const [e] = await dave.nextEvent(
        "conversationEvent",
        (e) => e.kind === "message:text" && e.conversationId === cid,
      );
      assert.equal(e.kind === "message:text" && e.body.text, "still there?");
      assert.equal(senderName(e), "bob");
      assert.deepEqual(dave.events.received("sessionError"), []);
    } finally {
      await Promise.all([dave.close(), carol.close()]);
    }
  });

  it("deleteSession logs out: later calls need a new session", async () => {
    const dave = await OfficialClient.start(ctx.server.url, "dave");
    try {
      const first = await dave.call("createSession", await ctx.server.token("dave"));
      assert.equal(await dave.call("deleteSession"), null);
      const err = await dave.callError("getConversations", {});
      assert.equal(err.code, "session:error:no-active-session");
      // And a new login works again, as a new session.
      const again = await dave.call("createSession", await ctx.server.token("dave"));
      assert.match(again, /^\S+$/);
      assert.notEqual(again, first);
      const page = await dave.call("getConversations", {});
      assert.ok(Array.isArray(page.conversations));
    } finally {
      await dave.close();
    }
  });
});
