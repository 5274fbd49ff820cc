// A TypeScript consumer of the npm package. `deno task build:npm` copies it into a scratch project
// that installs the built tarball and type-checks it with tsc (`strict`, `skipLibCheck: false`,
// `nodenext` and `bundler` resolution). In this repository, deno.json maps `@parley/client` to
// mod.ts, so `deno task check` checks the same file against the source.
import { none, type Option, some, VonageError, VonageErrorType } from "@parley/client";

const keep: Option<string> = none();
const set: Option<string | null> = some(null);
export const options: Option<string | null>[] = [keep, set, some("name")];

// @ts-expect-error: an Option of a string cannot hold a number
export const wrong: Option<string> = some(1);

export function describe(err: unknown): string {
  if (err instanceof VonageError && err.type === VonageErrorType.CsError) return err.code ?? "";
  return "other";
}
// @ts-expect-error: not an error type the API knows
export const badType: VonageErrorType = "SOMETHING_ELSE";
