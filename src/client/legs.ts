/**
 * Call legs: the edge checks of the leg answers (wire-protocol.md §6.5) and their mapping to `Leg`
 * and pages of legs. Like resources.ts, the mappers take the generated shapes, checked at the edge
 * by `Http.call` against the shapes below. Part of the voice chunk, loaded on first use.
 *
 * @module
 */
import type { WireLeg, WireLegCreated, WireLegsPage, WireMediaState } from "../wire.ts";
import { cursorsOf } from "./resources.ts";
import type { Leg, LegsPage, MediaState } from "./voice_types.ts";
import type { Shape } from "./wire_readers.ts";

/** A media state: all six flags (optional where it appears). */
export const MEDIA_STATE: Shape<WireMediaState> = {
  "?": true,
  mute: "boolean",
  earmuff: "boolean",
  play_stream: "boolean",
  recording: "boolean",
  transcribing: "boolean",
  tts: "boolean",
};

/** A leg (`GET /v0.3/legs/{id}`, list items). */
export const LEG: Shape<WireLeg> = {
  id: "string",
  type: "string",
  direction: "string",
  conversation_id: "string",
  status: "string",
  start_time: "string",
  end_time: "string",
  from: "object",
  to: "object",
  media_state: MEDIA_STATE,
};

/** A page of legs (`GET …/legs`). */
export const LEGS_PAGE: Shape<WireLegsPage> = { _embedded: { legs: [LEG] }, _links: "object" };

/** The answer of `POST /v0.3/legs`: the call id and the media server's SDP answer. */
export const LEG_CREATED: Shape<WireLegCreated> = { rtc_id: "string", sdp: "string" };

const MEDIA_KEYS = [
  "mute",
  "earmuff",
  "play_stream",
  "recording",
  "transcribing",
  "tts",
] as const satisfies readonly (keyof WireMediaState)[];

/** A leg; its media flags are OR-ed with `callMedia`, the call conversation's, when given. */
export function toLeg(leg: WireLeg, callMedia: MediaState | null = null): Leg {
  const own = leg.media_state;
  return {
    id: leg.id,
    type: leg.type,
    direction: leg.direction,
    conversationId: leg.conversation_id,
    status: leg.status,
    startTime: leg.start_time,
    endTime: leg.end_time,
    from: { type: leg.from.type ?? "", user: leg.from.user ?? null, number: leg.from.number ?? null },
    to: { type: leg.to.type ?? "", user: leg.to.user ?? null, number: leg.to.number ?? null },
    mediaState: own || callMedia
      ? Object.fromEntries(
        MEDIA_KEYS.map((k) => [k, !!own?.[k] || !!callMedia?.[k]]),
      ) as unknown as MediaState
      : null,
  };
}

/** A page of legs, each with `callMedia` merged in. */
export function toLegsPage(page: WireLegsPage, callMedia: MediaState | null): LegsPage {
  return { legs: page._embedded.legs.map((leg) => toLeg(leg, callMedia)), ...cursorsOf(page._links) };
}
