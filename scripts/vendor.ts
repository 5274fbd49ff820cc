/**
 * Writes `src/vendor/socket.io-client.js`: socket.io-client's own ES module build for browsers,
 * `dist/socket.io.esm.min.js` from its npm package, as published (only the source map comment is
 * left out, since the map is not copied).
 *
 * Why: under Deno, `npm:socket.io-client` resolves to its Node build, which loads `debug`, and `debug`
 * reads the environment as it loads, so a Deno app importing `mod.ts` by URL would need
 * `--allow-env`. The browser build has no `debug` and uses the global `WebSocket`, which Deno has;
 * the package does not export it as a subpath, hence the copy. The npm package imports
 * `socket.io-client` itself instead (scripts/build_npm.ts swaps it back), so Node 20 keeps its `ws`
 * fallback and bundlers their usual resolution.
 *
 * The version is the one deno.lock resolves for {@link SOCKET_IO_CLIENT}. `deno task vendor` writes
 * the file; `deno task vendor:check` exits 1 when it is not that version's build.
 *
 * @module
 */

/** The npm specifier copied: the same range src/deps.ts names for the types and the npm package. */
export const SOCKET_IO_CLIENT = "npm:socket.io-client@^4.8.4";
const root = new URL("../", import.meta.url);
const OUT = new URL("src/vendor/socket.io-client.js", root);
const BUILD = "dist/socket.io.esm.min.js";

/** The file as this script writes it, from the package version deno.lock pins. */
async function generate(): Promise<string> {
  const lock = JSON.parse(await Deno.readTextFile(new URL("deno.lock", root)));
  const version: string = lock.specifiers[SOCKET_IO_CLIENT];
  const dir = await Deno.makeTempDir({ prefix: "parley-vendor-" });
  try {
    const pack = await new Deno.Command("npm", {
      args: ["pack", "--silent", `socket.io-client@${version}`, "--pack-destination", dir],
      stdout: "piped",
      stderr: "inherit",
    }).output();
    if (pack.code !== 0) throw new Error(`npm pack socket.io-client@${version} failed`);
    const tarball = new TextDecoder().decode(pack.stdout).trim().split("\n").at(-1)!;
    const untar = await new Deno.Command("tar", {
      args: ["xzf", tarball, `package/${BUILD}`],
      cwd: dir,
      stderr: "inherit",
    }).output();
    if (untar.code !== 0) throw new Error(`${BUILD} is not in socket.io-client@${version}`);
    const build = await Deno.readTextFile(`${dir}/package/${BUILD}`);
    const banner = `// socket.io-client ${version}: ${BUILD} of its npm package (MIT), copied by\n` +
      "// scripts/vendor.ts. Do not edit: run `deno task vendor`.\n";
    return banner + build.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

if (import.meta.main) {
  const fresh = await generate();
  if (Deno.args.includes("--check")) {
    if ((await Deno.readTextFile(OUT).catch(() => "")) !== fresh) {
      console.error("src/vendor/socket.io-client.js is stale: run `deno task vendor` and commit it.");
      Deno.exit(1);
    }
    console.log("src/vendor/socket.io-client.js is up to date.");
  } else {
    await Deno.writeTextFile(OUT, fresh);
    console.log("wrote src/vendor/socket.io-client.js");
  }
}
