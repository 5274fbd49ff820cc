/**
 * Builds the npm packages into `npm/` with `deno pack`, then proves they work the way an npm user
 * would meet them:
 *
 * 1. Two packages from the same source: `@parley/client` (mod.ts: what browsers and Node clients
 *    need) and `@parley/server` (server.ts: the reference server and its dependencies), so a client
 *    install never brings socket.io, engine.io, jose or ajv. `deno pack --no-source-maps` writes each
 *    tarball (JS, `.d.ts`, package.json from a per-package copy of deno.json).
 * 2. The client tarball is installed alone in a scratch folder, as `npm install` would for a user:
 *    its installed size must stay within budget, and `import` and `require` must both load it on
 *    Node 20 and Node 22.
 * 3. The portable tests (`tests/*.test.ts` and their `tests/_*.ts` helpers) are transpiled into a
 *    scratch consumer, `npm/test/`, whose imports are rewritten to the packages' public entries,
 *    and run with `node --test` on Node 20 (this machine's `node`) and Node 22 (`npx -y node@22`).
 * 4. A TypeScript consumer type-checks against the installed client with `strict` and
 *    `skipLibCheck: false`: `nodenext`, `bundler`, and an old `ES2015` + `DOM` project.
 * 5. Between the Node 20 and Node 22 runs: a Node 20 client from this build, werift plugged into its
 *    `media` option, holds a call with audio with Chromium (tests/browser/werift_node.ts).
 *
 * @module
 */
import { bundleScriptTag, SCRIPT_TAG } from "./size.ts";
import { SOCKET_IO_CLIENT } from "./vendor.ts";

const root = new URL("../", import.meta.url);
const out = new URL("npm/", root);
const deno = Deno.execPath();
const config = JSON.parse(await Deno.readTextFile(new URL("deno.json", root)));
const TYPESCRIPT = "5.9.3";
/** DESIGN.md §7: the client package, installed with its dependencies, in bytes. */
const INSTALL_BUDGET = 5 * 1024 * 1024;

/** One npm package built from this repository: its entry and the files it ships. */
interface NpmPackage {
  name: string;
  /** deno.json-style path of the module that becomes the package's `.` export. */
  entry: string;

  /** `publish.include` / `publish.exclude` for `deno pack`: the package's files, nothing else. */
  include: string[];
  exclude: string[];
}

const client: NpmPackage = {
  name: config.name,
  entry: "./mod.ts",
  include: ["mod.ts", "src/", "gen/client-api.ts", "README.md", "LICENSE"],
  exclude: ["src/server/"],
};
const server: NpmPackage = {
  name: "@parley/server",
  entry: "./server.ts",
  include: ["server.ts", "src/", "gen/*.ts", "README.md", "LICENSE"],
  exclude: ["src/client/"],
};
const tarballOf = (pkg: NpmPackage) => `${pkg.name.replace("@", "").replace("/", "-")}-${config.version}.tgz`;
/** What a test's relative import of an entry becomes in the npm consumer. */
const entries: Record<string, string> = { "../mod.ts": client.name, "../server.ts": server.name };

async function run(cmd: string, args: string[], cwd: URL = root): Promise<void> {
  console.log(`$ ${cmd === deno ? "deno" : cmd} ${args.join(" ")}`);
  const { code } = await new Deno.Command(cmd, { args, cwd, stdout: "inherit", stderr: "inherit" }).output();
  if (code !== 0) throw new Error(`${cmd} ${args.join(" ")} failed with exit code ${code}`);
}

/** `deno pack` with a copy of deno.json that names this package, its one entry and its files. */
async function pack(pkg: NpmPackage): Promise<void> {
  // deno pack resolves paths against its config file, so the copy lives next to deno.json.
  const file = new URL(`.npm-${pkg.name.split("/").pop()}.json`, root);
  const packConfig = {
    ...config,
    name: pkg.name,
    exports: { ".": pkg.entry },
    publish: { include: pkg.include, exclude: pkg.exclude },
  };
  await Deno.writeTextFile(file, JSON.stringify(packConfig, null, 2));
  try {
    await run(deno, [
      "pack",
      "-c",
      file.pathname,
      "--allow-dirty",
      "--no-source-maps",
      "-o",
      `npm/${tarballOf(pkg)}`,
    ]);
  } finally {
    await Deno.remove(file);
  }
}

