/**
 * Bundles `mod.ts` for browsers, minified, into `dist/browser/` (git-ignored) and prints its size
 * minified and minified+gzip (level 9), next to the official SDK's 316 KB min+gzip.
 *
 * The bundle is split: `mod.js` and the chunks it imports statically are what a page loads at
 * start (the budget applies to them); the voice layer is a chunk of its own, loaded by the first
 * call of a voice method or the first incoming call.
 *
 * Next to it, the script-tag build: {@link SCRIPT_TAG}, one classic script (voice included) that
 * defines the global `vonageClientSDK`, like the official SDK's browser build.
 *
 * @module
 */
import { gzipSync } from "node:zlib";

const root = new URL("../", import.meta.url);
/** Where `deno task size` writes the browser bundle. */
export const OUT_DIR = "dist/browser";
/** `@vonage/client-sdk` 2.3.1, minified+gzip, as measured in reference/peers.md §2. */
export const OFFICIAL_GZIP_KB = 316;
/** Our budget for what a page loads at start (DESIGN.md §7). */
const BUDGET_GZIP_KB = 30;

/** The script-tag build's file name: the official browser build's, so pages change only the host. */
export const SCRIPT_TAG = "vonageClientSDK.min.js";

/** Sizes in bytes of a part of the bundle. */
export interface Size {
  minified: number;
  gzip: number;
}

/** The browser bundle's sizes: loaded at start (the entry and its static chunks), and on demand. */
export interface BundleSize extends Size {
  /** The chunks loaded by a dynamic import (voice), summed. */
  onDemand: Size;
  /** The script-tag build, one file. */
  scriptTag: Size;
}

/** Bundles `mod.ts` for browsers into `outDir` (relative to the repository); `mod.js` is the entry. */
export async function bundleForBrowser(outDir: string = OUT_DIR): Promise<void> {
  await Deno.remove(new URL(outDir, root), { recursive: true }).catch(() => {});
  await bundle(["--code-splitting", "--outdir", outDir, "mod.ts"]);
}

/** Writes the script-tag build (src/script_tag.ts as one minified classic script) to `file`. */
export async function bundleScriptTag(file: string = `${OUT_DIR}/${SCRIPT_TAG}`): Promise<void> {
  await bundle(["--format", "iife", "-o", file, "src/script_tag.ts"]);
}

async function bundle(args: string[]): Promise<void> {
  const { code } = await new Deno.Command(Deno.execPath(), {
    args: ["bundle", "--quiet", "--platform", "browser", "--minify", ...args],
    cwd: root,
    stdout: "inherit",
    stderr: "inherit",
  }).output();
  if (code !== 0) throw new Error(`deno bundle ${args.join(" ")} failed (exit ${code})`);
}

/** Bundles `mod.ts` into `dist/browser/` and measures what loads at start, on demand, and the script tag. */
export async function measureBundle(): Promise<BundleSize> {
  await bundleForBrowser();
  await bundleScriptTag();
  const dir = new URL(`${OUT_DIR}/`, root);
  const read = (name: string) => Deno.readFile(new URL(name, dir));
  const sizeOf = (bytes: Uint8Array): Size => ({
    minified: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
  });
  const add = (a: Size, b: Size): Size => ({ minified: a.minified + b.minified, gzip: a.gzip + b.gzip });

  // Follow the static imports from the entry; every other file is loaded on demand.
  const atStart = new Set<string>();
  const queue = ["mod.js"];
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (atStart.has(name)) continue;
    atStart.add(name);
    const text = new TextDecoder().decode(await read(name));
    for (const m of text.matchAll(/(?:^|[;}])\s*import\s*(?:[^"'()]*?from\s*)?["']\.\/([^"']+)["']/g)) {
      queue.push(m[1]!);
    }
  }
  let start: Size = { minified: 0, gzip: 0 };
  let onDemand: Size = { minified: 0, gzip: 0 };
  for await (const entry of Deno.readDir(dir)) {
    if (entry.name === SCRIPT_TAG) continue;
    const size = sizeOf(await read(entry.name));
    if (atStart.has(entry.name)) start = add(start, size);
    else onDemand = add(onDemand, size);
  }
  return { ...start, onDemand, scriptTag: sizeOf(await read(SCRIPT_TAG)) };
}

if (import.meta.main) {
  const { minified, gzip, onDemand, scriptTag } = await measureBundle();
  const kb = (n: number) => (n / 1024).toFixed(1);
  console.log(`browser bundle of mod.ts (${OUT_DIR}/, entry mod.js):`);
  console.log(`  loaded at start  ${minified} bytes minified, ${gzip} bytes (${kb(gzip)} KB) minified+gzip`);
  console.log(`                   budget ${BUDGET_GZIP_KB} KB minified+gzip`);
  console.log(
    `  voice, on demand ${onDemand.minified} bytes minified, ${onDemand.gzip} bytes (${
      kb(onDemand.gzip)
    } KB) minified+gzip`,
  );
  console.log(`  all of it        ${kb(gzip + onDemand.gzip)} KB minified+gzip`);
  console.log(
    `script tag (${OUT_DIR}/${SCRIPT_TAG}, global vonageClientSDK, voice included): ${scriptTag.minified} bytes ` +
      `minified, ${scriptTag.gzip} bytes (${kb(scriptTag.gzip)} KB) minified+gzip`,
  );
  console.log(`  official @vonage/client-sdk 2.3.1: ${OFFICIAL_GZIP_KB} KB minified+gzip`);
  if (gzip > BUDGET_GZIP_KB * 1024) {
    console.error(`over budget: ${kb(gzip)} KB loaded at start > ${BUDGET_GZIP_KB} KB minified+gzip`);
    Deno.exit(1);
  }
}
