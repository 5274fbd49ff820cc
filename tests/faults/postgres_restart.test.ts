// (e) PostgreSQL restarts under a running server: requests that need a commit while it is down are
// answered 503 `system:error:unavailable`, the server recovers by itself once it is back, and every
// message answered 201 is stored and reaches the other member exactly once, in order. And no cut
// connection kills the process: new connections reset at their first query, a commit whose backend
// is terminated mid-statement, restarts under commits in flight and under two nodes, one idle.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createConnection, createServer, type Server, type Socket } from "node:net";
import { freePort, type PostgresInstance, startPostgres } from "../../scripts/services.ts";
import { OPEN_CONVERSATIONS, type ReferenceServer, startServer } from "../../server.ts";
import { postgres } from "../../src/server/deps.ts";
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

  it("new connections cut at their first query cost 503s at most; the server lives on", async () => {
    // Deterministic, through a proxy that cuts connections. The postgres client (3.4.9) starts each
    // new connection with an array-types query of its own and drops its promise: cut there, it was
    // an unhandled rejection that killed the process (seen as an uncaught ECONNRESET).
    pg ??= await startPostgres();
    const proxy = await cuttingProxy(Number(new URL(pg.url).port));
    const node = await startServer({ databaseUrl: proxy.url(pg.url), policy: OPEN_CONVERSATIONS });
    try {
      const token = await node.token("gina");
      const headers = { authorization: `bearer ${token}`, "content-type": "application/json" };
      const create = () =>
        fetch(`${node.url}/v0.3/conversations`, { method: "POST", headers, body: JSON.stringify({}) });
      assert.equal((await create()).status, 201);
      for (let round = 0; round < 3; round++) {
        proxy.cutFirstQueries = 4;
        proxy.dropAll();
        const deadline = Date.now() + 15_000;
        let res = await create();
        while (res.status !== 201) {
          assert.equal((await res.json()).code, "system:error:unavailable");
          assert.ok(Date.now() < deadline, `round ${round}: no commit after the cuts`);
          await new Promise((r) => setTimeout(r, 100));
          res = await create();
        }
        await res.body?.cancel();
      }
    } finally {
      await node.close();
      await proxy.close();
    }
  });

  it("a commit whose connection is cut mid-transaction is answered 503; the server lives on", async () => {
    // Deterministic: the commit's INSERT waits on a table lock held here, then its backend is
    // terminated, as a database restart does.
    pg ??= await startPostgres();
    const node = await startServer({ databaseUrl: pg.url, policy: OPEN_CONVERSATIONS });
    const admin = postgres(pg.url, { max: 2, fetch_types: false, onnotice: () => {} });
    try {
      const token = await node.token("frank");
      const headers = { authorization: `bearer ${token}`, "content-type": "application/json" };
      const created = await fetch(`${node.url}/v0.3/conversations`, {
        method: "POST",
        headers,
        body: JSON.stringify({ name: "cut-mid-commit" }),
      });
      const { id } = await created.json();
      const joined = await fetch(`${node.url}/v0.3/conversations/${id}/members`, {
        method: "POST",
        headers,
        body: JSON.stringify({ state: "joined", user: { name: "frank" }, channel: { type: "app" } }),
      });
      assert.equal(joined.status, 201);
      const send = async (text: string) => {
        const res = await fetch(`${node.url}/v0.3/conversations/${id}/events`, {
          method: "POST",
          headers,
          body: JSON.stringify({ type: "custom:cut", body: { text } }),
        });
        return { status: res.status, body: await res.json() };
      };
      for (let round = 0; round < 3; round++) {
        const cut = await admin.begin(async (tx) => {
          await tx.unsafe("LOCK TABLE events IN EXCLUSIVE MODE");
          const pending = send(`cut ${round}`);
          const deadline = Date.now() + 10_000;
          let pid: number | undefined;
          while (pid === undefined) {
            assert.ok(Date.now() < deadline, "the commit never waited on the lock");
            const [row] = await admin.unsafe(
              `SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO events%'`,
            );
            pid = row?.pid;
          }
          await admin.unsafe("SELECT pg_terminate_backend($1)", [pid]);
          return await pending;
        });
        assert.equal(cut.status, 503, JSON.stringify(cut.body));
        assert.equal(cut.body.code, "system:error:unavailable");
        // The server commits again by itself (the refused event is committed on a retry).
        const deadline = Date.now() + 15_000;
        let after = await send(`after ${round}`);
        while (after.status !== 201) {
          assert.ok(Date.now() < deadline, `round ${round}: no commit after the cut`);
          await new Promise((r) => setTimeout(r, 100));
          after = await send(`after ${round}`);
        }
      }
    } finally {
      await admin.end();
      await node.close();
    }
  });

  it("survives restarts while commits are in flight: 503s in the gap, then recovery, nothing answered lost", async () => {
    // Eight senders keep a commit on the wire at every moment, so the database goes away in the
    // middle of transactions. (Through postgres 3.4.9's sql.begin this could kill the process: its
    // ROLLBACK written to the closed connection, an uncaught TypeError; not on every run.)
    pg ??= await startPostgres();
    const node = await startServer({ databaseUrl: pg.url, policy: OPEN_CONVERSATIONS });
    try {
      const token = await node.token("erin");
      const headers = { authorization: `bearer ${token}`, "content-type": "application/json" };
      const created = await fetch(`${node.url}/v0.3/conversations`, {
        method: "POST",
        headers,
        body: JSON.stringify({ name: "commits-in-flight" }),
      });
      assert.equal(created.status, 201);
      const { id } = await created.json();
      const joined = await fetch(`${node.url}/v0.3/conversations/${id}/members`, {
        method: "POST",
        headers,
        body: JSON.stringify({ state: "joined", user: { name: "erin" }, channel: { type: "app" } }),
      });
      assert.equal(joined.status, 201);
      const answered: number[] = [];
      let n = 0;
      let running = true;
      const sender = async () => {
        while (running) {
          const i = n++;
          const res = await fetch(`${node.url}/v0.3/conversations/${id}/events`, {
            method: "POST",
            headers,
            body: JSON.stringify({ type: "custom:inflight", body: { i } }),
          });
          const body = await res.json();
          if (res.status === 201) answered.push(i);
          else assert.equal(body.code, "system:error:unavailable", `${res.status} ${JSON.stringify(body)}`);
        }
      };
      const senders = Array.from({ length: 8 }, sender);
      for (let round = 0; round < 3; round++) {
        const before = answered.length;
        const deadline = Date.now() + 15_000;
        while (answered.length < before + 20) {
          assert.ok(Date.now() < deadline, `round ${round}: the server did not recover`);
          await new Promise((r) => setTimeout(r, 20));
        }
        await pg.stop();
        await new Promise((r) => setTimeout(r, 200));
        await pg.start();
      }
      const last = answered.length;
      const deadline = Date.now() + 15_000;
      while (answered.length < last + 20) {
        assert.ok(Date.now() < deadline, "the server did not recover after the last restart");
        await new Promise((r) => setTimeout(r, 20));
      }
      running = false;
      await Promise.all(senders);
      await node.close();

      // Read back by the next server on the database: what was answered is in it.
      const next = await startServer({ databaseUrl: pg.url, policy: OPEN_CONVERSATIONS });
      try {
        const stored = new Set<number>();
        let path: string | undefined = `/v0.3/conversations/${id}/events?page_size=100`;
        while (path) {
          const page = await (await fetch(`${next.url}${path}`, { headers })).json();
          for (const e of page._embedded.events) if (e.type === "custom:inflight") stored.add(e.body.i);
          path = page._links.next?.href;
        }
        for (const i of answered) assert.ok(stored.has(i), `custom event ${i} was answered but is missing`);
      } finally {
        await next.close();
      }
    } finally {
      await node.close();
    }
  });

  it("two nodes, one of them idle, both live through a restart and serve each other's writes", async () => {
    // An idle node only polls (its presence lock) and listens, as the standby of old did: a new
    // connection cut during the client's own array-types query was an unhandled rejection that
    // killed the process (postgres 3.4.9, fetch_types; about every other run of this test).
    pg ??= await startPostgres();
    const busy = await startServer({ databaseUrl: pg.url, policy: OPEN_CONVERSATIONS });
    const idle = await startServer({ databaseUrl: pg.url, policy: OPEN_CONVERSATIONS });
    try {
      const token = await busy.token("dave");
      const headers = { authorization: `bearer ${token}`, "content-type": "application/json" };
      const create = (node: ReferenceServer, name: string) =>
        fetch(`${node.url}/v0.3/conversations`, { method: "POST", headers, body: JSON.stringify({ name }) });
      const created = await create(busy, "kept-through-restart");
      assert.equal(created.status, 201);
      const { id } = await created.json();
      for (let round = 0; round < 2; round++) {
        await pg.stop();
        await new Promise((resolve) => setTimeout(resolve, 500));
        await pg.start();
        // Each node commits again by itself, and reads what the other wrote.
        for (const [writer, reader] of [[busy, idle], [idle, busy]] as const) {
          const deadline = Date.now() + 15_000;
          let res = await create(writer, `after-${round}-${writer.port}`);
          while (res.status !== 201) {
            assert.ok(Date.now() < deadline, `round ${round}: a node did not recover`);
            await res.body?.cancel();
            await new Promise((r) => setTimeout(r, 100));
            res = await create(writer, `after-${round}-${writer.port}`);
          }
          const { id: other } = await res.json();
          // The other node may still be reading its state again (503 meanwhile).
          let read = await fetch(`${reader.url}/v0.3/conversations/${other}`, { headers });
          while (read.status === 503 && Date.now() < deadline) {
            await read.body?.cancel();
            await new Promise((r) => setTimeout(r, 100));
            read = await fetch(`${reader.url}/v0.3/conversations/${other}`, { headers });
          }
          assert.equal(read.status, 200, "a conversation written on one node, read on the other");
          await read.body?.cancel();
        }
      }
      const res = await fetch(`${idle.url}/v0.3/conversations/${id}`, { headers });
      assert.equal(res.status, 200, "the first conversation, on the idle node");
      await res.body?.cancel();
    } finally {
      await busy.close();
      await idle.close();
    }
  });
});