/**
 * What `deno pack` cannot express, added to the client tarball (unpacked, edited, packed again with
 * `npm pack`):
 * - socket.io-client from npm instead of the bundled browser build Deno users get (src/deps.ts), so
 *   Node resolves its Node build (with `ws` for Node 20) and bundlers their usual one;
 * - the lib reference the declarations need in an ES2015 project (deno pack drops triple-slash
 *   directives);
 * - `engines`: CommonJS users load the package through Node's require of ES modules (20.19+, 22.12+);
 * - the script-tag build, `dist/vonageClientSDK.min.js` (global `vonageClientSDK`, where the official
 *   package has its own), named by `unpkg` and `jsdelivr` for CDNs.
 */
async function finishClient(): Promise<void> {
  const dir = new URL("client/", out);
  const pkgDir = new URL("package/", dir);
  await Deno.mkdir(dir, { recursive: true });
  await run("tar", ["xzf", `../${tarballOf(client)}`], dir);
  const edit = async (path: string, change: (text: string) => string) => {
    const file = new URL(path, pkgDir);
    const before = await Deno.readTextFile(file);
    const after = change(before);
    if (after === before) throw new Error(`build_npm: nothing to change in ${path}; update finishClient`);
    await Deno.writeTextFile(file, after);
  };

  const [, npmName, range] = /^npm:(.+)@(.+)$/.exec(SOCKET_IO_CLIENT)!;
  await edit("src/deps.js", (text) => text.replace(`"./vendor/socket.io-client.js"`, `"${npmName}"`));
  await Deno.remove(new URL("src/vendor/", pkgDir), { recursive: true });
  await edit(
    "mod.d.ts",
    (text) =>
      "// AsyncIterable (the paging iterators) is in no lib before ES2018: bring it along.\n" +
      '/// <reference lib="es2018.asynciterable" />\n' + text,
  );
  await edit("package.json", (text) => {
    const manifest = JSON.parse(text);
    manifest.dependencies = { ...manifest.dependencies, [npmName!]: range };
    manifest.engines = { node: "^20.19.0 || >=22.12.0" };
    manifest.unpkg = manifest.jsdelivr = `./dist/${SCRIPT_TAG}`;
    return JSON.stringify(manifest, null, 2) + "\n";
  });
  await bundleScriptTag(new URL(`dist/${SCRIPT_TAG}`, pkgDir).pathname);
  await run("npm", ["pack", "--quiet", "--pack-destination", "../.."], pkgDir);
}

/** Writes a private package.json for a scratch consumer in `dir`. */
async function consumerPackage(dir: URL, dependencies: Record<string, string>): Promise<void> {
  await Deno.mkdir(dir, { recursive: true });
  const pkg = { private: true, type: "module", dependencies };
  await Deno.writeTextFile(new URL("package.json", dir), JSON.stringify(pkg, null, 2) + "\n");
}

/** Bytes and package count of a node_modules folder, counting every file once. */
async function installedSize(dir: URL): Promise<{ bytes: number; packages: number }> {
  let bytes = 0;
  let packages = 0;
  const walk = async (path: URL): Promise<void> => {
    for await (const e of Deno.readDir(path)) {
      const child = new URL(e.isDirectory ? `${e.name}/` : e.name, path);
      if (e.isDirectory) await walk(child);
      else if (e.isFile) bytes += (await Deno.stat(child)).size;
      if (e.name === "package.json" && /node_modules\/(@[^/]+\/)?[^/@]+\/$/.test(path.pathname)) packages++;
    }
  };
  await walk(dir);
  return { bytes, packages };
}

await Deno.remove(out, { recursive: true }).catch(() => {});
await Deno.mkdir(new URL("test/", out), { recursive: true });
await pack(client);
await pack(server);
const npmFlags = ["--no-audit", "--no-fund", "--loglevel=error"];
await finishClient();

// The client alone, installed as a user would: size, then ESM import and CommonJS require.
const lone = new URL("install/", out);
await consumerPackage(lone, { [client.name]: `file:../${tarballOf(client)}` });
await run("npm", ["install", ...npmFlags], lone);
const installed = await installedSize(new URL("node_modules/", lone));
const mb = (installed.bytes / 1024 / 1024).toFixed(2);
console.log(`${client.name} installed: ${installed.packages} packages, ${installed.bytes} bytes (${mb} MB)`);
if (installed.bytes > INSTALL_BUDGET) {
  throw new Error(`${client.name} installs ${mb} MB, over the budget of ${INSTALL_BUDGET / 1024 / 1024} MB`);
}
await Deno.stat(new URL(`node_modules/${client.name}/dist/${SCRIPT_TAG}`, lone)); // the script-tag build ships
await Deno.copyFile(new URL("scripts/npm_require.cjs", root), new URL("require.cjs", lone));
for (const node of [["node"], ["npx", "-y", "node@22"]]) {
  await run(node[0]!, [...node.slice(1), "require.cjs"], lone);
}

