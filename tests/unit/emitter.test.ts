import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Emitter } from "../../src/client/emitter.ts";
import { recordingLogger } from "./_log.ts";

type Events = { ping: (n: number) => void; other: () => void };

describe("Emitter", () => {
  it("calls callbacks in registration order with the arguments", () => {
    const { logger } = recordingLogger();
    const emitter = new Emitter<Events>(logger);
    const calls: string[] = [];
    emitter.on("ping", (n) => calls.push(`a${n}`));
    emitter.on("ping", (n) => calls.push(`b${n}`));
    emitter.emit("ping", 1);
    assert.deepEqual(calls, ["a1", "b1"]);
  });

  it("logs a throwing callback and still calls the others", () => {
    const { logger, lines } = recordingLogger();
    const emitter = new Emitter<Events>(logger);
    const calls: string[] = [];
    emitter.on("ping", () => {
      throw new Error("boom");
    });
    emitter.on("ping", () => calls.push("after"));
    emitter.emit("ping", 1);
    assert.deepEqual(calls, ["after"]);
    assert.ok(lines.some((l) => l.level === "Error" && /ping callback threw: Error: boom/.test(l.message)));
  });

  it("on returns a symbol; off removes exactly that callback and reports whether it did", () => {
    const { logger } = recordingLogger();
    const emitter = new Emitter<Events>(logger);
    const calls: string[] = [];
    const a = emitter.on("ping", () => calls.push("a"));
    emitter.on("ping", () => calls.push("b"));
    assert.equal(typeof a, "symbol");
    assert.equal(emitter.off("ping", a), true);
    assert.equal(emitter.off("ping", a), false);
    assert.equal(emitter.off("other", a), false);
    emitter.emit("ping", 1);
    assert.deepEqual(calls, ["b"]);
  });

  it("clear removes every callback of one name only", () => {
    const { logger } = recordingLogger();
    const emitter = new Emitter<Events>(logger);
    const calls: string[] = [];
    emitter.on("ping", () => calls.push("ping"));
    emitter.on("other", () => calls.push("other"));
    emitter.clear("ping");
    emitter.emit("ping", 1);
    emitter.emit("other");
    assert.deepEqual(calls, ["other"]);
  });

  it("is safe against on and off during dispatch", () => {
    const { logger } = recordingLogger();
    const emitter = new Emitter<Events>(logger);
    const calls: string[] = [];
    let b: symbol | undefined = undefined;
    emitter.on("ping", (n) => {
      calls.push(`a${n}`);
      emitter.on("ping", (m) => calls.push(`late${m}`));
      if (b) emitter.off("ping", b);
    });
    b = emitter.on("ping", (n) => calls.push(`b${n}`));
    emitter.emit("ping", 1);
    // The callback added during round 1 runs from round 2 on; the one removed in round 1 never runs.
    assert.deepEqual(calls, ["a1"]);
    emitter.emit("ping", 2);
    assert.deepEqual(calls, ["a1", "a2", "late2"]);
  });

  it("a callback that clears its own name stops the rest of the round", () => {
    const { logger } = recordingLogger();
    const emitter = new Emitter<Events>(logger);
    const calls: string[] = [];
    emitter.on("ping", () => {
      calls.push("a");
      emitter.clear("ping");
    });
    emitter.on("ping", () => calls.push("b"));
    emitter.emit("ping", 1);
    assert.deepEqual(calls, ["a"]);
  });
});
