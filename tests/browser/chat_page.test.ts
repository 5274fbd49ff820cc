// The chat page of `deno task demo:web` (demo/, on our script-tag build) in Chromium, driven through
// its UI by two users, alice and bob, each in a Chromium of their own whose fake microphone plays a
// tone (alice 440 Hz, bob 880 Hz), with carol as a Deno client: sign in, create, invite and join,
// messages and an image, seen receipts, the typing indicator, history that loads older pages on
// scroll, the connection banner through a socket outage (with a message sent meanwhile arriving
// after), and a call with audio: alice calls from the page, bob answers on his, each page's remote
// audio plays the other's tone (its frequency peak, by a WebAudio analyser), hangup ends it on both.
//
// PARLEY_SCREENSHOT=demo/screenshot.png saves alice's page mid-chat (the README shows it).
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { join } from "node:path";
import { type Browser, type Page, puppeteer } from "../_deps.ts";
import { VonageClient } from "../../mod.ts";
import { chromiumArgs, ensureChromium } from "../../scripts/chromium.ts";
import { type Demo, startDemo } from "../../scripts/demo_web.ts";
import { HEARD_DB, until, writeTone } from "./_browser.ts";

const WAIT = 20_000;
const IMAGE = "data:image/svg+xml," +
  encodeURIComponent(
    "<svg xmlns='http://www.w3.org/2000/svg' width='160' height='90'><rect width='160' height='90' rx='8' " +
      "fill='#5b3cc4'/><text x='80' y='54' font-size='22' text-anchor='middle' fill='#fff'>Parley</text></svg>",
  );

