/**
 * Makes Deno's `node:dgram` allocate a small buffer for each datagram werift receives, instead of
 * 64 KiB. Deno 2's polyfill reads every datagram into a new buffer of the socket's `recvBufferSize`
 * (64 KiB unless set), so each RTP packet of 100–200 bytes costs a zero-filled 64 KiB allocation
 * and its garbage: about 5,000 a second at 50 calls. There, `setRecvBufferSize` sets only the size of
 * that buffer (it is not passed to the kernel's SO_RCVBUF), so we set it to what a WebRTC datagram
 * can be: STUN, DTLS and SRTP are kept under the path MTU (about 1,200–1,500 bytes). Deno doubles the
 * size asked for on Linux (as Node does for the kernel): 1 KiB asked is a 2 KiB buffer, room for any
 * datagram under the largest MTU; it was 4 KiB asked (8 KiB buffers, 64 MB of garbage a second at
 * 8,000 packets a second, 40 calls). Node passes the value to the kernel instead, so this applies
 * under Deno only.
 *
 * Imported for its effect by endpoint.ts; it patches werift's `UdpTransport.prototype.init` once.
 *
 * @module
 */
import { UdpTransport } from "./deps.ts";

/** Half the largest datagram received in full (Deno doubles it on Linux, as Node does for the kernel). */
export const DATAGRAM_BYTES = 1024;

type Transport = { init(): Promise<void>; socket: { setRecvBufferSize(bytes: number): void } };

if ("Deno" in globalThis) {
  const transport = UdpTransport.prototype as unknown as Transport;
  const init = transport.init;
  transport.init = async function () {
    await init.call(this);
    this.socket.setRecvBufferSize(DATAGRAM_BYTES);
  };
}
