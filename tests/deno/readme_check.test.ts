// scripts/check_readme.ts, the gate's check of the README's TypeScript blocks: it must fail on a
// block that does not compile against the API (naming its line), and pass blocks that do, including
// ones that use the names the README takes as given (`client`, `token`).
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { checkReadme, moduleOf, typeScriptBlocks } from "../../scripts/check_readme.ts";

const markdown = [
  "# Sample", // 1
  "", // 2
  "```ts", // 3
  'const id = await client.createConversation({ displayName: "Support" });', // 4
  "await client.sendMessageTextEvent(id, token);", // 5
  "```", // 6
  "", // 7
  "```sh", // 8
  "not typescript", // 9
  "```", // 10
  "```ts", // 11
  "await client.sendMessageTextEvent(42);", // 12
  "```", // 13
].join("\n");

describe("check_readme", () => {
  let file = "";
  before(async () => {
    file = await Deno.makeTempFile({ suffix: ".md" });
    await Deno.writeTextFile(file, markdown);
  });
  after(async () => {
    await Deno.remove(file);
  });

  it("finds the ts blocks and the line each starts on", () => {
    assert.deepEqual(typeScriptBlocks(markdown).map((b) => b.line), [3, 11]);
  });

  it("declares the given names a block uses but does not define", () => {
    const module = moduleOf("await client.createSession(token);");
    assert.match(module, /declare const client/);
    assert.match(module, /declare const token/);
    assert.doesNotMatch(moduleOf("const client = 1;\nclient;"), /declare const client/);
  });

  it("fails on the block that does not compile and passes the one that does", async () => {
    assert.deepEqual(await checkReadme(file), [11]);
  });
});
