/**
 * `updateConversation` parameters → PATCH body, with the Option rules of DESIGN.md §4:
 *
 * | the caller passes for a field         | sent         |
 * | ------------------------------------- | ------------ |
 * | key left out, `none()` or `undefined` | nothing      |
 * | `v` or `some(v)`                      | `v`          |
 * | `null` or `some(null)`                | JSON `null`  |
 *
 * `ttl`, `customSortKey` and `customData` travel inside `properties`, which is left out when none
 * of them changes. Clearing both `customSortKey` and `customData` sends
 * `"properties": {"custom_sort_key": null, "custom_data": null}` (the official SDK sends
 * `"properties": null` for that; servers accept both, and the object form says exactly which keys
 * change). Clearing `ttl` sends `"ttl": null` (the official SDK sends `0`).
 *
 * @module
 */
import { isOption } from "../option.ts";
import type { WireUpdateConversation } from "../wire.ts";
import { invalidArgument } from "./failures.ts";
import type { UpdateConversationParameters } from "./types.ts";
import { checkCustomData, checkString } from "./validate.ts";

/** What the caller asked for one field: `undefined` = keep, `{ value: null }` = clear. */
type Change = { value: unknown } | undefined;

function change(value: unknown): Change {
  if (value === undefined) return undefined;
  if (isOption(value)) {
    return value.kind === "some" && value.value !== undefined ? { value: value.value } : undefined;
  }
  return { value };
}

/** The PATCH body for `params`; throws before any request when a value is not acceptable. */
export function toUpdateBody(params: UpdateConversationParameters): WireUpdateConversation {
  if (typeof params !== "object" || params === null) {
    throw invalidArgument('updateConversation needs a parameters object, e.g. { displayName: "Support" }');
  }
  const body: WireUpdateConversation = {};
  const name = change(params.name);
  if (name) {
    if (name.value === null) {
      throw invalidArgument("name cannot be cleared: pass a new name, or leave the key out to keep it");
    }
    body.name = checkString(name.value, "name");
  }
  const displayName = change(params.displayName);
  if (displayName) body.display_name = nullable(displayName.value, checkString, "displayName");
  const imageUrl = change(params.imageUrl);
  if (imageUrl) body.image_url = nullable(imageUrl.value, checkString, "imageUrl");

  const properties: NonNullable<WireUpdateConversation["properties"]> = {};
  const ttl = change(params.ttl);
  if (ttl) properties.ttl = nullable(ttl.value, checkTtl, "ttl");
  const sortKey = change(params.customSortKey);
  if (sortKey) properties.custom_sort_key = nullable(sortKey.value, checkString, "customSortKey");
  const data = change(params.customData);
  if (data) properties.custom_data = nullable(data.value, checkCustomData, "customData");
  if (ttl || sortKey || data) body.properties = properties;
  return body;
}

function nullable<T>(value: unknown, check: (value: unknown, what: string) => T, what: string): T | null {
  return value === null ? null : check(value, what);
}

/** A time-to-live: whole seconds, zero or more. */
export function checkTtl(value: unknown, what = "ttl"): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw invalidArgument(`${what} must be a whole number of seconds (0 or more), got ${String(value)}`);
  }
  return value;
}
