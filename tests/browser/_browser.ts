// The browser tests' harness: a small web site on 127.0.0.1 (our browser bundle as `deno task size`
// builds it, the official SDK's browser build, and the phone page, phone.js), WAV tones for the fake
// microphones, and Chromium browsers driven by puppeteer-core, each a phone whose microphone plays its
// own tone. Every wait is bounded.
import { join } from "node:path";
import { after, before } from "node:test";
import { type Browser, type Page, puppeteer } from "../_deps.ts";
import { chromiumArgs, ensureChromium } from "../../scripts/chromium.ts";
import { bundleForBrowser } from "../../scripts/size.ts";
import { installOfficialSdk } from "../interop/_install.ts";
import { type ReferenceServer, startServer } from "../../server.ts";

/** Writes a mono 48 kHz 16-bit WAV file of a sine tone at `hz` (the fake microphone loops it). */
export async function writeTone(path: string, hz: number, seconds = 2): Promise<void> {
  const rate = 48_000, samples = rate * seconds;
  const wav = new DataView(new ArrayBuffer(44 + samples * 2));
  const text = (at: number, s: string) => [...s].forEach((c, i) => wav.setUint8(at + i, c.charCodeAt(0)));
  text(0, "RIFF");
  wav.setUint32(4, 36 + samples * 2, true);
  text(8, "WAVEfmt ");
  wav.setUint32(16, 16, true); // format chunk size
  wav.setUint16(20, 1, true); // PCM
  wav.setUint16(22, 1, true); // mono
  wav.setUint32(24, rate, true);
  wav.setUint32(28, rate * 2, true); // bytes per second
  wav.setUint16(32, 2, true); // bytes per frame
  wav.setUint16(34, 16, true); // bits per sample
  text(36, "data");
  wav.setUint32(40, samples * 2, true);
  for (let i = 0; i < samples; i++) {
    wav.setInt16(44 + i * 2, Math.round(0.5 * 32767 * Math.sin(2 * Math.PI * hz * i / rate)), true);
  }
  await Deno.writeFile(path, new Uint8Array(wav.buffer));
}

/** The web site the phones load. */
export interface Site {
  url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { js: "text/javascript", mjs: "text/javascript", html: "text/html" };

/** Serves the phone page, our fresh browser bundle (/parley/) and, with `official`, the official SDK (/official/). */
export async function startSite(dir: string, official = false): Promise<Site> {
  const bundle = join(dir, "parley");
  await bundleForBrowser(bundle);
  const officialDist = official
    ? join(await installOfficialSdk(), "node_modules", "@vonage", "client-sdk", "dist")
    : "";
  const phone = new URL("./phone.js", import.meta.url);
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, async (request) => {
    const path = decodeURIComponent(new URL(request.url).pathname);
    let file: string | URL | undefined;
    if (path === "/phone.js") file = phone;
    else if (path.startsWith("/parley/") && !path.includes("..")) file = join(bundle, path.slice(8));
    else if (official && path.startsWith("/official/") && !path.includes("..")) {
      file = join(officialDist, path.slice(10));
    }
    if (path === "/phone.html") {
      return new Response('<!doctype html><script type="module" src="/phone.js"></script>', {
        headers: { "content-type": "text/html" },
      });
    }
    const body = file ? await Deno.readFile(file).catch(() => undefined) : undefined;
    if (!body) return new Response("not found", { status: 404 });
    return new Response(body, {
      headers: { "content-type": TYPES[path.split(".").at(-1)!] ?? "text/plain" },
    });
  });
  return { url: `http://127.0.0.1:${server.addr.port}`, close: () => server.shutdown() };
}

/** What the page's `globalThis.phone.listen` reports. */
export interface Heard {
  /** Loudest level (dBFS) near each frequency asked for. */
  levels: Record<number, number>;
  /** Loudest level in the speech band. */
  speech: number;
  /** The loudest frequency. */
  peakHz: number;
}

/** Which audio processing a microphone track has on, as its `getSettings()` says. */
export interface AudioProcessing {
  noiseSuppression?: boolean;
  echoCancellation?: boolean;
  autoGainControl?: boolean;
}

/** A Chromium browser with one phone page, its fake microphone playing a tone. */
export class BrowserPhone {
  readonly name: string;
  readonly #browser: Browser;
  readonly page: Page;
  readonly #profile: string;

  private constructor(name: string, browser: Browser, page: Page, profile: string) {
    this.name = name;
    this.#browser = browser;
    this.page = page;
    this.#profile = profile;
  }

