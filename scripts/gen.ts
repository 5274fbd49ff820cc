/**
 * Generates, from `openapi/client-api.yaml`:
 * - `gen/client-api.ts`, the TypeScript types, with openapi-typescript;
 * - `gen/client-api.document.ts`, the description itself as a JSON value, which the reference
 *   server compiles into request validators (a module, so it loads the same way in Deno, Node and
 *   by URL, with no file reads at run time).
 *
 * `deno task gen` writes the file; `deno task gen:check` only compares and exits 1 when the
 * committed file is not what the YAML generates, so CI catches a YAML edit without regeneration.
 *
 * @module
 */
// deno-lint-ignore no-import-prefix
import openapiTS, { astToString } from "npm:openapi-typescript@7.13.0";
// deno-lint-ignore no-import-prefix
import ts from "npm:typescript@5.9.3";
// deno-lint-ignore no-import-prefix
import { parse } from "npm:yaml@2.9.1";

const SPEC = new URL("../openapi/client-api.yaml", import.meta.url);
const BANNER = "// Generated from openapi/client-api.yaml by scripts/gen.ts (openapi-typescript 7.13.0).\n" +
  "// Do not edit: change the YAML and run `deno task gen`.\n\n";

/** The pattern that marks a custom event type (`custom:<name>`) in the YAML. */
const CUSTOM_TYPE_PATTERN = "^custom:.+";

/**
 * A `custom:<name>` event type is a pattern in OpenAPI, which would generate a plain `string` and
 * stop `event.type === "message"` from narrowing. Emit the template type `custom:${string}` instead.
 */
function customEventType(schema: { type?: unknown; pattern?: unknown }): ts.TypeNode | undefined {
  if (schema.type !== "string" || schema.pattern !== CUSTOM_TYPE_PATTERN) return undefined;
  const f = ts.factory;
  return f.createTemplateLiteralType(f.createTemplateHead("custom:"), [
    f.createTemplateLiteralTypeSpan(
      f.createKeywordTypeNode(ts.SyntaxKind.StringKeyword),
      f.createTemplateTail(""),
    ),
  ]);
}

const yaml = await Deno.readTextFile(SPEC);
const outputs: Record<string, string> = {
  "client-api.ts": BANNER + astToString(await openapiTS(SPEC, { transform: customEventType })),
  "client-api.document.ts": BANNER +
    "/** The OpenAPI description of the client API, as parsed JSON. */\n" +
    `export const document: Record<string, unknown> = ${JSON.stringify(parse(yaml), null, 2)};\n`,
};

const check = Deno.args.includes("--check");
let stale = 0;
for (const [name, fresh] of Object.entries(outputs)) {
  const file = new URL(`../gen/${name}`, import.meta.url);
  if (!check) {
    await Deno.writeTextFile(file, fresh);
    console.log(`wrote gen/${name}`);
  } else if ((await Deno.readTextFile(file).catch(() => "")) !== fresh) {
    console.error(`gen/${name} is stale: it is not what openapi/client-api.yaml generates.`);
    stale++;
  }
}
if (stale > 0) {
  console.error("Fix: run `deno task gen` (or `npx -y deno@2.9.6 task gen`) and commit the files in gen/.");
  Deno.exit(1);
}
if (check) console.log("gen/ is up to date with openapi/client-api.yaml.");
