import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { isOption, none, some } from "../../src/option.ts";

describe("isOption()", () => {
  it("recognises options made by some() and none()", () => {
    assert.equal(isOption(some(1)), true);
    assert.equal(isOption(some(null)), true);
    assert.equal(isOption(none()), true);
  });

  it("does not take plain data shaped like an option for one", () => {
    assert.equal(isOption({ kind: "some", value: 1 }), false);
    assert.equal(isOption({ kind: "none" }), false);
    assert.equal(isOption(null), false);
    assert.equal(isOption("some"), false);
  });
});
