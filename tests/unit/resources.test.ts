// Mapping of generated resource shapes (read at the edge) to the public ones (resources.ts).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { cursorOf, toConversation, toMember, toUser } from "../../src/client/resources.ts";
import { CONVERSATION, MEMBER, read, USER } from "../../src/client/wire_readers.ts";
import type { WireConversation, WireMember, WireUser } from "../../src/wire.ts";
import { VonageError } from "../../src/errors.ts";
import { T } from "./_push.ts";

/** Answers as they arrive: read at the edge, then mapped. */
const conversation = (wire: unknown) =>
  toConversation(read<WireConversation>(wire, CONVERSATION, "conversation"));
const member = (wire: unknown) => toMember(read<WireMember>(wire, MEMBER, "member"));
const user = (wire: unknown) => toUser(read<WireUser>(wire, USER, "user"));

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
      conversation({
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
    const bare = conversation({ id: "C", name: "n", timestamp: {} });
    assert.equal(bare.memberId, null);
    assert.equal("memberState" in bare, false);
    assert.deepEqual(bare.properties, { ttl: null, customSortKey: null, customData: null });
    assert.throws(() => conversation({ id: "C", name: "n" }), VonageError);
  });

  it("maps a member with its channel (upper-case type, sip stays lower) and timestamps", () => {
    const mapped = member({
      id: "MEM-1",
      state: "JOINED",
      _embedded: { user: { id: "U", name: "u" } },
      channel: { type: "app", from: { id: "x" } },
      timestamp: { joined: T },
    });
    assert.deepEqual(mapped.channel, { type: "APP", from: { id: "x", number: null }, to: null });
    assert.deepEqual(mapped.timestamp, { invited: null, joined: T, left: null });
    assert.equal(mapped.user?.name, "u");
    assert.equal(member({ id: "M", state: "INVITED", channel: { type: "sip" } }).channel?.type, "sip");
    assert.throws(() => member({ id: "M", state: "joined" }), VonageError);
  });

  it("maps a user with channels, timestamps and custom data", () => {
    const mapped = user({
      id: "U",
      name: "u",
      channels: { phone: [{ number: "447700900000" }] },
      timestamp: { created: T },
      properties: { custom_data: { vip: true } },
    });
    assert.deepEqual(mapped.channels?.phone, [{ id: null, number: "447700900000" }]);
    assert.equal(mapped.channels?.app, null);
    assert.deepEqual(mapped.timestamp, { created: T, updated: null, destroyed: null });
    assert.deepEqual(mapped.customData, { vip: true });
  });
});
