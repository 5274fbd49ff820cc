/**
 * Type-checks every TypeScript block (```ts) of the README, so the examples cannot drift from the
 * API. Each block becomes a module of its own, checked with this repository's deno.json (where
 * `@parley/client` is mod.ts and `@parley/server` is server.ts).
 *
 * A block may use a few names the prose around it takes as given (`client`, `token`, …) without
 * defining them: for those it does not define or import itself, the module starts with a
 * declaration of their types ({@link GIVEN}).
 *
 * `deno task check:readme [FILE.md]` (default README.md) exits 1, naming the block's line, when a
 * block does not compile.
 *
 * @module
 */

/** Names README blocks may use without defining them, and their declarations. */
export const GIVEN: Record<string, string> = {
  client: 'declare const client: import("@parley/client").VonageClient;',
  token: "declare const token: string;",
  conversationId: "declare const conversationId: string;",
  banner: "declare const banner: { show(text: string): void; hide(): void };",
  login: "declare function login(): void;",
  startServer: 'declare const startServer: typeof import("@parley/server").startServer;',
};

/** The TypeScript blocks of a Markdown text, with the line of each opening fence (1-based). */
export function typeScriptBlocks(markdown: string): { line: number; code: string }[] {
  const blocks: { line: number; code: string }[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(ts|typescript)\s*$/.test(lines[i]!)) continue;
    const start = i + 1;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]!); i++) body.push(lines[i]!);
    blocks.push({ line: start, code: body.join("\n") });
  }
  return blocks;
}

/** The module a block is checked as: declarations of the given names it uses, then the block. */
export function moduleOf(code: string): string {
  const declarations = Object.entries(GIVEN).filter(([name]) => {
    const defines = new RegExp(`\\b(?:const|let|var|function|class)\\s+${name}\\b|import[^;]*\\b${name}\\b`);
    return new RegExp(`\\b${name}\\b`).test(code) && !defines.test(code);
  }).map(([, declaration]) => declaration);
  return [...declarations, code, "export {};", ""].join("\n");
}

/** Type-checks the blocks of `file`; resolves the lines of the blocks that failed. */
export async function checkReadme(file: string): Promise<number[]> {
  const root = new URL("../", import.meta.url);
  const blocks = typeScriptBlocks(await Deno.readTextFile(file));
  const dir = await Deno.makeTempDir({ prefix: "parley-readme-" });
  const failed: number[] = [];
  try {
    const paths = [];
    for (const block of blocks) {
      const path = `${dir}/readme_line_${block.line}.ts`;
      await Deno.writeTextFile(path, moduleOf(block.code));
      paths.push(path);
    }
    // One check of all blocks; its errors name the module, hence the block's line.
    const { code, stderr } = await new Deno.Command(Deno.execPath(), {
      args: ["check", "--quiet", "--config", new URL("deno.json", root).pathname, ...paths],
      stdout: "inherit",
      stderr: "piped",
      env: { NO_COLOR: "1" },
    }).output();
    if (code !== 0) {
      const errors = new TextDecoder().decode(stderr);
      failed.push(...new Set([...errors.matchAll(/readme_line_(\d+)\.ts/g)].map((m) => Number(m[1]))));
      if (failed.length === 0) failed.push(0); // a failure that names no block still fails
      console.error(errors.replaceAll(`${dir}/readme_line_`, `${file} block at line `));
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
  console.log(`${file}: ${blocks.length - failed.length} of ${blocks.length} TypeScript blocks compile`);
  return failed;
}

if (import.meta.main) {
  const failed = await checkReadme(Deno.args[0] ?? "README.md");
  if (failed.length > 0) Deno.exit(1);
}
