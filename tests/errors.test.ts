import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { VonageError, VonageErrorType } from "../mod.ts";

describe("VonageError", () => {
  it("carries type, code and message like the official SDK's errors", () => {
    const err = new VonageError("CS_ERROR", "conversation:error:not-found", "Conversation not found");
    assert.ok(err instanceof Error);
    assert.equal(err.name, "VonageError");
    assert.equal(err.type, VonageErrorType.CsError);
    assert.equal(err.code, "conversation:error:not-found");
    assert.equal(err.message, "Conversation not found");
  });

  it("keeps the cause and allows a null code", () => {
    const cause = new TypeError("fetch failed");
    const err = new VonageError("NETWORK_ERROR", null, "The server did not answer", { cause });
    assert.equal(err.code, null);
    assert.equal(err.cause, cause);
  });

  it("VonageError.is() recognises its errors and nothing else", () => {
    assert.equal(VonageError.is(new VonageError("UNKNOWN_ERROR", null, "x")), true);
    assert.equal(VonageError.is(new Error("x")), false);
    assert.equal(VonageError.is({ type: "CS_ERROR", code: "x", message: "x" }), false);
  });
});
