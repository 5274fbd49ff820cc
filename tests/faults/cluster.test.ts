// (g) Two active nodes on one PostgreSQL serve one application, behind HAProxy (round robin, no
// sticky sessions, websocket transport): they start at once on an empty database and agree on one
// dev key pair; a write answered by one node is read at once on the other; concurrent senders on
// both nodes get strictly increasing, unique ids per conversation; a session opened on one node
// resumes on the other with its pending events; ephemeral events cross nodes; messages sent through the
// load balancer reach every client, wherever it is connected, exactly once and in order; a node that
// finds log rows missing reads its state again.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { freePort, startHaproxy, startPostgres } from "../../scripts/services.ts";
import { OPEN_CONVERSATIONS, type ReferenceServer, startServer } from "../../server.ts";
import { postgres } from "../../src/server/deps.ts";
import { Api, Client, type Json, sendText, user } from "../_server_helpers.ts";
import { assertExactlyOnceInOrder, conversationOf, Peer } from "./_fixture.ts";

const SENDERS_PER_NODE = 3;
const MESSAGES_PER_SENDER = 20;

describe("two nodes on one PostgreSQL", () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  after(async () => {
    for (const clean of cleanups.reverse()) await clean().catch(() => {});
  });

  it("share one state: keys, reads after writes, ordered ids, sessions, fan-out behind HAProxy", async () => {
    const pg = await startPostgres();
    cleanups.push(() => pg.destroy());
    const options = { databaseUrl: pg.url, policy: OPEN_CONVERSATIONS };
    // Started at once on an empty database: one of them makes the dev keys, both use them.
    const [a, b] = await Promise.all([
      startServer({ ...options, port: await freePort() }),
      startServer({ ...options, port: await freePort() }),
    ]) as [ReferenceServer, ReferenceServer];
    cleanups.push(() => a.close(), () => b.close());

    // A dev token minted by one node is valid on the other, on REST and on the socket.
    const alice = await user(a, "alice");
    const aliceOnB = new Api(b.url, alice.token);
    assert.equal((await aliceOnB.get("/v0.3/users/alice")).body.id, alice.id);
    const bob = await user(b, "bob");
    assert.equal((await new Api(a.url, bob.token).get("/v0.3/users/bob")).body.id, bob.id);
    const onB = Client.open(b, alice.token);
    cleanups.push(() => onB.close());
    assert.equal((await onB.login()).user_id, alice.id);

    // A write answered by one node is read at once on the other.
    const created = await alice.api.post("/v0.3/conversations", { name: "shared" });
    assert.equal(created.status, 201, created.text);
    const cid: string = created.body.id;
    assert.equal((await aliceOnB.get(`/v0.3/conversations/${cid}`)).body.name, "shared");
    for (const [u, api] of [[alice, aliceOnB], [bob, bob.api]] as const) {
      const joined = await api.post(`/v0.3/conversations/${cid}/members`, {
        state: "joined",
        user: { name: u.name },
        channel: { type: "app" },
      });
      assert.equal(joined.status, 201, joined.text);
    }
    const members = (await alice.api.get(`/v0.3/conversations/${cid}/members`)).body._embedded.members;
    assert.equal(members.length, 2);

    // Concurrent senders on both nodes: every answered id is unique, each sender's ids increase, and
    // each id holds the text it was answered for.
    const answered = new Map<number, string>();
    await Promise.all([a, b].flatMap((node, n) =>
      Array.from({ length: SENDERS_PER_NODE }, async (_, s) => {
        const api = new Api(node.url, n === 0 ? alice.token : bob.token);
        let last = 0;
        for (let i = 0; i < MESSAGES_PER_SENDER; i++) {
          const text = `n${n}s${s}m${i}`;
          const sent = await api.post(`/v0.3/conversations/${cid}/events`, {
            type: "message",
            body: { message_type: "text", text },
          });
          assert.equal(sent.status, 201, sent.text);
          const id: number = sent.body.id;
          assert.ok(id > last, `${text}: id ${id} after ${last}`);
          assert.ok(!answered.has(id), `id ${id} answered twice (${answered.get(id)} and ${text})`);
          answered.set(id, text);
          last = id;
        }
      })
    ));
    const listed: Json[] = [];
    let cursor = "";
    do {
      const page = await aliceOnB.get(`/v0.3/conversations/${cid}/events?page_size=100${cursor}`);
      assert.equal(page.status, 200, page.text);
      listed.push(...page.body._embedded.events);
      const next = page.body._links?.next?.href as string | undefined;
      cursor = next ? `&cursor=${new URL(next, b.url).searchParams.get("cursor")}` : "";
    } while (cursor);
    const ids = listed.map((e) => e.id as number);
    assert.deepEqual(ids, ids.map((_, i) => i + 1), "ids 1, 2, 3, … without gaps or repeats");
    for (const [id, text] of answered) {
      assert.equal(listed.find((e) => e.id === id)?.body.text, text, `id ${id}`);
    }
    assert.equal(answered.size, 2 * SENDERS_PER_NODE * MESSAGES_PER_SENDER);

    // A session opened on one node, gone away, resumes on the other with what was sent meanwhile.
    const bobOnA = Client.open(a, bob.token, { acks: true });
    const session = await bobOnA.login();
    await bobOnA.close();
    const away: number[] = [];
    for (let i = 0; i < 3; i++) {
      const node = i % 2 === 0 ? alice.api : aliceOnB;
      const sent = await node.post(`/v0.3/conversations/${cid}/events`, {
        type: "message",
        body: { message_type: "text", text: `away ${i}` },
      });
      assert.equal(sent.status, 201, sent.text);
      away.push(sent.body.id);
    }
    const bobOnB = Client.open(b, bob.token, { sessionId: session.id, acks: true });
    cleanups.push(() => bobOnB.close());
    const resumed = await bobOnB.login();
    assert.equal(resumed.id, session.id);
    assert.deepEqual(
      resumed.pending_events.filter((e: Json) => e.type === "message").map((e: Json) => e.id),
      away,
      "the pending events, in order",
    );
    // And it is held there now: what follows is pushed to it by the node it is on.
    const next = await alice.api.post(`/v0.3/conversations/${cid}/events`, {
      type: "message",
      body: { message_type: "text", text: "after the resume" },
    });
    assert.equal((await bobOnB.next("message", (e) => e.id === next.body.id)).body.text, "after the resume");
    // Ephemeral events, never stored, cross nodes too.
    const ephemeral = await alice.api.post(`/v0.3/conversations/${cid}/events`, {
      type: "ephemeral",
      body: { cursor: 7 },
    });
    assert.equal(ephemeral.status, 201, ephemeral.text);
    assert.deepEqual((await bobOnB.next("ephemeral")).body, { cursor: 7 });

    // Behind HAProxy: clients land on both nodes; what is sent through it reaches each exactly once,
    // in order, whichever node wrote it and whichever node holds the client.
    const lb = await startHaproxy([a.port, b.port]);
    cleanups.push(() => lb.stop());
    const attemptsBefore = [a.faults.connectionAttempts, b.faults.connectionAttempts];
    const reference = { url: lb.url, token: a.token } as unknown as ReferenceServer;
    const peers: Peer[] = [];
    for (const name of ["carol", "dave", "erin", "frank"]) {
      peers.push(await new Peer(reference, name).login());
    }
    cleanups.push(() => Promise.all(peers.map((p) => p.close())));
    assert.ok(a.faults.connectionAttempts > attemptsBefore[0]!, "a client is connected to node A");
    assert.ok(b.faults.connectionAttempts > attemptsBefore[1]!, "a client is connected to node B");
    const room = await conversationOf(peers);
    const token = await b.token("carol");
    const texts: string[] = [];
    await Promise.all([0, 1].map(async (s) => {
      for (let i = 0; i < 25; i++) {
        const text = `lb${s}-${i}`;
        const res = await fetch(`${lb.url}/v0.3/conversations/${room}/events`, {
          method: "POST",
          headers: { authorization: `bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({ type: "message", body: { message_type: "text", text } }),
        });
        assert.equal(res.status, 201, await res.text());
        texts.push(text);
      }
    }));
    for (const peer of peers) {
      await peer.until(() => texts.every((t) => peer.texts(room).includes(t)), "every message");
      assertExactlyOnceInOrder(peer, room, texts);
    }

    // A node that finds log rows it needed gone (the log is pruned) reads its whole state again, and
    // goes on: here a row appears after a hole in the log.
    const db = postgres(pg.url, { max: 1, onnotice: () => {} });
    cleanups.push(() => db.end());
    const [top] = await db`SELECT max(seq) AS head FROM changes`;
    const empty = JSON.stringify({ changes: [], publications: [] });
    await db`INSERT INTO changes (seq, node, data) VALUES (${Number(top!.head) + 2}, 'elsewhere', ${empty})`;
    const eventsFrom = (api: Api, id: number) => api.get(`/v0.3/conversations/${cid}/events?start_id=${id}`);
    const read = await eventsFrom(aliceOnB, next.body.id);
    assert.equal(read.status, 200, read.text);
    assert.equal(read.body._embedded.events[0].body.text, "after the resume");
    const late = await sendText(alice, cid, "after the hole");
    assert.equal(late.id, next.body.id + 1);
    const lateOnB = await eventsFrom(aliceOnB, late.id);
    assert.equal(lateOnB.body._embedded.events[0]?.body.text, "after the hole", lateOnB.text);
  });
});
