// Our VonageClient and the official SDK in one conversation on the reference server: what one
// sends the other receives, both see the same pushed events (same JSON shape), list the same
// history, and read each other's conversation updates.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { isDeepStrictEqual } from "node:util";
import { type ConversationEvent as OurEvent, some, VonageClient } from "../../mod.ts";
import { type ConversationEvent as OfficialEvent, tag } from "./_api.ts";
import { CallbackLog } from "../_record.ts";
import { interopSuite, isMemberEvent, senderName, uniqueName } from "./_fixture.ts";

type OurEvents = { conversationEvent: [event: OurEvent] };

/** An event as JSON (what the official driver hands over), so the two clients' views compare equal. */
function json(event: unknown): unknown {
  return JSON.parse(JSON.stringify(event));
}

describe("our client with the official SDK", () => {
  const ctx = interopSuite();
  let carol: VonageClient;
  let ours: CallbackLog<OurEvents>;

  before(async () => {
    carol = new VonageClient({
      apiUrl: ctx.server.url,
      websocketUrl: ctx.server.url,
      disableInternalLogger: true,
    });
    ours = CallbackLog.attach("carol (Parley)", carol, ["conversationEvent"]);
    await carol.createSession(await ctx.server.token("carol"));
  });
  after(async () => {
    await carol?.deleteSession().catch(() => {});
  });

  /** carol (ours) creates a conversation; alice (official) joins; resolves once carol saw her join. */
  async function mixedConversation(): Promise<string> {
    const cid = await carol.createConversation({ name: uniqueName("mixed") });
    await carol.joinConversation(cid);
    await ctx.alice.call("joinConversation", cid);
    await ours.nextEvent(
      "conversationEvent",
      (e) => isMemberEvent(e as OfficialEvent, "member:joined", cid, "alice"),
    );
    return cid;
  }

  it("every kind ours sends reaches the official SDK, which sees the same event as ours", async () => {
    const cid = await mixedConversation();
    const sends: [() => Promise<string>, OurEvent["kind"]][] = [
      [() => carol.sendMessageTextEvent(cid, "Hello from Parley, naïve café 🙂"), "message:text"],
      [() => carol.sendMessageCustomEvent(cid, { card: { title: "Hi" }, list: [1, 2] }), "message:custom"],
      [() => carol.sendMessageImageEvent(cid, new URL("https://example.com/a.png")), "message:image"],
      [() => carol.sendMessageVideoEvent(cid, "https://example.com/a.mp4"), "message:video"],
      [() => carol.sendMessageAudioEvent(cid, "https://example.com/a.mp3"), "message:audio"],
      [() => carol.sendMessageFileEvent(cid, "https://example.com/a.pdf"), "message:file"],
      [() => carol.sendMessageVCardEvent(cid, "https://example.com/a.vcf"), "message:vcard"],
      [
        () =>
          carol.sendMessageLocationEvent(cid, {
            latitude: "51.5074",
            longitude: "-0.1278",
            name: "London",
            address: "Trafalgar Square",
          }),
        "message:location",
      ],
      [() => carol.sendCustomEvent(cid, "reaction", { emoji: "+1" }), "custom"],
      [() => carol.sendEphemeralEvent(cid, { typing: true }), "ephemeral"],
    ];
    for (const [send, kind] of sends) {
      await send();
      const [theirs] = await ctx.alice.nextEvent(
        "conversationEvent",
        (e) => e.kind === kind && e.conversationId === cid,
      );
      const [mine] = await ours.nextEvent(
        "conversationEvent",
        (e) => e.kind === kind && e.conversationId === cid,
      );
      assert.equal(senderName(theirs), "carol");
      assert.deepEqual(json(mine), json(theirs), `${kind}: our event equals the official SDK's`);
    }
  });

  it("every kind the official SDK sends reaches ours with the official SDK's own view of it", async () => {
    const cid = await mixedConversation();
    const sends: [() => Promise<unknown>, OurEvent["kind"]][] = [
      [() => ctx.alice.call("sendMessageTextEvent", cid, "Hello from the official SDK"), "message:text"],
      [() => ctx.alice.call("sendMessageCustomEvent", cid, { n: 1 }), "message:custom"],
      [
        () => ctx.alice.call("sendMessageImageEvent", cid, tag.url("https://example.com/b.png")),
        "message:image",
      ],
      [
        () =>
          ctx.alice.call("sendMessageLocationEvent", cid, {
            latitude: "48.8584",
            longitude: "2.2945",
            name: "Paris",
            address: "Champ de Mars",
          }),
        "message:location",
      ],
      [() => ctx.alice.call("sendCustomEvent", cid, "custom:mood", { happy: true }), "custom"],
      [() => ctx.alice.call("sendEphemeralEvent", cid, { typing: false }), "ephemeral"],
    ];
    for (const [send, kind] of sends) {
      await send();
      const [mine] = await ours.nextEvent(
        "conversationEvent",
        (e) => e.kind === kind && e.conversationId === cid,
      );
      const [theirs] = await ctx.alice.nextEvent(
        "conversationEvent",
        (e) => e.kind === kind && e.conversationId === cid,
      );
      assert.equal(mine.from.kind === "embeddedInfo" && mine.from.user.name, "alice");
      assert.deepEqual(json(mine), json(theirs), `${kind}: our event equals the official SDK's`);
    }
  });

  it("template messages: same bodies, memberStatuses (ours) where the official runtime says memberStatus", async () => {
    const cid = await mixedConversation();
    await carol.sendMessageTemplateEvent(cid, { name: "welcome", parameters: ["Ann"] }, {
      policy: "deterministic",
      locale: "en_GB",
    });
    const [theirs] = await ctx.alice.nextEvent("conversationEvent", (e) => e.kind === "message:template");
    const [mine] = await ours.nextEvent("conversationEvent", (e) => e.kind === "message:template");
    const { memberStatus: _singular, body: theirBody, ...theirRest } = json(theirs) as Record<
      string,
      unknown
    >;
    const { memberStatuses, body: myBody, ...myRest } = json(mine) as Record<string, unknown>;
    assert.equal(memberStatuses, null);
    assert.deepEqual(myRest, theirRest);
    const { body: _internal, ...theirBodyFields } = theirBody as Record<string, unknown>;
    assert.deepEqual(myBody, theirBodyFields);
  });

  it("seen receipts cross both ways", async () => {
    const cid = await mixedConversation();
    await ctx.alice.call("sendMessageTextEvent", cid, "see this, carol");
    const [fromAlice] = await ours.nextEvent("conversationEvent", (e) => e.kind === "message:text");
    await carol.sendMessageSeenEvent(fromAlice.kind === "message:text" ? fromAlice.id : -1, cid);
    await ctx.alice.nextEvent(
      "conversationEvent",
      (e) =>
        e.kind === "message:seen" && e.body.eventId === (fromAlice as { id: number }).id &&
        senderName(e) === "carol",
    );

    await carol.sendMessageTextEvent(cid, "see this, alice");
    const [fromCarol] = await ctx.alice.nextEvent(
      "conversationEvent",
      (e) => e.kind === "message:text" && e.conversationId === cid && senderName(e) === "carol",
    );
    await ctx.alice.call("sendMessageSeenEvent", fromCarol.id as number, cid);
    await ours.nextEvent(
      "conversationEvent",
      (e) =>
        e.kind === "message:seen" && e.body.eventId === fromCarol.id &&
        senderName(e as OfficialEvent) === "alice",
    );
    // The official SDK also posted message:delivered for carol's message on its own.
    await ours.nextEvent(
      "conversationEvent",
      (e) => e.kind === "message:delivered" && e.body.eventId === fromCarol.id,
    );
  });

  it("both list the same history, with the same delivery states", async () => {
    const cid = await mixedConversation();
    await carol.sendMessageTextEvent(cid, "one");
    await ctx.alice.call("sendMessageTextEvent", cid, "two");
    await carol.sendCustomEvent(cid, "note", { n: 3 });
    await ours.nextEvent("conversationEvent", (e) => e.kind === "custom" && e.conversationId === cid);
    await ctx.alice.nextEvent("conversationEvent", (e) => e.kind === "custom" && e.conversationId === cid);
    await ours.nextEvent(
      "conversationEvent",
      (e) => e.kind === "message:delivered" && e.conversationId === cid,
    );

    // The official SDK posts its delivery receipts on its own, one per message it receives, so one may
    // land between the two reads: read both until they agree, within a deadline.
    const deadline = Date.now() + 5_000;
    let mine, theirs;
    do {
      mine = await carol.getConversationEvents(cid, { pageSize: 100 });
      theirs = await ctx.alice.call("getConversationEvents", cid, { pageSize: 100 });
    } while (!isDeepStrictEqual(json(mine), json(theirs)) && Date.now() < deadline);
    assert.deepEqual(json(mine), json(theirs));
    const kinds: string[] = [];
    for await (const event of carol.conversationEvents(cid, { pageSize: 2 })) kinds.push(event.kind);
    assert.deepEqual(kinds, theirs.events.map((e) => e.kind));
  });

  it("each reads the other's conversation updates", async () => {
    const cid = await mixedConversation();
    const updated = await carol.updateConversation(cid, {
      displayName: "Shared <room>",
      customSortKey: some("k1"),
      customData: { owner: "carol" },
    });
    const read = await ctx.alice.call("getConversation", cid);
    assert.equal(read.displayName, "Shared <room>");
    assert.deepEqual(read.properties?.customData, { owner: "carol" });
    assert.equal(read.properties?.customSortKey, "k1");
    assert.equal(updated.displayName, "Shared <room>");

    await ctx.alice.call("updateConversation", cid, { displayName: null, customData: tag.none() });
    const mine = await carol.getConversation(cid);
    assert.equal(mine.displayName, null);
    assert.deepEqual(mine.properties.customData, { owner: "carol" });
    assert.equal(mine.properties.customSortKey, "k1");
  });
});