/**
 * A TCP proxy to PostgreSQL on `port` that can cut every connection (`dropAll`) and, while
 * `cutFirstQueries` is above 0, closes new connections when their first query arrives (one fewer
 * each time).
 */
async function cuttingProxy(port: number) {
  const sockets = new Set<Socket>();
  const proxy = {
    cutFirstQueries: 0,
    url: (url: string) => url.replace(`:${port}/`, `:${listening}/`),
    dropAll: () => {
      for (const socket of sockets) socket.destroy();
    },
    close: () => {
      proxy.dropAll();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server: Server = createServer((client) => {
    const upstream = createConnection(port, "127.0.0.1");
    sockets.add(client).add(upstream);
    let chunks = 0;
    let startupDone = false;
    client.on("error", () => {}).on("close", () => (upstream.destroy(), sockets.delete(client)));
    upstream.on("error", () => {}).on("close", () => (client.destroy(), sockets.delete(upstream)));
    upstream.on("data", (chunk: Uint8Array) => {
      // ReadyForQuery ('Z') ends the startup.
      if (chunk.includes(0x5a)) startupDone = true;
      client.write(chunk);
    });
    client.on("data", (chunk: Uint8Array) => {
      if (chunks++ > 0 && startupDone && proxy.cutFirstQueries > 0) {
        proxy.cutFirstQueries--;
        client.resetAndDestroy(); // a TCP reset: the client sees ECONNRESET
        upstream.destroy();
        return;
      }
      upstream.write(chunk);
    });
  });
  const listening = await freePort();
  await new Promise<void>((resolve) => server.listen(listening, "127.0.0.1", resolve));
  return proxy;
}
