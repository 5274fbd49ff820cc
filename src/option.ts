/**
 * Option values for partial updates (`updateConversation`): `some(v)` sets a field (and
 * `some(null)` clears it), `none()` leaves it as it is. See DESIGN.md §4 for the full table.
 *
 * Options carry a registry symbol as their brand, so a plain object that happens to look like
 * `{ kind: "some", value }` (custom data, say) is never mistaken for an Option, while two copies of
 * this package (the Deno and the npm build in one app) still recognise each other's values.
 *
 * @module
 */

const BRAND: unique symbol = Symbol.for("parley.option") as never;

/** An Option that holds a value: the field is set to `value` (`null` clears it). */
export interface Some<T> {
  /** Brand that tells Options apart from plain data. */
  readonly [BRAND]: true;
  /** Discriminant. */
  readonly kind: "some";
  /** The value to set. */
  readonly value: T;
}

/** An Option that holds nothing: the field is left as it is. */
export interface None {
  /** Brand that tells Options apart from plain data. */
  readonly [BRAND]: true;
  /** Discriminant. */
  readonly kind: "none";
}

/** Either a value to set ({@link Some}) or "leave as is" ({@link None}). */
export type Option<T> = Some<T> | None;

/**
 * Wraps a value to set.
 *
 * @example Rename a conversation and clear its display name
 * ```ts
 * import { some } from "./option.ts";
 * const params = { name: some("support"), displayName: some(null) };
 * ```
 */
export function some<T>(value: T): Option<T> {
  return Object.freeze({ [BRAND]: true as const, kind: "some" as const, value });
}

const NONE: None = Object.freeze({ [BRAND]: true as const, kind: "none" as const });

/** The "leave as is" Option. */
export function none<T = never>(): Option<T> {
  return NONE;
}

/** True when `value` is an Option made by {@link some} or {@link none} (of any copy of this package). */
export function isOption(value: unknown): value is Option<unknown> {
  return typeof value === "object" && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
}
