/**
 * One keep-alive HTTP/1.1 connection that sends one request at a time, for the bench's load
 * generators: a plain request written to a TCP socket and its answer read back by Content-Length,
 * with none of the work a general client (`fetch`) does per request (pools, header objects, streams).
 * On a machine where the load generator shares the cores with the server, the client's CPU per
 * request decides how much is left for the server. Only what the reference server answers is
 * understood: a status line, headers, and a body of known length.
 *
 * Hand-written because no library measured close. In `deno task bench:server --engines memory`
 * (interleaved runs, load average 4.4–7.7, the receivers of scripts/_push_receiver.ts in the same
 * process) the bench spent 54–58 µs of CPU per answered send with this connection, 134–164 µs with
 * undici's keep-alive `Client` (`request`, then the body's `text()`) and 110 µs with its lower-level
 * `dispatch`; `fetch` had cost 196–338 µs.
 *
 * @module
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** `\r\n\r\n`, the end of the headers. */
const CR = 13;
const LF = 10;

/** An answer: its status and body text. */
export interface Answer {
  status: number;
  text: string;
}

/** A keep-alive connection to `http://host:port`, one request in flight at a time. */
export class HttpConnection {
  readonly #conn: Deno.TcpConn;
  readonly #host: string;
  /** Read buffer: bytes from `#start` to `#end` are received and not yet taken. */
  #buffer = new Uint8Array(64 * 1024);
  #start = 0;
  #end = 0;
  /** Request heads already encoded, by method, path and headers. */
  readonly #heads = new Map<string, string>();

  private constructor(conn: Deno.TcpConn, host: string) {
    this.#conn = conn;
    this.#host = host;
  }

  /** Connects to the server at `url` (an `http://` URL). */
  static async open(url: string): Promise<HttpConnection> {
    const { hostname, port, host } = new URL(url);
    const conn = await Deno.connect({ hostname, port: Number(port || 80) });
    conn.setNoDelay(true);
    return new HttpConnection(conn, host);
  }

  /** Sends a request and reads its answer. */
  async request(method: string, path: string, headers: Record<string, string>, body = ""): Promise<Answer> {
    const key = `${method} ${path} ${JSON.stringify(headers)}`;
    let head = this.#heads.get(key);
    if (head === undefined) {
      head = `${method} ${path} HTTP/1.1\r\nhost: ${this.#host}\r\n`;
      for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
      this.#heads.set(key, head);
    }
    const message = encoder.encode(`${head}content-length: ${utf8Length(body)}\r\n\r\n${body}`);
    for (let written = 0; written < message.byteLength;) {
      written += await this.#conn.write(message.subarray(written));
    }
    return await this.#answer();
  }

  /** Closes the connection. */
  close(): void {
    this.#conn.close();
  }

  async #answer(): Promise<Answer> {
    let headEnd: number;
    while ((headEnd = this.#headersEnd()) < 0) await this.#read();
    const head = decoder.decode(this.#buffer.subarray(this.#start, headEnd));
    const status = Number(head.slice(9, 12));
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1];
    if (length === undefined) throw new Error(`an answer without content-length: ${JSON.stringify(head)}`);
    const bodyStart = headEnd + 4;
    const total = bodyStart + Number(length);
    while (this.#end < total) await this.#read();
    const text = decoder.decode(this.#buffer.subarray(bodyStart, total));
    this.#start = total;
    return { status, text };
  }

  /** Where the received headers end (`\r\n\r\n`), or -1. */
  #headersEnd(): number {
    const b = this.#buffer;
    for (let i = this.#start; i + 3 < this.#end; i++) {
      if (b[i] === CR && b[i + 1] === LF && b[i + 2] === CR && b[i + 3] === LF) return i;
    }
    return -1;
  }

  /** Reads more bytes, moving what was not taken yet to the front (growing the buffer if full). */
  async #read(): Promise<void> {
    if (this.#start > 0) {
      this.#buffer.copyWithin(0, this.#start, this.#end);
      this.#end -= this.#start;
      this.#start = 0;
    }
    if (this.#end === this.#buffer.byteLength) {
      const bigger = new Uint8Array(this.#buffer.byteLength * 2);
      bigger.set(this.#buffer);
      this.#buffer = bigger;
    }
    const n = await this.#conn.read(this.#buffer.subarray(this.#end));
    if (n === null) throw new Error("the server closed the connection");
    this.#end += n;
  }
}

/** The length of `text` in UTF-8. */
function utf8Length(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) length += 1;
    else if (c < 0x800) length += 2;
    else if (c >= 0xd800 && c <= 0xdbff) length += 4, i++;
    else length += 3;
  }
  return length;
}
