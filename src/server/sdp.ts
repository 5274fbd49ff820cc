/**
 * SDP the reference server answers with. It carries no media, so an answer only has to be
 * syntactically valid and fit the offer well enough for a WebRTC stack to accept it.
 *
 * @module
 */

/**
 * A syntactically valid SDP answer to `offer`: one audio section with Opus, answering the offer's
 * first `mid` (browsers refuse answers whose mids do not match). No media will flow.
 */
export function answerFor(offer: string): string {
  const mid = /^a=mid:(\S+)/m.exec(offer)?.[1] ?? "0";
  const hex = (n: number) =>
    Array.from(crypto.getRandomValues(new Uint8Array(n)), (b) => b.toString(16).padStart(2, "0"));
  const sessionId = BigInt(`0x${hex(7).join("")}`).toString();
  return [
    "v=0",
    `o=- ${sessionId} 2 IN IP4 127.0.0.1`,
    "s=-",
    "t=0 0",
    `a=group:BUNDLE ${mid}`,
    "a=msid-semantic: WMS",
    "m=audio 9 UDP/TLS/RTP/SAVPF 111",
    "c=IN IP4 0.0.0.0",
    "a=rtcp:9 IN IP4 0.0.0.0",
    `a=ice-ufrag:${hex(4).join("")}`,
    `a=ice-pwd:${hex(12).join("")}`,
    `a=fingerprint:sha-256 ${hex(32).join(":").toUpperCase()}`,
    "a=setup:active",
    `a=mid:${mid}`,
    "a=sendrecv",
    "a=rtcp-mux",
    "a=rtpmap:111 opus/48000/2",
    "a=fmtp:111 minptime=10;useinbandfec=1",
    "",
  ].join("\r\n");
}
