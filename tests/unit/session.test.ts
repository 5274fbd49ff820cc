// SocketSession against a scripted socket.io server: the handshake query, every login error,
// the login timeout, acks, pending events, drops (never reconnected here), kicks and logout.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { refusal, type SessionHandlers, socketOptions, SocketSession } from "../../src/client/session.ts";
import { VonageError } from "../../src/errors.ts";
import { SocketIoServer, type SocketIoServerSocket } from "../_deps.ts";
import { CallbackLog, type EventMap } from "../_record.ts";
import { recordingLogger } from "./_log.ts";

type Script = (socket: SocketIoServerSocket) => void;

/** A socket.io server whose answer to each connection is scripted per test. */
function scriptedServer() {
  const http = createServer();
  const io = new SocketIoServer(http, { path: "/v2/rtc", transports: ["websocket"] });
  const state = {
    url: "",
    script: ((_s) => {}) as Script,
    queries: [] as Record<string, unknown>[],
    onConnection: undefined as (() => void) | undefined,
  };
  io.on("connection", (socket) => {
    state.queries.push({ ...socket.handshake.query });
    state.script(socket);
    state.onConnection?.();
  });
  return {
    state,
    start: () =>
      new Promise<void>((resolve) => {
        http.listen(0, "127.0.0.1", () => {
          state.url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
          resolve();
        });
      }),
    stop: () => new Promise<void>((resolve) => io.close(() => resolve())),
    io,
  };
}

const success = (id = "SES-1") => ({ body: { id, user_id: "USR-1", name: "alice", api_key: "k" } });

interface Recorder extends SessionHandlers {
  log: string[];
  until(entry: string): Promise<void>;
}

/** Session handlers that note each report as a line, with bounded waits for a line (tests/_record.ts). */
function recorder(): Recorder {
  const log: string[] = [];
  const record = new CallbackLog<EventMap>("session");
  const add = (entry: string) => {
    log.push(entry);
    record.record(entry, []);
  };
  return {
    log,
    opened: (info) => add(`opened ${info.id}`),
    push: (type, payload) => add(`push ${type} ${JSON.stringify(payload)}`),
    lost: () => add("lost"),
    ended: (cause) => add(`ended ${cause}`),
    until: (entry) => record.until(() => log.includes(entry) || undefined, entry).then(() => {}),
  };
}

describe("socketOptions()", () => {
  it("uses the websocket transport only and leaves reconnecting to the connection state machine", () => {
    const options = socketOptions("/v2/rtc", { token: "T" });
    assert.deepEqual(options.transports, ["websocket"]);
    assert.equal(options.path, "/v2/rtc");
    assert.equal(options.forceNew, true);
    assert.equal(options.reconnection, false);
  });
});

