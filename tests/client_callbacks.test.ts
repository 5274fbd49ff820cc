// Callbacks and logging with real traffic: registration order, a throwing callback, off and
// clearCallbacks, and log lines that never carry the token.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { type ConversationEvent, createVonageLogger, LoggingLevel } from "../mod.ts";
import { clientSuite, shared, type TestClient } from "./_client_fixture.ts";

describe("VonageClient callbacks and logging", () => {
  const suite = clientSuite();
  const alice = () => suite.clients.alice as TestClient;
  const bob = () => suite.clients.bob as TestClient;

  it("runs callbacks in registration order; one that throws is logged and the others still run", async () => {
    const cid = await shared(suite);
    const lines: string[] = [];
    const carol = suite.extra("carol", {
      customLoggers: [
        createVonageLogger(
          "test",
          (level, topic, message) => lines.push(`${level} ${topic.name} ${message}`),
        ),
      ],
    });
    await carol.client.createSession(await suite.server.token("carol"));
    await alice().client.inviteToConversation(cid, "carol");
    await carol.client.joinConversation(cid);

    const order: string[] = [];
    const first = carol.on("conversationEvent", (e) => {
      if (e.kind === "message:text") order.push("first");
    });
    carol.on("conversationEvent", (e) => {
      if (e.kind === "message:text") throw new Error("callback bug");
    });
    carol.on("conversationEvent", (e) => {
      if (e.kind === "message:text") order.push("third");
    });
    await bob().client.sendMessageTextEvent(cid, "one");
    await carol.get(cid, "message:text", (e) => e.body.text === "one");
    assert.deepEqual(order, ["first", "third"]);
    assert.ok(
      lines.some((l) => /^Error API .*callback threw: Error: callback bug/.test(l)),
      lines.join("\n"),
    );

    assert.equal(carol.client.off("conversationEvent", first), true);
    assert.equal(carol.client.off("conversationEvent", first), false);
    await bob().client.sendMessageTextEvent(cid, "two");
    await carol.get(cid, "message:text", (e) => e.body.text === "two");
    assert.deepEqual(order, ["first", "third", "third"]);
  });

  it("clearCallbacks removes every callback of one event", async () => {
    const cid = await shared(suite);
    const dave = suite.extra("dave");
    await dave.client.createSession(await suite.server.token("dave"));
    await alice().client.inviteToConversation(cid, "dave");
    await dave.client.joinConversation(cid);
    const seen: ConversationEvent[] = [];
    dave.on("conversationEvent", (e) => seen.push(e));
    dave.client.clearCallbacks("conversationEvent");
    // The fixture's own recorder was cleared too: nothing arrives anywhere.
    const before = dave.events.length;
    await bob().client.sendMessageTextEvent(cid, "unheard");
    await alice().get(cid, "message:text", (e) => e.body.text === "unheard");
    assert.equal(seen.length, 0);
    assert.equal(dave.events.length, before);
  });

  it("never logs the token, even at Verbose through a whole session", async () => {
    const lines: string[] = [];
    const token = await suite.server.token("erin");
    const erin = suite.extra("erin", {
      loggingLevel: LoggingLevel.Verbose,
      customLoggers: [createVonageLogger("all", (_level, _topic, message) => lines.push(message))],
    });
    await erin.client.createSession(token);
    const cid = await erin.client.createConversation();
    await erin.client.joinConversation(cid);
    await erin.client.sendMessageTextEvent(cid, "hi");
    await erin.get(cid, "message:text");
    suite.server.dropConnections("erin");
    await erin.signal("reconnection");
    await erin.client.refreshSession(await suite.server.token("erin"));
    await erin.client.getConversation("CON-missing").catch(() => {});
    await erin.client.deleteSession();
    await erin.client.createSession("eyJhbGciOiJub25lIn0.eyJzdWIiOiJlcmluIn0.c2ln").catch(() => {});
    assert.ok(lines.length > 5, `expected a verbose log, got ${lines.length} lines`);
    for (const line of lines) {
      assert.ok(!line.includes(token), `token in: ${line}`);
      assert.ok(!/eyJ[\w-]+\./.test(line), `JWT-like text in: ${line}`);
    }
  });
});
