// The receive pipeline (inbox.ts) end to end, from frames to `conversationEvent` callbacks: the edge
// check, ordering and de-duplication, back-fill through the real HTTP layer (over a scripted fetch
// serving a stored event list), the call tap, memberships and dispatch.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { ConversationEvent } from "../../src/client/conversation_event.ts";
import { Emitter, type VonageEvent } from "../../src/client/emitter.ts";
import { Http } from "../../src/client/http.ts";
import { Inbox, type Push } from "../../src/client/inbox.ts";
import { Memberships } from "../../src/client/memberships.ts";
import { recordingLogger } from "./_log.ts";
import { T } from "./_push.ts";

const text = (id: number | string, text: string, cid = "C") => ({
  id,
  cid,
  timestamp: T,
  body: { message_type: "text", text },
});
const member = (id: number, userId: string) => ({
  id,
  cid: "C",
  timestamp: T,
  body: { member_id: `MEM-${userId}`, user: { id: userId, name: userId }, channel: { type: "app" } },
});
const texts = (events: ConversationEvent[]) =>
  events.map((e) => e.kind === "message:text" ? e.body.text : e.kind);

/** A stored event as the server lists it: `conversation_id` and a message's `state`, no `cid`. */
interface Listed {
  type: string;
  id: number | string;
  conversation_id: string;
  timestamp: string;
  body: unknown;
  state?: unknown;
}

/**
 * An inbox whose back-fills read `stored` through a real `Http` (the fetch is scripted); the
 * session user is `USR-me`.
 */
function inbox(options: { stored?: Listed[]; tap?: (push: Push) => void } = {}) {
  const { logger, lines } = recordingLogger();
  const got: ConversationEvent[] = [];
  const fetches: [string, number][] = [];
  const stored = options.stored ?? [];
  const http = new Http(
    {
      apiUrl: "http://api.test",
      requestTimeoutMs: 1_000,
      fetch: (request) => {
        const url = new URL(request.url);
        const cid = decodeURIComponent(url.pathname.split("/")[3]!);
        const from = Number(url.searchParams.get("start_id"));
        fetches.push([cid, from]);
        const events = stored.filter((e) => e.conversation_id === cid && Number(e.id) >= from);
        return Promise.resolve(Response.json({ _embedded: { events }, _links: {} }));
      },
    },
    () => "TOKEN",
    logger,
  );
  const emitter = new Emitter<VonageEvent>(logger);
  emitter.on("conversationEvent", (e) => got.push(e));
  const memberships = new Memberships(() => http, () => "USR-me");
  const box = new Inbox({
    http: () => http,
    memberships,
    calls: { receive: options.tap ?? (() => {}) },
    emitter,
    backoff: () => ({ baseMs: 0, capMs: 0 }),
    logger,
  });
  return { box, got, lines, fetches, emitter, memberships };
}

