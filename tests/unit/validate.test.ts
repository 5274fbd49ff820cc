import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  checkCustomData,
  checkEventId,
  checkId,
  checkLocation,
  checkOrder,
  checkOrderBy,
  checkPageSize,
  checkUrl,
} from "../../src/client/validate.ts";
import { VonageError } from "../../src/errors.ts";

function refuses(run: () => unknown, fragment: RegExp) {
  assert.throws(run, (err: unknown) => {
    return err instanceof VonageError && err.code === "internal:error:illegal_argument_exception" &&
      fragment.test(err.message);
  });
}

describe("argument checks", () => {
  it("ids must be non-empty strings; any other character is fine", () => {
    assert.equal(checkId("a/b?c&d=e#f", "id"), "a/b?c&d=e#f");
    refuses(() => checkId("", "conversationId"), /conversationId must be a non-empty string, got ""/);
    refuses(() => checkId("  ", "id"), /non-empty/);
    refuses(() => checkId(undefined, "id"), /got undefined/);
    refuses(() => checkId(5, "id"), /got 5/);
  });

  it("event ids are non-negative integers", () => {
    assert.equal(checkEventId(0), 0);
    refuses(() => checkEventId(1.5), /eventId must be a non-negative integer/);
    refuses(() => checkEventId("3"), /got "3"/);
  });

  it("page sizes are 1 to 100", () => {
    assert.equal(checkPageSize(undefined), undefined);
    assert.equal(checkPageSize(null), undefined);
    assert.equal(checkPageSize(1), 1);
    assert.equal(checkPageSize(100), 100);
    refuses(() => checkPageSize(0), /pageSize must be an integer from 1 to 100, got 0/);
    refuses(() => checkPageSize(101), /got 101/);
    refuses(() => checkPageSize(2.5), /got 2.5/);
  });

  it("order and orderBy take the documented values in any case", () => {
    assert.equal(checkOrder("asc"), "ASC");
    assert.equal(checkOrder("DESC"), "DESC");
    refuses(() => checkOrder("up"), /order must be "asc" or "desc"/);
    assert.equal(checkOrderBy("CUSTOM_SORT_KEY"), "custom_sort_key");
    refuses(() => checkOrderBy("name"), /orderBy must be/);
  });

  it("custom data is an object or a JSON object string", () => {
    assert.deepEqual(checkCustomData({ a: 1 }), { a: 1 });
    assert.deepEqual(checkCustomData('{"a":"<b> & \'q\'"}'), { a: "<b> & 'q'" });
    refuses(() => checkCustomData("{oops"), /customData is a string but not JSON/);
    refuses(() => checkCustomData("[1,2]"), /must be a JSON object/);
    refuses(() => checkCustomData(null), /must be a JSON object/);
  });

  it("media URLs are URL objects or absolute URL strings", () => {
    assert.equal(checkUrl(new URL("https://x.test/a b.png"), "imageUrl"), "https://x.test/a%20b.png");
    assert.equal(checkUrl("https://x.test/?q='quoted'", "imageUrl"), "https://x.test/?q=%27quoted%27");
    refuses(
      () => checkUrl("not a url", "imageUrl"),
      /imageUrl must be a URL or an absolute URL string, got "not a url"/,
    );
    refuses(() => checkUrl("/relative.png", "fileUrl"), /fileUrl must be/);
    refuses(() => checkUrl(42, "fileUrl"), /got 42/);
  });

  it("locations need latitude and longitude; name and address are optional", () => {
    assert.deepEqual(checkLocation({ latitude: "51.5072", longitude: -0.1276 }), {
      latitude: "51.5072",
      longitude: "-0.1276",
    });
    assert.deepEqual(checkLocation({ latitude: 0, longitude: 0, name: "O'Hare <T1>", address: null }), {
      latitude: "0",
      longitude: "0",
      name: "O'Hare <T1>",
    });
    refuses(() => checkLocation({ longitude: "1" }), /location.latitude must be a decimal number/);
    refuses(() => checkLocation({ latitude: "1" }), /location.longitude must be/);
    refuses(() => checkLocation({ latitude: "91", longitude: "0" }), /from -90 to 90/);
    refuses(() => checkLocation({ latitude: "1e3", longitude: "0" }), /latitude/);
    refuses(() => checkLocation(null), /location must be an object/);
  });
});
