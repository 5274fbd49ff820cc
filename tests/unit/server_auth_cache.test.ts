// The server remembers tokens it verified (an RS256 check is most of a request's CPU), but never past
// their expiry: a remembered token is refused as expired once its `exp` has passed.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Auth, TokenError } from "../../src/server/auth.ts";

describe("verified tokens", () => {
  it("are answered from memory while valid and refused as expired afterwards", async () => {
    const auth = await Auth.create();
    const token = await auth.mint("alice", 1);
    const first = await auth.verify(token);
    assert.equal(first.sub, "alice");
    assert.equal(await auth.verify(token), first, "the second check is answered from memory");
    await new Promise((resolve) => setTimeout(resolve, first.exp * 1000 - Date.now() + 50));
    await assert.rejects(
      auth.verify(token),
      (err) => err instanceof TokenError && err.code === "system:error:expired-token",
    );
  });

  it("never remember a token that failed", async () => {
    const auth = await Auth.create();
    const other = await Auth.create();
    const foreign = await other.mint("mallory", 60);
    for (let i = 0; i < 2; i++) {
      await assert.rejects(
        auth.verify(foreign),
        (err) => err instanceof TokenError && err.code === "system:error:invalid-token",
      );
    }
  });
});
