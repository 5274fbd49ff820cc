import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { tokenExpiresAt } from "../../src/client/token_expiry.ts";
import { jwt } from "./_jwt.ts";

describe("tokenExpiresAt()", () => {
  it("reads exp (seconds) as milliseconds, with base64url payloads of any length", () => {
    assert.equal(tokenExpiresAt(jwt({ exp: 1_800_000_000 })), 1_800_000_000_000);
    assert.equal(tokenExpiresAt(jwt({ sub: "ä~?>", exp: 1_800_000_001 })), 1_800_000_001_000);
    assert.equal(tokenExpiresAt(jwt({ sub: "alice/bob??", exp: 2 })), 2000);
  });

  it("is null without a readable exp: the client then lets the server decide", () => {
    assert.equal(tokenExpiresAt(jwt({ sub: "alice" })), null);
    assert.equal(tokenExpiresAt(jwt({ exp: "soon" })), null);
    assert.equal(tokenExpiresAt("not-a-jwt"), null);
    assert.equal(tokenExpiresAt("a.!!!.c"), null);
    assert.equal(tokenExpiresAt(""), null);
    assert.equal(tokenExpiresAt(jwt(null)), null);
  });
});
