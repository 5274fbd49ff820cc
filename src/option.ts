/**
 * Option values for partial updates (`updateConversation`): `some(v)` sets a field (and
 * `some(null)` clears it), `none()` leaves it as it is. See DESIGN.md §4 for the full table.
 *
 * `Option` is also a value, as in the official SDK: `Option.Some`, `Option.None`,
 * `Option.Companion.of(v)`, and the methods every Option has (`orNull`, `map`, `unwrapOr`, …).
 *
 * Options carry a registry symbol on their prototype, so a plain object that happens to look like
 * `{ kind: "some", value }` (custom data, say) is never mistaken for an Option, while two copies of
 * this package (the Deno and the npm build in one app) still recognise each other's values.
 *
 * @module
 */

const BRAND = Symbol.for("parley.option");

/** The methods every {@link Option} has; the value `Option` is this class. */
export abstract class OptionBase<T> {
  /** `"some"` for {@link Some}, which holds a value; `"none"` for {@link None}. */
  abstract readonly kind: "some" | "none";
  /** The class of Options that hold a value. */
  declare static readonly Some: typeof Some;
  /** The class of the Option that holds nothing. */
  declare static readonly None: typeof None;

  /** `of(v)`: `Some(v)`, or `None` when `v` is `null` or `undefined`. */
  static get Companion(): { of<T>(value: T | null | undefined): Option<T> } {
    return { of: (value) => value == null ? none() : some(value) };
  }

  /** The value, or `null` for None. */
  orNull(): T | null {
    return this.unwrapOr(null as T);
  }

  /** True when this is a Some holding `value` (compared with `Object.is`). */
  contains<R>(value: R): boolean {
    return this.mapOr(false, (v) => Object.is(v, value));
  }

  /** Some(f(value)) for a Some, None for None. */
  map<R>(f: (value: T) => R): Option<R> {
    return this.mapOr(none(), (v) => some(f(v)));
  }

  /** f(value) for a Some, `fallback` for None. */
  mapOr<R>(fallback: R, f: (value: T) => R): R {
    return this.mapOrElse(() => fallback, f);
  }

  /** f(value) for a Some, `fallback()` for None. */
  mapOrElse<R>(fallback: () => R, f: (value: T) => R): R {
    return this instanceof Some ? f(this.value) : fallback();
  }

  /** Like {@link map}, but None when `f` returns `null` or `undefined`. */
  mapNotNull<R>(f: (value: T) => R | null | undefined): Option<R | null> {
    return this.mapOr(none(), (v) => OptionBase.Companion.of(f(v)));
  }

  /** The value of a Some, or `fallback` for None. */
  unwrapOr(fallback: T): T {
    return this.mapOr(fallback, (v) => v);
  }

  /** True for two Nones, or two Somes whose values are the same (`Object.is`). */
  equals(other: unknown): boolean {
    return isOption(other) && other.kind === this.kind && other.mapOr(true, (v) => this.contains(v));
  }

  /** A number that is the same for Options that are {@link equals}. */
  hashCode(): number {
    return this.mapOr(0, (v) => [...String(v)].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7));
  }
}
Object.defineProperty(OptionBase.prototype, BRAND, { value: true });

/** An Option that holds a value: the field is set to `value` (`null` clears it). */
export class Some<T> extends OptionBase<T> {
  /** Discriminant. */
  readonly kind = "some" as const;
  /** Wraps `value`; prefer {@link some}. */
  constructor(
    /** The value to set. */
    readonly value: T,
  ) {
    super();
    Object.freeze(this);
  }

  /** A Some holding `value` (by default, the same value). */
  copy(value: T = this.value): Some<T> {
    return new Some(value);
  }

  /** `Some(value=…)`. */
  override toString(): string {
    return `Some(value=${this.value})`;
  }
}

/** The Option that holds nothing: the field is left as it is. */
export class None<T = never> extends OptionBase<T> {
  /** Discriminant. */
  readonly kind = "none" as const;
  /** Prefer {@link none}, which always returns the same None. */
  constructor() {
    super();
    Object.freeze(this);
  }

  /** `None`. */
  override toString(): string {
    return "None";
  }
}
Object.assign(OptionBase, { Some, None });

/** Either a value to set ({@link Some}) or "leave as is" ({@link None}); narrow it by `kind`. */
export type Option<T> = Some<T> | None<T>;
/** The Option class, as a value: `Option.Some`, `Option.None`, `Option.Companion.of`, `instanceof`. */
export const Option: typeof OptionBase = OptionBase;

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
  return new Some(value);
}

const NONE = new None();

/** The "leave as is" Option. */
export function none<T = never>(): Option<T> {
  return NONE;
}

/** `undefined` → None (leave as is); anything else, `null` included, → Some. */
export function mapOption<T>(value?: T): Option<T | null> {
  return value === undefined ? none() : some(value);
}

/** True when `value` is an Option made by {@link some} or {@link none} (of any copy of this package). */
export function isOption(value: unknown): value is Option<unknown> {
  return typeof value === "object" && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
}
