// Bad input of every kind gets a clear problem answer (never a 500 or a crash) and changes nothing:
// malformed JSON, wrong content types, oversized bodies, missing bodies, bad path and query values,
// oversized custom data, unknown ids.
import assert from "node:assert/strict";
import { connect } from "node:net";
import { describe, it } from "node:test";
import {
  assertInvalid,
  assertProblem,
  conversationWith,
  type Json,
  listEvents,
  serverSuite,
  WAIT_MS,
} from "./_server_helpers.ts";

/** JSON text of an object nested `depth` levels deep: {"a":{"a":…1…}}. */
function nested(depth: number): string {
  return '{"a":'.repeat(depth - 1) + '{"a":1}' + "}".repeat(depth - 1);
}

describe("bad input", () => {
  const suite = serverSuite();

  async function setup() {
    const alice = await suite.user("alice");
    const cid = await conversationWith(alice);
    const conversations = async () => (await alice.api.get(`/v0.3/users/${alice.id}/conversations`)).body;
    return { alice, cid, conversations };
  }

  it("refuses malformed JSON with 400 naming the body", async () => {
    const { alice, cid, conversations } = await setup();
    const before = await conversations();
    for (const raw of ["{", "{'name': 'x'}", "[1,]", "nul", "\u0000"]) {
      const answer = await alice.api.request("POST", "/v0.3/conversations", { raw });
      const body = assertProblem(answer, 400, "http:error:validation-fail");
      assert.equal(body.invalid_parameters[0].name, "body");
      assert.match(body.invalid_parameters[0].reason, /not valid JSON/);
    }
    const events = await listEvents(alice, cid);
    assertProblem(
      await alice.api.request("POST", `/v0.3/conversations/${cid}/events`, { raw: '{"type":"message",' }),
      400,
      "http:error:validation-fail",
    );
    assert.deepEqual(await listEvents(alice, cid), events);
    assert.deepEqual(await conversations(), before);
  });

  it("refuses bodies that are not JSON with 415", async () => {
    const { alice, conversations } = await setup();
    const before = await conversations();
    for (
      const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]
    ) {
      const answer = await alice.api.request("POST", "/v0.3/conversations", {
        raw: '{"name":"x"}',
        headers: { "content-type": type },
      });
      assertProblem(answer, 415, "http:error:unsupported-media-type");
    }
    // JSON with a charset is fine.
    const ok = await alice.api.request("POST", "/v0.3/conversations", {
      raw: "{}",
      headers: { "content-type": "application/json; charset=utf-8" },
    });
    assert.equal(ok.status, 201);
    assert.equal(
      (await conversations())._embedded.conversations.length,
      before._embedded.conversations.length,
    );
  });

  it("refuses bodies over 256 KiB with 413", async () => {
    const { alice, conversations } = await setup();
    const before = await conversations();
    const answer = await alice.api.post("/v0.3/conversations", {
      display_name: "x",
      pad: "y".repeat(300 * 1024),
    });
    assertProblem(answer, 413, "http:error:payload-too-large");
    assert.deepEqual(await conversations(), before);
  });

  it("refuses JSON nested deeper than 32 levels with 400, storing and pushing nothing", async () => {
    const { alice, cid, conversations } = await setup();
    const before = await conversations();
    const events = await listEvents(alice, cid);
    // 10,000 levels are 70 KB, far under the body limit; they would break every later serialization.
    for (const depth of [33, 10_000]) {
      const custom = `{"type":"custom:deep","body":${nested(depth - 1)}}`;
      const answer = await alice.api.request("POST", `/v0.3/conversations/${cid}/events`, { raw: custom });
      const body = assertProblem(answer, 400, "http:error:validation-fail");
      assert.deepEqual(body.invalid_parameters, [
        { name: "body", reason: "nests objects and arrays deeper than 32 levels" },
      ]);
      const create = `{"properties":{"custom_data":${nested(depth - 2)}}}`;
      assertProblem(
        await alice.api.request("POST", "/v0.3/conversations", { raw: create }),
        400,
        "http:error:validation-fail",
      );
    }
    assert.deepEqual(await listEvents(alice, cid), events);
    assert.deepEqual(await conversations(), before);
    // 32 levels are fine, and the pages holding them too.
    const ok = await alice.api.request("POST", `/v0.3/conversations/${cid}/events`, {
      raw: `{"type":"custom:deep","body":${nested(31)}}`,
    });
    assert.equal(ok.status, 201, ok.text);
    assert.equal((await listEvents(alice, cid)).at(-1).id, ok.body.id);
  });

  it("refuses integers in the query and path that are not written as integers", async () => {
    const { alice, cid } = await setup();
    const events = `/v0.3/conversations/${cid}/events`;
    for (const value of ["Infinity", "-Infinity", "1e1", "10.0", "0x10", "%2010", "", "NaN"]) {
      assertInvalid(await alice.api.get(`${events}?page_size=${value}`), "page_size");
      assertInvalid(await alice.api.get(`${events}?start_id=${value}`), "start_id");
      assertInvalid(
        await alice.api.get(`/v0.3/users/${alice.id}/conversations?page_size=${value}`),
        "page_size",
      );
    }
    assertInvalid(await alice.api.get(`${events}?exclude_deleted_events=1`), "exclude_deleted_events");
    assertInvalid(await alice.api.delete(`${events}/1e0`), "event_id");
    const page = await alice.api.get(`${events}?page_size=2&start_id=1&exclude_deleted_events=true`);
    assert.equal(page.status, 200, page.text);
    assert.equal(page.body.page_size, 2);
  });

  it("neither answers nor reports as a failure a client that hangs up mid-body", async () => {
    const { alice, cid } = await setup();
    const events = await listEvents(alice, cid);
    const logged: unknown[][] = [];
    const error = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      const { port } = new URL(suite.server.url);
      const answered = await new Promise<string>((resolve) => {
        let text = "";
        const socket = connect(Number(port), "127.0.0.1", () => {
          socket.write(
            `POST /v0.3/conversations/${cid}/events HTTP/1.1\r\nhost: 127.0.0.1\r\n` +
              `authorization: bearer ${alice.token}\r\ncontent-type: application/json\r\n` +
              `content-length: 1000\r\n\r\n{"type":"message","bo`,
            () => setTimeout(() => socket.destroy(), 100),
          );
        });
        socket.on("data", (chunk) => text += chunk);
        socket.on("close", () => resolve(text));
      });
      assert.equal(answered, "");
      // Give the server time to notice the hang-up and (wrongly) report it.
      await new Promise((resolve) => setTimeout(resolve, Math.min(WAIT_MS, 300)));
    } finally {
      console.error = error;
    }
    assert.deepEqual(logged, []);
    assert.deepEqual(await listEvents(alice, cid), events);
  });

  it("refuses custom data over 16 KiB with 413, on create and update", async () => {
    const { alice, cid, conversations } = await setup();
    const before = await conversations();
    const big = { blob: "z".repeat(17 * 1024) };
    assertProblem(
      await alice.api.post("/v0.3/conversations", { properties: { custom_data: big } }),
      413,
      "custom-data:error:max-data-sum-limit-exceeded",
    );
    const stored = (await alice.api.get(`/v0.3/conversations/${cid}`)).body;
    assertProblem(
      await alice.api.patch(`/v0.3/conversations/${cid}`, {
        display_name: "new",
        properties: { custom_data: big },
      }),
      413,
      "custom-data:error:max-data-sum-limit-exceeded",
    );
    assert.deepEqual((await alice.api.get(`/v0.3/conversations/${cid}`)).body, stored);
    assert.deepEqual(await conversations(), before);
  });

  it("refuses a missing body where one is required", async () => {
    const { alice, cid } = await setup();
    for (
      const [method, path] of [
        ["POST", "/v0.3/conversations"],
        ["PATCH", `/v0.3/conversations/${cid}`],
        ["POST", `/v0.3/conversations/${cid}/events`],
        ["PUT", "/v0.2/sessions/SES-1"],
      ]
    ) {
      assertInvalid(await alice.api.request(method!, path!), "body");
    }
  });

  it("accepts GET and DELETE with a JSON content type and no body, as the official SDK sends them", async () => {
    const { alice, cid } = await setup();
    const answer = await alice.api.request("GET", `/v0.3/conversations/${cid}`, {
      headers: { "content-type": "application/json" },
    });
    assert.equal(answer.status, 200);
  });

  it("refuses path values that are not validly encoded, or of the wrong type", async () => {
    const { alice, cid } = await setup();
    assertInvalid(await alice.api.get("/v0.3/conversations/%E0%A4%A"), "conversation_id");
    assertInvalid(await alice.api.delete(`/v0.3/conversations/${cid}/events/1.5`), "event_id");
  });

  it("answers unknown ids with 404 and the matching code", async () => {
    const { alice, cid } = await setup();
    const cases: [string, string, string][] = [
      ["GET", "/v0.3/conversations/CON-unknown", "conversation:error:not-found"],
      ["GET", "/v0.3/conversations/CON-unknown/members", "conversation:error:not-found"],
      ["GET", "/v0.3/conversations/CON-unknown/events", "conversation:error:not-found"],
      ["GET", `/v0.3/conversations/${cid}/members/MEM-unknown`, "conversation:error:member-not-found"],
      ["DELETE", `/v0.3/conversations/${cid}/events/404`, "event:error:not-found"],
      ["GET", "/v0.3/users/USR-unknown", "user:error:not-found"],
      ["GET", "/v0.3/legs/unknown", "voice:error:no_call_found"],
      ["DELETE", "/v0.3/knocking/unknown", "voice:error:no_call_found"],
    ];
    for (const [method, path, code] of cases) assertProblem(await alice.api.request(method, path), 404, code);
  });

  it("never fails with a 500 on odd bodies", async () => {
    const { alice, cid } = await setup();
    const odd: Json[] = [
      null,
      0,
      "",
      "text",
      [],
      [{}],
      {},
      { type: {} },
      { type: "message", body: [] },
      { type: "message", body: { message_type: null } },
      { type: "custom:x", body: null },
      { type: "ephemeral", body: "x" },
      { type: "audio:say", body: {} },
      { type: "audio:mute:on", body: {} },
      { type: "audio:dtmf", body: { digit: "1" } },
      { type: "message:delivered", body: { event_id: 1e20 } },
      { __proto__: { type: "message" } },
    ];
    const paths = [
      `/v0.3/conversations/${cid}/events`,
      "/v0.3/conversations",
      `/v0.3/conversations/${cid}/members`,
    ];
    for (const path of paths) {
      for (const body of odd) {
        const answer = await alice.api.post(path, body);
        assert.ok(answer.status < 500, `${path} ${JSON.stringify(body)} → ${answer.status} ${answer.text}`);
      }
    }
    for (const path of ["/v0.3/legs", "/v0.3/knocking", `/v0.3/conversations/${cid}/rtc/x/answer`]) {
      for (const body of odd) {
        const answer = await alice.api.post(path, body);
        assert.ok(
          answer.status >= 400 && answer.status < 500,
          `${path} ${JSON.stringify(body)} → ${answer.status}`,
        );
      }
    }
  });
});