  /** Launches Chromium whose microphone plays `hz`, opens the phone page with `sdk` and logs in as `name`. */
  static async open(
    site: Site,
    server: { url: string; token(name: string): Promise<string> },
    name: string,
    hz: number,
    options: { sdk?: "parley" | "official"; relayOnly?: boolean } = {},
  ): Promise<BrowserPhone> {
    const profile = await Deno.makeTempDir({ prefix: `parley-chromium-${name}-` });
    const wav = join(profile, `${hz}hz.wav`);
    await writeTone(wav, hz);
    const browser = await puppeteer.launch({
      executablePath: await ensureChromium(),
      headless: true,
      args: chromiumArgs(join(profile, "profile"), wav),
      timeout: 30_000,
      protocolTimeout: 60_000,
    });
    const phone = new BrowserPhone(name, browser, await browser.newPage(), profile);
    phone.page.setDefaultTimeout(30_000);
    const errors: string[] = [];
    phone.page.on("pageerror", (err) => errors.push(String(err)));
    await phone.page.goto(`${site.url}/phone.html?sdk=${options.sdk ?? "parley"}`);
    await phone.page.waitForFunction(() => "phone" in globalThis, { timeout: 20_000 }).catch((err) => {
      throw new Error(`${name}: the phone page did not load: ${errors.join("; ") || err}`);
    });
    const token = await server.token(name);
    await phone.page.evaluate(
      (url, token, relayOnly) =>
        (globalThis as unknown as PageGlobals).phone.login(url, token, { relayOnly }),
      server.url,
      token,
      options.relayOnly ?? false,
    );
    return phone;
  }

  /** setConfig on the page's client: the login's keys plus `extra`. */
  configure(extra: Record<string, unknown>): Promise<void> {
    return this.page.evaluate(
      (extra) => (globalThis as unknown as PageGlobals).phone.configure(extra),
      extra,
    );
  }

  /** Calls a method of the page's client. */
  invoke(method: string, ...args: unknown[]): Promise<unknown> {
    return this.page.evaluate(
      (method, args) => (globalThis as unknown as PageGlobals).phone.invoke(method, ...args),
      method,
      args,
    );
  }

  /** The arguments of the first `name` callback after the first `from` callbacks, waiting up to `timeoutMs`. */
  waitFor(name: string, timeoutMs: number, from = 0): Promise<unknown[]> {
    return this.page.evaluate(
      (name, timeoutMs, from) => (globalThis as unknown as PageGlobals).phone.waitFor(name, timeoutMs, from),
      name,
      timeoutMs,
      from,
    );
  }

  /** The arguments of the latest `name` callback, or null. */
  last(name: string): Promise<unknown[] | null> {
    return this.page.evaluate((name) => (globalThis as unknown as PageGlobals).phone.last(name), name);
  }

  /** For failure messages: the callbacks the page heard (but statistics) and call `callId`'s transport. */
  async story(callId?: string): Promise<string> {
    const [events, transport] = await this.page.evaluate(
      async (callId) => {
        const phone = (globalThis as unknown as PageGlobals).phone;
        return [phone.events, callId ? await phone.transport(callId) : ""] as const;
      },
      callId,
    );
    const heard = (events as { name: string; args: unknown[] }[]).filter((e) => e.name !== "rtcStatsUpdate")
      .map((e) => `${e.name}${JSON.stringify(e.args)}`).join(", ");
    return `${transport}; heard ${heard}`;
  }

  /** How many callbacks the page heard so far. */
  heardCount(): Promise<number> {
    return this.page.evaluate(() => (globalThis as unknown as PageGlobals).phone.events.length);
  }

  /** What call `callId` receives over `ms`: levels near `frequencies`, in the speech band, and the peak. */
  listen(callId: string, frequencies: number[], ms?: number): Promise<Heard> {
    return this.page.evaluate(
      (callId, frequencies, ms) =>
        (globalThis as unknown as PageGlobals).phone.listen(callId, frequencies, ms),
      callId,
      frequencies,
      ms,
    );
  }

  /** Whether the client hands out call `callId`'s peer connection, and an audio output element. */
  media(callId: string): Promise<{ peerConnection: boolean; audioElement: boolean }> {
    return this.page.evaluate((callId) => (globalThis as unknown as PageGlobals).phone.media(callId), callId);
  }

