/**
 * The socket.io endpoint of the server on an engine of its own, so that http decides which
 * requests reach it (not the metrics report), and so that tests can restart it: a restart closes
 * every socket and opens a fresh endpoint over the same sessions, which clients then resume.
 *
 * Each batch of packets engine.io flushes to a websocket (everything written to it while its last
 * write was under way: under load, many pushes) leaves in one write to the TCP socket, corked from
 * the engine's `flush` to its `drain`; otherwise each frame would cost a system call of its own.
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Buffer } from "node:buffer";
import type { Duplex } from "node:stream";
import { EngineServer, SocketServer } from "./deps.ts";
import type { Sessions } from "./sessions.ts";

/** The socket.io endpoint, restartable. */
export class SocketLayer {
  readonly #sessions: Sessions;
  /** The TCP socket under each websocket, by its upgrade request (engine.io keeps the request). */
  readonly #upgraded = new WeakMap<IncomingMessage, Duplex>();
  #engine!: InstanceType<typeof EngineServer>;
  #io!: SocketServer;
  #down = false;
  #closed = false;
  #attempts = 0;
  #reopen: { timer: ReturnType<typeof setTimeout>; done: () => void } | undefined;

  /** Opens the endpoint; logins go to `sessions`. */
  constructor(sessions: Sessions) {
    this.#sessions = sessions;
    this.#open();
  }

  /** How many websocket connections were attempted so far (refused ones included). */
  get attempts(): number {
    return this.#attempts;
  }

  /** A plain HTTP request under the socket.io path. */
  handleRequest(req: IncomingMessage, res: ServerResponse): void {
    if (this.#down) {
      res.writeHead(503).end();
      return;
    }
    this.#engine.handleRequest(req, res);
  }

  /** A websocket upgrade under the socket.io path; refused (the connection just closes) while down. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#attempts++;
    if (this.#down) socket.destroy();
    else {
      this.#upgraded.set(req, socket);
      this.#engine.handleUpgrade(req, socket, head);
    }
  }

  /**
   * Closes every socket (clients see the transport close) and, after `downtimeMs` during which
   * connections are refused, opens a fresh endpoint over the same sessions. Resolves how many
   * sockets were closed, once the endpoint is open again.
   */
  async restart(downtimeMs = 0): Promise<number> {
    if (this.#closed || this.#down) return 0;
    const count = this.#io.of("/").sockets.size;
    this.#down = true;
    await this.#io.close();
    await new Promise<void>((done) => this.#reopen = { timer: setTimeout(done, downtimeMs), done });
    this.#reopen = undefined;
    if (this.#closed) return count;
    this.#open();
    this.#down = false;
    return count;
  }

  /** Closes the endpoint for good. */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#reopen) {
      clearTimeout(this.#reopen.timer);
      this.#reopen.done();
    }
    await this.#io.close();
  }

  #open(): void {
    this.#engine = new EngineServer({ transports: ["websocket"], pingInterval: 10_000, pingTimeout: 5_000 });
    this.#engine.on(
      "flush",
      (conn: { request: IncomingMessage }) => this.#upgraded.get(conn.request)?.cork(),
    );
    this.#engine.on(
      "drain",
      (conn: { request: IncomingMessage }) => this.#upgraded.get(conn.request)?.uncork(),
    );
    this.#io = new SocketServer({ serveClient: false });
    this.#io.bind(this.#engine);
    this.#sessions.listen(this.#io);
  }
}
