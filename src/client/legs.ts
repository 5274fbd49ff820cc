/**
 * Wire → call legs: `Leg` (wire-protocol.md §6.5), pages of legs, and media states. Like the other
 * readers, each throws `internal:error:parsing_exception` when a field it needs is missing.
 *
 * @module
 */
import { parsingError } from "./failures.ts";
import { asObject, cursorOf, stringField } from "./mapping.ts";
import type { Leg, LegChannel, LegsPage, MediaState } from "./voice_types.ts";

const MEDIA_KEYS = ["mute", "earmuff", "play_stream", "recording", "transcribing", "tts"] as const;

/** A media state with all six flags, or `null` when `wire` is not one. */
export function toMediaState(wire: unknown): MediaState | null {
  const m = asObject(wire);
  if (!m || MEDIA_KEYS.some((key) => typeof m[key] !== "boolean")) return null;
  return Object.fromEntries(MEDIA_KEYS.map((key) => [key, m[key]])) as unknown as MediaState;
}

/** A leg; its media flags are OR-ed with `callMedia`, the call conversation's, when given. */
export function toLeg(wire: unknown, callMedia: MediaState | null = null): Leg {
  const w = asObject(wire) ?? {};
  const text = (key: string) => stringField(w, key, "leg");
  const end = (key: string): LegChannel => {
    const c = asObject(w[key]);
    if (!c) throw parsingError(`leg.${key} must be an object`);
    const opt = (k: string) => typeof c[k] === "string" ? c[k] as string : null;
    return { type: opt("type") ?? "", user: opt("user"), number: opt("number") };
  };
  const own = toMediaState(w.media_state);
  return {
    id: text("id"),
    type: text("type"),
    direction: text("direction"),
    conversationId: text("conversation_id"),
    status: text("status"),
    startTime: text("start_time"),
    endTime: text("end_time"),
    from: end("from"),
    to: end("to"),
    mediaState: own || callMedia
      ? Object.fromEntries(
        MEDIA_KEYS.map((k) => [k, !!own?.[k] || !!callMedia?.[k]]),
      ) as unknown as MediaState
      : null,
  };
}

/** A page of legs (`GET …/legs`). */
export function toLegsPage(wire: unknown, callMedia: MediaState | null): LegsPage {
  const p = asObject(wire);
  const links = asObject(p?._links);
  const legs = asObject(p?._embedded)?.legs;
  if (!links || !Array.isArray(legs)) throw parsingError("a legs page needs _embedded.legs and _links");
  return {
    legs: legs.map((leg) => toLeg(leg, callMedia)),
    previousCursor: cursorOf(links, "prev"),
    nextCursor: cursorOf(links, "next"),
  };
}