  /** The states of the microphone tracks the page opened (`live` or `ended`). */
  mics(): Promise<string[]> {
    return this.page.evaluate(() => (globalThis as unknown as PageGlobals).phone.mics());
  }

  /** The audio processing of each microphone track the page opened (from its `getSettings()`). */
  processing(): Promise<AudioProcessing[]> {
    return this.page.evaluate(() => (globalThis as unknown as PageGlobals).phone.processing());
  }

  /** Closes the browser and removes its profile. */
  async close(): Promise<void> {
    await this.#browser.close().catch(() => {});
    await Deno.remove(this.#profile, { recursive: true }).catch(() => {});
  }
}

/** The page's `window.phone` (phone.js), as the functions passed to `page.evaluate` see it. */
interface PagePhone {
  login(url: string, token: string, options: { relayOnly: boolean }): Promise<void>;
  configure(extra: Record<string, unknown>): void;
  invoke(method: string, ...args: unknown[]): Promise<unknown>;
  waitFor(name: string, timeoutMs: number, from: number): Promise<unknown[]>;
  listen(callId: string, frequencies: number[], ms?: number): Promise<Heard>;
  mics(): string[];
  processing(): AudioProcessing[];
  transport(callId: string): Promise<string>;
  last(name: string): unknown[] | null;
  media(callId: string): { peerConnection: boolean; audioElement: boolean };
  events: unknown[];
}

/** The page's globals. Functions passed to `page.evaluate` run in the page: they reach the phone through these. */
type PageGlobals = { phone: PagePhone };

/** A tone is heard at this level (dBFS) or above; the tones arrive at about -40 dBFS. */
export const HEARD_DB = -55;
/** Below this level (dBFS) a tone is not heard; silence reads about -200, the other tone about -110. */
export const SILENT_DB = -90;

/** Waits (up to `ms`) until `phone` hears `hz` on call `callId` as its loudest frequency. */
export async function hearsTone(
  phone: BrowserPhone,
  callId: string,
  hz: number,
  ms = 10_000,
): Promise<Heard> {
  let last: Heard | undefined;
  await until(
    async () => {
      last = await phone.listen(callId, [hz], 800);
      return last.levels[hz]! >= HEARD_DB && Math.abs(last.peakHz - hz) < 15;
    },
    async () => `${phone.name} hears ${hz} Hz (last: ${JSON.stringify(last)}; ${await phone.story(callId)})`,
    ms,
  );
  return last!;
}

/** Waits (up to `ms`) until `phone` hears nothing of `hz` on call `callId`. */
export async function silent(phone: BrowserPhone, callId: string, hz: number, ms = 5_000): Promise<void> {
  let last: Heard | undefined;
  await until(
    async () => {
      last = await phone.listen(callId, [hz], 800);
      return last.levels[hz]! < SILENT_DB;
    },
    async () =>
      `${phone.name} hears no ${hz} Hz (last: ${JSON.stringify(last)}; ${await phone.story(callId)})`,
    ms,
  );
}

/** Resolves once `check` holds, polling every 100 ms; rejects with `what()` (read then) after `ms`. */
export async function until(
  check: () => boolean | Promise<boolean>,
  what: () => string | Promise<string>,
  ms: number,
): Promise<void> {
  const end = performance.now() + ms;
  while (!(await check())) {
    if (performance.now() > end) throw new Error(`not within ${ms} ms: ${await what()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** What a browser test file runs against: a reference server, the site, and what to close after it. */
export interface BrowserSuite {
  readonly server: ReferenceServer;
  readonly site: Site;
  /** Phones and sessions to close after the tests, in reverse order. */
  readonly open: { close(): Promise<unknown> }[];
}

/**
 * Registers the hooks that start a reference server and a site (in a temporary folder; with the
 * official SDK's build when `official`) before the tests and close everything after them.
 */
export function browserSuite(official = false): BrowserSuite {
  let server: ReferenceServer | undefined;
  let site: Site | undefined;
  let dir = "";
  const open: { close(): Promise<unknown> }[] = [];
  before(async () => {
    server = await startServer({ port: 0, host: "127.0.0.1" });
    dir = await Deno.makeTempDir({ prefix: "parley-browser-" });
    site = await startSite(dir, official);
  });
  after(async () => {
    for (const thing of open.reverse()) await thing.close().catch(() => {});
    await site?.close();
    await server?.close();
    if (dir) await Deno.remove(dir, { recursive: true }).catch(() => {});
  });
  return {
    get server() {
      return server!;
    },
    get site() {
      return site!;
    },
    open,
  };
}
