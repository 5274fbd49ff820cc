/**
 * The whole CI gate, in order: format, lint, type check, the README's TypeScript blocks, the
 * documentation lint of the public entries, a dry run of the JSR publish, generated-code freshness
 * (types and the vendored socket.io-client), Chromium (installed when missing, for the browser
 * tests), the Deno tests, the browser size report, and the npm build with its Node 20/22 runs.
 *
 * Every step's output is streamed as it comes; the test counts of the Deno and Node runs are
 * summed into a closing `N passed, N failed` line. The gate stops at the first failing step.
 *
 * @module
 */
const deno = Deno.execPath();

interface Step {
  name: string;
  args: string[];
  env?: Record<string, string>;
}

const steps: Step[] = [
  { name: "format", args: ["fmt", "--check"] },
  { name: "lint", args: ["lint"] },
  { name: "type check", args: ["task", "check"] },
  { name: "README code", args: ["task", "check:readme"] },
  { name: "API docs", args: ["doc", "--lint", "mod.ts", "server.ts"] },
  { name: "JSR package", args: ["publish", "--dry-run", "--allow-dirty"] },
  { name: "generated types", args: ["task", "gen:check"] },
  { name: "vendored socket.io-client", args: ["task", "vendor:check"] },
  // The browser tests (tests/browser/) drive Debian's Chromium: install it where it is missing.
  { name: "Chromium", args: ["run", "--allow-run", "--allow-read", "--allow-env", "scripts/chromium.ts"] },
  { name: "Deno tests", args: ["task", "test:deno"] },
  // The server's behaviour tests once more, over the embedded (SQLite) engine instead of memory.
  {
    name: "server tests on the embedded engine",
    args: [
      "test",
      "--allow-net=127.0.0.1",
      "--allow-read",
      "--allow-write",
      "--allow-env",
      "--allow-sys",
      ...[...Deno.readDirSync("tests")].map((e) => e.name).filter((n) => /^server_.*\.test\.ts$/.test(n))
        .sort().map((n) => `tests/${n}`),
    ],
    env: { PARLEY_TEST_ENGINE: "sqlite" },
  },
  { name: "browser size", args: ["task", "size"] },
  { name: "npm build and Node tests", args: ["task", "build:npm"] },
];

let passed = 0;
let failed = 0;
const encoder = new TextEncoder();

/** Adds the counts found in one step's output (Deno's summary line and node --test's totals). */
function count(output: string): void {
  // Deno runs each describe() as a test and each it() as a step; count the it()s when there are any.
  const denoSummary =
    /^(?:ok|FAILED) \| (\d+) passed(?: \((\d+) steps?\))? \| (\d+) failed(?: \((\d+) steps?\))?/gm;
  for (const m of output.matchAll(denoSummary)) {
    passed += Number(m[2] ?? m[1]);
    failed += Number(m[4] ?? m[3]);
  }
  for (const m of output.matchAll(/^(?:#|ℹ) pass (\d+)$/gm)) passed += Number(m[1]);
  for (const m of output.matchAll(/^(?:#|ℹ) fail (\d+)$/gm)) failed += Number(m[1]);
}

async function pump(stream: ReadableStream<Uint8Array>, sink: { write(p: Uint8Array): Promise<number> }) {
  const decoder = new TextDecoder();
  let text = "";
  for await (const chunk of stream) {
    await sink.write(chunk);
    text += decoder.decode(chunk, { stream: true });
  }
  return text;
}

for (const step of steps) {
  await Deno.stdout.write(encoder.encode(`\n=== ${step.name}: deno ${step.args.join(" ")}\n`));
  const child = new Deno.Command(deno, {
    args: step.args,
    stdout: "piped",
    stderr: "piped",
    // Plain output, so the test counts can be read from it.
    env: { NO_COLOR: "1", ...step.env },
  }).spawn();
  const [out, err, status] = await Promise.all([
    pump(child.stdout, Deno.stdout),
    pump(child.stderr, Deno.stderr),
    child.status,
  ]);
  count(out + "\n" + err);
  if (!status.success) {
    console.log(`\n${step.name} failed (exit code ${status.code})`);
    console.log(`${passed} passed, ${Math.max(failed, 1)} failed`);
    Deno.exit(1);
  }
}
console.log(`\nall gate steps passed`);
console.log(`${passed} passed, ${failed} failed`);
