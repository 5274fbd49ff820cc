// Our client in Node holds a call with audio when a WebRTC stack is plugged into its `media` option:
// Node (this machine's `node`, 20) runs our client from the npm build with werift as its stack (its
// microphone 880 Hz; tests/_werift_phone.ts, transpiled with the portable tests), and answers a call
// from our browser bundle in Chromium (440 Hz); each hears the other's tone. The Deno case is
// werift_client.test.ts.
//
// It needs the npm build, so scripts/build_npm.ts runs it once the packages are built and installed
// in npm/test/ (hence no `.test.ts` name: `deno test tests/` runs before that build). After a build:
// `deno test --allow-all tests/browser/werift_node.ts`.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { BrowserPhone, browserSuite, hearsTone } from "./_browser.ts";

const NPM_TEST = new URL("../../npm/test/", import.meta.url);
const CLIENT_MANIFEST = new URL("node_modules/@parley/client/package.json", NPM_TEST);

describe("Node with werift as its WebRTC stack, from the npm build", () => {
  const suite = browserSuite();

  it("answers a call from a browser and both hear each other", async () => {
    const manifest = JSON.parse(
      await Deno.readTextFile(CLIENT_MANIFEST).catch(() => {
        throw new Error(`no npm build in ${NPM_TEST.pathname}: run deno task build:npm`);
      }),
    );
    assert.equal(manifest.dependencies?.werift, undefined, "werift is no dependency of the client package");

    const alice = await BrowserPhone.open(suite.site, suite.server, "alice", 440);
    suite.open.push(alice);
    const bob = new Deno.Command("node", {
      args: ["tests/_werift_phone.js"],
      cwd: NPM_TEST,
      env: {
        PARLEY_URL: suite.server.url,
        PARLEY_TOKEN: await suite.server.token("bob"),
        PARLEY_SEND_HZ: "880",
        PARLEY_HEAR_HZ: "440",
      },
      stdin: "piped",
      stdout: "piped",
      stderr: "inherit",
    }).spawn();
    suite.open.push({
      close: async () => {
        try {
          bob.kill();
        } catch { /* already over */ }
        await bob.status;
      },
    });
    const output = bob.stdout.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = "";
    /** Bob's next line of output, or undefined when it ended. */
    const line = async (): Promise<string | undefined> => {
      while (!buffered.includes("\n")) {
        const { value, done } = await output.read();
        if (done) return undefined;
        buffered += value;
      }
      const [first] = buffered.split("\n", 1);
      buffered = buffered.slice(first!.length + 1);
      return first;
    };
    const steps: string[] = [];
    /** Bob's next report, which must be `step`, within `ms`. */
    const next = async (step: string, ms: number): Promise<Record<string, unknown>> => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) =>
        timer = setTimeout(() => reject(new Error(`node: no ${step} within ${ms} ms (${steps})`)), ms)
      );
      try {
        const value = await Promise.race([line(), timeout]);
        if (value === undefined) throw new Error(`node ended before ${step} (${steps})`);
        steps.push(value);
        const report = JSON.parse(value);
        assert.equal(report.step, step, `node: ${value}`);
        return report;
      } finally {
        clearTimeout(timer);
      }
    };

    const ready = await next("ready", 20_000);
    assert.match(String(ready.node), /^\d+\./);
    const aliceCall = await alice.invoke("serverCall", { to: "bob" }) as string;
    const answered = await next("answered", 15_000);
    assert.equal(answered.peerConnection, true, "the werift peer connection");
    await Promise.all([hearsTone(alice, aliceCall, 880), next("heard", 15_000)]);

    const writer = bob.stdin.getWriter();
    await writer.write(new TextEncoder().encode("hangup\n"));
    const hungUp = await next("hungUp", 10_000);
    assert.equal(hungUp.reason, "LOCAL_HANGUP");
    assert.ok(Number(hungUp.packets) > 0, `bob's own statistics counted ${hungUp.packets} packets`);
    assert.deepEqual(hungUp.micsStopped, [true], "bob's microphone is released");
    await alice.waitFor("callHangup", 5_000);
    await writer.close();
    assert.equal((await bob.status).code, 0);
  });
});
