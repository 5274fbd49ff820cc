// The Option rules of DESIGN.md §4, as the JSON text of the PATCH body.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { toUpdateBody } from "../../src/client/update.ts";
import { none, some } from "../../src/option.ts";
import { VonageError } from "../../src/errors.ts";
import type { UpdateConversationParameters } from "../../src/client/types.ts";

const json = (params: UpdateConversationParameters) => JSON.stringify(toUpdateBody(params));

function refuses(params: unknown, fragment: RegExp) {
  assert.throws(() => toUpdateBody(params as UpdateConversationParameters), (err: unknown) => {
    return err instanceof VonageError && err.type === "INTERNAL_ERROR" &&
      err.code === "internal:error:illegal_argument_exception" && fragment.test(err.message);
  });
}

describe("toUpdateBody(): keep", () => {
  it("sends nothing for a key left out, none() or undefined", () => {
    assert.equal(json({}), "{}");
    assert.equal(json({ name: none(), displayName: none(), imageUrl: none() }), "{}");
    assert.equal(json({ ttl: none(), customSortKey: none(), customData: none() }), "{}");
    assert.equal(json({ name: undefined, displayName: undefined, imageUrl: undefined }), "{}");
    assert.equal(json({ ttl: undefined, customSortKey: undefined, customData: undefined }), "{}");
  });
});

describe("toUpdateBody(): set", () => {
  it("sends v for a plain v and for some(v)", () => {
    assert.equal(json({ name: "n" }), '{"name":"n"}');
    assert.equal(json({ name: some("n") }), '{"name":"n"}');
    assert.equal(json({ displayName: "D" }), '{"display_name":"D"}');
    assert.equal(json({ displayName: some("D") }), '{"display_name":"D"}');
    assert.equal(json({ imageUrl: some("https://i/x.png") }), '{"image_url":"https://i/x.png"}');
    assert.equal(json({ ttl: 0 }), '{"properties":{"ttl":0}}');
    assert.equal(json({ ttl: some(60) }), '{"properties":{"ttl":60}}');
    assert.equal(json({ customSortKey: "k" }), '{"properties":{"custom_sort_key":"k"}}');
  });

  it("sends custom data as an object, given as an object, a JSON string or some(object)", () => {
    for (const customData of [{ a: 1 }, '{"a":1}', some({ a: 1 }), some('{"a":1}')]) {
      assert.equal(json({ customData }), '{"properties":{"custom_data":{"a":1}}}');
    }
  });

  it("sends every field at once", () => {
    assert.equal(
      json({ name: "n", displayName: "d", imageUrl: "i", ttl: 5, customSortKey: "k", customData: { a: 1 } }),
      '{"name":"n","display_name":"d","image_url":"i","properties":{"ttl":5,"custom_sort_key":"k","custom_data":{"a":1}}}',
    );
  });
});

describe("toUpdateBody(): clear", () => {
  it("sends JSON null for a plain null and for some(null)", () => {
    assert.equal(json({ displayName: null }), '{"display_name":null}');
    assert.equal(json({ displayName: some(null) }), '{"display_name":null}');
    assert.equal(json({ imageUrl: some(null) }), '{"image_url":null}');
    assert.equal(json({ ttl: null }), '{"properties":{"ttl":null}}');
    assert.equal(json({ ttl: some(null) }), '{"properties":{"ttl":null}}');
    assert.equal(json({ customSortKey: null }), '{"properties":{"custom_sort_key":null}}');
    assert.equal(json({ customData: some(null) }), '{"properties":{"custom_data":null}}');
  });

  it("clears custom sort key and custom data with an object of nulls, never properties: null", () => {
    assert.equal(
      json({ customSortKey: null, customData: null }),
      '{"properties":{"custom_sort_key":null,"custom_data":null}}',
    );
    assert.equal(
      json({ customSortKey: null, customData: null, ttl: 5 }),
      '{"properties":{"ttl":5,"custom_sort_key":null,"custom_data":null}}',
    );
  });
});

describe("toUpdateBody(): refused before any request", () => {
  it("name cannot be cleared", () => {
    refuses({ name: null }, /name cannot be cleared/);
    refuses({ name: some(null) }, /name cannot be cleared/);
  });

  it("custom data must be a JSON object", () => {
    refuses({ customData: "not json" }, /customData is a string but not JSON/);
    refuses({ customData: "[1]" }, /customData must be a JSON object/);
    refuses({ customData: 5 }, /customData must be a JSON object/);
  });

  it("ttl must be whole seconds and strings must be strings", () => {
    refuses({ ttl: 12.7 }, /ttl must be a whole number of seconds/);
    refuses({ ttl: -1 }, /ttl must be a whole number/);
    refuses({ displayName: 5 }, /displayName must be a string/);
    refuses(null, /needs a parameters object/);
  });
});
