// A push encoded once (src/server/push_packet.ts) puts on the wire exactly the frames socket.io's
// own `socket.emit` puts there, with and without an ack callback, and its acks come back: checked
// with raw websocket clients speaking engine.io/socket.io against a socket.io server on loopback.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SocketIoServer, type SocketIoServerSocket } from "../_deps.ts";
import { PushPacket } from "../../src/server/push_packet.ts";
import type { ServerSocket } from "../../src/server/deps.ts";

/** A payload with what JSON escapes and characters of several UTF-8 lengths (the frame counts bytes). */
const PAYLOAD = {
  type: "message",
  id: 7,
  cid: "CON-1",
  body: { message_type: "text", text: 'é ✓ 🎉 "quoted" \\ \n <tag> & ' + "x".repeat(200) },
  nested: { list: [1, 2.5, null, true, { a: "b" }] },
};

/** A raw websocket client logged into the default namespace; its text frames after the login. */
class RawClient {
  readonly frames: string[] = [];
  #socket: WebSocket;
  #waiters: (() => void)[] = [];

  private constructor(socket: WebSocket) {
    this.#socket = socket;
  }

  static async connect(port: number): Promise<RawClient> {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`);
    const client = new RawClient(socket);
    const connected = new Promise<void>((resolve, reject) => {
      socket.onerror = reject;
      socket.onmessage = (e) => {
        const text = String(e.data);
        if (text.startsWith("0")) socket.send("40"); // engine.io open: join the default namespace
        else if (text.startsWith("40")) resolve(); // joined
        else if (text === "2") socket.send("3"); // ping
        else {
          client.frames.push(text);
          client.#waiters.splice(0).forEach((wake) => wake());
        }
      };
    });
    await connected;
    return client;
  }

  /** Waits for `count` frames in all. */
  async frames_(count: number): Promise<string[]> {
    while (this.frames.length < count) await new Promise<void>((wake) => this.#waiters.push(wake));
    return this.frames.slice(0, count);
  }

  send(text: string): void {
    this.#socket.send(text);
  }

  close(): void {
    this.#socket.close();
  }
}

describe("a push encoded once", () => {
  let http: Server;
  let io: InstanceType<typeof SocketIoServer>;
  let port: number;
  const connected: SocketIoServerSocket[] = [];
  let arrived: () => void = () => {};

  before(async () => {
    http = createServer();
    io = new SocketIoServer(http, { transports: ["websocket"] });
    io.on("connection", (socket) => {
      connected.push(socket);
      arrived();
    });
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    port = (http.address() as AddressInfo).port;
  });

  after(async () => {
    await io.close();
    http.close();
  });

  async function twoClients(): Promise<{ clients: RawClient[]; sockets: ServerSocket[] }> {
    connected.length = 0;
    const all = new Promise<void>((resolve) => arrived = () => connected.length === 2 && resolve());
    const clients = [await RawClient.connect(port), await RawClient.connect(port)];
    await all;
    return { clients, sockets: connected.map((s) => s as unknown as ServerSocket) };
  }

  it("writes the frame socket.emit writes, to every socket", async () => {
    const { clients, sockets } = await twoClients();
    const packet = new PushPacket("message", PAYLOAD);
    for (const socket of sockets) {
      socket.emit("message", PAYLOAD);
      packet.send(socket);
    }
    for (const client of clients) {
      const [emitted, pushed] = await client.frames_(2);
      assert.equal(pushed, emitted);
      assert.deepEqual(JSON.parse(pushed!.slice(2)), ["message", PAYLOAD]);
      client.close();
    }
  });

  it("with an ack: the frame of socket.emit with a callback, one id on every socket, acks answered", async () => {
    const { clients, sockets } = await twoClients();
    const packet = new PushPacket("message", PAYLOAD);
    const acked: number[] = [];
    const ids: number[] = [];
    for (const [i, socket] of sockets.entries()) {
      socket.emit("message", PAYLOAD, () => {});
      ids.push(packet.sendWithAck(socket, () => acked.push(i)));
    }
    assert.equal(ids[0], ids[1], "one id for the push on every socket");
    for (const client of clients) {
      const [emitted, pushed] = await client.frames_(2);
      const emittedId = emitted!.match(/^42(\d+)\[/)![1];
      assert.equal(pushed, emitted!.replace(`42${emittedId}[`, `42${ids[0]}[`));
      assert.notEqual(Number(emittedId), ids[0], "ids come from the namespace's counter, never twice");
    }
    clients[1]!.send(`43${ids[0]}[]`);
    clients[0]!.send(`43${ids[0]}[]`);
    const deadline = Date.now() + 5_000;
    while (acked.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(acked, [1, 0]);
    for (const client of clients) client.close();
  });

  it("with an ack on the sockets of another endpoint (restarted): an id of that endpoint's counter", async () => {
    const { clients, sockets } = await twoClients();
    const otherHttp = createServer();
    const other = new SocketIoServer(otherHttp, { transports: ["websocket"] });
    const otherSocket = new Promise<ServerSocket>((resolve) =>
      other.on("connection", (s) => resolve(s as unknown as ServerSocket))
    );
    await new Promise<void>((resolve) => otherHttp.listen(0, "127.0.0.1", resolve));
    const otherClient = await RawClient.connect((otherHttp.address() as AddressInfo).port);
    try {
      const packet = new PushPacket("message", PAYLOAD);
      sockets[0]!.emit("message", PAYLOAD, () => {}); // this endpoint's counter moves on, the other's not
      const acked: string[] = [];
      const here = packet.sendWithAck(sockets[0]!, () => acked.push("here"));
      const there = packet.sendWithAck(await otherSocket, () => acked.push("there"));
      assert.equal(there, 0, "the other endpoint's first id");
      assert.notEqual(here, there);
      const [pushed] = await otherClient.frames_(1);
      assert.ok(pushed!.startsWith(`420[`), pushed!);
      otherClient.send(`430[]`);
      const deadline = Date.now() + 5_000;
      while (acked.length < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      assert.deepEqual(acked, ["there"]);
    } finally {
      for (const client of [...clients, otherClient]) client.close();
      await other.close();
      otherHttp.close();
    }
  });
});
