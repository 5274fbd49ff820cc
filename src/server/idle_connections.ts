/**
 * Closes HTTP keep-alive connections left idle, in place of node:http's `keepAliveTimeout`, which
 * sets a timer after every answer and clears it at the next request (about 4 % of the server's CPU
 * per REST request). Here one sweep every {@link IDLE_SWEEP_MS} looks at each connection instead:
 * one with no request in flight that has neither read nor written a byte since the previous sweep
 * is closed, so a connection goes after one to two periods of idleness (node:http's default: 5 s).
 * Connections taken over by an upgrade (the socket.io websockets) are handed over with
 * {@link IdleConnections.forget} and left alone.
 *
 * @module
 */
import type { Server } from "node:http";
import type { Socket } from "node:net";
import type { Duplex } from "node:stream";
import { clearInterval, setInterval } from "node:timers";

/** How often idle connections are looked for, in milliseconds. */
export const IDLE_SWEEP_MS = 5000;

/** The sweeper of a server's idle connections. */
export interface IdleConnections {
  /** Stops watching `socket` (upgraded to another protocol, which has its own liveness checks). */
  forget(socket: Duplex): void;
  /** Stops the sweeps. */
  stop(): void;
}

/** What a sweep saw of a connection: the byte counts, to tell whether it was used since. */
interface Seen {
  read: number;
  written: number;
}

/**
 * Turns off `server`'s per-request keep-alive timer and closes idle connections every `periodMs`
 * (at least `periodMs`, at most twice that after their last byte).
 */
export function closeIdleConnections(server: Server, periodMs = IDLE_SWEEP_MS): IdleConnections {
  server.keepAliveTimeout = 0;
  const watched = new Map<Socket, Seen>();
  const sweep = () => {
    for (const [socket, seen] of watched) {
      // node:http attaches the answer of the request in flight to its socket until it is sent.
      const answering = (socket as { _httpMessage?: unknown })._httpMessage != null;
      if (answering || socket.bytesRead !== seen.read || socket.bytesWritten !== seen.written) {
        seen.read = socket.bytesRead;
        seen.written = socket.bytesWritten;
      } else {
        watched.delete(socket);
        socket.destroy();
      }
    }
  };
  // Started by the first connection, so a server that never listened leaves no timer behind.
  let timer: ReturnType<typeof setInterval> | undefined;
  server.on("connection", (socket: Socket) => {
    watched.set(socket, { read: -1, written: -1 });
    socket.once("close", () => watched.delete(socket));
    if (!timer) (timer = setInterval(sweep, periodMs)).unref();
  });
  return {
    forget: (socket) => void watched.delete(socket as Socket),
    stop: () => clearInterval(timer),
  };
}
