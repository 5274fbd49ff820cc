/**
 * A lean socket.io receiver for the bench's load generators: one websocket, spoken directly over a
 * TCP connection (the handshake, unmasked server frames in, masked frames out), engine.io's open and
 * ping, socket.io's connect to the default namespace, and each event handed on as its name and the
 * JSON text of its arguments, left to the caller to parse. An event that asks for an ack (the server
 * asks when the login said `acknowledge_events=true`, as the official SDK does) is acknowledged at
 * once, the acks of one read sent in one write. The bench's 100 receivers share the cores
 * with the servers they measure; socket.io-client and the runtime's WebSocket cost several times more
 * per push (an event object, a decoder and an emitter per frame), which the bench would count against
 * the server. Only what the reference server sends is understood: text frames, unfragmented, events
 * without binary attachments.
 *
 * @module
 */

import { indexOf } from "./_http_connection.ts";

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const HEADERS_END = encoder.encode("\r\n\r\n");

/**
 * Called with each event's name, the JSON text of its arguments after the name (`[...]` less
 * `name,`), and when the read that brought it completed (`performance.now()`).
 */
export type EventHandler = (name: string, args: string, receivedAt: number) => void;

/** Bytes read at most at once; a longer frame grows the buffer. */
const READ_SIZE = 64 * 1024;

/** A logged-in socket.io connection that hands each event on. */
export class PushReceiver {
  readonly #conn: Deno.TcpConn;
  /** Read bytes not handled yet: `#space[#start, #end)`, reused from read to read. */
  #space = new Uint8Array(READ_SIZE);
  #start = 0;
  #end = 0;
  #receivedAt = 0;
  /** Acks owed for the frames of the current read. */
  #acks: string[] = [];
  #handlers: EventHandler[] = [];
  #closed = false;
  #opened: (() => void) | undefined;
  #failed: ((error: Error) => void) | undefined;

  private constructor(conn: Deno.TcpConn) {
    this.#conn = conn;
  }