/** Lets pending promise callbacks (the scripted fetches) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe("Inbox", () => {
  it("taps call signalling after de-duplication and ordering, before mapping", () => {
    const tapped: string[] = [];
    const { box, got } = inbox({ tap: (push) => tapped.push(`${push.type}:${push.id ?? "-"}`) });
    box.receive("member:joined", member(1, "USR-me"));
    box.receive("rtc:hangup", { id: 2, cid: "C", timestamp: T, body: {} });
    box.receive("rtc:hangup", { id: 2, cid: "C", timestamp: T, body: {} }); // doubled push
    box.receive("leg:status:update", { id: null, cid: "C", timestamp: T, body: { status: "answered" } });
    assert.deepEqual(tapped, ["member:joined:1", "rtc:hangup:2", "leg:status:update:-"]);
    assert.deepEqual(texts(got), ["member:joined"]);
  });

  it("maps pushes and delivers them; events without an id at once", () => {
    const { box, got } = inbox();
    box.receive("message", text(1, "a"));
    box.receive("ephemeral", { cid: "C", timestamp: T, body: { typing: true } });
    box.receive("message", text(2, "b"));
    assert.deepEqual(texts(got), ["a", "ephemeral", "b"]);
    assert.equal(got[0]!.kind === "message:text" && got[0]!.id, 1);
  });

  it("logs and skips malformed pushes without throwing, and later events still arrive in order", async () => {
    const { box, got, lines, fetches } = inbox();
    box.receive("message", text(1, "first"));
    box.receive("message", "not an object");
    box.receive("message", { id: 2, cid: "C", timestamp: T, body: { message_type: "hologram" } });
    box.receive("message", { id: 3, cid: "C", timestamp: T, body: { message_type: "text" } });
    box.receive("message", { cid: "C", timestamp: T, body: { message_type: "text", text: "no id" } });
    box.receive("rtc:hangup", { id: 4, cid: "C" });
    box.receive("message", text(5, "after"));
    box.receive("message", text(6, "later"));
    await settle();
    assert.deepEqual(texts(got), ["first", "after", "later"]);
    assert.deepEqual(fetches, [], "a skipped push keeps its id: no gap, no back-fill");
    const warnings = lines.filter((l) => l.level === "Warn").map((l) => l.message);
    assert.equal(warnings.length, 5, warnings.join("\n"));
    assert.match(warnings[0]!, /message: the payload is not an object/);
    assert.match(warnings[1]!, /malformed message: .*message_type is not one of/);
    assert.match(warnings[2]!, /malformed message: message\.body\.text must be a string/);
    assert.match(warnings[3]!, /malformed message: message\.id must be an integer/);
    assert.match(warnings[4]!, /malformed rtc:hangup: rtc:hangup\.body must be an object/);
  });

  it("ignores call signalling as a conversation event, and types it does not read", () => {
    const { box, got, lines } = inbox();
    box.receive("rtc:hangup", { id: 1, cid: "C", body: {} });
    box.receive("conversation:updated", { id: 2, cid: "C", body: {} });
    box.receive("message", text(3, "x"));
    assert.deepEqual(texts(got), ["x"]);
    assert.ok(lines.some((l) => /ignored rtc:hangup \(not a conversation event\)/.test(l.message)));
    assert.ok(lines.some((l) => /ignored conversation:updated/.test(l.message)));
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

  it("a throwing callback is logged, and the next event is still delivered", () => {
    const { box, lines, got, emitter } = inbox();
    emitter.on("conversationEvent", () => {
      throw new Error("x");
    });
    box.receive("message", text(1, "a"));
    box.receive("message", text(2, "b"));
    assert.deepEqual(texts(got), ["a", "b"]);
    assert.equal(lines.filter((l) => l.level === "Error").length, 2);
  });

  it("drops duplicates, and back-fills a gap as pushes: cid, no listing state, string ids", async () => {
    const { box, got, fetches } = inbox({
      stored: [
        { ...text(2, "b"), conversation_id: "C", type: "message", state: { seen_by: { M: T } } },
        { type: "message:seen", id: 3, conversation_id: "C", timestamp: T, body: { event_id: 2 } },
      ],
    });
    box.receive("message", text(1, "a"));
    box.receive("message", text(1, "a"));
    box.receive("message", text("4", "d"));
    assert.deepEqual(texts(got), ["a"]);
    await settle();
    assert.deepEqual(fetches, [["C", 2]]);
    assert.deepEqual(texts(got), ["a", "b", "message:seen", "d"]);
    const [, b, seen, d] = got;
    assert.equal(b!.kind === "message:text" && b!.memberStatuses, null, "as pushed, not as listed");
    assert.equal(b!.conversationId, "C");
    assert.deepEqual(seen!.kind === "message:seen" && seen!.body, { eventId: 2 });
    assert.equal(d!.kind === "message:text" && d!.id, 4, "a numeric string id becomes a number");
  });

  it("a new membership of the session's user starts the conversation's sequence afresh", async () => {
    const { box, got, fetches } = inbox();
    box.receive("member:invited", member(5, "USR-me"));
    box.receive("member:joined", member(21, "USR-me"));
    box.receive("member:joined", member(23, "USR-other"));
    await settle();
    assert.deepEqual(texts(got), ["member:invited", "member:joined", "member:joined"]);
    assert.deepEqual(fetches, [["C", 22]], "only the gap after the join is filled");
  });

  it("keeps the user's member ids true to delivered joins and departures", async () => {
    const { box, memberships } = inbox();
    box.receive("member:joined", member(1, "USR-me"));
    assert.equal(await memberships.of("C"), "MEM-USR-me");
    box.receive("member:joined", member(2, "USR-other"));
    assert.equal(await memberships.of("C"), "MEM-USR-me");
    box.receive("member:left", member(3, "USR-me"));
    await assert.rejects(memberships.of("C"), "forgotten: read from members/me again (here: not served)");
  });

  it("catchUp back-fills every conversation seen, from its last delivered id", async () => {
    const { box, got, fetches } = inbox({
      stored: [{ ...text(2, "missed"), conversation_id: "C", type: "message" }],
    });
    box.receive("message", text(1, "a"));
    box.receive("message", text(7, "x", "D"));
    box.catchUp();
    await settle();
    assert.deepEqual(fetches, [["C", 2], ["D", 8]]);
    assert.deepEqual(texts(got), ["a", "x", "missed"]);
    assert.ok(box.idle);
  });
});
