/**
 * A lean socket.io receiver for the bench's load generators: a websocket of the `ws` package (without
 * compression or UTF-8 validation) and, on top, only what the bench needs of engine.io and socket.io:
 * the open packet, ping and pong, the connect to the default namespace, and each event handed on as
 * its name and the JSON text of its arguments, left to the caller to parse. An event that asks for an
 * ack (the server asks when the login said `acknowledge_events=true`, as the official SDK does) is
 * acknowledged at once, the acks of one read of the socket leaving in one TCP write. The bench's 100
 * receivers share the cores with the servers they measure; socket.io-client costs several times more
 * per push (an event object, a decoder and an emitter per packet), which the bench would count against
 * the server. Only what the reference server sends is understood: text packets, events without binary
 * attachments.
 *
 * @module
 */

import { WebSocket } from "./_deps.ts";

/**
 * Called with each event's name, the JSON text of its arguments after the name (`[...]` less
 * `name,`), and when it was received (`performance.now()`).
 */
export type EventHandler = (name: string, args: string, receivedAt: number) => void;

/** The TCP socket under a websocket, as far as it is used here. */
interface Corkable {
  cork(): void;
  uncork(): void;
}

/** A logged-in socket.io connection that hands each event on. */
export class PushReceiver {
  readonly #socket: WebSocket;
  #tcp: Corkable | undefined;
  #corked = false;
  #handlers: EventHandler[] = [];
  /** Events that came before any handler was registered. */
  #early: Parameters<EventHandler>[] = [];

  private constructor(socket: WebSocket) {
    this.#socket = socket;
  }

  /**
   * Connects to the socket.io endpoint at `url` + `path` (websocket transport) with `query`, and
   * resolves once the default namespace is joined.
   */
  static connect(url: string, path: string, query: Record<string, string>): Promise<PushReceiver> {
    const search = new URLSearchParams({ ...query, EIO: "4", transport: "websocket" });
    const socket = new WebSocket(`${url.replace(/^http/, "ws")}${path}/?${search}`, {
      perMessageDeflate: false,
      skipUTF8Validation: true,
    });
    const receiver = new PushReceiver(socket);
    return new Promise((resolve, reject) => {
      const fail = (error: Error) => {
        reject(error);
        receiver.close();
      };
      socket.on("upgrade", (response: { socket: Corkable }) => receiver.#tcp = response.socket);
      socket.on("error", fail);
      socket.on("close", () => fail(new Error("the server closed the websocket")));
      socket.on("message", (data: Uint8Array) => {
        const text = String(data);
        if (text.startsWith("40")) resolve(receiver);
        else if (text.startsWith("44")) fail(new Error(`socket.io connect refused: ${text.slice(2)}`));
        else receiver.#packet(text);
      });
    });
  }

  /**
   * Calls `handler` with every event from now on; the first handler also gets those that came before
   * it (the server's answer to the login may arrive in the same read as the namespace connect, before
   * the caller of `connect` has a receiver to listen on).
   */
  onEvent(handler: EventHandler): void {
    this.#handlers.push(handler);
    for (const [name, args, receivedAt] of this.#early.splice(0)) handler(name, args, receivedAt);
  }

  /** Closes the connection (the server sees the transport close). */
  close(): void {
    this.#socket.terminate();
  }

  /** One engine.io packet. */
  #packet(text: string): void {
    switch (text.charCodeAt(0)) {
      case 0x30: // "0": engine.io open: join the default namespace
        this.#socket.send("40");
        return;
      case 0x32: // "2": ping
        this.#socket.send("3");
        return;
    }
    if (!text.startsWith("42")) return;
    // `42[name,...]` or `42<ack id>[name,...]`: the event name is a JSON string without escapes.
    const receivedAt = performance.now();
    const open = text.indexOf("[");
    if (open > 2) this.#ack(`43${text.slice(2, open)}[]`);
    const nameEnd = text.indexOf('"', open + 2);
    const name = text.slice(open + 2, nameEnd);
    const args = text.slice(nameEnd + 2, -1);
    if (this.#handlers.length === 0) this.#early.push([name, args, receivedAt]);
    for (const handler of this.#handlers) handler(name, args, receivedAt);
  }

  /**
   * Sends an ack. `ws` writes each frame to the TCP socket on its own; the acks of the pushes of one
   * read are held back (the socket corked) until that read is handled, then leave in one write. With
   * `--acks` (memory engine, load average 2–4.4), the bench process spent 10.6–13.0 µs of CPU per push
   * with a write an ack, 5.5–7.0 µs corked (4.3–6.3 µs with the websocket framing written by hand).
   */
  #ack(text: string): void {
    const tcp = this.#tcp;
    if (tcp !== undefined && !this.#corked) {
      tcp.cork();
      this.#corked = true;
      queueMicrotask(() => {
        this.#corked = false;
        tcp.uncork();
      });
    }
    this.#socket.send(text);
  }
}
