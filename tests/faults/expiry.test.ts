// (d) The token expires during an outage: the client ends the session with sessionError
// EXPIRED_TOKEN and stops trying to connect.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { OPEN_CONVERSATIONS, type ReferenceServer, startServer } from "../../server.ts";
import { Peer } from "./_fixture.ts";

describe("a token that expires during an outage", () => {
  let server: ReferenceServer;
  let dave: Peer;
  before(async () => {
    // Peers join the owner's conversation uninvited.
    server = await startServer({ policy: OPEN_CONVERSATIONS });
    dave = await new Peer(server, "dave").login(2);
  });
  after(async () => {
    await dave.close();
    await server.close();
  });

  it("ends in sessionError EXPIRED_TOKEN, then no more connection attempts", async () => {
    const outage = server.faults.restartSockets({ downtimeMs: 4_000 });
    await dave.until(() => dave.sessionErrors.length > 0, "sessionError", 10_000);
    assert.deepEqual(dave.sessionErrors, ["EXPIRED_TOKEN"]);
    assert.equal(dave.client.connectionState, "failed");
    const last = dave.changes.at(-1)!;
    assert.deepEqual([last.previous, last.reason, last.nextRetryAt], ["reconnecting", "tokenExpired", null]);
    assert.ok(last.attempt > 1, `it kept retrying while the token was valid (attempt ${last.attempt})`);
    const attempts = server.faults.connectionAttempts;

    // The server is reachable again: a client still looping would now connect (or be refused).
    await outage;
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // five times the longest retry delay
    assert.equal(server.faults.connectionAttempts, attempts, "no connection attempt after the expiry");
    assert.equal(dave.client.connectionState, "failed");
    assert.deepEqual(dave.sessionErrors, ["EXPIRED_TOKEN"]);
  });
});
