// Type-level tests: openapi-fetch calls typed by gen/ compile for representative operations and
// refuse wrong bodies and parameters (`deno check` fails if an @ts-expect-error is not needed).
// The calls also run against a recording fetch, which pins the URLs openapi-fetch builds.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createFetchClient } from "../../src/deps.ts";
import type { ApiPaths } from "../../src/wire.ts";

function recordingClient() {
  const requests: { method: string; url: string; body: string }[] = [];
  const client = createFetchClient<ApiPaths>({
    baseUrl: "http://127.0.0.1:9",
    fetch: async (request: Request) => {
      requests.push({ method: request.method, url: request.url, body: await request.text() });
      return new Response(JSON.stringify({ id: "x", timestamp: "2026-01-01T00:00:00.000Z" }), {
        status: 201,
        headers: { "content-type": "application/json" },
      });
    },
  });
  return { client, requests };
}

describe("openapi-fetch typed by gen/", () => {
  it("createEvent accepts a text message and refuses a message without text", async () => {
    const { client, requests } = recordingClient();
    const { data } = await client.POST("/v0.3/conversations/{conversation_id}/events", {
      params: { path: { conversation_id: "CON-1" } },
      body: { type: "message", from: "MEM-1", body: { message_type: "text", text: "it's <fine> & good" } },
    });
    if (data) {
      const timestamp: string = data.timestamp;
      assert.equal(typeof timestamp, "string");
    }
    assert.deepEqual(JSON.parse(requests[0]!.body).body, {
      message_type: "text",
      text: "it's <fine> & good",
    });
    await client.POST("/v0.3/conversations/{conversation_id}/events", {
      params: { path: { conversation_id: "CON-1" } },
      // @ts-expect-error: a text message needs `text`
      body: { type: "message", from: "MEM-1", body: { message_type: "text" } },
    });
    await client.POST("/v0.3/conversations/{conversation_id}/events", {
      params: { path: { conversation_id: "CON-1" } },
      // @ts-expect-error: `hello` is neither a known event type nor `custom:<name>`
      body: { type: "hello", body: {} },
    });
    await client.POST("/v0.3/conversations/{conversation_id}/events", {
      params: { path: { conversation_id: "CON-1" } },
      body: { type: "custom:reaction", body: { emoji: "+1" } },
    });
    assert.equal(requests.length, 4);
  });

  it("updateConversation accepts properties: null and refuses name: null", async () => {
    const { client, requests } = recordingClient();
    await client.PATCH("/v0.3/conversations/{conversation_id}", {
      params: { path: { conversation_id: "CON-1" } },
      body: { display_name: null, properties: null },
    });
    assert.equal(requests[0]!.body, '{"display_name":null,"properties":null}');
    await client.PATCH("/v0.3/conversations/{conversation_id}", {
      params: { path: { conversation_id: "CON-1" } },
      // @ts-expect-error: a conversation's name cannot be cleared
      body: { name: null },
    });
  });

  it("listEvents types its query and path ids are percent-encoded", async () => {
    const { client, requests } = recordingClient();
    await client.GET("/v0.3/conversations/{conversation_id}/events", {
      params: {
        path: { conversation_id: "a/b?c" },
        query: { order: "ASC", page_size: 10, event_type: "message,custom:x", start_id: 5 },
      },
    });
    const url = new URL(requests[0]!.url);
    assert.equal(url.pathname, "/v0.3/conversations/a%2Fb%3Fc/events");
    assert.equal(url.searchParams.get("event_type"), "message,custom:x");
    await client.GET("/v0.3/conversations/{conversation_id}/events", {
      // @ts-expect-error: page_size is a number
      params: { path: { conversation_id: "CON-1" }, query: { page_size: "ten" } },
    });
  });

  it("getConversation needs its path id", async () => {
    const { client } = recordingClient();
    // @ts-expect-error: the conversation id is required
    await client.GET("/v0.3/conversations/{conversation_id}", { params: { path: {} } });
  });
});
