// The README's first command: `deno task demo` runs to completion and prints a transcript in which
// each user received what the other sent.
import { describe, it } from "node:test";
import assert from "node:assert/strict";

const root = new URL("../../", import.meta.url);

describe("deno task demo", () => {
  it("exits 0 and prints what alice and bob received", async () => {
    const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
      args: ["task", "--quiet", "demo"],
      cwd: root,
      stdout: "piped",
      stderr: "piped",
      env: { NO_COLOR: "1" },
      signal: AbortSignal.timeout(60_000),
    }).output();
    const out = new TextDecoder().decode(stdout);
    assert.equal(code, 0, `${out}\n${new TextDecoder().decode(stderr)}`);
    for (
      const line of [
        /^Parley demo: reference server on http:\/\/127\.0\.0\.1:\d+$/m,
        /^ {2}bob {3}received member:invited: bob$/m,
        /^ {2}bob {3}received a text from alice: "Hi Bob! Quotes, <tags> & \\"ampersands\\" are fine\."$/m,
        /^ {2}alice received a seen receipt from bob for event \d+$/m,
        /^ {2}alice received an image from bob: https:\/\/example\.com\/cat\.png$/m,
        /^ {2}bob {3}received a location from alice: London \(51\.5072, -0\.1276\)$/m,
        /^ {2}alice received a custom message from bob: \{"poll":"Lunch\?","options":\["yes","no"\]\}$/m,
        /^ {2}bob {3}received a custom event custom:reaction from alice: \{"emoji":"thumbs-up"\}$/m,
        /^ {2}alice received an ephemeral event from bob: \{"typing":true\}$/m,
        /^alice reads the history, two events per page: 8 stored events$/m,
        /Demo complete\.$/m,
      ]
    ) assert.match(out, line);
  });
});
