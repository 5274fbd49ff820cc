import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { backoffDelay, backoffProblem, DEFAULT_BACKOFF } from "../../src/client/backoff.ts";

describe("backoffDelay()", () => {
  const policy = { baseMs: 500, capMs: 30_000 };

  it("draws from [0, min(cap, base · 2^attempt)): full jitter", () => {
    const ceilings = [0, 1, 2, 3, 4, 5, 6, 7].map((a) => backoffDelay(a, policy, () => 0.999_999));
    assert.deepEqual(ceilings, [499, 999, 1999, 3999, 7999, 15_999, 29_999, 29_999]);
    assert.equal(backoffDelay(3, policy, () => 0), 0);
    assert.equal(backoffDelay(3, policy, () => 0.5), 2000);
  });

  it("stays at the cap for any number of attempts, and treats negative attempts as the first", () => {
    assert.equal(backoffDelay(10_000, policy, () => 0.5), 15_000);
    assert.equal(backoffDelay(-3, policy, () => 0.5), 250);
  });

  it("spreads delays out: uniform over the range with Math.random", () => {
    const delays = Array.from({ length: 2000 }, () => backoffDelay(2, policy));
    assert.ok(delays.every((d) => d >= 0 && d < 2000));
    const low = delays.filter((d) => d < 1000).length;
    assert.ok(low > 800 && low < 1200, `about half below the middle, got ${low}`);
  });

  it("defaults to 500 ms and 30 s; refuses unusable numbers", () => {
    assert.deepEqual({ ...DEFAULT_BACKOFF }, policy);
    assert.equal(backoffProblem(policy), undefined);
    assert.match(backoffProblem({ baseMs: 0, capMs: 10 })!, /reconnectBaseDelayMs/);
    assert.match(backoffProblem({ baseMs: 100, capMs: 50 })!, /reconnectMaxDelayMs/);
    assert.match(backoffProblem({ baseMs: NaN, capMs: 50 })!, /reconnectBaseDelayMs/);
  });
});
