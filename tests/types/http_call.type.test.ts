// Type-level test: every REST call is an openapi-fetch call passed to `Http.call`, so the generated
// types carry through: a wrong URL, path parameter, query or body is a compile error, the answer is
// the generated type, and the edge shape it is checked against must name that type's keys
// (`deno check` fails when one of the expected errors below does not occur).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Http } from "../../src/client/http.ts";
import { CONVERSATION } from "../../src/client/wire_readers.ts";

/** Never called: only compiled. */
async function probes(http: Http) {
  const sent = await http.call(
    "send",
    (api) =>
      api.POST("/v0.3/conversations/{conversation_id}/events", {
        params: { path: { conversation_id: "CON-1" } },
        body: { type: "message", body: { message_type: "text", text: "hi" } },
      }),
    { timestamp: "string" },
  );
  const timestamp: string = sent.timestamp;
  await http.call("send", (api) =>
    api.POST("/v0.3/conversations/{conversation_id}/events", {
      params: { path: { conversation_id: "C" } },
      // @ts-expect-error: a text message needs `text`
      body: { type: "message", body: { message_type: "text" } },
    }));
  // @ts-expect-error: there is no GET on /v0.3/knocking
  await http.call("knock", (api) => api.GET("/v0.3/knocking"));
  // @ts-expect-error: the leg's path parameter is `leg_id`
  await http.call("leg", (api) => api.GET("/v0.3/legs/{leg_id}", { params: { path: { legId: "L" } } }));
  await http.call("page", (api) =>
    api.GET("/v0.3/conversations/{conversation_id}/members", {
      // @ts-expect-error: page_size is a number
      params: { path: { conversation_id: "C" }, query: { page_size: "ten" } },
    }));
  const conversation = await http.call(
    "get",
    (api) => api.GET("/v0.3/conversations/{conversation_id}", { params: { path: { conversation_id: "C" } } }),
    CONVERSATION,
  );
  const name: string = conversation.name;
  await http.call(
    "get",
    (api) => api.GET("/v0.3/conversations/{conversation_id}", { params: { path: { conversation_id: "C" } } }),
    // @ts-expect-error: a conversation has no `title`: the edge shape names the answer's own keys
    { title: "string" },
  );
  return [timestamp, name];
}

describe("Http.call types", () => {
  it("compiles the probes (the checks are in deno check)", () => {
    assert.equal(typeof probes, "function");
  });
});
