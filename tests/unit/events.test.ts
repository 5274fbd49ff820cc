// Mapping of typed pushes (read at the edge) to ConversationEvents (events.ts), delivery state and
// events pages.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { toConversationEvent, toEventsPage, toMemberStatuses } from "../../src/client/events.ts";
import { readPush } from "../../src/client/wire_readers.ts";
import { VonageError } from "../../src/errors.ts";
import type { WireEventsPage } from "../../src/wire.ts";
import { T } from "./_push.ts";

const embedded = {
  from_member: { id: "MEM-a" },
  from_user: { id: "USR-a", name: "alice", display_name: "Alice", image_url: "https://img/a.png" },
};
const alice = {
  kind: "embeddedInfo",
  memberId: "MEM-a",
  user: {
    id: "USR-a",
    name: "alice",
    displayName: "Alice",
    imageUrl: "https://img/a.png",
    customData: null,
    channels: null,
    timestamp: null,
  },
};

/** A payload as the socket delivers it (`type` is the event name), read at the edge, then mapped. */
function event(type: string, payload: Record<string, unknown>) {
  const read = readPush(type, payload);
  if (!read.push) {
    throw new VonageError(
      "INTERNAL_ERROR",
      "internal:error:parsing_exception",
      read.malformed ?? "unknown type",
    );
  }
  return toConversationEvent(read.push);
}

/** A socket push with the usual envelope. */
function push(type: string, body: unknown, extra: Record<string, unknown> = {}) {
  return event(type, { id: 7, cid: "CON-1", timestamp: T, _embedded: embedded, body, ...extra });
}

function message(body: Record<string, unknown>) {
  return push("message", body);
}

describe("toConversationEvent() from socket pushes", () => {
  it("maps text, custom and media messages with memberStatuses null", () => {
    assert.deepEqual(message({ message_type: "text", text: 'it\'s <b> & "q"' }), {
      kind: "message:text",
      id: 7,
      timestamp: T,
      conversationId: "CON-1",
      from: alice,
      memberStatuses: null,
      body: { text: 'it\'s <b> & "q"', deleted: null },
    });
    assert.deepEqual(message({ message_type: "custom", custom: { a: 1 } })?.body, {
      customData: { a: 1 },
      deleted: null,
    });
    for (
      const [kind, key] of [["image", "imageUrl"], ["video", "videoUrl"], ["audio", "audioUrl"], [
        "file",
        "fileUrl",
      ], ["vcard", "vcardUrl"]]
    ) {
      const media = message({ message_type: kind, [kind!]: { url: `https://x/${kind}` } });
      assert.equal(media?.kind, `message:${kind}`);
      assert.deepEqual(media?.body, { [key!]: `https://x/${kind}`, deleted: null });
    }
  });

  it("maps location and template messages; absent name, address and whatsapp become null / empty", () => {
    assert.deepEqual(
      message({ message_type: "location", location: { latitude: "51.5", longitude: "-0.12" } })?.body,
      { location: { latitude: "51.5", longitude: "-0.12", name: null, address: null }, deleted: null },
    );
    const template = message({
      message_type: "template",
      template: { name: "welcome", parameters: ["Ann"] },
      whatsapp: { policy: "deterministic", locale: "en_GB" },
    });
    assert.equal(template?.kind, "message:template");
    assert.deepEqual(template?.body, {
      template: { name: "welcome", parameters: ["Ann"] },
      whatsapp: { policy: "deterministic", locale: "en_GB" },
      deleted: null,
    });
    assert.ok(template && "memberStatuses" in template && !("memberStatus" in template));
    assert.deepEqual(message({ message_type: "template", template: { name: "t" } })?.body, {
      template: { name: "t", parameters: null },
      whatsapp: { policy: "", locale: "" },
      deleted: null,
    });
  });

  it("reads deleted from body.timestamp.deleted", () => {
    const deleted = message({ message_type: "text", text: "", timestamp: { deleted: T } });
    assert.deepEqual(deleted?.body, { text: "", deleted: T });
  });

  it("maps member events, with channel.number repeating the channel id", () => {
    for (const type of ["member:invited", "member:joined", "member:left"]) {
      const mapped = push(type, {
        member_id: "MEM-b",
        user: { id: "USR-b", name: "bob" },
        channel: { type: "app", id: "CH-1" },
        media: { audio_settings: null },
      });
      assert.equal(mapped?.kind, type);
      assert.deepEqual(mapped?.body, {
        memberId: "MEM-b",
        user: {
          id: "USR-b",
          name: "bob",
          displayName: null,
          imageUrl: null,
          channels: null,
          timestamp: null,
          customData: null,
        },
        channel: { id: "CH-1", number: "CH-1" },
      });
    }
  });

  it("maps custom, ephemeral, event:delete and the five receipts", () => {
    const custom = push("custom:typing", { on: true });
    assert.equal(custom?.kind, "custom");
    assert.equal(custom?.kind === "custom" && custom.eventType, "custom:typing");
    assert.deepEqual(custom?.body, { on: true });

    const ephemeral = event("ephemeral", { cid: "CON-1", timestamp: T, body: { x: 1 } });
    assert.deepEqual(ephemeral, {
      kind: "ephemeral",
      timestamp: T,
      conversationId: "CON-1",
      from: { kind: "system" },
      body: { x: 1 },
    });

    for (
      const type of [
        "event:delete",
        "message:seen",
        "message:delivered",
        "message:submitted",
        "message:rejected",
        "message:undeliverable",
      ]
    ) {
      const reference = push(type, { event_id: 3 });
      assert.equal(reference?.kind, type);
      assert.deepEqual(reference?.body, { eventId: 3 });
    }
  });

  it("accepts a numeric string id and treats an event without _embedded.from_user as system", () => {
    const read = event("message", {
      id: "12",
      cid: "C",
      timestamp: T,
      _embedded: { from_member: { id: "M" } },
      body: { message_type: "text", text: "x" },
    });
    assert.equal(read && "id" in read && read.id, 12);
    assert.deepEqual(read?.from, { kind: "system" });
  });

  it("returns null for call signalling; the edge does not read unknown types", () => {
    for (const type of ["rtc:hangup", "audio:mute:on", "leg:status:update", "member:media"]) {
      assert.equal(push(type, {}), null);
    }
    assert.equal(readPush("something", { id: 1, cid: "C", body: {} }).push, null);
  });

  it("throws a parsing error when a required field is missing", () => {
    const bad = [
      () => event("message", { cid: "C", timestamp: T, body: { message_type: "text", text: "x" } }),
      () => event("message", { id: 1, timestamp: T, body: { message_type: "text", text: "x" } }),
      () => push("message", { message_type: "text" }),
      () => push("message", { message_type: "sticker", sticker: {} }),
      () => push("message", "not an object"),
      () => push("member:joined", { user: { id: "U", name: "u" } }),
    ];
    for (const run of bad) {
      assert.throws(run, (err: unknown) => {
        return err instanceof VonageError && err.code === "internal:error:parsing_exception";
      });
    }
  });
});

