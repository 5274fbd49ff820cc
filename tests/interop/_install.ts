// Installs the official `@vonage/client-sdk` at test time, outside the repository. It is under a
// commercial license, so it is never committed and never a dependency of our package.
import { tmpdir } from "node:os";
import { join } from "node:path";

export const OFFICIAL_SDK_VERSION = "2.3.1";
const PACKAGE = `@vonage/client-sdk@${OFFICIAL_SDK_VERSION}`;

/** The folder the SDK is installed into (`npm --prefix`), shared by all runs on this machine. */
export const OFFICIAL_SDK_DIR = join(tmpdir(), `parley-interop-vonage-client-sdk-${OFFICIAL_SDK_VERSION}`);

// Written last into a finished install, so a folder without it is never trusted.
const MARKER = ".parley-install-complete";

let pending: Promise<string> | undefined;

/** Resolves the install folder, installing the SDK once per machine (and once per process). */
export function installOfficialSdk(): Promise<string> {
  pending ??= install().catch((err) => {
    pending = undefined; // let a later test file try again
    throw err;
  });
  return pending;
}

async function isComplete(dir: string): Promise<boolean> {
  try {
    const pkg = JSON.parse(
      await Deno.readTextFile(join(dir, "node_modules", "@vonage", "client-sdk", "package.json")),
    );
    await Deno.stat(join(dir, MARKER));
    return pkg.version === OFFICIAL_SDK_VERSION;
  } catch {
    return false;
  }
}

async function install(): Promise<string> {
  if (await isComplete(OFFICIAL_SDK_DIR)) return OFFICIAL_SDK_DIR;
  // A folder without the marker is a leftover of an older scheme or a manual copy: replace it.
  await Deno.remove(OFFICIAL_SDK_DIR, { recursive: true }).catch(() => {});

  // Install into a private folder, then rename it into place. The rename is atomic, so test
  // processes running in parallel never see a half-installed SDK; the loser of a race drops its copy.
  const staging = `${OFFICIAL_SDK_DIR}.tmp-${Deno.pid}-${crypto.randomUUID().slice(0, 8)}`;
  try {
    const { code, stderr } = await new Deno.Command("npm", {
      args: ["install", "--no-audit", "--no-fund", "--loglevel=error", "--prefix", staging, PACKAGE],
      env: { NPM_CONFIG_UPDATE_NOTIFIER: "false" },
      stdout: "null",
      stderr: "piped",
    }).output();
    if (code !== 0) {
      throw new Error(`npm install ${PACKAGE} failed (exit ${code}):\n${new TextDecoder().decode(stderr)}`);
    }
    await Deno.writeTextFile(join(staging, MARKER), new Date().toISOString());
    try {
      await Deno.rename(staging, OFFICIAL_SDK_DIR);
    } catch (err) {
      if (!(await isComplete(OFFICIAL_SDK_DIR))) throw err;
    }
  } finally {
    await Deno.remove(staging, { recursive: true }).catch(() => {});
  }
  return OFFICIAL_SDK_DIR;
}
