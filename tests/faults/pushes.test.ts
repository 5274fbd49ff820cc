// (b) Duplicated, reordered and delayed pushes: callbacks still see each event once, in id order.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  combineHooks,
  delayPushes,
  duplicatePushes,
  OPEN_CONVERSATIONS,
  type PushHook,
  type ReferenceServer,
  reorderPushes,
  startServer,
} from "../../server.ts";
import { assertExactlyOnceInOrder, conversationOf, Peer, seededRandom } from "./_fixture.ts";

const MESSAGES = 300;

describe("exactly once, in order, with duplicated, reordered and delayed pushes", () => {
  let server: ReferenceServer;
  let peers: Peer[] = [];
  before(async () => {
    // Peers join the owner's conversation uninvited.
    server = await startServer({ policy: OPEN_CONVERSATIONS });
    peers = await Promise.all(["alice", "bob"].map((name) => new Peer(server, name).login()));
  });
  after(async () => {
    server.faults.setPushHook(undefined);
    await Promise.all(peers.map((p) => p.close()));
    await server.close();
  });

  it("20 % duplicated, 20 % swapped with the next, 10 % delayed up to 30 ms", async () => {
    const cid = await conversationOf(peers);
    const random = seededRandom(7);
    let pushes = 0;
    let sends = 0;
    const count: PushHook = (_push, send) => {
      pushes++;
      send();
    };
    const countSends: PushHook = (_push, send) => {
      sends++;
      send();
    };
    server.faults.setPushHook(combineHooks(
      count,
      duplicatePushes(0.2, random),
      reorderPushes(0.2, random),
      delayPushes(0.1, 30, random),
      countSends,
    ));
    const [alice, bob] = peers as [Peer, Peer];
    const expected: string[] = [];
    // Two senders with two messages in flight each, so pushes also interleave on the server.
    await Promise.all([alice, bob, alice, bob].map(async (peer, lane) => {
      for (let i = lane; i < MESSAGES; i += 4) {
        const text = `${peer.name}:${i}`;
        expected.push(text);
        await peer.client.sendMessageTextEvent(cid, text);
      }
    }));
    await Promise.all(
      peers.map((p) => p.until(() => p.texts(cid).length >= expected.length, "every message")),
    );
    for (const peer of peers) assertExactlyOnceInOrder(peer, cid, expected);
    assert.ok(sends > pushes * 1.1, `the hook duplicated pushes (${sends} sent for ${pushes})`);
  });
});
