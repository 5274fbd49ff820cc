// Every send method against the reference server: what the other member receives, and the exact
// request each send makes.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { clientSuite, shared, type TestClient } from "./_client_fixture.ts";

describe("VonageClient send methods", () => {
  const suite = clientSuite();
  const alice = () => suite.clients.alice as TestClient;
  const bob = () => suite.clients.bob as TestClient;

  /** Waits until bob receives the event of `kind` in `cid` for which `match` holds. */
  const bobGets: TestClient["get"] = (cid, kind, match) => bob().get(cid, kind, match);

  it("sendMessageTextEvent sends text with quotes, <, > and & as is and resolves the timestamp", async () => {
    const cid = await shared(suite);
    const text = `it's <b>"fine"</b> & |/ done`;
    const timestamp = await alice().client.sendMessageTextEvent(cid, text);
    assert.ok(!Number.isNaN(Date.parse(timestamp)), timestamp);
    const event = await bobGets(cid, "message:text", (e) => e.body.text === text);
    assert.equal(event.timestamp, timestamp);
    // No automatic message:delivered receipt (the official SDK posts one for every pushed message).
    const receipts = bob().sent(`/v0.3/conversations/${cid}/events`, "POST").filter((r) =>
      JSON.parse(r.body).type === "message:delivered"
    );
    assert.deepEqual(receipts, []);
    assert.equal(event.memberStatuses, null);
    assert.equal(event.body.deleted, null);
    assert.equal(event.from.kind === "embeddedInfo" && event.from.user.name, "alice");
    const posted = alice().sent(`/v0.3/conversations/${cid}/events`, "POST").at(-1)!;
    const body = JSON.parse(posted.body);
    assert.deepEqual(body, {
      type: "message",
      body: { message_type: "text", text },
      cid,
      from: event.from.kind === "embeddedInfo" ? event.from.memberId : "?",
    });
  });

  it("media messages take URL objects or strings", async () => {
    const cid = await shared(suite);
    await alice().client.sendMessageImageEvent(cid, new URL("https://cdn.test/cat.png"));
    await alice().client.sendMessageVideoEvent(cid, "https://cdn.test/clip.mp4");
    await alice().client.sendMessageAudioEvent(cid, new URL("https://cdn.test/a b.mp3"));
    await alice().client.sendMessageFileEvent(cid, "https://cdn.test/doc.pdf?x='1'");
    await alice().client.sendMessageVCardEvent(cid, "https://cdn.test/ann.vcf");
    assert.equal((await bobGets(cid, "message:image")).body.imageUrl, "https://cdn.test/cat.png");
    assert.equal((await bobGets(cid, "message:video")).body.videoUrl, "https://cdn.test/clip.mp4");
    assert.equal((await bobGets(cid, "message:audio")).body.audioUrl, "https://cdn.test/a%20b.mp3");
    assert.equal((await bobGets(cid, "message:file")).body.fileUrl, "https://cdn.test/doc.pdf?x=%271%27");
    assert.equal((await bobGets(cid, "message:vcard")).body.vcardUrl, "https://cdn.test/ann.vcf");
  });

  it("sendMessageCustomEvent takes an object or a JSON object string", async () => {
    const cid = await shared(suite);
    await alice().client.sendMessageCustomEvent(cid, { card: { title: "<Hi>" } });
    await alice().client.sendMessageCustomEvent(cid, '{"n":2}');
    assert.deepEqual((await bobGets(cid, "message:custom")).body.customData, { card: { title: "<Hi>" } });
    await bobGets(cid, "message:custom", (e) => e.body.customData.n === 2);
  });

  it("sendMessageLocationEvent: name and address are optional, numbers become strings", async () => {
    const cid = await shared(suite);
    await alice().client.sendMessageLocationEvent(cid, { latitude: 51.5072, longitude: "-0.1276" });
    await alice().client.sendMessageLocationEvent(cid, {
      latitude: "48.8584",
      longitude: "2.2945",
      name: "Tour Eiffel",
      address: "5 Av. Anatole France, Paris",
    });
    const first = await bobGets(cid, "message:location", (e) => e.body.location.name === null);
    assert.deepEqual(first.body.location, {
      latitude: "51.5072",
      longitude: "-0.1276",
      name: null,
      address: null,
    });
    const second = await bobGets(cid, "message:location", (e) => e.body.location.name !== null);
    assert.deepEqual(second.body.location, {
      latitude: "48.8584",
      longitude: "2.2945",
      name: "Tour Eiffel",
      address: "5 Av. Anatole France, Paris",
    });
  });

  it("sendMessageTemplateEvent sends the template with whatsapp as a sibling", async () => {
    const cid = await shared(suite);
    await alice().client.sendMessageTemplateEvent(
      cid,
      { name: "welcome", parameters: ["Ann", "today"] },
      { policy: "deterministic", locale: "en_GB" },
    );
    const event = await bobGets(cid, "message:template");
    assert.deepEqual(event.body, {
      template: { name: "welcome", parameters: ["Ann", "today"] },
      whatsapp: { policy: "deterministic", locale: "en_GB" },
      deleted: null,
    });
    assert.equal(event.memberStatuses, null);
  });

  it("sendCustomEvent adds the custom: prefix when missing", async () => {
    const cid = await shared(suite);
    await alice().client.sendCustomEvent(cid, "reaction", { emoji: "+1" });
    await alice().client.sendCustomEvent(cid, "custom:reaction", { emoji: "-1" });
    const plus = await bobGets(cid, "custom", (e) => e.body.emoji === "+1");
    assert.equal(plus.eventType, "custom:reaction");
    const minus = await bobGets(cid, "custom", (e) => e.body.emoji === "-1");
    assert.equal(minus.eventType, "custom:reaction");
    const types = alice().sent(`/v0.3/conversations/${cid}/events`, "POST").map((r) =>
      JSON.parse(r.body).type
    );
    assert.deepEqual(types.slice(-2), ["custom:reaction", "custom:reaction"]);
  });

  it("sendEphemeralEvent reaches the other member without an id", async () => {
    const cid = await shared(suite);
    await alice().client.sendEphemeralEvent(cid, { typing: true });
    const event = await bobGets(cid, "ephemeral", (e) => e.body.typing === true);
    assert.equal("id" in event, false);
  });

  it("sendMessageSeenEvent sends message:seen for an event id and resolves the receipt's timestamp", async () => {
    const cid = await shared(suite);
    await alice().client.sendMessageTextEvent(cid, "read me");
    const message = await bobGets(cid, "message:text", (e) => e.body.text === "read me");
    const bobMember = (await bob().client.getConversation(cid)).memberId;
    const timestamp = await bob().client.sendMessageSeenEvent(message.id, cid);
    const posted = bob().sent(`/v0.3/conversations/${cid}/events`, "POST").at(-1)!;
    assert.deepEqual(JSON.parse(posted.body), {
      type: "message:seen",
      body: { event_id: message.id },
      cid,
      from: bobMember,
    });
    const seen = await alice().get(cid, "message:seen", (e) => e.body.eventId === message.id);
    assert.equal(timestamp, seen.timestamp, "the receipt's own time, as the server stored it");
    assert.ok(
      Date.parse(timestamp) >= Date.parse(message.timestamp),
      `${timestamp} after ${message.timestamp}`,
    );
    assert.equal(seen.id, message.id + 1, "stored right after the message");
    assert.equal(seen.from.kind === "embeddedInfo" && seen.from.user.name, "bob");
    assert.equal(seen.from.kind === "embeddedInfo" && seen.from.memberId, bobMember);
    // Listed afterwards, the message carries bob's seen time.
    const page = await alice().client.getConversationEvents(cid, { eventFilter: ["message"], order: "desc" });
    const listed = page.events.find((e) => e.id === message.id);
    assert.equal(listed?.kind === "message:text" && listed.memberStatuses?.[bobMember!]?.seen, timestamp);
  });

  it("deleteEvent deletes a message: event:delete is pushed", async () => {
    const cid = await shared(suite);
    await alice().client.sendMessageTextEvent(cid, "oops");
    const message = await bobGets(cid, "message:text", (e) => e.body.text === "oops");
    const aliceMember = (await alice().client.getConversation(cid)).memberId!;
    assert.equal(await alice().client.deleteEvent(message.id, cid), undefined);
    const deletion = await bobGets(cid, "event:delete", (e) => e.body.eventId === message.id);
    assert.equal(deletion.from.kind === "embeddedInfo" && deletion.from.memberId, aliceMember);
    const del = alice().sent(`/v0.3/conversations/${cid}/events/${message.id}`, "DELETE");
    assert.deepEqual(del.map((r) => [r.path, r.body]), [
      [`/v0.3/conversations/${cid}/events/${message.id}?from=${encodeURIComponent(aliceMember)}`, ""],
    ]);
    // The message is gone from the listing, and kept in its place, marked deleted, when asked for.
    const visible = await bob().client.getConversationEvents(cid, { eventFilter: ["message"] });
    assert.equal(visible.events.some((e) => e.id === message.id), false);
    const all = await bob().client.getConversationEvents(cid, {
      eventFilter: ["message"],
      includeDeletedEvents: true,
    });
    const kept = all.events.find((e) => e.id === message.id);
    assert.equal(kept?.kind, "message:text");
    assert.ok(
      kept?.kind === "message:text" && kept.body.deleted !== null &&
        !Number.isNaN(Date.parse(kept.body.deleted)),
    );
  });

  it("the caller's member id is learnt from the join and cached: no members/me request", async () => {
    const cid = await shared(suite);
    for (let i = 0; i < 3; i++) await alice().client.sendMessageTextEvent(cid, `n${i}`);
    assert.equal(alice().sent(`/v0.3/conversations/${cid}/members/me`).length, 0);
  });

  it("a member who joined elsewhere fetches members/me once, then uses the cache", async () => {
    const cid = await shared(suite);
    const second = suite.extra("alice");
    await second.client.createSession(await suite.server.token("alice"));
    await second.client.sendMessageTextEvent(cid, "from my other device");
    await second.client.sendMessageTextEvent(cid, "again");
    assert.equal(second.sent(`/v0.3/conversations/${cid}/members/me`).length, 1);
  });
});
