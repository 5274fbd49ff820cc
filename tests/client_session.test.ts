// Sessions against the reference server: login and its failures, resume, pending events,
// reconnection, token refresh, the server's kick at token expiry, logout.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { SessionErrorCodes, VonageError } from "../mod.ts";
import { io } from "./_deps.ts";
import { clientSuite, shared, type TestClient } from "./_client_fixture.ts";
import { serverLetGo } from "./_server_helpers.ts";

function sessionError(code: string) {
  return (err: unknown) => err instanceof VonageError && err.type === "SESSION_ERROR" && err.code === code;
}

describe("VonageClient sessions", () => {
  const suite = clientSuite();
  const alice = () => suite.clients.alice as TestClient;
  const bob = () => suite.clients.bob as TestClient;

  it("createSession resolves the session id; resuming it keeps the id", async () => {
    const client = suite.extra("dave");
    const token = await suite.server.token("dave");
    const id = await client.client.createSession(token);
    assert.match(id, /^\S+$/);
    const again = suite.extra("dave");
    assert.equal(await again.client.createSession(token, id), id);
    // The id names the session on the server: a REST call addressed by it (refreshSession) is answered.
    await again.client.refreshSession(await suite.server.token("dave"));
    assert.deepEqual(again.sent(`/v0.2/sessions/${encodeURIComponent(id)}`, "PUT").length, 1);
  });

  it("refuses an empty token without connecting, and maps the server's login errors", async () => {
    const client = suite.extra("erin");
    await assert.rejects(client.client.createSession(""), sessionError(SessionErrorCodes.EmptyToken));
    await assert.rejects(
      client.client.createSession("not-a-jwt"),
      sessionError("session:error:invalid-token"),
    );
    const expired = await suite.server.token("erin", { ttlSeconds: 0 });
    await assert.rejects(client.client.createSession(expired), sessionError("session:error:expired-token"));
    const token = await suite.server.token("erin");
    await assert.rejects(
      client.client.createSession(token, "SES-unknown"),
      sessionError("session:error:invalid-session"),
    );
    assert.match(await client.client.createSession(token), /\S/);
  });

  it("methods that need a session reject with session:error:no-active-session, before any request", async () => {
    const client = suite.extra("frank");
    const checks: Promise<unknown>[] = [
      client.client.getConversation("CON-1"),
      client.client.getConversations(),
      client.client.sendMessageTextEvent("CON-1", "hi"),
      client.client.refreshSession("token"),
      client.client.deleteSession(),
      client.client.getUser("frank"),
    ];
    for (const check of checks) await assert.rejects(check, sessionError("session:error:no-active-session"));
    assert.equal(client.requests.length, 0);
  });

  it("delivers pending events to callbacks before createSession resolves", async () => {
    const cid = await shared(suite);
    const token = await suite.server.token("alice");
    const others = suite.server.faults.heldSockets("alice");
    // A session whose socket goes away without logging out: the server queues pushes for it.
    const raw = io(suite.server.url, {
      path: "/v2/rtc",
      transports: ["websocket"],
      forceNew: true,
      reconnection: false,
      query: { token, session_version: "0.0.3" },
    });
    const sessionId = await new Promise<string>((resolve, reject) => {
      raw.once("session:success", (payload: { body: { id: string } }) => resolve(payload.body.id));
      raw.once("connect_error", reject);
    });
    raw.disconnect();
    await serverLetGo(suite.server, "alice", others);
    await bob().client.sendMessageTextEvent(cid, "while you were away");

    const late = suite.extra("alice");
    const order: string[] = [];
    late.on("conversationEvent", (e) => {
      if (e.kind === "message:text") order.push(`event:${e.body.text}`);
    });
    assert.equal(await late.client.createSession(token, sessionId), sessionId);
    order.push("resolved");
    assert.deepEqual(order, ["event:while you were away", "resolved"]);
  });

  it("reconnects after a dropped connection: reconnecting, reconnection, and nothing is lost", async () => {
    const cid = await shared(suite);
    const dropped = suite.server.dropConnections("alice");
    assert.ok(dropped >= 1);
    await alice().signal("reconnecting");
    await bob().client.sendMessageTextEvent(cid, "during the outage");
    await alice().signal("reconnection");
    await alice().get(cid, "message:text", (e) => e.body.text === "during the outage");
    await bob().client.sendMessageTextEvent(cid, "after the outage");
    await alice().get(cid, "message:text", (e) => e.body.text === "after the outage");
    assert.equal(alice().signals.filter((s) => s === "reconnecting").length, 1, "once per outage");
  });

  it("refreshSession swaps the token: REST and later reconnects use the new one", async () => {
    const client = suite.extra("gina");
    const start = Date.now();
    await client.client.createSession(await suite.server.token("gina", { ttlSeconds: 2 }));
    const fresh = await suite.server.token("gina");
    await client.client.refreshSession(fresh);
    const put = client.sent("/v0.2/sessions/", "PUT");
    assert.equal(put.length, 1);
    assert.equal(put[0]!.body, '""');
    // Wait out the first token, then cut the connection: the reconnect must log in with the new one.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, start + 3_000 - Date.now())));
    suite.server.dropConnections("gina");
    await client.signal("reconnection");
    // Pushes reach only a socket whose login succeeded.
    const cid = await client.client.createConversation();
    await client.client.joinConversation(cid);
    await client.client.sendMessageTextEvent(cid, "back");
    await client.get(cid, "message:text", (e) => e.body.text === "back");
    assert.deepEqual(client.signals.filter((s) => s.startsWith("sessionError")), []);
  });

  it("reports sessionError EXPIRED_TOKEN when the server ends the session at token expiry, and stays failed", async () => {
    // Quick retries: a client that wrongly kept trying would show it within the wait below.
    const client = suite.extra("hank", { reconnectBaseDelayMs: 10, reconnectMaxDelayMs: 40 });
    // Three seconds: expiry is whole seconds, so a one-second token may expire before the login is done.
    await client.client.createSession(await suite.server.token("hank", { ttlSeconds: 3 }));
    await client.signal("sessionError:EXPIRED_TOKEN");
    assert.equal(client.client.connectionState, "failed");
    const attempts = suite.server.faults.connectionAttempts;
    await new Promise((resolve) => setTimeout(resolve, 400)); // ten times the longest retry delay
    assert.equal(suite.server.faults.connectionAttempts, attempts, "no connection attempt after the kick");
    assert.equal(client.client.connectionState, "failed");
    assert.deepEqual(
      client.signals,
      ["sessionError:EXPIRED_TOKEN"],
      "no reconnecting, a single sessionError",
    );
    await assert.rejects(client.client.getConversations(), (err: unknown) => {
      return err instanceof VonageError && err.code === "internal:auth:authorization_error";
    });
  });

  it("deleteSession logs out: the session cannot be resumed and methods need a new session", async () => {
    const client = suite.extra("ivy");
    const token = await suite.server.token("ivy");
    const id = await client.client.createSession(token);
    await client.client.deleteSession();
    await assert.rejects(client.client.getConversations(), sessionError("session:error:no-active-session"));
    const other = suite.extra("ivy");
    await assert.rejects(
      other.client.createSession(token, id),
      sessionError("session:error:invalid-session"),
    );
  });

  it("a second createSession logs the first session out", async () => {
    const client = suite.extra("jack");
    const token = await suite.server.token("jack");
    const first = await client.client.createSession(token);
    const second = await client.client.createSession(token);
    assert.notEqual(first, second);
    const other = suite.extra("jack");
    await assert.rejects(
      other.client.createSession(token, first),
      sessionError("session:error:invalid-session"),
    );
  });
});
