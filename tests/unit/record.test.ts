// The shared callback record (tests/_record.ts): earlier and later callbacks both count, each is handed
// out once, a wait for any condition is re-checked after every callback, and a wait that finds
// nothing fails within its bound with a message listing what did arrive.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { CallbackLog } from "../_record.ts";

type Events = { ping: [n: number]; pong: [] };

describe("CallbackLog", () => {
  it("finds a callback received before the wait", async () => {
    const log = new CallbackLog<Events>("test");
    log.record("ping", [1]);
    assert.deepEqual(await log.nextEvent("ping"), [1]);
  });

  it("waits for a matching callback received later", async () => {
    const log = new CallbackLog<Events>("test");
    const waiting = log.nextEvent("ping", (n) => n === 2);
    log.record("ping", [1]);
    log.record("ping", [2]);
    assert.deepEqual(await waiting, [2]);
    assert.deepEqual(log.received("ping"), [[1], [2]]);
  });

  it("hands each callback to one wait only", async () => {
    const log = new CallbackLog<Events>("test");
    log.record("ping", [7]);
    log.record("ping", [7]);
    assert.deepEqual(await log.nextEvent("ping"), [7]);
    assert.deepEqual(await log.nextEvent("ping"), [7]);
    await assert.rejects(log.nextEvent("ping", undefined, 20), /no 'ping' callback/);
  });

  it("times out with what was received", async () => {
    const log = new CallbackLog<Events>("carol");
    log.record("ping", [1]);
    await assert.rejects(log.nextEvent("ping", (n) => n > 5, 20), (err: Error) => {
      assert.match(err.message, /^carol: no 'ping' callback matching .*n > 5.* within 20 ms/);
      return true;
    });
  });

  it("a predicate that throws does not match", async () => {
    const log = new CallbackLog<Events>("test");
    log.record("ping", [1]);
    await assert.rejects(
      log.nextEvent("ping", () => {
        throw new Error("boom");
      }, 20),
      /no 'ping' callback/,
    );
  });

  it("fail() rejects pending and later waits", async () => {
    const log = new CallbackLog<Events>("test");
    const waiting = log.nextEvent("pong", undefined, 1_000);
    log.fail(new Error("gone"));
    await assert.rejects(waiting, /gone/);
    await assert.rejects(log.nextEvent("pong"), /gone/);
  });

  it("attach() records the callbacks of an on()-emitter, like an in-process client", async () => {
    const callbacks = new Map<string, (...args: never[]) => void>();
    const emitter = { on: (name: string, cb: (...args: never[]) => void) => callbacks.set(name, cb) };
    const log = CallbackLog.attach<Events>("ours", emitter, ["ping", "pong"]);
    (callbacks.get("ping") as (n: number) => void)(3);
    assert.deepEqual(await log.nextEvent("ping"), [3]);
  });

  it("until() resolves once a condition over what was recorded holds, and times out naming it", async () => {
    const log = new CallbackLog<Events>("dave");
    let pings = 0;
    const three = log.until(() => pings >= 3 ? pings : undefined, "three pings");
    for (const n of [1, 2, 3]) {
      pings++;
      log.record("ping", [n]);
    }
    assert.equal(await three, 3);
    await assert.rejects(
      log.until(() => undefined, "a pong", 20),
      /^Error: dave: no a pong within 20 ms; received: ping, ping, ping$/,
    );
  });

  it("names() lists every callback, or only those not handed out", async () => {
    const log = new CallbackLog<Events>("test");
    log.record("ping", [1]);
    log.record("pong", []);
    await log.nextEvent("ping");
    assert.deepEqual(log.names(), ["ping", "pong"]);
    assert.deepEqual(log.names(true), ["pong"]);
  });
});
