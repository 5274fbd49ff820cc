/**
 * Bundles `mod.ts` for browsers, minified, and prints its size minified and minified+gzip
 * (level 9), next to the official SDK's 316 KB min+gzip. The bundle is written to
 * `dist/parley.min.js` (git-ignored).
 *
 * @module
 */
import { gzipSync } from "node:zlib";

const root = new URL("../", import.meta.url);
const outFile = "dist/parley.min.js";
/** `@vonage/client-sdk` 2.3.1, minified+gzip, as measured in reference/peers.md §2. */
export const OFFICIAL_GZIP_KB = 316;
/** Our budget (DESIGN.md §7). */
const BUDGET_GZIP_KB = 30;

/** Bundles `mod.ts` into `dist/parley.min.js`; answers its size in bytes, minified and minified+gzip. */
export async function measureBundle(): Promise<{ minified: number; gzip: number }> {
  const { code } = await new Deno.Command(Deno.execPath(), {
    args: ["bundle", "--quiet", "--platform", "browser", "--minify", "-o", outFile, "mod.ts"],
    cwd: root,
    stdout: "inherit",
    stderr: "inherit",
  }).output();
  if (code !== 0) throw new Error(`deno bundle failed (exit ${code})`);
  const bytes = await Deno.readFile(new URL(outFile, root));
  return { minified: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

if (import.meta.main) {
  const { minified, gzip } = await measureBundle();
  const kb = (n: number) => (n / 1024).toFixed(1);
  console.log(`browser bundle of mod.ts (${outFile}):`);
  console.log(`  minified       ${minified} bytes (${kb(minified)} KB)`);
  console.log(`  minified+gzip  ${gzip} bytes (${kb(gzip)} KB); budget ${BUDGET_GZIP_KB} KB`);
  console.log(`  official @vonage/client-sdk 2.3.1: ${OFFICIAL_GZIP_KB} KB minified+gzip`);
  if (gzip > BUDGET_GZIP_KB * 1024) {
    console.error(`over budget: ${kb(gzip)} KB > ${BUDGET_GZIP_KB} KB minified+gzip`);
    Deno.exit(1);
  }
}
