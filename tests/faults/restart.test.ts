// (c) The server restarts its socket layer (keeping sessions, queues and events) while messages
// flow: clients resume their sessions and still see every message once, in order.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { OPEN_CONVERSATIONS, type ReferenceServer, startServer } from "../../server.ts";
import { assertExactlyOnceInOrder, conversationOf, Peer } from "./_fixture.ts";

const MESSAGES = 300;
const RESTART_EVERY = 75;

describe("exactly once, in order, across restarts of the server's socket layer", () => {
  let server: ReferenceServer;
  let peers: Peer[] = [];
  before(async () => {
    // Peers join the owner's conversation uninvited.
    server = await startServer({ policy: OPEN_CONVERSATIONS });
    peers = await Promise.all(["alice", "bob", "carol"].map((name) => new Peer(server, name).login()));
  });
  after(async () => {
    await Promise.all(peers.map((p) => p.close()));
    await server.close();
  });

  it("three restarts with 300 ms of refused connections each; sessions resume", async () => {
    const cid = await conversationOf(peers);
    const [alice] = peers as [Peer];
    const sessionsBefore = peers.map((p) => p.changes.find((c) => c.reason === "loggedIn"));
    const attemptsBefore = server.faults.connectionAttempts;
    const expected: string[] = [];
    const restarts: Promise<number>[] = [];
    for (let i = 0; i < MESSAGES; i++) {
      const text = `alice:${i}`;
      expected.push(text);
      await alice.client.sendMessageTextEvent(cid, text); // REST keeps working during the outage
      if ((i + 1) % RESTART_EVERY === 0 && i + 1 < MESSAGES) {
        if (restarts.length > 0) {
          await restarts.at(-1);
          await Promise.all(
            peers.map((p) => p.until(() => p.client.connectionState === "connected", "resumed")),
          );
        }
        // Not awaited: messages keep coming while the sockets are down.
        restarts.push(server.faults.restartSockets({ downtimeMs: 300 }));
      }
    }
    assert.deepEqual(await Promise.all(restarts), [3, 3, 3], "each restart closed all three sockets");
    await Promise.all(
      peers.map((p) => p.until(() => p.texts(cid).length >= expected.length, "every message")),
    );
    for (const peer of peers) {
      assertExactlyOnceInOrder(peer, cid, expected);
      assert.equal(peer.reconnections, 3, `${peer.name} resumed after each restart`);
      assert.ok(peer.changes.some((c) => c.reason === "retryFailed"), `${peer.name} was refused while down`);
      assert.deepEqual(peer.sessionErrors, []);
      assert.equal(peer.client.connectionState, "connected");
    }
    assert.ok(sessionsBefore.every(Boolean));
    assert.ok(server.faults.connectionAttempts > attemptsBefore + 9, "refused attempts are counted");
  });
});
