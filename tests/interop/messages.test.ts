// Every kind of message the official SDK sends, as the other official client receives it pushed
// and as both read it back from the conversation's events.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { ConversationEvent } from "./_api.ts";
import { tag } from "./_api.ts";
import { interopSuite, senderName, sharedConversation } from "./_fixture.ts";

describe("official SDK messages", () => {
  const ctx = interopSuite();

  it("every send kind reaches the other user with its values", async () => {
    const { alice, bob } = ctx;
    const cid = await sharedConversation(ctx);
    // Ordinary text with punctuation, digits, a lone slash and non-ASCII (the SDK refuses ' " < > &).
    const text = "Hello Bob, 3 + 4 = 7; see /docs: naïve café, 你好 🙂";

    // Each send, the kind it must arrive as and the body bob must see (plus `deleted: null`).
    const sends: [() => Promise<string>, ConversationEvent["kind"], Record<string, unknown>][] = [
      [() => alice.call("sendMessageTextEvent", cid, text), "message:text", { text }],
      [
        () => alice.call("sendMessageCustomEvent", cid, { card: { title: "Hi", n: 1 }, list: [1, 2] }),
        "message:custom",
        { customData: { card: { title: "Hi", n: 1 }, list: [1, 2] } },
      ],
      [
        () => alice.call("sendMessageImageEvent", cid, tag.url("https://example.com/a.png")),
        "message:image",
        { imageUrl: "https://example.com/a.png" },
      ],
      [
        () => alice.call("sendMessageVideoEvent", cid, tag.url("https://example.com/a.mp4")),
        "message:video",
        { videoUrl: "https://example.com/a.mp4" },
      ],
      [
        () => alice.call("sendMessageAudioEvent", cid, tag.url("https://example.com/a.mp3")),
        "message:audio",
        { audioUrl: "https://example.com/a.mp3" },
      ],
      [
        () => alice.call("sendMessageFileEvent", cid, tag.url("https://example.com/a.pdf")),
        "message:file",
        { fileUrl: "https://example.com/a.pdf" },
      ],
      [
        () => alice.call("sendMessageVCardEvent", cid, tag.url("https://example.com/a.vcf")),
        "message:vcard",
        { vcardUrl: "https://example.com/a.vcf" },
      ],
      [
        () =>
          alice.call("sendMessageLocationEvent", cid, {
            latitude: "51.5074",
            longitude: "-0.1278",
            name: "London",
            address: "Trafalgar Square",
          }),
        "message:location",
        {
          location: {
            latitude: "51.5074",
            longitude: "-0.1278",
            name: "London",
            address: "Trafalgar Square",
          },
        },
      ],
      [
        () =>
          alice.call(
            "sendMessageTemplateEvent",
            cid,
            { name: "welcome", parameters: ["Bob", "Parley"] },
            { policy: "deterministic", locale: "en_GB" },
          ),
        "message:template",
        {
          template: { name: "welcome", parameters: ["Bob", "Parley"] },
          whatsapp: { policy: "deterministic", locale: "en_GB" },
        },
      ],
    ];

    const ids: number[] = [];
    for (const [send, kind, body] of sends) {
      const timestamp = await send();
      assert.equal(typeof timestamp, "string", `${kind} resolves a timestamp`);
      const [e] = await bob.nextEvent(
        "conversationEvent",
        (e) => e.kind === kind && e.conversationId === cid,
      );
      assert.equal(senderName(e), "alice", kind);
      assert.equal(typeof e.id, "number", kind);
      for (const [key, value] of Object.entries(body)) {
        assert.deepEqual((e.body as Record<string, unknown>)[key], value, `${kind} body.${key}`);
      }
      assert.equal((e.body as { deleted?: unknown }).deleted ?? null, null, `${kind} is not deleted`);
      ids.push(e.id as number);
      // The sender receives her own message too.
      await alice.nextEvent("conversationEvent", (mine) => mine.kind === kind && mine.id === e.id);
    }
    assert.deepEqual([...ids].sort((a, b) => a - b), ids, "event ids grow in send order");
    // Each side got every message once, in send order (receipts and member events aside).
    const sentKinds = sends.map(([, kind]) => kind);
    for (const client of [alice, bob]) {
      const kinds = client.events.received("conversationEvent")
        .map(([e]) => e)
        .filter((e) => e.conversationId === cid && sentKinds.includes(e.kind))
        .map((e) => e.kind);
      assert.deepEqual(kinds, sentKinds, client.label);
    }

    // Both read the same history back, in order, with the same values.
    for (const reader of [alice, bob]) {
      const page = await reader.call("getConversationEvents", cid, {
        pageSize: 100,
        eventFilter: ["message"],
      });
      assert.deepEqual(page.events.map((e) => e.id), ids);
      assert.deepEqual(page.events.map((e) => e.kind), sends.map(([, kind]) => kind));
      const first = page.events[0];
      assert.equal(first?.kind === "message:text" && first.body.text, text);
      assert.ok(page.events.every((e) => senderName(e) === "alice"));
    }
  });

  it("a raw text skips the SDK's input check and arrives unchanged", async () => {
    const { alice, bob } = ctx;
    const cid = await sharedConversation(ctx);
    const text = `Tom & Jerry <b>"quoted"</b> it's`;
    await alice.call("sendMessageTextEvent", cid, text, true);
    const [e] = await bob.nextEvent(
      "conversationEvent",
      (e) => e.kind === "message:text" && e.conversationId === cid,
    );
    assert.equal(e.kind === "message:text" && e.body.text, text);
  });
});
