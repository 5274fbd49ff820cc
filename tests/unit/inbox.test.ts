import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Inbox } from "../../src/client/inbox.ts";
import type { ConversationEvent } from "../../src/client/conversation_event.ts";
import { recordingLogger } from "./_log.ts";

const T = "2026-01-01T10:00:00.000Z";
const text = (id: number, text: string) => ({
  id,
  cid: "C",
  timestamp: T,
  body: { message_type: "text", text },
});

describe("Inbox", () => {
  it("parses pushes and delivers them in arrival order", () => {
    const { logger } = recordingLogger();
    const got: ConversationEvent[] = [];
    const inbox = new Inbox((e) => got.push(e), logger);
    inbox.receive("message", text(2, "b"));
    inbox.receive("message", text(1, "a"));
    assert.deepEqual(got.map((e) => e.kind === "message:text" && e.body.text), ["b", "a"]);
  });

  it("logs and skips malformed pushes without throwing", () => {
    const { logger, lines } = recordingLogger();
    const got: ConversationEvent[] = [];
    const inbox = new Inbox((e) => got.push(e), logger);
    inbox.receive("message", "not an object");
    inbox.receive("message", { cid: "C", timestamp: T, body: { message_type: "text", text: "no id" } });
    inbox.receive("message", { id: 1, cid: "C", timestamp: T, body: { message_type: "hologram" } });
    inbox.receive("rtc:hangup", { id: 1, cid: "C", body: {} });
    inbox.receive("message", text(3, "ok"));
    assert.equal(got.length, 1);
    assert.equal(lines.filter((l) => l.level === "Warn").length, 3);
    assert.ok(lines.some((l) => /ignored rtc:hangup/.test(l.message)));
  });

  it("delivers pending events in their listed order and skips ones without a type", () => {
    const { logger, lines } = recordingLogger();
    const got: ConversationEvent[] = [];
    const inbox = new Inbox((e) => got.push(e), logger);
    inbox.receiveAll([{ type: "message", ...text(1, "a") }, { ...text(2, "untyped") }, {
      type: "custom:x",
      id: 3,
      cid: "C",
      timestamp: T,
      body: {},
    }]);
    assert.deepEqual(got.map((e) => e.kind), ["message:text", "custom"]);
    assert.ok(lines.some((l) => /without a type/.test(l.message)));
  });

  it("a throwing deliver is logged, not thrown", () => {
    const { logger, lines } = recordingLogger();
    const inbox = new Inbox(() => {
      throw new Error("x");
    }, logger);
    inbox.receive("message", text(1, "a"));
    assert.ok(lines.some((l) => l.level === "Error"));
  });
});