describe("SocketSession", () => {
  const server = scriptedServer();
  const sessions: SocketSession[] = [];
  before(() => server.start());
  after(async () => {
    for (const s of sessions) s.close();
    await server.stop();
  });

  function session(handlers: SessionHandlers = recorder(), loginTimeoutMs?: number) {
    const { logger } = recordingLogger();
    const s = new SocketSession(
      {
        websocketUrl: server.state.url,
        websocketPath: "/v2/rtc",
        ...(loginTimeoutMs ? { loginTimeoutMs } : {}),
      },
      handlers,
      logger,
    );
    sessions.push(s);
    return s;
  }

  it("logs in through the handshake query; opened, then the pending events, then it resolves", async () => {
    server.state.queries = [];
    server.state.script = (socket) =>
      socket.emit("session:success", {
        body: { ...success().body, pending_events: [{ type: "message", id: 1 }] },
      });
    const handlers = recorder();
    const info = await session(handlers).login("TOKEN", "SES-old");
    assert.deepEqual(handlers.log, ["opened SES-1", 'push message {"type":"message","id":1}']);
    assert.deepEqual(info, {
      id: "SES-1",
      userId: "USR-1",
      userName: "alice",
      pendingEvents: [{ type: "message", id: 1 }],
    });
    const { EIO: _eio, ...query } = server.state.queries[0]!;
    assert.deepEqual(query, {
      session_version: "0.0.3",
      token: "TOKEN",
      SDK_version: "0.1.0",
      SDK_name: "@parley/client",
      OS_family: "js",
      acknowledge_events: "true",
      session_id: "SES-old",
      transport: "websocket",
    });
  });

  it("maps every login error event to its VonageError code", async () => {
    const table: [string, string][] = [
      ["system:error:expired-token", "session:error:expired-token"],
      ["system:error:invalid-token", "session:error:invalid-token"],
      ["user:error:invalid-user", "session:error:invalid-token"],
      ["session:error:max-open-sessions", "session:error:max-open-sessions-permitted"],
      ["session:invalid", "session:error:invalid-session"],
      ["session:error:invalid", "session:error:invalid-session"],
      ["system:error:permission", "system:error:permission"],
    ];
    for (const [event, code] of table) {
      server.state.script = (socket) => socket.emit(event, {});
      await assert.rejects(session().login("T"), (err: unknown) => {
        return err instanceof VonageError && err.type === "SESSION_ERROR" && err.code === code &&
          err.message.length > 10 && refusal(err) !== undefined;
      }, event);
    }
  });

  it("tells refusals (no use retrying) from failures worth another try", () => {
    const err = (code: string) => new VonageError("SESSION_ERROR", code, "x");
    assert.equal(refusal(err("session:error:expired-token")), "tokenExpired");
    assert.equal(refusal(err("session:error:invalid-token")), "tokenRefused");
    assert.equal(refusal(err("system:error:permission")), "tokenRefused");
    assert.equal(refusal(err("session:error:invalid-session")), "sessionRefused");
    assert.equal(refusal(err("session:error:timeout")), undefined);
    assert.equal(refusal(err("session:error:websocket-transport-invalid")), undefined);
    assert.equal(refusal(new Error("x")), undefined);
  });

  it("rejects at once when nothing listens, and when closed during the login", async () => {
    const closed = scriptedServer();
    await closed.start();
    await closed.stop();
    const { logger } = recordingLogger();
    const nowhere = new SocketSession(
      { websocketUrl: closed.state.url, websocketPath: "/v2/rtc" },
      recorder(),
      logger,
    );
    await assert.rejects(nowhere.login("T"), (err: unknown) => {
      return err instanceof VonageError && err.code === "session:error:websocket-transport-invalid" &&
        refusal(err) === undefined;
    });
    server.state.script = () => {};
    const s = session();
    const login = s.login("T");
    s.close();
    await assert.rejects(
      login,
      (err: unknown) => err instanceof VonageError && err.code === "session:disconnect:client-disconnect",
    );
  });

  it("times out with session:error:timeout when the server says nothing", async () => {
    server.state.script = () => {};
    await assert.rejects(session(recorder(), 100).login("T"), (err: unknown) => {
      return err instanceof VonageError && err.code === "session:error:timeout";
    });
  });

  it("acks pushes with no arguments and hands them on; ignores echo", async () => {
    const handlers = recorder();
    const acked = new Promise<unknown[]>((resolve) => {
      server.state.script = (socket) => {
        socket.emit("session:success", success());
        socket.emit("echo", {});
        socket.emit("message", { id: 5 }, (...args: unknown[]) => resolve(args));
      };
    });
    await session(handlers).login("T");
    assert.deepEqual(await acked, []);
    await handlers.until('push message {"id":5}');
    assert.equal(handlers.log.filter((l) => l.startsWith("push echo")).length, 0);
  });

  it("reports a dropped connection as lost, once, and does not reconnect by itself", async () => {
    server.state.queries = [];
    server.state.script = (socket) => socket.emit("session:success", success("SES-9"));
    const handlers = recorder();
    const s = session(handlers);
    await s.login("T");
    for (const socket of server.io.of("/").sockets.values()) socket.conn.close();
    await handlers.until("lost");
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(server.state.queries.length, 1, "no reconnection of socket.io's own");
    assert.deepEqual(handlers.log.filter((l) => l === "lost"), ["lost"]);
  });

  it("a login error event on a live session ends it with its cause: closed, nothing after, no retry", async () => {
    server.state.queries = [];
    let closed!: Promise<string>;
    server.state.script = (socket) => {
      closed = new Promise((resolve) => socket.on("disconnect", resolve));
      socket.emit("session:success", success());
      setTimeout(() => {
        socket.emit("system:error:expired-token", {});
        socket.emit("message", { id: 9 }); // after the end: must not be handed on
      }, 20);
    };
    const handlers = recorder();
    const s = session(handlers);
    await s.login("T");
    await handlers.until("ended tokenExpired");
    assert.equal(await closed, "client namespace disconnect", "the client closed the socket");
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(handlers.log, ["opened SES-1", "ended tokenExpired"], "no push, no lost, one end");
    assert.equal(server.state.queries.length, 1, "no new connection after the end");
  });

  it("a server-side disconnect of a live session ends it (serverDisconnect), not a drop", async () => {
    server.state.script = (socket) => {
      socket.emit("session:success", success());
      setTimeout(() => socket.disconnect(true), 20);
    };
    const handlers = recorder();
    await session(handlers).login("T");
    await handlers.until("ended serverDisconnect");
    assert.equal(handlers.log.includes("lost"), false);
  });

  it("logout emits session:logout with a transaction id and an empty body, then disconnects", async () => {
    const logout = new Promise<unknown>((resolve) => {
      server.state.script = (socket) => {
        socket.emit("session:success", success());
        socket.on("session:logout", (payload) => {
          resolve(payload);
          socket.disconnect(true);
        });
      };
    });
    const handlers = recorder();
    const s = session(handlers);
    await s.login("T");
    await s.logout();
    const payload = await logout as { tid: string; body: unknown };
    assert.match(payload.tid, /^[0-9a-f-]{36}$/);
    assert.deepEqual(payload.body, {});
    assert.deepEqual(handlers.log.filter((l) => l.startsWith("ended")), [], "a logout is not a kick");
  });
});
