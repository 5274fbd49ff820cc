// The HTTP layer against a scripted fetch: headers, encoding, and every outcome of §2.2 / §11.1.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Http } from "../../src/client/http.ts";
import { CONVERSATION } from "../../src/client/wire_readers.ts";
import { VonageError } from "../../src/errors.ts";
import { recordingLogger } from "./_log.ts";

interface Seen {
  method: string;
  url: string;
  auth: string | null;
  body: string;
}

function http(answer: (request: Request) => Response | Promise<Response>, timeoutMs = 1_000) {
  const seen: Seen[] = [];
  const { logger } = recordingLogger();
  const client = new Http(
    {
      apiUrl: "http://api.test",
      requestTimeoutMs: timeoutMs,
      fetch: async (request) => {
        seen.push({
          method: request.method,
          url: request.url,
          auth: request.headers.get("authorization"),
          body: await request.clone().text(),
        });
        return answer(request);
      },
    },
    () => "TOKEN",
    logger,
  );
  return { client, seen };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

async function rejects(promise: Promise<unknown>, type: string, code: string | null, message?: RegExp) {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof VonageError, `not a VonageError: ${err}`);
    assert.equal(err.type, type);
    assert.equal(err.code, code);
    if (message) assert.match(err.message, message);
    return true;
  });
}

const getConversation = (client: Http, id = "CON-1") =>
  client.call(
    "getConversation",
    (api) =>
      api.GET("/v0.3/conversations/{conversation_id}", {
        params: { path: { conversation_id: id } },
      }),
  );

describe("Http.call()", () => {
  it("sends the bearer token and resolves the parsed body", async () => {
    const { client, seen } = http(() => json(200, { id: "CON-1" }));
    assert.deepEqual(await getConversation(client), { id: "CON-1" });
    assert.equal(seen[0]!.auth, "Bearer TOKEN");
    assert.equal(seen[0]!.url, "http://api.test/v0.3/conversations/CON-1");
  });

  it("a call that sets its own Authorization keeps it (refreshSession sends the new token)", async () => {
    const { client, seen } = http(() => json(200, { session_id: "S" }));
    await client.call("refreshSession", (api) =>
      api.PUT("/v0.2/sessions/{session_id}", {
        params: { path: { session_id: "S" } },
        headers: { Authorization: "Bearer NEW" },
        body: "",
      }));
    assert.equal(seen[0]!.auth, "Bearer NEW");
  });

  it("checks a read answer at the edge: the typed value, or a parsing error naming the field", async () => {
    const answer = {
      id: "CON-1",
      name: "n",
      timestamp: {},
      _embedded: { member: { id: "M", state: "JOINED" } },
    };
    const read = (body: unknown) =>
      http(() => json(200, body)).client.call(
        "getConversation",
        (api) =>
          api.GET("/v0.3/conversations/{conversation_id}", { params: { path: { conversation_id: "C" } } }),
        CONVERSATION,
      );
    assert.deepEqual(await read(answer), answer);
    await rejects(
      read({ ...answer, name: 5 }),
      "INTERNAL_ERROR",
      "internal:error:parsing_exception",
      /getConversation answer\.name must be a string/,
    );
    await rejects(
      read({ ...answer, _embedded: { member: { id: "M", state: "joined" } } }),
      "INTERNAL_ERROR",
      "internal:error:parsing_exception",
      /_embedded\.member\.state is not one of INVITED, JOINED, LEFT, UNKNOWN: joined/,
    );
    await rejects(read(undefined), "INTERNAL_ERROR", "internal:error:parsing_exception", /must be an object/);
  });

  it("percent-encodes path ids and query values", async () => {
    const { client, seen } = http(() => json(200, {}));
    await getConversation(client, "a/b?c#d e");
    await client.call("list", (api) =>
      api.GET("/v0.3/conversations/{conversation_id}/events", {
        params: {
          path: { conversation_id: "C" },
          query: { cursor: "x=y&z/+", event_type: "message,custom:a b" },
        },
      }));
    assert.equal(seen[0]!.url, "http://api.test/v0.3/conversations/a%2Fb%3Fc%23d%20e");
    assert.equal(
      seen[1]!.url,
      "http://api.test/v0.3/conversations/C/events?cursor=x%3Dy%26z%2F%2B&event_type=message%2Ccustom%3Aa%20b",
    );
  });

  it("resolves undefined for 204 and for an empty 200", async () => {
    assert.equal(await getConversation(http(() => new Response(null, { status: 204 })).client), undefined);
    assert.equal(await getConversation(http(() => new Response("", { status: 200 })).client), undefined);
  });

  it("4xx with a problem body → CS_ERROR with the body's code and detail", async () => {
    const { client } = http(() =>
      json(404, { code: "conversation:error:not-found", detail: "Conversation CON-1 does not exist" })
    );
    await rejects(
      getConversation(client),
      "CS_ERROR",
      "conversation:error:not-found",
      /CON-1 does not exist/,
    );
    const invalid = http(() =>
      json(400, {
        code: "http:error:validation-fail",
        detail: "Bad input",
        invalid_parameters: [{ name: "page_size", reason: "must be <= 100" }],
      })
    );
    await rejects(
      getConversation(invalid.client),
      "CS_ERROR",
      "http:error:validation-fail",
      /Bad input - invalid parameters: page_size \(must be <= 100\)/,
    );
  });

  it("401 → INTERNAL_ERROR internal:auth:authorization_error", async () => {
    const { client } = http(() => json(401, { code: "system:error:invalid-token", detail: "Invalid token" }));
    await rejects(
      getConversation(client),
      "INTERNAL_ERROR",
      "internal:auth:authorization_error",
      /Invalid token/,
    );
  });

  it("503 → NETWORK_ERROR, other 5xx → INTERNAL_ERROR", async () => {
    await rejects(
      getConversation(http(() => new Response("down", { status: 503 })).client),
      "NETWORK_ERROR",
      "internal:error:serviceNotAvailable",
    );
    await rejects(
      getConversation(http(() => json(500, {})).client),
      "INTERNAL_ERROR",
      "internal:error:service_no_available",
      /500/,
    );
  });

  it("unreadable bodies → INTERNAL_ERROR internal:error:parsing_exception", async () => {
    await rejects(
      getConversation(http(() => new Response("<html>", { status: 404 })).client),
      "INTERNAL_ERROR",
      "internal:error:parsing_exception",
    );
    await rejects(
      getConversation(http(() => new Response("{not json", { status: 200 })).client),
      "INTERNAL_ERROR",
      "internal:error:parsing_exception",
    );
  });

  it("a failing fetch → NETWORK_ERROR with code null", async () => {
    const { client } = http(() => {
      throw new TypeError("fetch failed");
    });
    await rejects(
      getConversation(client),
      "NETWORK_ERROR",
      null,
      /GET http:\/\/api.test\/.* failed: fetch failed/,
    );
  });

  it("no answer within requestTimeoutMs → NETWORK_ERROR network:error:timeout", async () => {
    const { client } = http(
      (request) =>
        new Promise<Response>((_resolve, reject) => {
          request.signal.addEventListener("abort", () => reject(request.signal.reason));
        }),
      30,
    );
    await rejects(getConversation(client), "NETWORK_ERROR", "network:error:timeout", /within 30 ms/);
  });
});
