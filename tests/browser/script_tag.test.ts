// The script-tag build (dist/browser/vonageClientSDK.min.js) in Chromium: a page written for the
// official SDK's browser build (a classic <script> and the global `vonageClientSDK`) works with ours
// by changing the script's src. The global offers every name the official one does, of the same kind,
// and a page logs in and chats through it.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { join } from "node:path";
import { type Browser, puppeteer } from "../_deps.ts";
import { type ReferenceServer, startServer } from "../../server.ts";
import { chromiumArgs, ensureChromium } from "../../scripts/chromium.ts";
import { bundleScriptTag, SCRIPT_TAG } from "../../scripts/size.ts";
import { installOfficialSdk } from "../interop/_install.ts";

/** A page as the official SDK's tutorials write it: the script, then code using the global. */
const page = (src: string) =>
  `<!doctype html><meta charset="utf-8"><script src="${src}"></script>
<script>
  // What the global offers: each name, the kind of value behind it and its capitalised members
  // (the entries of an enum, e.g. ConfigRegion.EU).
  window.offered = Object.fromEntries(Object.keys(vonageClientSDK).map((k) => {
    const value = vonageClientSDK[k];
    const members = value && typeof value !== "string" ? Object.getOwnPropertyNames(value) : [];
    return [k, { kind: typeof value, members: members.filter((m) => /^[A-Z]/.test(m)).sort() }];
  }));
  window.chat = async (url, token) => {
    const client = new vonageClientSDK.VonageClient({ loggingLevel: vonageClientSDK.LoggingLevel.Warn });
    client.setConfig({ apiUrl: url, websocketUrl: url });
    const heard = new Promise((resolve) => client.on("conversationEvent", (event) => {
      if (event.kind === "message:text") resolve(event.body.text);
    }));
    await client.createSession(token);
    const id = await client.createConversation();
    await client.joinConversation(id);
    await client.sendMessageTextEvent(id, "hello from a script tag");
    const text = await heard;
    await client.deleteSession();
    return text;
  };
</script>`;

/** What the page reports about one name of the global. */
interface Offered {
  kind: string;
  members: string[];
}

/** Same kind of value; an official enum class may be an object of ours with all its entries. */
function matches(official: Offered, ours: Offered | undefined): boolean {
  if (!ours) return false;
  if (official.kind === ours.kind) return true;
  const isEnum = official.kind === "function" && ours.kind === "object";
  return isEnum &&
    official.members.filter((m) => /^[A-Z0-9_]+$/.test(m)).every((m) => ours.members.includes(m));
}

describe("browser: the script-tag build", () => {
  let server: ReferenceServer;
  let site: Deno.HttpServer<Deno.NetAddr>;
  let browser: Browser;
  let dir = "";
  let base = "";
  before(async () => {
    server = await startServer({ port: 0, host: "127.0.0.1" });
    dir = await Deno.makeTempDir({ prefix: "parley-script-tag-" });
    await bundleScriptTag(join(dir, SCRIPT_TAG));
    const official = join(await installOfficialSdk(), "node_modules/@vonage/client-sdk/dist", SCRIPT_TAG);
    const files: Record<string, () => Promise<BodyInit>> = {
      "/official.html": () => Promise.resolve(page("/official/" + SCRIPT_TAG)),
      "/parley.html": () => Promise.resolve(page("/parley/" + SCRIPT_TAG)),
      ["/official/" + SCRIPT_TAG]: () => Deno.readFile(official),
      ["/parley/" + SCRIPT_TAG]: () => Deno.readFile(join(dir, SCRIPT_TAG)),
    };
    site = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, async (request) => {
      const path = new URL(request.url).pathname;
      const file = files[path];
      if (!file) return new Response("not found", { status: 404 });
      const type = path.endsWith(".html") ? "text/html" : "text/javascript";
      return new Response(await file(), { headers: { "content-type": type } });
    });
    base = `http://127.0.0.1:${site.addr.port}`;
    browser = await puppeteer.launch({
      executablePath: await ensureChromium(),
      headless: true,
      args: chromiumArgs(join(dir, "profile"), join(dir, "silence.wav")),
      timeout: 30_000,
      protocolTimeout: 60_000,
    });
  });
  after(async () => {
    await browser?.close().catch(() => {});
    await site?.shutdown();
    await server?.close();
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  });

  async function open(name: string) {
    const tab = await browser.newPage();
    tab.setDefaultTimeout(20_000);
    const errors: string[] = [];
    tab.on("pageerror", (err) => errors.push(String(err)));
    await tab.goto(`${base}/${name}.html`);
    await tab.waitForFunction(() => "offered" in globalThis).catch((err) => {
      throw new Error(`${name}.html did not load: ${errors.join("; ") || err}`);
    });
    return tab;
  }

  it("defines vonageClientSDK with every name of the official global, of the same kind", async () => {
    const official = await open("official");
    const theirs = await official.evaluate(() =>
      (globalThis as unknown as { offered: Record<string, Offered> }).offered
    );
    await official.close();
    const ours = await (await open("parley")).evaluate(() =>
      (globalThis as unknown as { offered: Record<string, Offered> }).offered
    );
    assert.ok(Object.keys(theirs).length > 20, `the official global offers ${Object.keys(theirs)}`);
    const missing = Object.entries(theirs)
      .filter(([name, official]) => name !== "__esModule" && !matches(official, ours[name]))
      .map(([name, official]) =>
        `${name}: official ${JSON.stringify(official)}, ours ${JSON.stringify(ours[name])}`
      );
    assert.deepEqual(missing, []);
    // The enum comparison is not vacuous: the official classes list their entries.
    assert.ok(theirs.ConfigRegion!.members.includes("EU"), JSON.stringify(theirs.ConfigRegion));
    assert.ok(theirs.Topics!.members.length > 3, JSON.stringify(theirs.Topics));
  });

  it("a page logs in and chats through the global", async () => {
    const tab = await open("parley");
    const text = await tab.evaluate(
      (url, token) =>
        (globalThis as unknown as { chat(u: string, t: string): Promise<string> }).chat(url, token),
      server.url,
      await server.token("alice"),
    );
    assert.equal(text, "hello from a script tag");
  });
});
