/**
 * One keep-alive HTTP/1.1 connection that sends one request at a time, for the bench's load
 * generators: a plain request written to a TCP socket and its answer read back by Content-Length,
 * with none of the work a general client (`fetch`) does per request (pools, header objects, streams).
 * On a machine where the load generator shares the cores with the server, the client's CPU per
 * request decides how much is left for the server. Only what the reference server answers is
 * understood: a status line, headers, and a body of known length.
 *
 * @module
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const HEADERS_END = encoder.encode("\r\n\r\n");

/** An answer: its status and body text. */
export interface Answer {
  status: number;
  text: string;
}

/** A keep-alive connection to `http://host:port`, one request in flight at a time. */
export class HttpConnection {
  readonly #conn: Deno.TcpConn;
  readonly #host: string;
  #buffer = new Uint8Array(0);

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
    const content = encoder.encode(body);
    let head =
      `${method} ${path} HTTP/1.1\r\nhost: ${this.#host}\r\ncontent-length: ${content.byteLength}\r\n`;
    for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
    const bytes = encoder.encode(`${head}\r\n`);
    const message = new Uint8Array(bytes.byteLength + content.byteLength);
    message.set(bytes);
    message.set(content, bytes.byteLength);
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
    let end: number;
    while ((end = indexOf(this.#buffer, HEADERS_END)) < 0) await this.#read();
    const head = decoder.decode(this.#buffer.subarray(0, end));
    const status = Number(head.slice(9, 12));
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1];
    if (length === undefined) throw new Error(`an answer without content-length: ${JSON.stringify(head)}`);
    const total = end + HEADERS_END.byteLength + Number(length);
    while (this.#buffer.byteLength < total) await this.#read();
    const text = decoder.decode(this.#buffer.subarray(end + HEADERS_END.byteLength, total));
    this.#buffer = this.#buffer.subarray(total);
    return { status, text };
  }

  async #read(): Promise<void> {
    const chunk = new Uint8Array(16 * 1024);
    const n = await this.#conn.read(chunk);
    if (n === null) throw new Error("the server closed the connection");
    const joined = new Uint8Array(this.#buffer.byteLength + n);
    joined.set(this.#buffer);
    joined.set(chunk.subarray(0, n), this.#buffer.byteLength);
    this.#buffer = joined;
  }
}

/** Where `needle` starts in `haystack`, or -1. */
export function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i <= haystack.byteLength - needle.byteLength; i++) {
    for (let j = 0; j < needle.byteLength; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