// The portable tests: every tests/*.test.ts plus the private helpers they import.
const sources = [...Deno.readDirSync(new URL("tests/", root))]
  .filter((e) =>
    e.isFile && e.name.endsWith(".ts") && (e.name.endsWith(".test.ts") || e.name.startsWith("_"))
  )
  .map((e) => `tests/${e.name}`)
  .sort();
await run(deno, ["transpile", "--quiet", "--outdir", "npm/test", ...sources]);

const devDependencies: Record<string, string> = {};
const specifier = /(from\s*|import\s*\(\s*)(["'])([^"']+)\2/g;
const testDir = new URL("test/tests/", out);
const testFiles: string[] = [];
for (const e of Deno.readDirSync(testDir)) {
  const file = new URL(e.name, testDir);
  const text = (await Deno.readTextFile(file)).replace(specifier, (_m, pre, q, s: string) => {
    const npm = /^npm:(@?[^@/]+(?:\/[^@/]+)?)@([^/]+)(\/.*)?$/.exec(s);
    if (npm) {
      devDependencies[npm[1]!] = npm[2]!;
      return `${pre}${q}${npm[1]}${npm[3] ?? ""}${q}`;
    }
    const entry = entries[s];
    if (entry) return `${pre}${q}${entry}${q}`;
    if (s.startsWith("./") && s.endsWith(".ts")) return `${pre}${q}${s.slice(0, -3)}.js${q}`;
    if (s.startsWith(".")) {
      throw new Error(
        `${e.name} imports ${s}: portable tests may import only public entries and tests/_*.ts`,
      );
    }
    return `${pre}${q}${s}${q}`;
  });
  await Deno.writeTextFile(file, text);
  if (e.name.endsWith(".test.js")) testFiles.push(`tests/${e.name}`);
}
testFiles.sort();

const testPkg = new URL("test/", out);
await consumerPackage(testPkg, {
  [client.name]: `file:../${tarballOf(client)}`,
  [server.name]: `file:../${tarballOf(server)}`,
  ...devDependencies,
});
await run("npm", ["install", ...npmFlags], testPkg);

// Type check consumers against the installed client, as strict TypeScript users would: a modern
// project under each module resolution, and an old ES2015 + DOM one (no async iteration in its lib).
const consumer = new URL("consumer/", out);
await consumerPackage(consumer, { [client.name]: `file:../${tarballOf(client)}`, typescript: TYPESCRIPT });
await Deno.copyFile(new URL("scripts/npm_consumer.ts", root), new URL("consumer.ts", consumer));
await Deno.copyFile(new URL("scripts/npm_consumer_es2015.ts", root), new URL("consumer_es2015.ts", consumer));
const projects: Record<string, Record<string, unknown>> = {
  nodenext: { target: "es2022", lib: ["es2022", "dom"], module: "nodenext", moduleResolution: "nodenext" },
  bundler: { target: "es2022", lib: ["es2022", "dom"], module: "esnext", moduleResolution: "bundler" },
  es2015: { target: "es2015", lib: ["es2015", "dom"], module: "es2015", moduleResolution: "bundler" },
};
for (const [name, options] of Object.entries(projects)) {
  const compilerOptions = { strict: true, skipLibCheck: false, noEmit: true, types: [], ...options };
  const files = [name === "es2015" ? "consumer_es2015.ts" : "consumer.ts"];
  await Deno.writeTextFile(
    new URL(`tsconfig.${name}.json`, consumer),
    JSON.stringify({ compilerOptions, files }),
  );
}
await run("npm", ["install", ...npmFlags], consumer);
for (const name of Object.keys(projects)) {
  await run("npx", ["tsc", "-p", `tsconfig.${name}.json`], consumer);
  console.log(`consumer type check (${name}) passed`);
}

// The portable tests on the built package, Node 20 first, then Node 22.
await run("node", ["--version"], testPkg);
await run("node", ["--test", ...testFiles], testPkg);
// Calls with audio outside browsers: Node with werift as its stack, and a browser (a Deno test, as the
// browser harness is; it runs tests/_werift_phone.js of this consumer in Node).
await run(deno, [
  "test",
  "--allow-net=127.0.0.1",
  "--allow-read",
  "--allow-write",
  "--allow-env",
  "--allow-run",
  "--allow-sys",
  "tests/browser/werift_node.ts",
]);
await run("npx", ["-y", "node@22", "--version"], testPkg);
await run("npx", ["-y", "node@22", "--test", ...testFiles], testPkg);
