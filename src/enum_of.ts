/**
 * Builds the constant maps of the public API (`LoggingLevel`, `SessionErrorReason`, …) from their
 * values, so each value is written once. Every map keeps an explicit type that lists its keys and
 * values, exactly as an `as const` object literal would.
 *
 * @module
 */

/** `{ [key(value)]: value }` for each space-separated value, in order (default key: the value). */
export function enumOf<T>(values: string, key: (value: string) => string = (value) => value): T {
  return Object.fromEntries(values.split(" ").map((value) => [key(value), value])) as T;
}

/** `TRANSPORT_CLOSED` → `TransportClosed`, `sip` → `Sip`. */
export function pascal(value: string): string {
  return value.toLowerCase().replace(/(?:^|_)(.)/g, (_, c: string) => c.toUpperCase());
}

/** `custom_sort_key` → `CUSTOM_SORT_KEY`. */
export function upper(value: string): string {
  return value.toUpperCase();
}
