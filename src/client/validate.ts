/**
 * Checks of caller input, run before any request. Each returns the value in its wire form or
 * throws a `VonageError` (`internal:error:illegal_argument_exception`) whose message says what to
 * fix. Ordinary text is never refused: quotes, `<`, `>` and `&` are sent as they are.
 *
 * @module
 */
import { invalidArgument } from "./failures.ts";
import type { JsonObject, Location } from "./types.ts";

/** Largest page the API serves. */
export const MAX_PAGE_SIZE = 100;

/** A non-empty string id (conversation, member, user, session). */
export function checkId(value: unknown, what: string): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw invalidArgument(`${what} must be a non-empty string, got ${show(value)}`);
  }
  return value;
}

/** An event id: a non-negative integer. */
export function checkEventId(value: unknown, what = "eventId"): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw invalidArgument(`${what} must be a non-negative integer, got ${show(value)}`);
  }
  return value;
}

/** A string argument (may be empty). */
export function checkString(value: unknown, what: string): string {
  if (typeof value !== "string") throw invalidArgument(`${what} must be a string, got ${show(value)}`);
  return value;
}

/** `pageSize`: absent, or an integer from 1 to 100. */
export function checkPageSize(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE) {
    throw invalidArgument(`pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${show(value)}`);
  }
  return value;
}

/** `order`: absent, `asc` or `desc` (any case), sent in upper case. */
export function checkOrder(value: unknown): "ASC" | "DESC" | undefined {
  if (value === undefined || value === null) return undefined;
  const upper = typeof value === "string" ? value.toUpperCase() : "";
  if (upper === "ASC" || upper === "DESC") return upper;
  throw invalidArgument(`order must be "asc" or "desc", got ${show(value)}`);
}

/** `orderBy`: absent, `created` or `custom_sort_key`. */
export function checkOrderBy(value: unknown): "created" | "custom_sort_key" | undefined {
  if (value === undefined || value === null) return undefined;
  const lower = typeof value === "string" ? value.toLowerCase() : "";
  if (lower === "created" || lower === "custom_sort_key") return lower;
  throw invalidArgument(`orderBy must be "created" or "custom_sort_key", got ${show(value)}`);
}

/** `cursor`: absent or a non-empty string. */
export function checkCursor(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return checkId(value, "cursor");
}

/**
 * The paging query of a list: `order`, `page_size` and `cursor`, checked in that order, then the
 * keys of `more()`; keys whose value is `undefined` are left out (the order stays that of the wire).
 */
export function pageQuery(
  p: { order?: unknown; pageSize?: unknown; cursor?: unknown },
  more?: () => Record<string, unknown>,
): Record<string, unknown> {
  const query = {
    order: checkOrder(p.order),
    page_size: checkPageSize(p.pageSize),
    cursor: checkCursor(p.cursor),
    ...more?.(),
  };
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined));
}

/** Application data: an object, or a string holding a JSON object. */
export function checkCustomData(value: unknown, what = "customData"): JsonObject {
  let data = value;
  if (typeof value === "string") {
    try {
      data = JSON.parse(value);
    } catch {
      throw invalidArgument(`${what} is a string but not JSON: pass an object or a JSON object string`);
    }
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw invalidArgument(`${what} must be a JSON object, got ${show(value)}`);
  }
  return data as JsonObject;
}

/** A media URL: a `URL`, or a string that parses as an absolute URL. */
export function checkUrl(value: unknown, what: string): string {
  if (value instanceof URL) return value.href;
  if (typeof value === "string") {
    try {
      return new URL(value).href;
    } catch {
      // fall through to the error below
    }
  }
  throw invalidArgument(`${what} must be a URL or an absolute URL string, got ${show(value)}`);
}

const COORDINATE = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;

/** A location: latitude and longitude required (strings or numbers), name and address optional. */
export function checkLocation(
  value: unknown,
): { latitude: string; longitude: string; name?: string; address?: string } {
  if (typeof value !== "object" || value === null) {
    throw invalidArgument(`location must be an object with latitude and longitude, got ${show(value)}`);
  }
  const location = value as Partial<Location>;
  const out: { latitude: string; longitude: string; name?: string; address?: string } = {
    latitude: coordinate(location.latitude, "latitude", 90),
    longitude: coordinate(location.longitude, "longitude", 180),
  };
  if (location.name !== undefined && location.name !== null) {
    out.name = checkString(location.name, "location.name");
  }
  if (location.address !== undefined && location.address !== null) {
    out.address = checkString(location.address, "location.address");
  }
  return out;
}

function coordinate(value: unknown, what: string, limit: number): string {
  const text = typeof value === "number" && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== "string" || !COORDINATE.test(text) || Math.abs(Number(text)) > limit) {
    throw invalidArgument(
      `location.${what} must be a decimal number from -${limit} to ${limit} (string or number), got ${
        show(value)
      }`,
    );
  }
  return text;
}

/** A short, safe rendering of a bad value for error messages. */
function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? value.slice(0, 40) + "…" : value);
  if (value instanceof URL) return value.href;
  if (typeof value === "object" && value !== null) return Array.isArray(value) ? "an array" : "an object";
  return String(value);
}
