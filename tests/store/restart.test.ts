// What survives a restart of a server on a durable engine (SQLite data directory, PostgreSQL): users,
// conversations, members, events with their ids and receipts, sessions with their pending pushes, and
// the dev-mode keys (tokens minted before the restart stay valid).
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  Api,
  Client,
  conversationWith,
  type Json,
  sendText,
  serverLetGo,
  startServer,
  user,
} from "../_server_helpers.ts";
import { engines } from "./_engines.ts";

const all = engines().filter((e) => e.durable);
after(async () => {
  for (const engine of all) await engine.close();
});

for (const engine of all) {
  describe(`restart on ${engine.name}`, () => {
    it("keeps every answered change, sessions with pending pushes, and the dev keys", async () => {
      const options = await engine.fresh();
      let server = await startServer(options);
      assert.equal(server.engine, engine.name);
      const alice = await user(server, "alice");
      const bob = await user(server, "bob");
      const cid = await conversationWith(alice, bob);
      const sent: Json[] = [];
      // Texts with what SQL and string replacement treat specially: they must come back as sent.
      const tricky = String.raw`it's \' '' $1 $& $' $$ ; -- /* \u0027`;
      for (let i = 0; i < 5; i++) sent.push(await sendText(alice, cid, `before ${i} ${tricky}`));
      const seen = await bob.api.post(`/v0.3/conversations/${cid}/events`, {
        type: "message:seen",
        body: { event_id: sent[0].id },
      });
      assert.equal(seen.status, 201, seen.text);

      // Bob's session goes offline; what is sent meanwhile queues for it.
      const socket = Client.open(server, bob.token);
      const session = await socket.login();
      await socket.close();
      await serverLetGo(server, "bob");
      for (let i = 0; i < 3; i++) sent.push(await sendText(alice, cid, `while away ${i}`));
      const before = (await alice.api.get(`/v0.3/conversations/${cid}/events?page_size=100`)).body;
      await server.close();

      server = await startServer({ ...options, port: 0 });
      try {
        const api = new Api(server.url, alice.token);
        assert.equal((await api.get("/v0.3/users/alice")).body.id, alice.id, "old tokens stay valid");
        const after = (await api.get(`/v0.3/conversations/${cid}/events?page_size=100`)).body;
        assert.deepEqual(after._embedded, before._embedded, "events with ids, bodies and states");
        const message = after._embedded.events.find((e: Json) => e.id === sent[0].id);
        assert.deepEqual(message.state, before._embedded.events.find((e: Json) => e.id === sent[0].id).state);
        assert.equal(Object.keys(message.state.seen_by).length, 1, "the receipt is kept");
        const members = (await api.get(`/v0.3/conversations/${cid}/members`)).body;
        assert.deepEqual(
          members._embedded.members.map((m: Json) => m._embedded.user.name).sort(),
          ["alice", "bob"],
        );
        const mine = (await api.get(`/v0.3/users/${alice.id}/conversations`)).body;
        assert.ok(mine._embedded.conversations.some((c: Json) => c.id === cid));

        const resumed = Client.open(server, bob.token, { sessionId: session.id });
        try {
          const body = await resumed.login();
          assert.equal(body.id, session.id, "the session resumes");
          assert.deepEqual(
            body.pending_events.filter((e: Json) => e.type === "message").map((
              e: Json,
            ) => [e.id, e.body.text]),
            sent.slice(5).map((e, i) => [e.id, `while away ${i}`]),
            "its pending pushes, in order",
          );
          const next = await sendText({ ...alice, api }, cid, "after");
          assert.equal(next.id, after._embedded.events.at(-1).id + 1, "ids go on");
          assert.equal((await resumed.next("message")).id, next.id);
        } finally {
          await resumed.close();
        }
      } finally {
        await server.close();
      }
    });
  });
}
