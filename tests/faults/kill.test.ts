// (d) A single server on an embedded data directory is killed with SIGKILL while messages flow, and
// started again over the same directory: every message that was answered is there with its id, and
// our connected clients resume their sessions and see every answered message exactly once, in order.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { freePort } from "../../scripts/services.ts";
import { assertStoredAsAnswered, Peer } from "./_fixture.ts";
import { type ServerProcess, spawnServer } from "./_process.ts";

const MESSAGES = 200;
const KILL_AT = 80;
const SENDERS = 4;

describe("kill -9 of a server on a data directory", () => {
  const cleanups: (() => Promise<void>)[] = [];
  after(async () => {
    for (const clean of cleanups.reverse()) await clean();
  });

  it(`loses nothing answered across a SIGKILL in the middle of ${MESSAGES} messages`, async () => {
    const dir = await Deno.makeTempDir({ prefix: "parley-kill-" });
    cleanups.push(() => Deno.remove(dir, { recursive: true }));
    const args = ["--port", String(await freePort()), "--data", dir];
    const users = ["alice", "bob"];
    let server: ServerProcess = await spawnServer(args, users);
    cleanups.push(() => server.kill("SIGTERM"));
    const peers = await Promise.all(users.map((name) => new Peer(server.reference, name).login()));
    cleanups.push(async () => {
      await Promise.all(peers.map((p) => p.close()));
    });
    // Alice's conversation; Bob joins on her invitation (the default access policy).
    const [alice, bob] = peers as [Peer, Peer];
    const cid = await alice.client.createConversation();
    await alice.client.joinConversation(cid);
    await alice.client.inviteToConversation(cid, "bob");
    await bob.client.joinConversation(cid);
    const joins = (p: Peer) => p.events.filter((e) => e.kind === "member:joined" && e.conversationId === cid);
    await alice.until(() => joins(alice).length >= 2, "both joins");

    // Several senders at once, so requests are in flight when the process dies. Every attempt has
    // its own text; only those answered 2xx are owed.
    const answered: { text: string; id: number }[] = [];
    let attempt = 0;
    let killed: Promise<void> | undefined;
    const send = async (): Promise<void> => {
      while (answered.length < MESSAGES) {
        const text = `m${attempt++}`;
        try {
          const res = await fetch(`${server.url}/v0.3/conversations/${cid}/events`, {
            method: "POST",
            headers: { authorization: `bearer ${server.tokens.alice}`, "content-type": "application/json" },
            body: JSON.stringify({ type: "message", body: { message_type: "text", text } }),
          });
          const body = await res.json();
          if (res.status !== 201) throw new Error(`answered ${res.status}`);
          answered.push({ text, id: body.id });
        } catch {
          await new Promise((r) => setTimeout(r, 20)); // the server is down: try again shortly
        }
        if (answered.length >= KILL_AT && !killed) {
          killed = (async () => {
            await server.kill("SIGKILL");
            server = await spawnServer(args, users);
          })();
        }
      }
    };
    await Promise.all(Array.from({ length: SENDERS }, send));
    await killed;
    assert.ok(attempt > answered.length, "some requests failed while the server was down");

    // Every answered message is stored, once, under the id it was answered with.
    await assertStoredAsAnswered(alice.client, cid, answered);

    // Both clients resumed through the restart and saw every answered message once, in order.
    const owed = new Set(answered.map((a) => a.text));
    for (const peer of peers) {
      await peer.until(
        () => answered.every((a) => peer.texts(cid).includes(a.text)),
        "every answered message",
      );
      const seen = peer.texts(cid).filter((t) => owed.has(t));
      assert.deepEqual(seen, [...answered].sort((a, b) => a.id - b.id).map((a) => a.text), peer.name);
      const all = peer.texts(cid);
      assert.equal(new Set(all).size, all.length, `${peer.name}: nothing twice`);
      assert.ok(peer.reconnections >= 1, `${peer.name} reconnected`);
      assert.deepEqual(peer.sessionErrors, [], `${peer.name} kept its session`);
    }
  });
});
