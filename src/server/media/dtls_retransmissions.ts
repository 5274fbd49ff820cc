/**
 * Makes werift's DTLS ignore retransmitted handshake messages. werift (0.25) handles a flight that a
 * peer sends again (because our reply was late, e.g. on a busy machine) as a new one: its client makes
 * a second key exchange on a repeated ServerHello, its server a second ServerHello on a repeated
 * ClientHello. The peer keeps the first keys, werift the second: both report `connected`, and not one
 * SRTP packet decrypts either way. Measured with Chromium callers at a load average of 11 to 13 on 2 cores:
 * about 1 call in 6 without this, 0 in 30 with it.
 *
 * DTLS numbers handshake messages (`message_seq`); a message already handled is a retransmission and
 * is dropped, as RFC 6347 §4.2.2 has it. werift's own flight timers then resend the flight the peer
 * missed, with two exceptions that must go through: a repeated Finished (it is what makes werift resend
 * its last flight), and a repeated ClientHello while the server has only answered with a
 * HelloVerifyRequest (werift never resends that one itself: dropping its repeats left a handshake
 * whose HelloVerifyRequest was lost stuck for good). werift hands over only whole messages (it joins
 * fragments first), so a message's fragments are never mistaken for repeats.
 *
 * Imported for its effect by endpoint.ts; it patches `RTCDtlsTransport.prototype.start` once.
 *
 * @module
 */
import { RTCDtlsTransport } from "./deps.ts";

/** The handshake messages werift's DTLS socket hands to its state machine. */
export type Handshake = { msg_type: number; message_seq: number };

const CLIENT_HELLO = 1;
const FINISHED = 20;
/** werift's number for the flight of a server that has sent only its HelloVerifyRequest. */
const HELLO_VERIFY_FLIGHT = 2;

/**
 * The messages of `handshakes` to hand on, given the `message_seq`s already `handled` (updated) and the
 * flight the socket is at (`dtls.flight`).
 */
export function freshHandshakes(handshakes: Handshake[], handled: Set<number>, flight?: number): Handshake[] {
  const fresh = handshakes.filter((h) =>
    !handled.has(h.message_seq) || h.msg_type === FINISHED ||
    (h.msg_type === CLIENT_HELLO && flight === HELLO_VERIFY_FLIGHT)
  );
  for (const h of handshakes) handled.add(h.message_seq);
  return fresh;
}

type Socket = {
  dtls: { flight?: number };
  onHandleHandshakes: (handshakes: Handshake[]) => Promise<void>;
};

const transport = RTCDtlsTransport.prototype as unknown as { start(this: { dtls?: Socket }): Promise<void> };
const start = transport.start;
transport.start = function () {
  // start() creates its DTLS socket synchronously, before its first await: wrap it before any packet.
  const started = start.call(this);
  const socket = this.dtls;
  if (socket) {
    const handle = socket.onHandleHandshakes;
    const handled = new Set<number>();
    socket.onHandleHandshakes = (handshakes) => {
      const fresh = freshHandshakes(handshakes, handled, socket.dtls.flight);
      return fresh.length > 0 ? handle(fresh) : Promise.resolve();
    };
  }
  return started;
};
