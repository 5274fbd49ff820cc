// The reference server closes idle keep-alive connections with a periodic sweep instead of node:http's
// per-request keep-alive timer (src/server/idle_connections.ts): an idle connection goes after one to
// two periods, a slow request is answered, an upgraded socket is left alone.
import { afterEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createServer, type RequestListener, type Server } from "node:http";
import { connect, type Socket } from "node:net";
import { closeIdleConnections, type IdleConnections } from "../../src/server/idle_connections.ts";

const PERIOD_MS = 100;

let server: Server | undefined;
let idle: IdleConnections | undefined;
const sockets: Socket[] = [];

afterEach(async () => {
  sockets.splice(0).forEach((s) => s.destroy());
  idle?.stop();
  server?.closeAllConnections();
  await new Promise((resolve) => server ? server.close(resolve) : resolve(undefined));
  server = idle = undefined;
});

async function start(listener: RequestListener): Promise<number> {
  server = createServer(listener);
  idle = closeIdleConnections(server, PERIOD_MS);
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return (server.address() as { port: number }).port;
}

/** A raw connection that collects what it receives and notes when the server closes it. */
function open(port: number): { socket: Socket; received: () => string; closed: Promise<number> } {
  const socket = connect(port, "127.0.0.1");
  sockets.push(socket);
  let text = "";
  socket.on("data", (chunk) => text += chunk.toString());
  socket.on("error", () => {});
  return {
    socket,
    received: () => text,
    closed: new Promise((resolve) => socket.on("close", () => resolve(Date.now()))),
  };
}

const GET = "GET / HTTP/1.1\r\nhost: x\r\n\r\n";
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(test: () => boolean, ms = 2000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test()) {
    assert.ok(Date.now() < deadline, "in time");
    await delay(5);
  }
}

describe("closeIdleConnections", () => {
  it("turns off node:http's keep-alive timer and closes a connection idle for one to two periods", async () => {
    const port = await start((_req, res) => res.end("ok"));
    assert.equal(server!.keepAliveTimeout, 0);
    const { socket, received, closed } = open(port);
    socket.write(GET);
    await until(() => received().endsWith("ok"));
    const answered = Date.now();
    const at = await closed;
    assert.ok(at - answered >= PERIOD_MS - 20, `closed ${at - answered} ms after the answer`);
    assert.ok(at - answered <= 2 * PERIOD_MS + 150, `closed ${at - answered} ms after the answer`);
  });

  it("keeps a connection in use, and one whose request takes several periods", async () => {
    const port = await start((req, res) => {
      const wait = req.url === "/slow" ? 5 * PERIOD_MS : 0;
      setTimeout(() => res.end(`answer ${req.url}`), wait);
    });
    const { socket, received } = open(port);
    let gone = false;
    socket.on("close", () => gone = true);
    // Requests spaced by half a period, for three periods.
    for (let i = 0; i < 6; i++) {
      socket.write(`GET /${i} HTTP/1.1\r\nhost: x\r\n\r\n`);
      await until(() => received().endsWith(`answer /${i}`));
      await delay(PERIOD_MS / 2);
    }
    socket.write("GET /slow HTTP/1.1\r\nhost: x\r\n\r\n");
    await until(() => received().endsWith("answer /slow"));
    assert.equal(gone, false);
  });

  it("leaves alone a socket it was told to forget (an upgrade)", async () => {
    const port = await start((_req, res) => res.end());
    server!.on("upgrade", (_req, socket) => {
      idle!.forget(socket);
      sockets.push(socket as Socket);
      socket.write("HTTP/1.1 101 Switching Protocols\r\nconnection: upgrade\r\nupgrade: test\r\n\r\n");
    });
    const { socket, received } = open(port);
    let gone = false;
    socket.on("close", () => gone = true);
    socket.write("GET / HTTP/1.1\r\nhost: x\r\nconnection: upgrade\r\nupgrade: test\r\n\r\n");
    await until(() => received().includes("101"));
    await delay(4 * PERIOD_MS);
    assert.equal(gone, false);
  });
});