describe("browser: the chat page (deno task demo:web)", () => {
  let demo: Demo;
  /** Each user's browser, its microphone playing the user's tone. */
  const browsers = new Map<string, Browser>();
  const TONES = { alice: 440, bob: 880 };
  let dir = "";
  let carol: VonageClient | undefined;
  before(async () => {
    dir = await Deno.makeTempDir({ prefix: "parley-chat-page-" });
    demo = await startDemo({ dataDir: join(dir, "data") });
    await Promise.all(
      Object.entries(TONES).map(async ([name, hz]) => {
        const wav = join(dir, `${name}.wav`);
        await writeTone(wav, hz);
        browsers.set(
          name,
          await puppeteer.launch({
            executablePath: await ensureChromium(),
            headless: true,
            args: chromiumArgs(join(dir, `profile-${name}`), wav),
            timeout: 30_000,
            protocolTimeout: 60_000,
          }),
        );
      }),
    );
  });
  after(async () => {
    await carol?.deleteSession().catch(() => {});
    for (const browser of browsers.values()) await browser.close().catch(() => {});
    await demo?.close();
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  });

  /** A user's page, signed in, in the user's browser. */
  async function signIn(name: keyof typeof TONES): Promise<Page> {
    const page = await browsers.get(name)!.newPage();
    page.setDefaultTimeout(WAIT);
    await page.setViewport({ width: 900, height: 560 });
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(String(err)));
    await page.goto(demo.url);
    await page.type("#signin-name", name);
    await page.click("#signin button");
    await page.waitForSelector("#app:not([hidden])").catch((err) => {
      throw new Error(`${name} could not sign in: ${errors.join("; ") || err}`);
    });
    return page;
  }

  /** Waits until the text of `selector` (all matches, joined) contains `text`. */
  async function sees(page: Page, selector: string, text: string): Promise<void> {
    await page.waitForFunction(
      (selector, text) => [...document.querySelectorAll(selector)].some((e) => e.textContent?.includes(text)),
      { timeout: WAIT },
      selector,
      text,
    ).catch(async () => {
      const shown = await page.$$eval(selector, (all) => all.map((e) => e.textContent).join(" | "));
      throw new Error(`not within ${WAIT} ms: "${text}" in ${selector} (shown: ${shown})`);
    });
  }

  async function submit(page: Page, field: string, text: string): Promise<void> {
    await page.type(field, text);
    await page.$eval(field, (input) => (input as HTMLInputElement).form!.requestSubmit());
  }

  async function openConversation(page: Page, title: string): Promise<void> {
    await sees(page, "#conversations li", title);
    const items = await page.$$("#conversations li");
    for (const item of items) {
      if ((await item.evaluate((e) => e.textContent))?.includes(title)) await item.click();
    }
    await sees(page, "#room-title", title);
  }

  /** Waits (up to 10 s) until the page's remote audio plays `hz` as its loudest frequency. */
  async function hears(page: Page, hz: number): Promise<void> {
    let last: unknown;
    await until(
      async () => {
        const heard = await remoteAudio(page, hz);
        last = heard;
        return heard.playing && Math.abs(heard.peakHz - hz) < 15 && heard.db >= HEARD_DB;
      },
      () => `the page hears ${hz} Hz on #remote-audio (last: ${JSON.stringify(last)})`,
      10_000,
    );
  }

  /** What the page's `#remote-audio` element plays over 800 ms: whether it plays, the peak, the level near `hz`. */
  function remoteAudio(page: Page, hz: number): Promise<{ playing: boolean; peakHz: number; db: number }> {
    return page.evaluate(async (hz) => {
      const audio = document.getElementById("remote-audio") as HTMLAudioElement | null;
      if (!(audio?.srcObject instanceof MediaStream)) return { playing: false, peakHz: 0, db: -200 };
      const context = new AudioContext();
      const analyser = context.createAnalyser();
      analyser.fftSize = 8192;
      analyser.smoothingTimeConstant = 0;
      context.createMediaStreamSource(audio.srcObject).connect(analyser);
      await context.resume();
      const bins = new Float32Array(analyser.frequencyBinCount);
      const loudest = new Float32Array(bins.length).fill(-Infinity);
      for (let n = 0; n < 8; n++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        analyser.getFloatFrequencyData(bins);
        bins.forEach((db, i) => loudest[i] = Math.max(loudest[i]!, db));
      }
      await context.close();
      const binHz = context.sampleRate / analyser.fftSize;
      let peak = 1, db = -200;
      for (let i = 1; i < loudest.length; i++) if (loudest[i]! > loudest[peak]!) peak = i;
      for (let i = Math.ceil((hz - 15) / binHz); i <= Math.floor((hz + 15) / binHz); i++) {
        db = Math.max(db, loudest[i]!);
      }
      return { playing: !audio.paused, peakHz: peak * binHz, db };
    }, hz);
  }

  it("two users chat: invite and join, text and image, seen, typing; history pages; a socket outage; a call", async () => {
    const alice = await signIn("alice");
    const bob = await signIn("bob");

    // alice creates a conversation and invites bob, who sees it listed and joins.
    await submit(alice, "#create-name", "Project Parley");
    await sees(alice, "#room-title", "Project Parley");
    await submit(alice, "#invite-name", "bob");
    await sees(alice, "#messages", "bob was invited");
    await openConversation(bob, "Project Parley");
    await sees(alice, "#messages .system", "bob joined");

    // Messages both ways, an image by URL, and seen receipts.
    await submit(alice, "#text", "Hi Bob! The chat page runs on the script-tag build.");
    await sees(bob, "#messages", "Hi Bob!");
    await sees(alice, "#messages .mine .seen", "Seen");
    await submit(bob, "#text", "Nice. Here is the logo:");
    await submit(bob, "#text", `/image ${IMAGE}`);
    await alice.waitForSelector(`#messages img[src="${IMAGE}"]`);
    await submit(alice, "#text", "Got it, thanks!");
    await sees(bob, "#messages", "Got it");

    // Typing over ephemeral events.
    await bob.type("#text", "typing a reply");
    await sees(alice, "#typing", "bob is typing…");
    const screenshot = await alice.screenshot({ type: "png" });
    assert.deepEqual([...screenshot.subarray(1, 4)], [0x50, 0x4e, 0x47], "a PNG");
    const keep = Deno.env.get("PARLEY_SCREENSHOT");
    if (keep) await Deno.writeFile(keep, screenshot);

    // History: 30 messages from carol (a Deno client) in a second conversation; the page shows the
    // newest page and loads older ones as alice scrolls up.
    carol = new VonageClient({
      apiUrl: demo.server.url,
      websocketUrl: demo.server.url,
      disableInternalLogger: true,
    });
    await carol.createSession(await demo.server.token("carol"));
    await submit(alice, "#create-name", "History");
    await sees(alice, "#room-title", "History");
    await submit(alice, "#invite-name", "carol");
    await sees(alice, "#messages", "carol was invited");
    const history = (await carol.getConversations()).conversations.find((c) => c.displayName === "History")!;
    await carol.joinConversation(history.id);
    for (let i = 1; i <= 30; i++) await carol.sendMessageTextEvent(history.id, `old ${i}`);
    await sees(alice, "#messages", "old 30");
    await openConversation(alice, "Project Parley");
    await openConversation(alice, "History");
    await sees(alice, "#messages", "old 30");
    assert.equal(
      await alice.$$eval("#messages li", (all) => all.some((e) => e.textContent === "old 1")),
      false,
    );
    // Scroll to the top until the first event of the conversation (alice joining) is on screen.
    for (const end = Date.now() + WAIT; Date.now() < end;) {
      const top = await alice.$eval("#messages li", (e) => e.textContent);
      if (top?.includes("alice joined")) break;
      await alice.$eval("#messages", (list) => list.scrollTop = 0);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    await sees(alice, "#messages", "old 1");
    const texts = await alice.$$eval(
      "#messages li",
      (all) => all.map((e) => e.querySelector("span:not(.who):not(.seen)")?.textContent),
    );
    const numbers = texts.filter((t) => t?.startsWith("old ")).map((t) => Number(t!.slice(4)));
    assert.deepEqual(numbers, Array.from({ length: 30 }, (_, i) => i + 1), "each once, in order");

    // A socket outage: the banner says so; a message sent meanwhile arrives once the page is back.
    const restarted = demo.server.faults.restartSockets({ downtimeMs: 3000 });
    await sees(alice, "#banner", "reconnecting");
    await carol.sendMessageTextEvent(history.id, "sent during the outage");
    await restarted;
    await sees(alice, "#messages", "sent during the outage");
    await alice.waitForSelector("#banner[hidden]");

    // A call: alice calls bob from the conversation they share; bob answers; each hears the other's
    // tone; alice hangs up and the call ends on both pages.
    await openConversation(alice, "Project Parley");
    await alice.click("#call");
    await sees(alice, "#call-status", "Calling bob");
    await sees(bob, "#call-status", "Incoming call from alice");
    await bob.click("#answer");
    await sees(alice, "#call-status", "In call with bob");
    await sees(bob, "#call-status", "In call with alice");
    await hears(alice, TONES.bob);
    await hears(bob, TONES.alice);
    await alice.click("#hangup");
    await sees(alice, "#call-status", "Call ended (LOCAL_HANGUP)");
    await sees(bob, "#call-status", "Call ended (REMOTE_HANGUP)");
    for (const page of [alice, bob]) {
      assert.equal(await page.$("#remote-audio"), null, "no remote audio left");
    }
  });
});