  /**
   * Connects to the socket.io endpoint at `url` + `path` (websocket transport) with `query`, and
   * resolves once the default namespace is joined.
   */
  static async connect(url: string, path: string, query: Record<string, string>): Promise<PushReceiver> {
    const { hostname, port, host } = new URL(url);
    const conn = await Deno.connect({ hostname, port: Number(port || 80) });
    conn.setNoDelay(true);
    const receiver = new PushReceiver(conn);
    const search = new URLSearchParams({ ...query, EIO: "4", transport: "websocket" });
    const key = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
    await receiver.#write(encoder.encode(
      `GET ${path}/?${search} HTTP/1.1\r\nhost: ${host}\r\nupgrade: websocket\r\nconnection: Upgrade\r\n` +
        `sec-websocket-key: ${key}\r\nsec-websocket-version: 13\r\n\r\n`,
    ));
    const joined = new Promise<void>((resolve, reject) => {
      receiver.#opened = resolve;
      receiver.#failed = reject;
    });
    void receiver.#run();
    await joined;
    return receiver;
  }

  /** Calls `handler` with every event from now on. */
  onEvent(handler: EventHandler): void {
    this.#handlers.push(handler);
  }

  /** Closes the connection (the server sees the transport close). */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    try {
      this.#conn.close();
    } catch {
      // Closed already.
    }
  }

  async #run(): Promise<void> {
    try {
      let end: number;
      while ((end = indexOf(this.#space.subarray(0, this.#end), HEADERS_END)) < 0) await this.#read();
      const head = decoder.decode(this.#space.subarray(0, end));
      if (!head.startsWith("HTTP/1.1 101")) throw new Error(`websocket refused: ${head.split("\r\n")[0]}`);
      this.#start = end + HEADERS_END.byteLength;
      for (;;) {
        this.#frames();
        if (this.#acks.length > 0) this.#send(this.#acks.splice(0));
        await this.#read();
      }
    } catch (err) {
      this.#failed?.(err instanceof Error ? err : new Error(String(err)));
      this.close();
    }
  }

  /** Handles every whole frame read. */
  #frames(): void {
    let at = this.#start;
    const buffer = this.#space;
    const end = this.#end;
    while (end - at >= 2) {
      const opcode = buffer[at]! & 0x0f;
      let length = buffer[at + 1]! & 0x7f;
      let start = at + 2;
      if (length === 126) {
        if (end - at < 4) break;
        length = (buffer[at + 2]! << 8) | buffer[at + 3]!;
        start = at + 4;
      } else if (length === 127) {
        if (end - at < 10) break;
        length = Number(new DataView(buffer.buffer, at + 2, 8).getBigUint64(0));
        start = at + 10;
      }
      if (end < start + length) break;
      if (opcode === 1) this.#packet(decoder.decode(buffer.subarray(start, start + length)));
      else if (opcode === 8) throw new Error("the server closed the websocket");
      at = start + length;
    }
    this.#start = at;
  }

  /** One engine.io packet. */
  #packet(text: string): void {
    switch (text.charCodeAt(0)) {
      case 0x30: // "0": engine.io open: join the default namespace
        this.#send(["40"]);
        return;
      case 0x32: // "2": ping
        this.#send(["3"]);
        return;
      case 0x34: // "4": a socket.io packet
        break;
      default:
        return;
    }
    if (text.startsWith("40")) {
      const opened = this.#opened;
      this.#opened = undefined;
      opened?.();
    } else if (text.startsWith("42")) {
      // `42[name,...]` or `42<ack id>[name,...]`: the event name is a JSON string without escapes.
      const open = text.indexOf("[");
      if (open > 2) this.#acks.push(`43${text.slice(2, open)}[]`);
      const nameEnd = text.indexOf('"', open + 2);
      const name = text.slice(open + 2, nameEnd);
      const args = text.slice(nameEnd + 2, -1);
      for (const handler of this.#handlers) handler(name, args, this.#receivedAt);
    } else if (text.startsWith("44")) {
      this.#failed?.(new Error(`socket.io connect refused: ${text.slice(2)}`));
    }
  }

  /** Sends short texts, a text frame each (masked, as a client must), in one write. */
  #send(texts: string[]): void {
    const payloads = texts.map((text) => encoder.encode(text));
    const frames = new Uint8Array(payloads.reduce((sum, p) => sum + 6 + p.byteLength, 0));
    const mask = crypto.getRandomValues(new Uint8Array(4));
    let at = 0;
    for (const payload of payloads) {
      if (payload.byteLength > 125) throw new Error("only short frames are sent");
      frames[at] = 0x81;
      frames[at + 1] = 0x80 | payload.byteLength;
      frames.set(mask, at + 2);
      for (let i = 0; i < payload.byteLength; i++) frames[at + 6 + i] = payload[i]! ^ mask[i & 3]!;
      at += 6 + payload.byteLength;
    }
    this.#write(frames).catch(() => this.close());
  }

  async #write(bytes: Uint8Array): Promise<void> {
    for (let written = 0; written < bytes.byteLength;) {
      written += await this.#conn.write(bytes.subarray(written));
    }
  }

  /** Reads more after what is left unhandled (moved to the front), growing the buffer when it is full. */
  async #read(): Promise<void> {
    const left = this.#end - this.#start;
    if (this.#start > 0) {
      this.#space.copyWithin(0, this.#start, this.#end);
      this.#start = 0;
      this.#end = left;
    }
    if (this.#space.byteLength - this.#end < READ_SIZE / 4) {
      const grown = new Uint8Array(this.#space.byteLength * 2);
      grown.set(this.#space.subarray(0, this.#end));
      this.#space = grown;
    }
    const n = await this.#conn.read(this.#space.subarray(this.#end));
    if (n === null) throw new Error("the server closed the connection");
    this.#end += n;
    this.#receivedAt = performance.now();
  }
}
