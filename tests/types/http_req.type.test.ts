// Type-level test: the client's one request helper (`Http.req`) carries the generated types, so a
// wrong URL, path parameter, query or body is a compile error (`deno check` fails when one of the
// expected errors below does not occur).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Http } from "../../src/client/http.ts";

/** Never called: only compiled. */
async function probes(http: Http) {
  const sent = await http.req(
    "send",
    "POST",
    "/v0.3/conversations/{conversation_id}/events",
    {
      conversation_id: "CON-1",
    },
    undefined,
    { type: "message", body: { message_type: "text", text: "hi" } },
  );
  const timestamp: string | undefined = sent && "timestamp" in sent ? sent.timestamp : undefined;
  await http.req(
    "send",
    "POST",
    "/v0.3/conversations/{conversation_id}/events",
    { conversation_id: "C" },
    undefined,
    {
      type: "message",
      // @ts-expect-error: a text message needs `text`
      body: { message_type: "text" },
    },
  );
  // @ts-expect-error: there is no GET on /v0.3/knocking
  await http.req("knock", "GET", "/v0.3/knocking");
  // @ts-expect-error: the leg's path parameter is `leg_id`
  await http.req("leg", "GET", "/v0.3/legs/{leg_id}", { legId: "L" });
  await http.req("page", "GET", "/v0.3/conversations/{conversation_id}/members", { conversation_id: "C" }, {
    // @ts-expect-error: page_size is a number
    page_size: "ten",
  });
  return timestamp;
}

describe("Http.req types", () => {
  it("compiles the probes (the checks are in deno check)", () => {
    assert.equal(typeof probes, "function");
  });
});
