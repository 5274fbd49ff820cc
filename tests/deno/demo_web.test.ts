// The README's chat page command, as a user runs it: `deno task demo:web --port P --data DIR` prints
// the page's address and serves the page on our script-tag build, the server's address and dev
// tokens; Ctrl+C (SIGINT) stops it cleanly, and what was said is still there when it starts again on
// the same data directory. (tests/browser/chat_page.test.ts drives the page itself in Chromium.)
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { VonageClient } from "../../mod.ts";

const root = new URL("../../", import.meta.url);

/** `deno task demo:web` running: the page's address, and its stop (SIGINT, as Ctrl+C) with the exit code. */
interface RunningDemo {
  url: string;
  stop(): Promise<number>;
}

async function demoWeb(dataDir: string): Promise<RunningDemo> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["task", "--quiet", "demo:web", "--port", "0", "--data", dataDir],
    cwd: root,
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).spawn();
  const stop = async () => {
    child.kill("SIGINT");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    const { code } = await child.status;
    clearTimeout(timer);
    return code;
  };
  const errors = child.stderr.pipeThrough(new TextDecoderStream()).getReader();
  const lines = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let out = "";
  const timeout = setTimeout(() => child.kill("SIGKILL"), 60_000);
  try {
    while (!/^Parley chat: \S+$/m.test(out)) {
      const { value, done } = await lines.read();
      if (done) {
        const { value: err } = await errors.read();
        throw new Error(`demo:web ended before printing its address: ${out} ${err ?? ""}`);
      }
      out += value;
    }
  } catch (err) {
    await stop();
    throw err;
  } finally {
    clearTimeout(timeout);
  }
  // Keep reading, so the child never blocks on a full pipe.
  void (async () => {
    while (!(await lines.read()).done);
  })();
  void (async () => {
    while (!(await errors.read()).done);
  })();
  return { url: /^Parley chat: (\S+)$/m.exec(out)![1]!, stop };
}

describe("deno task demo:web", () => {
  it("serves the chat page, the server's address and dev tokens; stops on Ctrl+C; keeps its data", async () => {
    const dataDir = await Deno.makeTempDir({ prefix: "parley-demo-web-" });
    let demo: RunningDemo | undefined;
    try {
      demo = await demoWeb(dataDir);
      const get = (path: string) => fetch(new URL(path, demo!.url));
      const page = await (await get("/")).text();
      assert.match(page, /<script src="\/vonageClientSDK\.min\.js"><\/script>/);
      const build = await get("/vonageClientSDK.min.js");
      assert.equal(build.headers.get("content-type"), "text/javascript");
      assert.match(await build.text(), /vonageClientSDK/);
      assert.equal((await get("/app.js")).status, 200);
      assert.equal((await get("/style.css")).headers.get("content-type"), "text/css");
      assert.equal((await get("/token?user=not%20a%20name")).status, 400);
      // A user of the running demo: signs in with a dev token at the server the page is told of.
      const chat = async (work: (client: VonageClient) => Promise<void>) => {
        const { url } = await (await get("/config")).json() as { url: string };
        const client = new VonageClient({ apiUrl: url, websocketUrl: url, disableInternalLogger: true });
        await client.createSession(await (await get("/token?user=alice")).text());
        try {
          await work(client);
        } finally {
          await client.deleteSession();
        }
      };
      await chat(async (client) => {
        const id = await client.createConversation({ displayName: "Kept" });
        await client.joinConversation(id);
        await client.sendMessageTextEvent(id, "still here after a restart");
      });
      assert.equal(await demo.stop(), 0);

      demo = await demoWeb(dataDir);
      await chat(async (client) => {
        const { conversations } = await client.getConversations();
        const kept = conversations.find((c) => c.displayName === "Kept");
        assert.ok(kept, `listed: ${conversations.map((c) => c.displayName).join(", ")}`);
        const { events } = await client.getConversationEvents(kept.id, { order: "desc", pageSize: 10 });
        const texts = events.flatMap((e) => e.kind === "message:text" ? [e.body.text] : []);
        assert.deepEqual(texts, ["still here after a restart"]);
      });
      assert.equal(await demo.stop(), 0);
      demo = undefined;
    } finally {
      await demo?.stop();
      await Deno.remove(dataDir, { recursive: true }).catch(() => {});
    }
  });
});
