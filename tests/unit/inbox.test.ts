import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Inbox, type InboxOptions, type WirePush } from "../../src/client/inbox.ts";
import type { ConversationEvent } from "../../src/client/conversation_event.ts";
import { recordingLogger } from "./_log.ts";

const T = "2026-01-01T10:00:00.000Z";
const text = (id: number, text: string, cid = "C") => ({
  id,
  cid,
  timestamp: T,
  body: { message_type: "text", text },
});
const joined = (id: number, userId: string) => ({
  id,
  cid: "C",
  timestamp: T,
  body: { member_id: `MEM-${userId}`, user: { id: userId, name: userId }, channel: { type: "app" } },
});
const texts = (events: ConversationEvent[]) =>
  events.map((e) => e.kind === "message:text" ? e.body.text : e.kind);

/** An inbox over a fake event list: `stored` is what a back-fill finds. */
function inbox(options: Partial<InboxOptions> & { stored?: WirePush[] } = {}) {
  const { logger, lines } = recordingLogger();
  const got: ConversationEvent[] = [];
  const fetches: [string, number][] = [];
  const stored = options.stored ?? [];
  const box = new Inbox({
    deliver: (e) => got.push(e),
    fetchSince: (cid, fromId) => {
      fetches.push([cid, fromId]);
      return Promise.resolve(stored.filter((e) => e.cid === cid && (e.id as number) >= fromId));
    },
    selfUserId: () => "USR-me",
    isTransient: () => false,
    retryDelayMs: () => 0,
    logger,
    ...options,
  });
  return { box, got, lines, fetches };
}

/** Lets pending promise callbacks (the fake fetches) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("Inbox", () => {
  it("taps call signalling after de-duplication and ordering, before parsing", () => {
    const tapped: string[] = [];
    const { box, got } = inbox({ tap: (push) => tapped.push(`${push.type}:${push.id ?? "-"}`) });
    box.receive("member:joined", joined(1, "USR-me"));
    box.receive("rtc:hangup", { id: 2, cid: "C", timestamp: T, body: {} });
    box.receive("rtc:hangup", { id: 2, cid: "C", timestamp: T, body: {} }); // doubled push
    box.receive("leg:status:update", { id: null, cid: "C", timestamp: T, body: { status: "answered" } });
    assert.deepEqual(tapped, ["member:joined:1", "rtc:hangup:2", "leg:status:update:-"]);
    assert.deepEqual(texts(got), ["member:joined"]);
  });

  it("parses pushes and delivers them; events without an id at once", () => {
    const { box, got } = inbox();
    box.receive("message", text(1, "a"));
    box.receive("ephemeral", { cid: "C", timestamp: T, body: { typing: true } });
    box.receive("message", text(2, "b"));
    assert.deepEqual(texts(got), ["a", "ephemeral", "b"]);
  });

  it("logs and skips malformed pushes without throwing", () => {
    const { box, got, lines } = inbox();
    box.receive("message", "not an object");
    box.receive("message", { cid: "C", timestamp: T, body: { message_type: "text", text: "no id" } });
    box.receive("message", { id: 1, cid: "C", timestamp: T, body: { message_type: "hologram" } });
    box.receive("rtc:hangup", { id: 2, cid: "C", body: {} });
    box.receive("message", text(3, "ok"));
    assert.equal(got.length, 1);
    assert.equal(lines.filter((l) => l.level === "Warn").length, 3);
    assert.ok(lines.some((l) => /ignored rtc:hangup/.test(l.message)));
  });

  it("waits for an id it skipped and finds no trace of it in the event list, then moves on", async () => {
    const { box, got, fetches } = inbox();
    box.receive("message", text(1, "a"));
    box.receive("custom:x", { id: 3, cid: "C", timestamp: T, body: {} });
    assert.deepEqual(got.map((e) => e.kind), ["message:text"]);
    await settle(); // id 2 is looked for in the (empty) event list
    assert.deepEqual(fetches, [["C", 2]]);
    assert.deepEqual(got.map((e) => e.kind), ["message:text", "custom"]);
  });

  it("a throwing deliver is logged, not thrown", () => {
    const { box, lines } = inbox({
      deliver: () => {
        throw new Error("x");
      },
    });
    box.receive("message", text(1, "a"));
    assert.ok(lines.some((l) => l.level === "Error"));
  });

  it("drops duplicates, and back-fills a gap as pushes: cid, no listing state, string ids", async () => {
    const stored = [
      { type: "message", ...text(2, "b"), cid: undefined, conversation_id: "C", state: { seen_by: {} } },
      { type: "message:seen", id: 3, conversation_id: "C", timestamp: T, body: { event_id: 2 } },
    ] as unknown as WirePush[];
    const { box, got, fetches } = inbox({
      fetchSince: (_cid, fromId) => {
        fetches.push(["C", fromId]);
        const pushes = stored.map(({ conversation_id, state: _state, ...rest }) => ({
          ...rest,
          cid: conversation_id,
        }));
        return Promise.resolve(pushes as WirePush[]);
      },
    });
    box.receive("message", text(1, "a"));
    box.receive("message", text(1, "a"));
    box.receive("message", { ...text(4, "d"), id: "4" });
    assert.deepEqual(texts(got), ["a"]);
    await settle();
    assert.deepEqual(fetches, [["C", 2]]);
    assert.deepEqual(texts(got), ["a", "b", "message:seen", "d"]);
    const b = got[1]!;
    assert.equal(b.kind === "message:text" && b.memberStatuses, null, "as pushed, not as listed");
    assert.equal(b.conversationId, "C");
  });

  it("a new membership of the session's user starts the conversation's sequence afresh", async () => {
    const { box, got, fetches } = inbox();
    box.receive("member:invited", { ...joined(5, "USR-me"), body: { ...joined(5, "USR-me").body } });
    box.receive("member:joined", joined(21, "USR-me"));
    box.receive("member:joined", joined(23, "USR-other"));
    await settle();
    assert.deepEqual(texts(got), ["member:invited", "member:joined", "member:joined"]);
    assert.deepEqual(fetches, [["C", 22]], "only the gap after the join is filled");
  });

  it("catchUp back-fills every conversation seen, from its last delivered id", async () => {
    const { box, got, fetches } = inbox({ stored: [{ type: "message", ...text(2, "missed") }] });
    box.receive("message", text(1, "a"));
    box.receive("message", text(7, "x", "D"));
    box.catchUp();
    await settle();
    assert.deepEqual(fetches, [["C", 2], ["D", 8]]);
    assert.deepEqual(texts(got), ["a", "x", "missed"]);
    assert.ok(box.idle);
  });
});
