// The promise of the generated layer, tried as a maintainer would: rename a property in the YAML, run
// the generator, and `deno check` must fail in the code that reads it. In a scratch copy of the repository,
// three properties are renamed at once: one of an answer the client reads, one of a pushed event the
// client reads, and one of a request body the server reads. Deno only: it runs the generator and the
// type checker as programs.
import { describe, it } from "node:test";
import assert from "node:assert/strict";

const root = new URL("../../", import.meta.url);

/** What is renamed, and the file whose reading of it must stop type-checking. */
const renames = [
  { schema: "Conversation", property: "display_name", reader: "src/client/resources.ts" },
  { schema: "MemberInvitedBody", property: "member_id", reader: "src/client/events.ts" },
  { schema: "CreateConversationRequest", property: "image_url", reader: "src/server/conversations.ts" },
];

/**
 * Renames `property` of the schema `schema` (a `components.schemas` entry) to `<property>_renamed`, in its
 * `properties` and its `required` list. Throws unless the property was found exactly once, so a change of
 * the YAML's layout fails this test loudly instead of making it pass for nothing.
 */
function renameProperty(yaml: string, schema: string, property: string): string {
  const lines = yaml.split("\n");
  const start = lines.indexOf(`    ${schema}:`);
  assert.ok(start >= 0, `schema ${schema} not found`);
  let end = start + 1;
  while (end < lines.length && !/^ {0,4}\S/.test(lines[end]!)) end++;
  let found = 0;
  for (let i = start + 1; i < end; i++) {
    if (lines[i] === `        ${property}:`) {
      lines[i] = `        ${property}_renamed:`;
      found++;
    } else if (/^ {6}required: \[/.test(lines[i]!)) {
      lines[i] = lines[i]!.replace(new RegExp(`\\b${property}\\b`), `${property}_renamed`);
    }
  }
  assert.equal(found, 1, `${schema}.${property} found ${found} times`);
  return lines.join("\n");
}

/** One diagnostic of `deno check`: its message and the file it points at. */
interface Diagnostic {
  message: string;
  file: string;
}

function diagnostics(output: string, base: string): Diagnostic[] {
  return output.split(/\n(?=TS\d+ \[ERROR\])/).flatMap((block) => {
    const file = /at file:\/\/(\S+?):\d+:\d+/.exec(block)?.[1];
    return block.startsWith("TS") && file ? [{ message: block, file: file.replace(base, "") }] : [];
  });
}

async function run(cwd: string, args: string[]) {
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args,
    cwd,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decoder = new TextDecoder();
  return { code, output: decoder.decode(stdout) + decoder.decode(stderr) };
}

async function copy(from: URL, to: string, entries: string[]): Promise<void> {
  for (const entry of entries) {
    const source = new URL(entry, from).pathname;
    const info = await Deno.stat(source);
    if (info.isFile) {
      await Deno.copyFile(source, `${to}/${entry}`);
      continue;
    }
    await Deno.mkdir(`${to}/${entry}`, { recursive: true });
    for await (const item of Deno.readDir(source)) {
      await copy(from, to, [`${entry}/${item.name}`]);
    }
  }
}

describe("a renamed property of the contract", () => {
  it("fails deno check after deno task gen, in each file that reads it", async () => {
    const scratch = await Deno.makeTempDir({ prefix: "parley-rename-" });
    try {
      await Deno.mkdir(`${scratch}/scripts`);
      await copy(root, scratch, [
        "deno.json",
        "deno.lock",
        "mod.ts",
        "server.ts",
        "src",
        "gen",
        "openapi",
        "scripts/gen.ts",
      ]);
      // Unchanged, the copy type-checks: what fails below fails because of the renames.
      const before = await run(scratch, ["check", "mod.ts", "server.ts", "src/"]);
      assert.equal(before.code, 0, before.output);

      const spec = `${scratch}/openapi/client-api.yaml`;
      let yaml = await Deno.readTextFile(spec);
      for (const { schema, property } of renames) yaml = renameProperty(yaml, schema, property);
      await Deno.writeTextFile(spec, yaml);
      const gen = await run(scratch, ["task", "gen"]);
      assert.equal(gen.code, 0, gen.output);

      const after = await run(scratch, ["check", "mod.ts", "server.ts", "src/"]);
      assert.notEqual(after.code, 0, "deno check passed after the renames");
      const found = diagnostics(after.output, `${scratch}/`);
      for (const { schema, property, reader } of renames) {
        assert.ok(
          found.some((d) => d.file === reader && d.message.includes(`'${property}'`)),
          `renaming ${schema}.${property} fails no check in ${reader}; diagnostics:\n${after.output}`,
        );
      }
    } finally {
      await Deno.remove(scratch, { recursive: true });
    }
  });
});