describe("toMemberStatuses()", () => {
  const at = (n: number) => `2026-01-01T10:00:0${n}.000Z`;

  it("picks the state with the latest time as current", () => {
    assert.equal(
      toMemberStatuses({ seen_by: { M: at(3) }, delivered_to: { M: at(5) } })!.M!.current,
      "delivered",
    );
    assert.equal(toMemberStatuses({ seen_by: { M: at(5) }, delivered_to: { M: at(3) } })!.M!.current, "seen");
    assert.equal(
      toMemberStatuses({ undeliverable_to: { M: at(7) }, submitted_to: { M: at(2) } })!.M!.current,
      "undeliverable",
    );
  });

  it("on equal times the later state in the order seen, delivered, submitted wins", () => {
    const same = at(4);
    assert.equal(
      toMemberStatuses({ seen_by: { M: same }, delivered_to: { M: same } })!.M!.current,
      "delivered",
    );
    assert.equal(
      toMemberStatuses({ seen_by: { M: same }, delivered_to: { M: same }, submitted_to: { M: same } })!.M!
        .current,
      "submitted",
    );
  });

  it("fills every state per member and is null without state", () => {
    assert.deepEqual(toMemberStatuses({ seen_by: { A: at(1) }, rejected_by: { B: at(2) } }), {
      A: {
        seen: at(1),
        delivered: null,
        submitted: null,
        rejected: null,
        undeliverable: null,
        current: "seen",
      },
      B: {
        seen: null,
        delivered: null,
        submitted: null,
        rejected: at(2),
        undeliverable: null,
        current: "rejected",
      },
    });
    assert.equal(toMemberStatuses(undefined), null);
  });
});

describe("toEventsPage()", () => {
  it("uses conversation_id or the listed conversation, fills memberStatuses and decodes cursors", () => {
    const skipped: string[] = [];
    const page = toEventsPage(
      ({
        _embedded: {
          events: [
            {
              type: "message",
              id: 1,
              timestamp: T,
              body: { message_type: "text", text: "a" },
              state: { seen_by: { M: T } },
            },
            {
              type: "message",
              id: 2,
              timestamp: T,
              conversation_id: "OTHER",
              body: { message_type: "text", text: "b" },
            },
            { type: "message:seen", id: 3, timestamp: T, body: { event_id: 1 } },
            { type: "message", id: 4, timestamp: T, body: { message_type: "sticker" } },
            { type: "audio:say", id: 5, timestamp: T, body: {} },
          ],
        },
        _links: { next: { href: "/v0.3/conversations/C/events?page_size=2&cursor=a%2Fb%3D%3D" } },
      }) as unknown as WireEventsPage,
      "CON-1",
      (_item, reason) => skipped.push(reason),
    );
    assert.equal(page.events.length, 3);
    assert.equal(page.events[0]!.conversationId, "CON-1");
    assert.equal(page.events[1]!.conversationId, "OTHER");
    const first = page.events[0]!;
    assert.equal(first.kind === "message:text" && first.memberStatuses?.M?.current, "seen");
    assert.equal(page.events[1]!.kind === "message:text" && page.events[1]!.memberStatuses, null);
    assert.equal(page.nextCursor, "a/b==");
    assert.equal(page.previousCursor, null);
    assert.equal(skipped.length, 2);
  });
});
