import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mapOption, none, Option, some } from "../mod.ts";

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

describe("Option, the value (the official SDK's Option methods)", () => {
  it("Option.Some, Option.None and Option.Companion.of make the same Options as some() and none()", () => {
    assert.ok(some(1) instanceof Option);
    assert.ok(some(1) instanceof Option.Some);
    assert.ok(none() instanceof Option.None);
    assert.equal(new Option.Some("a").value, "a");
    assert.ok(Option.Companion.of("a").equals(some("a")));
    assert.equal(Option.Companion.of(null), none());
    assert.equal(Option.Companion.of(undefined), none());
  });

  it("reads and maps a Some", () => {
    const five = some(5);
    assert.equal(five.orNull(), 5);
    assert.equal(five.unwrapOr(0), 5);
    assert.equal(five.contains(5), true);
    assert.equal(five.contains("5"), false);
    assert.equal(five.map((n) => n * 2).orNull(), 10);
    assert.equal(five.mapOr("none", String), "5");
    assert.equal(five.mapOrElse(() => "none", String), "5");
    assert.equal(five.mapNotNull(() => null), none());
    assert.equal(five.mapNotNull((n) => n + 1).orNull(), 6);
  });

  it("reads and maps None", () => {
    const nothing = none<number>();
    assert.equal(nothing.orNull(), null);
    assert.equal(nothing.unwrapOr(0), 0);
    assert.equal(nothing.contains(undefined), false);
    assert.equal(nothing.map((n) => n * 2), none());
    assert.equal(nothing.mapOr("none", String), "none");
    assert.equal(nothing.mapOrElse(() => "none", String), "none");
    assert.equal(nothing.mapNotNull((n) => n), none());
  });

  it("compares, hashes, copies and prints", () => {
    assert.equal(some("a").equals(some("a")), true);
    assert.equal(some("a").equals(some("b")), false);
    assert.equal(some(null).equals(none()), false);
    assert.equal(none().equals(none()), true);
    assert.equal(some("a").equals({ kind: "some", value: "a" }), false);
    assert.equal(some("abc").hashCode(), some("abc").hashCode());
    assert.notEqual(some("abc").hashCode(), some("abd").hashCode());
    const copy = new Option.Some(1).copy(2);
    assert.equal(copy.value, 2);
    assert.equal(String(some(3)), "Some(value=3)");
    assert.equal(String(none()), "None");
  });

  it("mapOption: undefined is None (leave as is), null and values are Some", () => {
    assert.equal(mapOption(undefined), none());
    assert.equal(mapOption(null).orNull(), null);
    assert.ok(mapOption(null) instanceof Option.Some);
    assert.equal(mapOption("x").orNull(), "x");
  });
});
