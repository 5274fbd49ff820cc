// The connection state machine against the reference server: connectionState and
// connectionStateChange through a session's life, beside the official reconnecting/reconnection/
// sessionError events, and the reconnection settings.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { type ConnectionStateChange, VonageClient, VonageError } from "../mod.ts";
import { clientSuite, type TestClient } from "./_client_fixture.ts";

function watch(client: TestClient): ConnectionStateChange[] {
  const changes: ConnectionStateChange[] = [];
  client.on("connectionStateChange", (change) => changes.push(change));
  return changes;
}

const summary = (changes: ConnectionStateChange[]) =>
  changes.map((c) => `${c.previous}→${c.state}:${c.reason}`);

describe("VonageClient connection state", () => {
  const suite = clientSuite([]);

  it("connecting, connected; a drop: reconnecting with a retry time, then resumed; logout: disconnected", async () => {
    const client = suite.extra("kate", { reconnectBaseDelayMs: 50, reconnectMaxDelayMs: 200 });
    const changes = watch(client);
    assert.equal(client.client.connectionState, "disconnected");
    const sessionId = await client.client.createSession(await suite.server.token("kate"));
    assert.equal(client.client.connectionState, "connected");

    const before = Date.now();
    assert.equal(suite.server.dropConnections("kate"), 1);
    await client.signal("reconnection");
    const lost = changes.find((c) => c.reason === "connectionLost")!;
    assert.equal(lost.attempt, 1);
    assert.ok(
      lost.nextRetryAt! >= before && lost.nextRetryAt! <= Date.now() + 50,
      "the first retry within 50 ms",
    );
    const resumed = changes.at(-1)!;
    assert.deepEqual([resumed.state, resumed.reason, resumed.nextRetryAt], ["connected", "resumed", null]);
    assert.deepEqual(client.signals, ["reconnecting", "reconnection"]);
    assert.equal(await client.client.getConversations().then(() => "rest ok"), "rest ok");

    await client.client.deleteSession();
    assert.equal(client.client.connectionState, "disconnected");
    assert.deepEqual(summary(changes), [
      "disconnected→connecting:createSession",
      "connecting→connected:loggedIn",
      "connected→reconnecting:connectionLost",
      "reconnecting→connected:resumed",
      "connected→disconnected:loggedOut",
    ]);
    // The same session was resumed, not replaced: it cannot be resumed after the logout.
    const other = suite.extra("kate");
    await assert.rejects(other.client.createSession(await suite.server.token("kate"), sessionId));
  });

  it("a refused login ends in disconnected; a kick at token expiry in failed, with sessionError", async () => {
    const client = suite.extra("liam");
    const changes = watch(client);
    await assert.rejects(client.client.createSession("not-a-jwt"), VonageError);
    assert.deepEqual(summary(changes), [
      "disconnected→connecting:createSession",
      "connecting→disconnected:loginFailed",
    ]);

    await client.client.createSession(await suite.server.token("liam", { ttlSeconds: 3 }));
    await client.signal("sessionError:EXPIRED_TOKEN");
    assert.equal(client.client.connectionState, "failed");
    assert.deepEqual(summary(changes).slice(-1), ["connected→failed:serverDisconnect"]);
    // A new session starts over.
    await client.client.createSession(await suite.server.token("liam"));
    assert.deepEqual(summary(changes).slice(-3), [
      "failed→disconnected:loggedOut",
      "disconnected→connecting:createSession",
      "connecting→connected:loggedIn",
    ]);
  });

  it("refuses unusable reconnection settings", () => {
    assert.throws(() => new VonageClient({ reconnectBaseDelayMs: 0 }), /reconnectBaseDelayMs/);
    assert.throws(
      () => new VonageClient({ reconnectBaseDelayMs: 1000, reconnectMaxDelayMs: 10 }),
      /reconnectMaxDelayMs/,
    );
  });
});
