import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { joinRecords } from "../../src/server/media/dtls_flight_datagrams.ts";
import { freshHandshakes, type Handshake } from "../../src/server/media/dtls_retransmissions.ts";

const hs = (msg_type: number, message_seq: number): Handshake => ({ msg_type, message_seq });
const types = (list: Handshake[]) => list.map((h) => `${h.msg_type}#${h.message_seq}`);

describe("freshHandshakes() (dtls_retransmissions.ts)", () => {
  it("hands on a client's flight 5 once, in order, and a repeated Finished every time", () => {
    const handled = new Set<number>();
    const flight5 = [hs(11, 2), hs(16, 3), hs(15, 4), hs(20, 5)];
    // werift hands each message over in its own call, the whole flight again when it is resent
    assert.deepEqual(flight5.flatMap((h) => types(freshHandshakes([h], handled, 4))), [
      "11#2",
      "16#3",
      "15#4",
      "20#5",
    ]);
    assert.deepEqual(flight5.flatMap((h) => types(freshHandshakes([h], handled, 6))), ["20#5"]);
  });

  it("drops a repeated flight 4 at the client, so that it makes no second key exchange", () => {
    const handled = new Set<number>();
    const flight4 = [hs(2, 1), hs(11, 2), hs(12, 3), hs(13, 4), hs(14, 5)];
    assert.deepEqual(types(freshHandshakes([hs(3, 0)], handled, 1)), ["3#0"]);
    assert.deepEqual(types(freshHandshakes(flight4, handled, 3)), types(flight4));
    assert.deepEqual(freshHandshakes(flight4, handled, 5), []);
    assert.deepEqual(freshHandshakes([hs(3, 0)], handled, 5), []); // a second HelloVerifyRequest too
  });

  it("lets a repeated ClientHello through while the server has only sent its HelloVerifyRequest", () => {
    const handled = new Set<number>();
    assert.deepEqual(types(freshHandshakes([hs(1, 0)], handled, undefined)), ["1#0"]);
    assert.deepEqual(types(freshHandshakes([hs(1, 0)], handled, 2)), ["1#0"]); // its HelloVerifyRequest lost
    assert.deepEqual(types(freshHandshakes([hs(1, 1)], handled, 2)), ["1#1"]);
    // once it has sent its ServerHello, a repeat would make a second one with new keys
    assert.deepEqual(freshHandshakes([hs(1, 0)], handled, 4), []);
    assert.deepEqual(freshHandshakes([hs(1, 1)], handled, 4), []);
  });
});

describe("joinRecords() (dtls_flight_datagrams.ts)", () => {
  const record = (tag: number, length: number) => new Uint8Array(length).fill(tag);

  it("joins a flight's records, in order, into one datagram when they fit", () => {
    const flight = [record(1, 500), record(2, 90), record(3, 100), record(4, 14), record(5, 60)];
    const datagrams = joinRecords(flight);
    assert.equal(datagrams.length, 1);
    assert.deepEqual([...new Set(datagrams[0])], [1, 2, 3, 4, 5]);
    assert.equal(datagrams[0]?.length, 764);
  });

  it("starts a new datagram where the limit would be passed, and sends a larger record alone", () => {
    const datagrams = joinRecords([record(1, 700), record(2, 600), record(3, 1300), record(4, 10)], 1200);
    assert.deepEqual(datagrams.map((d) => [d[0], d.length]), [[1, 700], [2, 600], [3, 1300], [4, 10]]);
    assert.deepEqual(joinRecords([record(1, 600), record(2, 600)], 1200).map((d) => d.length), [1200]);
    assert.deepEqual(joinRecords([]), []);
  });
});
