import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { none, some } from "../mod.ts";

describe("some() and none()", () => {
  it("some(v) holds the value, including null", () => {
    const set = some("support");
    assert.equal(set.kind, "some");
    assert.equal(set.kind === "some" && set.value, "support");
    const clear = some(null);
    assert.equal(clear.kind === "some" && clear.value, null);
  });

  it("none() holds nothing and is the same value every time", () => {
    assert.equal(none().kind, "none");
    assert.equal(none(), none());
    assert.equal("value" in none(), false);
  });

  it("options are frozen", () => {
    assert.ok(Object.isFrozen(some(1)));
    assert.ok(Object.isFrozen(none()));
  });
});
