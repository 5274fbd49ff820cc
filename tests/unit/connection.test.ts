// The connection state machine with scripted connections and fake time.
import { afterEach, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { Connection, type ConnectionStateChange, type Link } from "../../src/client/connection.ts";
import type { SessionHandlers, SessionInfo } from "../../src/client/session.ts";
import { VonageError } from "../../src/errors.ts";
import { FakeTimers } from "../_deps.ts";
import { jwt } from "./_jwt.ts";
import { recordingLogger } from "./_log.ts";

type Clock = ReturnType<typeof FakeTimers.install>;

/** One scripted connection: the test decides how its login ends. */
class FakeLink implements Link {
  token = "";
  sessionId: string | null = null;
  closed = false;
  loggedOut = false;
  #settle!: { resolve: (info: SessionInfo) => void; reject: (err: unknown) => void };
  constructor(readonly handlers: SessionHandlers) {}
  login(token: string, sessionId: string | null): Promise<SessionInfo> {
    this.token = token;
    this.sessionId = sessionId;
    return new Promise((resolve, reject) => (this.#settle = { resolve, reject }));
  }
  /** The server accepts: opened, the pending events, then the login resolves. */
  async succeed(id = "SES-1"): Promise<void> {
    const info = { id, userId: "USR-1", userName: "alice", pendingEvents: [] };
    this.handlers.opened(info);
    this.#settle.resolve(info);
    await flush();
  }
  async fail(code: string): Promise<void> {
    this.#settle.reject(new VonageError("SESSION_ERROR", code, code));
    await flush();
  }
  logout(): Promise<void> {
    this.loggedOut = true;
    return Promise.resolve();
  }
  close(): void {
    this.closed = true;
  }
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

const HOUR = 3_600_000;

describe("Connection", () => {
  let clock: Clock;
  beforeEach(() => (clock = FakeTimers.install({ now: 1_000_000_000_000 })));
  afterEach(() => clock.uninstall());

  function machine(network: EventTarget | null = null) {
    const links: FakeLink[] = [];
    const changes: ConnectionStateChange[] = [];
    const log: string[] = [];
    const connection = new Connection({
      dial: (handlers) => {
        const link = new FakeLink(handlers);
        links.push(link);
        return link;
      },
      backoff: { baseMs: 1000, capMs: 4000 },
      opened: (info) => log.push(`opened ${info.id}`),
      pushed: (type) => log.push(`pushed ${type}`),
      resumed: () => log.push("resumed"),
      changed: (change) => changes.push(change),
      logger: recordingLogger().logger,
      network,
      random: () => 0.5,
    });
    const last = () => links.at(-1)!;
    const states = () => changes.map((c) => `${c.state}:${c.reason}:${c.attempt}`);
    return { connection, links, changes, log, last, states };
  }

  /** A machine whose first login succeeded with `token`. */
  async function connected(
    token = jwt({ exp: (Date.now() + HOUR) / 1000 }),
    network: EventTarget | null = null,
  ) {
    const m = machine(network);
    const open = m.connection.open(token, null);
    await m.last().succeed();
    await open;
    return m;
  }

  it("logs in: connecting, then connected; a failed login ends in disconnected and rejects", async () => {
    const m = machine();
    const open = m.connection.open("T", "SES-old");
    assert.equal(m.connection.state, "connecting");
    assert.deepEqual([m.last().token, m.last().sessionId], ["T", "SES-old"]);
    await m.last().succeed();
    assert.equal((await open).id, "SES-1");
    assert.equal(m.connection.state, "connected");

    const failing = machine();
    const refused = failing.connection.open("T", null);
    await failing.last().fail("session:error:invalid-token");
    await assert.rejects(refused, (err: unknown) => err instanceof VonageError);
    assert.deepEqual(failing.states(), ["connecting:createSession:0", "disconnected:loginFailed:0"]);
    assert.deepEqual(m.states(), ["connecting:createSession:0", "connected:loggedIn:0"]);
  });

  it("after a drop, retries with growing jittered delays, resuming the session, until it is back", async () => {
    const m = await connected();
    m.last().handlers.lost("transport close");
    const start = Date.now();
    assert.equal(m.connection.state, "reconnecting");
    assert.deepEqual(m.changes.at(-1), {
      state: "reconnecting",
      previous: "connected",
      reason: "connectionLost",
      attempt: 1,
      nextRetryAt: start + 500,
    });
    // random() = 0.5 → half of min(4000, 1000 · 2^(n-1)): 500, 1000, 2000, 2000, 2000 …
    const expected = [500, 1000, 2000, 2000, 2000];
    for (const [i, delay] of expected.entries()) {
      const dials = m.links.length;
      await clock.tickAsync(delay - 1);
      assert.equal(m.links.length, dials, `attempt ${i + 1} waits ${delay} ms`);
      await clock.tickAsync(1);
      assert.equal(m.links.length, dials + 1);
      assert.equal(m.last().sessionId, "SES-1", "resumes the session");
      if (i < expected.length - 1) await m.last().fail("session:error:websocket-transport-invalid");
    }
    await m.last().succeed();
    assert.deepEqual(m.states().slice(2), [
      "reconnecting:connectionLost:1",
      "reconnecting:retryFailed:2",
      "reconnecting:retryFailed:3",
      "reconnecting:retryFailed:4",
      "reconnecting:retryFailed:5",
      "connected:resumed:5",
    ]);
    assert.deepEqual(m.log.slice(-2), ["opened SES-1", "resumed"]);
    // The next outage starts again from the first delay.
    m.last().handlers.lost("ping timeout");
    assert.equal(m.changes.at(-1)!.nextRetryAt, Date.now() + 500);
  });

  it("a refusal at a re-login ends the session: failed, and no more attempts", async () => {
    const m = await connected();
    m.last().handlers.lost("transport close");
    await clock.tickAsync(500);
    await m.last().fail("session:error:invalid-token");
    assert.equal(m.connection.state, "failed");
    assert.equal(m.changes.at(-1)!.reason, "tokenRefused");
    const dials = m.links.length;
    await clock.tickAsync(HOUR);
    assert.equal(m.links.length, dials);
  });

  it("stops at the token's expiry during an outage; a refreshed token keeps it going", async () => {
    const exp = Date.now() + 10_000;
    const m = await connected(jwt({ exp: exp / 1000 }));
    m.last().handlers.lost("transport close");
    while (Date.now() < exp - 2000) {
      await clock.tickAsync(m.changes.at(-1)!.nextRetryAt! - Date.now());
      await m.last().fail("session:error:websocket-transport-invalid");
    }
    assert.ok(m.changes.at(-1)!.nextRetryAt! <= exp, "never scheduled past the expiry");
    await clock.tickAsync(exp - Date.now());
    if (m.connection.state === "reconnecting") {
      await m.last().fail("session:error:websocket-transport-invalid");
    }
    assert.equal(m.connection.state, "failed");
    assert.equal(m.changes.at(-1)!.reason, "tokenExpired");
    const dials = m.links.length;
    await clock.tickAsync(HOUR);
    assert.equal(m.links.length, dials, "no retry loop after the expiry");

    const refreshed = await connected(jwt({ exp: (Date.now() + 1000) / 1000 }));
    const fresh = jwt({ exp: (Date.now() + HOUR) / 1000 });
    refreshed.connection.setToken(fresh);
    refreshed.last().handlers.lost("transport close");
    await clock.tickAsync(5000);
    assert.equal(refreshed.connection.state, "reconnecting");
    assert.equal(refreshed.last().token, fresh);
  });

  it("retries at once when the runtime reports online", async () => {
    const network = new EventTarget();
    const m = await connected(undefined, network);
    m.last().handlers.lost("transport close");
    const dials = m.links.length;
    network.dispatchEvent(new Event("online"));
    assert.equal(m.links.length, dials + 1);
    assert.deepEqual(m.changes.at(-1), {
      state: "reconnecting",
      previous: "reconnecting",
      reason: "online",
      attempt: 1,
      nextRetryAt: Date.now(),
    });
    network.dispatchEvent(new Event("online")); // an attempt is running: nothing more
    assert.equal(m.links.length, dials + 1);
    await m.last().succeed();
    assert.equal(m.connection.state, "connected");
    await m.connection.end();
    m.last().handlers.lost("late"); // a stale report changes nothing
    network.dispatchEvent(new Event("online"));
    assert.equal(m.connection.state, "disconnected");
  });

  it("a server kick fails the session at once; end() logs out and stops a running outage", async () => {
    const kicked = await connected();
    kicked.last().handlers.ended("serverDisconnect");
    assert.deepEqual(kicked.states().at(-1), "failed:serverDisconnect:0");
    await kicked.connection.end();
    assert.deepEqual(kicked.states().at(-1), "disconnected:loggedOut:0");

    const m = await connected();
    const link = m.last();
    await m.connection.end();
    assert.ok(link.loggedOut);
    const again = await connected();
    again.last().handlers.lost("transport close");
    await again.connection.end();
    const dials = again.links.length;
    await clock.tickAsync(HOUR);
    assert.equal(again.links.length, dials);
    assert.equal(again.connection.state, "disconnected");
  });
});
