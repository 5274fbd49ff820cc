/**
 * Builds the npm package into `npm/` with `deno pack`, then proves it works the way an npm user
 * would meet it:
 *
 * 1. `deno pack --no-source-maps` writes the tarball (JS, `.d.ts`, package.json from deno.json).
 * 2. The portable tests (`tests/*.test.ts` and their `tests/_*.ts` helpers) are transpiled into a
 *    scratch consumer, `npm/test/`, whose imports are rewritten to the package's public entries.
 * 3. The consumer installs the tarball and runs the tests with `node --test` on Node 20 (this
 *    machine's `node`) and on Node 22 (`npx -y node@22`).
 * 4. A TypeScript consumer type-checks against the installed package with `strict`,
 *    `skipLibCheck: false`, and both `nodenext` and `bundler` module resolution.
 *
 * @module
 */
const root = new URL("../", import.meta.url);
const out = new URL("npm/", root);
const deno = Deno.execPath();
const config = JSON.parse(await Deno.readTextFile(new URL("deno.json", root)));
const pkgName: string = config.name;
const tarball = `${pkgName.replace("@", "").replace("/", "-")}-${config.version}.tgz`;
/** Public entries of the package: deno.json export path → npm specifier. */
const entries: Record<string, string> = Object.fromEntries(
  Object.keys(config.exports).map((key) => [`../${config.exports[key].slice(2)}`, pkgName + key.slice(1)]),
);
const TYPESCRIPT = "5.9.3";

async function run(cmd: string, args: string[], cwd: URL = root): Promise<void> {
  console.log(`$ ${cmd === deno ? "deno" : cmd} ${args.join(" ")}`);
  const { code } = await new Deno.Command(cmd, { args, cwd, stdout: "inherit", stderr: "inherit" }).output();
  if (code !== 0) throw new Error(`${cmd} ${args.join(" ")} failed with exit code ${code}`);
}

await Deno.remove(out, { recursive: true }).catch(() => {});
await Deno.mkdir(new URL("test/", out), { recursive: true });
await run(deno, ["pack", "--allow-dirty", "--no-source-maps", "-o", `npm/${tarball}`]);

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
await Deno.writeTextFile(
  new URL("package.json", testPkg),
  JSON.stringify(
    {
      private: true,
      type: "module",
      dependencies: { [pkgName]: `file:../${tarball}`, ...devDependencies },
    },
    null,
    2,
  ) + "\n",
);
const npmFlags = ["--no-audit", "--no-fund", "--loglevel=error"];
await run("npm", ["install", ...npmFlags], testPkg);

// Type check a consumer against the installed package, as a strict TypeScript user would.
const consumer = new URL("consumer/", out);
await Deno.mkdir(consumer, { recursive: true });
await Deno.copyFile(new URL("scripts/npm_consumer.ts", root), new URL("consumer.ts", consumer));
await Deno.writeTextFile(
  new URL("package.json", consumer),
  JSON.stringify(
    {
      private: true,
      type: "module",
      dependencies: { [pkgName]: `file:../${tarball}`, typescript: TYPESCRIPT },
    },
    null,
    2,
  ) + "\n",
);
for (const resolution of ["nodenext", "bundler"]) {
  const module = resolution === "nodenext" ? "nodenext" : "esnext";
  await Deno.writeTextFile(
    new URL(`tsconfig.${resolution}.json`, consumer),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        skipLibCheck: false,
        noEmit: true,
        target: "es2022",
        lib: ["es2022", "dom"],
        module,
        moduleResolution: resolution,
        types: [],
      },
      files: ["consumer.ts"],
    }),
  );
}
await run("npm", ["install", ...npmFlags], consumer);
for (const resolution of ["nodenext", "bundler"]) {
  await run("npx", ["tsc", "-p", `tsconfig.${resolution}.json`], consumer);
  console.log(`consumer type check (${resolution}) passed`);
}

// The portable tests on the built package, Node 20 first, then Node 22.
await run("node", ["--version"], testPkg);
await run("node", ["--test", ...testFiles], testPkg);
await run("npx", ["-y", "node@22", "--version"], testPkg);
await run("npx", ["-y", "node@22", "--test", ...testFiles], testPkg);
