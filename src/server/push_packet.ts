/**
 * A push encoded once for every socket it goes to. `socket.emit` serializes its payload again for
 * each socket (and the websocket layer converts that text to bytes again); a conversation's message
 * reaches every member's sockets, so the server would do that work once per receiver. Here the
 * socket.io packet and its websocket frame are built at the first send and written as they are to
 * every socket, as socket.io's own room broadcast does (socket.io-adapter: `broadcast`,
 * `broadcastWithAck`), through the same engine.io option (`wsPreEncodedFrame`).
 *
 * Sockets whose client acknowledges pushes get the packet with an ack id: one id for the push on
 * every socket, taken from the namespace's counter as socket.io's broadcast with acks does, so the
 * acked packet too is encoded once. The callback is registered in the socket's ack table, where the
 * socket answers it.
 *
 * The bytes on the wire are those `socket.emit(name, payload)` (or with an ack callback) writes:
 * an EVENT packet of the default namespace, `2[<name>,<payload>]` or `2<id>[<name>,<payload>]`,
 * in an engine.io message (`4`), in one unmasked text frame.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import type { ServerSocket } from "./deps.ts";
import { WebSocketPackage } from "./deps.ts";
import type { JsonObject } from "./store.ts";

/** ws's frame builder (`WebSocket.Sender.frame`, which its types leave out): a frame as buffers to write. */
const Sender = (WebSocketPackage as unknown as {
  Sender: {
    frame(
      data: Uint8Array,
      options: { readOnly: boolean; mask: boolean; rsv1: boolean; opcode: number; fin: boolean },
    ): Uint8Array[];
  };
}).Sender;

/** One encoding of the push: the socket.io packet and its websocket frame. */
interface Encoding {
  packet: string;
  frame: Uint8Array[];
}

/** What socket.io keeps of a socket that this writes to, beyond its typed interface. */
interface SocketInternals {
  /** The ack callbacks waiting for the client, by packet id (socket.io's own table). */
  acks: Map<number, () => void>;
}

/** A push (an event name and its payload) to be written to any number of sockets. */
export class PushPacket {
  /** The socket.io event name. */
  readonly name: string;
  /** The payload. */
  readonly payload: JsonObject;
  #json: string | undefined;
  #plain: Encoding | undefined;
  /** The acked encoding, with its id from the counter of the namespace `nsp`. */
  #acked: (Encoding & { id: number; nsp: ServerSocket["nsp"] }) | undefined;

  /** A push of `payload` as event `name`; nothing is encoded before the first send. */
  constructor(name: string, payload: JsonObject) {
    this.name = name;
    this.payload = payload;
  }

  /** Writes the push to `socket`. */
  send(socket: ServerSocket): void {
    this.#plain ??= this.#encode("");
    this.#write(socket, this.#plain);
  }

  /**
   * Writes the push to `socket` asking for an acknowledgement: `onAck` runs when the client
   * acknowledges it. Answers the packet's ack id (the same for every socket of this push on one
   * socket.io endpoint).
   */
  sendWithAck(socket: ServerSocket, onAck: () => void): number {
    // A push held back (a fault test's hook) may reach a socket of the endpoint opened after a restart,
    // whose namespace counts from 0 again: there it takes an id of that namespace.
    if (this.#acked?.nsp !== socket.nsp) {
      const nsp = socket.nsp;
      this.#acked = { ...this.#encode(String(nsp._ids)), id: nsp._ids++, nsp };
    }
    (socket as unknown as SocketInternals).acks.set(this.#acked.id, onAck);
    this.#write(socket, this.#acked);
    return this.#acked.id;
  }

  #encode(id: string): Encoding {
    this.#json ??= JSON.stringify([this.name, this.payload]);
    const packet = `2${id}${this.#json}`;
    // The engine.io message packet ("4") in one final, unmasked text frame, as the server sends it.
    const frame = Sender.frame(Buffer.from(`4${packet}`), {
      readOnly: false,
      mask: false,
      rsv1: false,
      opcode: 1,
      fin: true,
    });
    return { packet, frame };
  }

  #write(socket: ServerSocket, { packet, frame }: Encoding): void {
    // engine.io writes the frame as it is on a websocket (without compression), the packet otherwise.
    socket.conn.write(packet, { wsPreEncodedFrame: frame } as { compress?: boolean });
  }
}
