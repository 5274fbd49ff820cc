// A pushed frame as the inbox hands it on: read at the edge (wire_readers.ts), so unit tests of what
// comes after the edge (the call registry, the voice layer) get the typed pushes they get in use.
import assert from "node:assert/strict";
import type { WireAnyPushedEvent } from "../../src/wire.ts";
import { readPush } from "../../src/client/wire_readers.ts";

/** When the server recorded a test event. */
export const T = "2026-01-01T10:00:00.000Z";

/** `payload` pushed as `type`, past the edge check (which it must pass). */
export function pushed(type: string, payload: unknown): WireAnyPushedEvent {
  const { push, malformed } = readPush(type, payload);
  assert.ok(push, `${type} must pass the edge check (${malformed ?? "unknown type"})`);
  return push;
}
