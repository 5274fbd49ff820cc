// The edge checks (wire_readers.ts): what passes as a generated type, what fails naming the field, and
// how a pushed or listed payload is read.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  CONVERSATIONS_PAGE,
  MEMBER,
  read,
  readListed,
  readPush,
  USER,
} from "../../src/client/wire_readers.ts";
import type { WireConversationsPage, WireMember, WireUser } from "../../src/wire.ts";
import { VonageError } from "../../src/errors.ts";
import { T } from "./_push.ts";

/** Asserts a parsing error whose message matches `message`. */
function fails(run: () => unknown, message: RegExp) {
  assert.throws(run, (err: unknown) => {
    assert.ok(err instanceof VonageError, String(err));
    assert.equal(err.code, "internal:error:parsing_exception");
    assert.match(err.message, message);
    return true;
  });
}

describe("read()", () => {
  it("hands the value on unchanged when it has the shape; extra keys are kept", () => {
    const user = { id: "U", name: "u", display_name: "U", extra: 1 };
    assert.equal(read<WireUser>(user, USER, "user"), user);
  });

  it("names the first field that is missing, of the wrong type or not one of its values", () => {
    fails(() => read<WireUser>({ id: "U" }, USER, "user"), /^user\.name must be a string$/);
    fails(() => read<WireUser>("U", USER, "user"), /^user must be an object$/);
    fails(
      () => read<WireMember>({ id: "M", state: "joined" }, MEMBER, "member"),
      /^member\.state is not one of INVITED, JOINED, LEFT, UNKNOWN: joined$/,
    );
  });

  it("checks an optional nested shape only when it is there, and every item of a list", () => {
    assert.ok(read<WireMember>({ id: "M", state: "JOINED" }, MEMBER, "member"));
    assert.ok(read<WireMember>({ id: "M", state: "JOINED", _embedded: null }, MEMBER, "member"));
    fails(
      () =>
        read<WireMember>({ id: "M", state: "JOINED", _embedded: { user: { id: "U" } } }, MEMBER, "member"),
      /^member\._embedded\.user\.name must be a string$/,
    );
    const page = (conversations: unknown) => ({ _embedded: { conversations }, _links: {} });
    assert.ok(read<WireConversationsPage>(page([]), CONVERSATIONS_PAGE, "page"));
    fails(
      () =>
        read<WireConversationsPage>(
          page([{ id: "C", name: "n", timestamp: {} }, { id: "D" }]),
          CONVERSATIONS_PAGE,
          "page",
        ),
      /^page\._embedded\.conversations\[1\]\.name must be a string$/,
    );
    fails(
      () => read<WireConversationsPage>(page({}), CONVERSATIONS_PAGE, "page"),
      /conversations must be an array/,
    );
  });
});

describe("readPush()", () => {
  it("types a push, with a numeric string id as a number, and gives its place", () => {
    const read = readPush("message", {
      id: "4",
      cid: "C",
      timestamp: T,
      body: { message_type: "text", text: "x" },
    });
    assert.equal(read.push?.type, "message");
    assert.equal(read.push?.id, 4);
    assert.deepEqual(read.position, { cid: "C", id: 4 });
    assert.equal(read.malformed, undefined);
  });

  it("a malformed push keeps its place, with the reason; an unknown type too, without one", () => {
    const malformed = readPush("message", { id: 5, cid: "C", timestamp: T, body: { message_type: "text" } });
    assert.equal(malformed.push, null);
    assert.deepEqual(malformed.position, { cid: "C", id: 5 });
    assert.match(malformed.malformed ?? "", /^message\.body\.text must be a string$/);
    const unknown = readPush("conversation:updated", { id: 6, cid: "C", body: {} });
    assert.deepEqual([unknown.push, unknown.position, unknown.malformed], [
      null,
      { cid: "C", id: 6 },
      undefined,
    ]);
    assert.equal(readPush("toString", { id: 7, cid: "C", body: {} }).push, null, "no inherited keys");
  });

  it("custom events need an id; ephemeral ones have no place; a non-object throws", () => {
    assert.equal(readPush("custom:x", { id: 1, cid: "C", timestamp: T, body: {} }).push?.type, "custom:x");
    assert.match(
      readPush("custom:x", { cid: "C", timestamp: T, body: {} }).malformed ?? "",
      /id must be an integer/,
    );
    const ephemeral = readPush("ephemeral", { cid: "C", timestamp: T, body: { on: true } });
    assert.equal(ephemeral.push?.type, "ephemeral");
    assert.equal(ephemeral.position, undefined);
    fails(() => readPush("message", [1]), /^message: the payload is not an object$/);
  });
});

describe("readListed()", () => {
  it("reads a listed event as a push: cid from conversation_id (else the listed one), state apart", () => {
    const item = {
      type: "message",
      id: 3,
      conversation_id: "OTHER",
      timestamp: T,
      body: { message_type: "text", text: "x" },
      state: { seen_by: { M: T } },
    };
    const listed = readListed(item, "C")!;
    assert.equal(listed.push?.cid, "OTHER");
    assert.deepEqual(listed.state, { seen_by: { M: T } });
    assert.equal("state" in listed.push!, false);
    assert.equal("conversation_id" in listed.push!, false);
    const { conversation_id: _, ...bare } = item;
    assert.equal(readListed(bare, "C")!.push?.cid, "C");
    assert.equal(readListed({ id: 1 }, "C"), null, "no type");
  });
});
