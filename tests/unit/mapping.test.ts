import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  cursorOf,
  toConversation,
  toConversationEvent,
  toEventsPage,
  toMember,
  toMemberStatuses,
  toUser,
} from "../../src/client/mapping.ts";
import { VonageError } from "../../src/errors.ts";

const T = "2026-01-01T10:00:00.000Z";
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

/** A socket push: the event name merged in as `type`. */
function push(type: string, body: unknown, extra: Record<string, unknown> = {}) {
  return toConversationEvent({
    type,
    id: 7,
    cid: "CON-1",
    timestamp: T,
    _embedded: embedded,
    body,
    ...extra,
  });
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
      const event = message({ message_type: kind, [kind!]: { url: `https://x/${kind}` } });
      assert.equal(event?.kind, `message:${kind}`);
      assert.deepEqual(event?.body, { [key!]: `https://x/${kind}`, deleted: null });
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
    const event = message({ message_type: "text", text: "", timestamp: { deleted: T } });
    assert.deepEqual(event?.body, { text: "", deleted: T });
  });

  it("maps member events, with channel.number repeating the channel id", () => {
    for (const type of ["member:invited", "member:joined", "member:left"]) {
      const event = push(type, {
        member_id: "MEM-b",
        user: { id: "USR-b", name: "bob" },
        channel: { type: "app", id: "CH-1" },
        media: { audio_settings: null },
      });
      assert.equal(event?.kind, type);
      assert.deepEqual(event?.body, {
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

    const ephemeral = toConversationEvent({ type: "ephemeral", cid: "CON-1", timestamp: T, body: { x: 1 } });
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
      const event = push(type, { event_id: 3 });
      assert.equal(event?.kind, type);
      assert.deepEqual(event?.body, { eventId: 3 });
    }
  });

  it("accepts a numeric string id and treats an event without _embedded.from_user as system", () => {
    const event = toConversationEvent({
      type: "message",
      id: "12",
      cid: "C",
      timestamp: T,
      _embedded: { from_member: { id: "M" } },
      body: { message_type: "text", text: "x" },
    });
    assert.equal(event && "id" in event && event.id, 12);
    assert.deepEqual(event?.from, { kind: "system" });
  });

  it("returns null for call signalling and unknown types", () => {
    for (const type of ["rtc:hangup", "audio:mute:on", "leg:status:update", "member:media", "something"]) {
      assert.equal(push(type, {}), null);
    }
  });

  it("throws a parsing error when a required field is missing", () => {
    const bad = [
      () =>
        toConversationEvent({
          type: "message",
          cid: "C",
          timestamp: T,
          body: { message_type: "text", text: "x" },
        }),
      () =>
        toConversationEvent({
          type: "message",
          id: 1,
          timestamp: T,
          body: { message_type: "text", text: "x" },
        }),
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
      {
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
      },
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

  it("fails on a page without _embedded or _links", () => {
    assert.throws(() => toEventsPage({ _embedded: { events: [] } }, "C", () => {}), VonageError);
    assert.throws(() => toEventsPage({ _links: {} }, "C", () => {}), VonageError);
  });
});

describe("cursorOf()", () => {
  it("reads the cursor query value of a relative or absolute href", () => {
    assert.equal(cursorOf({ prev: { href: "https://h/x?cursor=abc&page_size=1" } }, "prev"), "abc");
    assert.equal(cursorOf({ next: { href: "?cursor=" } }, "next"), null);
    assert.equal(cursorOf({}, "next"), null);
  });
});

describe("toConversation(), toMember(), toUser()", () => {
  it("maps a conversation with the caller's membership and properties", () => {
    assert.deepEqual(
      toConversation({
        id: "CON-1",
        name: "support",
        display_name: "Support",
        state: "ACTIVE",
        timestamp: { created: T },
        properties: { ttl: 60, custom_sort_key: "k", custom_data: { a: 1 } },
        _embedded: { member: { id: "MEM-1", state: "JOINED" } },
      }),
      {
        id: "CON-1",
        name: "support",
        timestamp: { created: T, updated: null, destroyed: null },
        memberId: "MEM-1",
        memberState: "JOINED",
        displayName: "Support",
        imageUrl: null,
        state: "ACTIVE",
        properties: { ttl: 60, customSortKey: "k", customData: { a: 1 } },
      },
    );
    const bare = toConversation({ id: "C", name: "n", timestamp: {} });
    assert.equal(bare.memberId, null);
    assert.equal("memberState" in bare, false);
    assert.deepEqual(bare.properties, { ttl: null, customSortKey: null, customData: null });
    assert.throws(() => toConversation({ id: "C", name: "n" }), VonageError);
  });

  it("maps a member with its channel (upper-case type, sip stays lower) and timestamps", () => {
    const member = toMember({
      id: "MEM-1",
      state: "JOINED",
      _embedded: { user: { id: "U", name: "u" } },
      channel: { type: "app", from: { id: "x" } },
      timestamp: { joined: T },
    });
    assert.deepEqual(member.channel, { type: "APP", from: { id: "x", number: null }, to: null });
    assert.deepEqual(member.timestamp, { invited: null, joined: T, left: null });
    assert.equal(member.user?.name, "u");
    assert.equal(toMember({ id: "M", state: "INVITED", channel: { type: "sip" } }).channel?.type, "sip");
    assert.throws(() => toMember({ id: "M", state: "joined" }), VonageError);
  });

  it("maps a user with channels, timestamps and custom data", () => {
    const user = toUser({
      id: "U",
      name: "u",
      channels: { phone: [{ number: "447700900000" }] },
      timestamp: { created: T },
      properties: { custom_data: { vip: true } },
    });
    assert.deepEqual(user.channels?.phone, [{ id: null, number: "447700900000" }]);
    assert.equal(user.channels?.app, null);
    assert.deepEqual(user.timestamp, { created: T, updated: null, destroyed: null });
    assert.deepEqual(user.customData, { vip: true });
  });
});
