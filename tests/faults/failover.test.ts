// (f) Two servers on one PostgreSQL behind HAProxy (round robin, no sticky sessions): one active,
// one standby waiting for the database. The active one is killed with SIGKILL in the middle of a
// stream; the standby takes over, our clients reconnect through the load balancer to it with the
// tokens the first one minted, resume their sessions, and see every answered message exactly once,
// in order; every answered message is stored under the id it was answered with. The official SDK,
// connected the same way, reconnects by itself and receives what is sent after the takeover.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  freePort,
  type LoadBalancer,
  type PostgresInstance,
  startHaproxy,
  startPostgres,
} from "../../scripts/services.ts";
import type { ReferenceServer } from "../../server.ts";
import { OfficialClient } from "../interop/_official.ts";
import { Peer } from "./_fixture.ts";
import { launchServer, spawnServer } from "./_process.ts";

const MESSAGES = 150;
const KILL_AT = 60;
const SENDERS = 3;

describe("failover behind a load balancer", () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  after(async () => {
    for (const clean of cleanups.reverse()) await clean().catch(() => {});
  });

  it("a standby takes over from a killed server; clients follow through HAProxy and lose nothing", async () => {
    const pg: PostgresInstance = await startPostgres();
    cleanups.push(() => pg.destroy());
    const [portA, portB] = [await freePort(), await freePort()];
    const users = ["alice", "bob", "carol"];
    const active = await spawnServer(["--port", String(portA), "--database", pg.url], users);
    cleanups.push(() => active.kill("SIGKILL"));
    const standby = launchServer(["--port", String(portB), "--database", pg.url, "--standby"], users);
    cleanups.push(() => standby.kill("SIGTERM"));
    const lb: LoadBalancer = await startHaproxy([portA, portB]);
    cleanups.push(() => lb.stop());

    // Clients know only the load balancer, and the tokens the first server minted.
    const reference = { url: lb.url, token: active.reference.token } as unknown as ReferenceServer;
    const peers = await Promise.all(["alice", "bob"].map((name) => new Peer(reference, name).login()));
    const carol = await OfficialClient.start(lb.url, "carol");
    cleanups.push(() => carol.close());
    await carol.call("createSession", active.tokens.carol!);
    cleanups.push(() => Promise.all(peers.map((p) => p.close())));
    const [alice, bob] = peers as [Peer, Peer];
    const cid = await alice.client.createConversation();
    await alice.client.joinConversation(cid);
    await alice.client.inviteToConversation(cid, "bob");
    await bob.client.joinConversation(cid);
    await alice.client.inviteToConversation(cid, "carol");
    await carol.call("joinConversation", cid);
    const joins = (p: Peer) => p.events.filter((e) => e.kind === "member:joined" && e.conversationId === cid);
    await alice.until(() => joins(alice).length >= 3, "the joins");

    const answered: { text: string; id: number }[] = [];
    let attempt = 0;
    let killed: Promise<void> | undefined;
    let answeredAtKill = 0;
    const send = async (): Promise<void> => {
      while (answered.length < MESSAGES) {
        const text = `m${attempt++}`;
        try {
          const res = await fetch(`${lb.url}/v0.3/conversations/${cid}/events`, {
            method: "POST",
            headers: { authorization: `bearer ${active.tokens.alice}`, "content-type": "application/json" },
            body: JSON.stringify({ type: "message", body: { message_type: "text", text } }),
          });
          const body = await res.text();
          if (res.status !== 201) throw new Error(`answered ${res.status}`);
          answered.push({ text, id: JSON.parse(body).id });
        } catch {
          await new Promise((r) => setTimeout(r, 50)); // no server up: try again shortly
        }
        if (answered.length >= KILL_AT && !killed) {
          answeredAtKill = answered.length;
          killed = active.kill("SIGKILL");
        }
      }
    };
    await Promise.all(Array.from({ length: SENDERS }, send));
    await killed;
    const successor = await standby.ready;
    assert.ok(answeredAtKill >= KILL_AT && answered.length >= answeredAtKill + 50, "the successor answered");

    const stored = new Map<number, string>();
    let cursor: string | undefined;
    do {
      const page = await alice.client.getConversationEvents(cid, {
        pageSize: 100,
        cursor,
        eventFilter: ["message"],
      });
      for (const e of page.events) if (e.kind === "message:text") stored.set(Number(e.id), e.body.text);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    for (const { text, id } of answered) assert.equal(stored.get(id), text, `answered ${text} as ${id}`);

    const owed = new Set(answered.map((a) => a.text));
    const inOrder = [...answered].sort((a, b) => a.id - b.id).map((a) => a.text);
    for (const peer of peers) {
      await peer.until(
        () => answered.every((a) => peer.texts(cid).includes(a.text)),
        "every answered message",
      );
      assert.deepEqual(peer.texts(cid).filter((t) => owed.has(t)), inOrder, peer.name);
      const all = peer.texts(cid);
      assert.equal(new Set(all).size, all.length, `${peer.name}: nothing twice`);
      assert.ok(peer.reconnections >= 1, `${peer.name} reconnected`);
      assert.deepEqual(peer.sessionErrors, [], `${peer.name} kept its session`);
    }
    assert.ok(successor.url.endsWith(`:${portB}`));

    // The official SDK reconnected by itself (it does not back-fill, so only what follows is owed).
    await carol.nextEvent("reconnection", undefined, 20_000);
    assert.deepEqual(carol.events.received("sessionError"), []);
    await alice.client.sendMessageTextEvent(cid, "after the takeover");
    const [e] = await carol.nextEvent(
      "conversationEvent",
      (e) => e.kind === "message:text" && e.body.text === "after the takeover",
    );
    assert.equal(e.kind === "message:text" && e.conversationId, cid);
  });
});
