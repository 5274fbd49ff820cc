// Compile-time tests (run by `deno check` and `deno test`): the ConversationEvent union narrows on
// `kind`, and an exhaustive switch over the 20 kinds ends in a `never` check.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type {
  ConversationEvent,
  EphemeralConversationEvent,
  PersistentConversationEvent,
  VonageClient,
} from "../../mod.ts";

/** One line per kind; adding or removing a kind breaks this function's compilation. */
function describeEvent(event: ConversationEvent): string {
  switch (event.kind) {
    case "member:invited":
    case "member:joined":
    case "member:left":
      return `${event.kind} ${event.body.user.name} ${event.body.memberId} ${event.body.channel.id}`;
    case "message:text":
      return event.body.text;
    case "message:custom":
      return JSON.stringify(event.body.customData);
    case "message:image":
      return event.body.imageUrl;
    case "message:video":
      return event.body.videoUrl;
    case "message:audio":
      return event.body.audioUrl;
    case "message:file":
      return event.body.fileUrl;
    case "message:vcard":
      return event.body.vcardUrl;
    case "message:location":
      return `${event.body.location.latitude},${event.body.location.longitude}`;
    case "message:template":
      return `${event.body.template.name} ${event.body.whatsapp.locale} ${event.memberStatuses === null}`;
    case "message:seen":
    case "message:delivered":
    case "message:submitted":
    case "message:rejected":
    case "message:undeliverable":
    case "event:delete":
      return `${event.kind} ${event.body.eventId}`;
    case "custom":
      return `${event.eventType} ${JSON.stringify(event.body)}`;
    case "ephemeral":
      return JSON.stringify(event.body);
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

function fromAndIds(event: ConversationEvent): string {
  const who = event.from.kind === "embeddedInfo"
    ? `${event.from.user.name} (${event.from.memberId})`
    : "system";
  // @ts-expect-error: ephemeral events have no id, so `id` is not on the union
  const id: number = event.id;
  if (event.kind === "ephemeral") {
    const e: EphemeralConversationEvent = event;
    return `${who} ${e.conversationId}`;
  }
  const stored: PersistentConversationEvent = event;
  return `${who} ${stored.id} ${id}`;
}

function memberStatusesOnMessagesOnly(event: ConversationEvent): void {
  if (event.kind === "message:text") {
    const current = event.memberStatuses?.["MEM-1"]?.current;
    // @ts-expect-error: not a state
    const wrong: typeof current = "read";
    void wrong;
  }
  if (event.kind === "member:joined") {
    // @ts-expect-error: member events have no memberStatuses
    void event.memberStatuses;
  }
}

function callbacks(client: VonageClient): void {
  client.on("conversationEvent", (event) => void describeEvent(event));
  client.on("sessionError", (reason) => {
    const known: "EXPIRED_TOKEN" | "TRANSPORT_CLOSED" | "PING_TIMEOUT" = reason;
    void known;
  });
  client.on("reconnecting", () => {});
  // @ts-expect-error: not an event the client emits
  client.on("noSuchEvent", () => {});
  // @ts-expect-error: conversationEvent callbacks take a ConversationEvent, not a string
  client.on("conversationEvent", (event: string) => void event);
}

describe("ConversationEvent types", () => {
  it("compile (this file is checked by deno check)", () => {
    assert.equal(typeof describeEvent, "function");
    assert.equal(typeof fromAndIds, "function");
    assert.equal(typeof memberStatusesOnMessagesOnly, "function");
    assert.equal(typeof callbacks, "function");
  });
});
