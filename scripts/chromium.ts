/**
 * Chromium for the browser tests (tests/browser/): Debian's package, installed with apt-get when
 * it is missing (as root; CI machines start empty), and the flags the tests launch it with.
 * puppeteer-core drives it; its own browser download is never used.
 *
 * `deno run --allow-run --allow-read scripts/chromium.ts` installs it if needed (the gate does).
 *
 * @module
 */

/** Where Debian's package puts the browser. */
export const CHROMIUM = "/usr/bin/chromium";

async function exists(path: string): Promise<boolean> {
  return await Deno.stat(path).then(() => true, () => false);
}

async function run(command: string, args: string[]): Promise<void> {
  const { code } = await new Deno.Command(command, {
    args,
    env: { DEBIAN_FRONTEND: "noninteractive" },
    stdout: "inherit",
    stderr: "inherit",
  }).output();
  if (code !== 0) throw new Error(`${command} ${args.join(" ")} failed (exit ${code})`);
}

/** Installs Debian's Chromium when it is not there yet; resolves its path. */
export async function ensureChromium(): Promise<string> {
  if (await exists(CHROMIUM)) return CHROMIUM;
  console.log(`${CHROMIUM} is missing: installing Debian's chromium package`);
  await run("apt-get", ["update"]);
  await run("apt-get", ["install", "-y", "chromium"]);
  if (!(await exists(CHROMIUM))) throw new Error(`apt-get installed chromium, but ${CHROMIUM} is not there`);
  return CHROMIUM;
}

/**
 * The command line of a test browser: headless, no network of its own (no QUIC, no background
 * requests, no updates or sync), a fresh profile in `profileDir`, and fake media devices whose
 * microphone plays `wavFile` in a loop, granted without a prompt. Loopback candidates are allowed,
 * so calls run on 127.0.0.1 even on a machine with no other interface.
 */
export function chromiumArgs(profileDir: string, wavFile: string): string[] {
  return [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    `--user-data-dir=${profileDir}`,
    "--use-fake-device-for-media-stream",
    "--use-fake-ui-for-media-stream",
    `--use-file-for-fake-audio-capture=${wavFile}`,
    "--allow-loopback-in-peer-connection",
    "--autoplay-policy=no-user-gesture-required",
  ];
}

if (import.meta.main) console.log(`chromium: ${await ensureChromium()}`);
