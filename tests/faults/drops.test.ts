// (a) Three of our clients in one conversation send 1,002 messages while the server cuts their
// connections at least 20 times, and loses 2 % of its pushes on the way besides: every client's
// callbacks see every message exactly once, in id order.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { losePushes, OPEN_CONVERSATIONS, type ReferenceServer, startServer } from "../../server.ts";
import { assertExactlyOnceInOrder, conversationOf, Peer, seededRandom } from "./_fixture.ts";

const PER_SENDER = 334;
const DROP_EVERY = 40; // messages sent between two drops

describe("exactly once, in order, across dropped connections", () => {
  let server: ReferenceServer;
  let peers: Peer[] = [];
  before(async () => {
    // Peers join the owner's conversation uninvited.
    server = await startServer({ policy: OPEN_CONVERSATIONS });
    peers = await Promise.all(["alice", "bob", "carol"].map((name) => new Peer(server, name).login()));
  });
  after(async () => {
    server.faults.setPushHook(undefined);
    await Promise.all(peers.map((p) => p.close()));
    await server.close();
  });

  it("3 clients, 1,002 messages from all three, 20+ drops, 2 % of pushes lost", async () => {
    const cid = await conversationOf(peers);
    const random = seededRandom(5);
    server.faults.setPushHook(losePushes(0.02, seededRandom(11)));
    let sent = 0;
    let drops = 0;
    const drop = () => {
      // Sometimes one user, sometimes everyone at once.
      const pick = Math.floor(random() * (peers.length + 1));
      if (server.dropConnections(peers[pick]?.name) > 0) drops++;
    };
    const expected: string[] = [];
    await Promise.all(peers.map(async (peer) => {
      for (let i = 0; i < PER_SENDER; i++) {
        const text = `${peer.name}:${i}`;
        expected.push(text);
        await peer.client.sendMessageTextEvent(cid, text);
        if (++sent % DROP_EVERY === 0) drop();
      }
    }));
    assert.ok(drops >= 20, `only ${drops} drops took effect`);
    // The last pushes all vanish, so no later push reveals the gap: the back-fill that follows a
    // reconnect recovers them.
    server.faults.setPushHook(losePushes(1));
    for (const peer of peers) {
      expected.push(`${peer.name}:last`);
      await peer.client.sendMessageTextEvent(cid, `${peer.name}:last`);
    }
    server.faults.setPushHook(undefined);
    server.dropConnections();

    await Promise.all(
      peers.map((p) => p.until(() => p.texts(cid).length >= expected.length, "every message")),
    );
    for (const peer of peers) assertExactlyOnceInOrder(peer, cid, expected);
    const reconnections = peers.reduce((n, p) => n + p.reconnections, 0);
    assert.ok(reconnections >= 20, `only ${reconnections} reconnections`);
    assert.deepEqual(peers.map((p) => p.sessionErrors), [[], [], []]);
  });
});
