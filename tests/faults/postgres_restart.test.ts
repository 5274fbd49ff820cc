// (e) PostgreSQL restarts under a running server: requests that need a commit while it is down are
// answered 503 `system:error:unavailable`, the server recovers by itself once it is back, and every
// message answered 201 is stored and reaches the other member exactly once, in order.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { type PostgresInstance, startPostgres } from "../../scripts/services.ts";
import { OPEN_CONVERSATIONS, type ReferenceServer, startServer } from "../../server.ts";
import { conversationOf, Peer } from "./_fixture.ts";

describe("PostgreSQL restarting under a server", () => {
  let pg: PostgresInstance | undefined;
  let server: ReferenceServer | undefined;
  const peers: Peer[] = [];
  after(async () => {
    await Promise.all(peers.map((p) => p.close()));
    await server?.close().catch(() => {});
    await pg?.destroy();
  });

  it("answers 503 while it is down, recovers by itself, and loses nothing answered", async () => {
    pg = await startPostgres();
    server = await startServer({ databaseUrl: pg.url, policy: OPEN_CONVERSATIONS });
    for (const name of ["alice", "bob"]) peers.push(await new Peer(server, name).login());
    const cid = await conversationOf(peers);
    const token = await server.token("alice");
    const send = async (text: string) => {
      const res = await fetch(`${server!.url}/v0.3/conversations/${cid}/events`, {
        method: "POST",
        headers: { authorization: `bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ type: "message", body: { message_type: "text", text } }),
      });
      return { status: res.status, body: await res.json() };
    };

    const answered: string[] = [];
    const refused: string[] = [];
    let n = 0;
    const sendSome = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const text = `m${n++}`;
        const { status, body } = await send(text);
        if (status === 201) answered.push(text);
        else {
          assert.equal(status, 503, JSON.stringify(body));
          assert.equal(body.code, "system:error:unavailable");
          refused.push(text);
        }
      }
    };
    await sendSome(20);
    await pg.stop();
    await sendSome(5);
    assert.ok(refused.length >= 5, `answered ${refused.length} of 5 with 503 while the database was down`);
    await pg.start();
    // The server finds the database again by itself: sends succeed within a few seconds.
    const deadline = Date.now() + 15_000;
    do {
      assert.ok(Date.now() < deadline, "the server did not recover");
      await new Promise((r) => setTimeout(r, 100));
      await sendSome(1);
    } while (refused.at(-1) === `m${n - 1}`);
    await sendSome(20);

    const res = await fetch(
      `${server.url}/v0.3/conversations/${cid}/events?page_size=100&event_type=message`,
      {
        headers: { authorization: `bearer ${token}` },
      },
    );
    const stored = (await res.json())._embedded.events.map((e: { body: { text: string } }) => e.body.text);
    for (const text of answered) assert.ok(stored.includes(text), `${text} was answered but is missing`);

    const bob = peers[1]!;
    await bob.until(() => answered.every((t) => bob.texts(cid).includes(t)), "every answered message");
    const seen = bob.texts(cid);
    assert.equal(new Set(seen).size, seen.length, "nothing twice");
    assert.deepEqual(seen.filter((t) => answered.includes(t)), answered, "in order");

    // And all of it is in the database: another node started on it now reads the same events.
    const second = await startServer({ databaseUrl: pg.url });
    try {
      const again = await fetch(
        `${second.url}/v0.3/conversations/${cid}/events?page_size=100&event_type=message`,
        { headers: { authorization: `bearer ${token}` } },
      );
      const texts = (await again.json())._embedded.events.map((e: { body: { text: string } }) => e.body.text);
      for (const text of answered) assert.ok(texts.includes(text), `${text} is not in the database`);
    } finally {
      await second.close();
    }
  });
});
