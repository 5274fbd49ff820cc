// The reference server splits a request target into path and query by hand (src/server/request_target.ts):
// for every target, plain or odd, it must give what the URL parser gives, since routing, 404s, the ACL
// check and the query parameters all read them.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { splitTarget } from "../../src/server/request_target.ts";

const TARGETS = [
  "/",
  "/v0.3/conversations",
  "/v0.3/conversations/CON-1b2c/events",
  "/v0.3/conversations/CON-1/events?page_size=10&order=desc",
  "/v0.3/conversations/CON-1/events?cursor=ab%3D%3D&event_type=message,custom:*",
  "/v0.3/users/al%20ice",
  "/v0.3/users/bad%zzencoding",
  "/v0.3/users/%E2%82%AC",
  "/v0.3/./conversations",
  "/v0.3/a/../conversations",
  "/v0.3/%2e%2E/conversations",
  "/v0.3/conversations/.",
  "/v0.3/conversations/..",
  "/.well-known/x",
  "//evil.example/v0.3/conversations",
  "/\\evil.example/v0.3",
  "/v0.3\\conversations",
  "/v0.3/users/a b",
  "/v0.3/users/é",
  '/v0.3/users/a"b<c>d`e{f}',
  "/v0.3/users/x#fragment",
  "/v0.3/users?name=a#fragment",
  "/v0.3/users?",
  "/v0.3/users??x=1",
  "/v0.3/users?name=a+b&name=c%2Bd&flag",
  "/v0.3/users?q='\"<>",
  "/v0.3/users?q=%zz&r=%",
  "/v0.3/users?q=a b",
  "/v0.3/users?q=é",
  "/v0.3/users?q=a\tb",
  "http://other.example/v0.3/users?x=1",
  "*",
  "?x=1",
];

describe("splitTarget", () => {
  for (const target of TARGETS) {
    it(`splits ${JSON.stringify(target)} as the URL parser does`, () => {
      const url = new URL(target, "http://localhost");
      const { path, search } = splitTarget(target);
      assert.equal(path, url.pathname);
      assert.equal(search === "", url.search === "");
      assert.deepEqual([...new URLSearchParams(search)], [...url.searchParams]);
    });
  }

  it("keeps a plain target's path and query as they are", () => {
    assert.deepEqual(splitTarget("/v0.3/users/USR-1?cursor=a%2Fb&page_size=5"), {
      path: "/v0.3/users/USR-1",
      search: "?cursor=a%2Fb&page_size=5",
    });
  });
});
