// Errors: bad input refused before any request (with a message that says what to fix), the
// server's errors as CS_ERROR, network failures and timeouts.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { CSErrorCodes, type Location, VonageError, VonageErrorType } from "../mod.ts";
import { clientSuite, shared, type TestClient } from "./_client_fixture.ts";

function refused(fragment: RegExp) {
  return (err: unknown) => {
    assert.ok(err instanceof VonageError, String(err));
    assert.equal(err.type, VonageErrorType.InternalError);
    assert.equal(err.code, "internal:error:illegal_argument_exception");
    assert.match(err.message, fragment);
    return true;
  };
}

describe("VonageClient errors", () => {
  const suite = clientSuite();
  const alice = () => suite.clients.alice as TestClient;

  it("refuses bad input before sending anything", async () => {
    const cid = await shared(suite);
    const c = alice().client;
    const before = alice().requests.length;
    const cases: [Promise<unknown>, RegExp][] = [
      [c.getConversation(""), /conversationIdOrName must be a non-empty string/],
      [c.sendMessageTextEvent("", "hi"), /conversationId must be a non-empty string/],
      [c.sendMessageImageEvent(cid, "not a url"), /imageUrl must be a URL or an absolute URL string/],
      [c.sendMessageFileEvent(cid, "/relative/path.pdf"), /fileUrl must be a URL/],
      [c.getConversations({ pageSize: 0 }), /pageSize must be an integer from 1 to 100, got 0/],
      [
        c.getConversationMembers(cid, { pageSize: 101 }),
        /pageSize must be an integer from 1 to 100, got 101/,
      ],
      [c.getConversationEvents(cid, { pageSize: 1000 }), /got 1000/],
      [c.sendMessageCustomEvent(cid, "{not json"), /customData is a string but not JSON/],
      [c.createConversation({ customData: "nope" }), /customData is a string but not JSON/],
      [c.sendEphemeralEvent(cid, "[1]"), /customData must be a JSON object/],
      [
        c.sendMessageLocationEvent(cid, { latitude: "51.5" } as Location),
        /location.longitude must be a decimal/,
      ],
      [c.sendMessageLocationEvent(cid, { latitude: "north", longitude: "0" }), /location.latitude must be/],
      [c.sendCustomEvent(cid, "", {}), /eventType must be a non-empty string/],
      [c.sendMessageSeenEvent(-1, cid), /id must be a non-negative integer/],
      [c.deleteEvent(1.5, cid), /id must be a non-negative integer/],
      [c.inviteToConversation(cid, ""), /name must be a non-empty string/],
      [c.getConversationEvents(cid, { order: "sideways" as "asc" }), /order must be "asc" or "desc"/],
      [c.updateConversation(cid, { name: null as unknown as string }), /name cannot be cleared/],
    ];
    for (const [promise, message] of cases) await assert.rejects(promise, refused(message));
    assert.equal(alice().requests.length, before, "no request was sent");
  });

  it("passes the server's refusals on as CS_ERROR with the server's code", async () => {
    await assert.rejects(alice().client.getConversation("CON-does-not-exist"), (err: unknown) => {
      assert.ok(err instanceof VonageError);
      assert.equal(err.type, "CS_ERROR");
      assert.equal(err.code, CSErrorCodes.ConversationNotFound);
      assert.match(err.message, /\S/);
      return true;
    });
    await assert.rejects(alice().client.getUser("no-such-user-anywhere"), (err: unknown) => {
      return err instanceof VonageError && err.code === CSErrorCodes.UserNotFound;
    });
    const name = `dup-${Math.random().toString(36).slice(2)}`;
    await alice().client.createConversation({ name });
    await assert.rejects(alice().client.createConversation({ name }), (err: unknown) => {
      return err instanceof VonageError && err.code === CSErrorCodes.ConversationDuplicateName;
    });
  });

  it("an unreachable API host gives NETWORK_ERROR with code null", async () => {
    const client = suite.extra("alice", { apiUrl: "http://127.0.0.1:1" });
    await client.client.createSession(await suite.server.token("alice"));
    await assert.rejects(client.client.getConversations(), (err: unknown) => {
      assert.ok(err instanceof VonageError);
      assert.equal(err.type, "NETWORK_ERROR");
      assert.equal(err.code, null);
      return true;
    });
  });

  it("a request with no answer within requestTimeoutMs gives NETWORK_ERROR network:error:timeout", async () => {
    const client = suite.extra("alice", {
      requestTimeoutMs: 100,
      fetch: (request) =>
        new Promise<Response>((_resolve, reject) => {
          request.signal.addEventListener("abort", () => reject(new Error("aborted")));
        }),
    });
    await client.client.createSession(await suite.server.token("alice"));
    await assert.rejects(client.client.getConversations(), (err: unknown) => {
      assert.ok(err instanceof VonageError);
      assert.equal(err.type, "NETWORK_ERROR");
      assert.equal(err.code, "network:error:timeout");
      assert.match(err.message, /within 100 ms/);
      return true;
    });
  });

  it("after the token expires: sessionError, then REST calls fail with internal:auth:authorization_error", async () => {
    const client = suite.extra("kate");
    await client.client.createSession(await suite.server.token("kate", { ttlSeconds: 3 }));
    await client.signal("sessionError:EXPIRED_TOKEN");
    await assert.rejects(client.client.getConversations(), (err: unknown) => {
      return err instanceof VonageError && err.type === "INTERNAL_ERROR" &&
        err.code === "internal:auth:authorization_error";
    });
  });
});
