/**
 * Call legs: their wire form, and the two pushes a leg's life produces. `leg:status:update` goes to
 * every party of the call and names the leg's user in `_embedded.from_user`, which is how the
 * official client tells the other parties' legs (reported) from its own (not reported). `rtc:hangup`
 * carries every body key the official client requires.
 *
 * @module
 */
import type { WireLeg, WireMediaState } from "../wire.ts";
import type { Context } from "./context.ts";
import type { MediaReport } from "./media/media_server.ts";
import type { LegRecord, MemberRecord } from "./store.ts";

/** The statuses a `leg:status:update` may carry (the official client knows no others). */
export type LegStatus = "ringing" | "answered" | "completed";

/** Why a leg ended, as its `rtc:hangup` reports it. */
export interface HangupCause {
  /** Machine-readable reason, e.g. `LOCAL_HANGUP`, `REMOTE_REJECT`. */
  code: string;
  /** Human-readable reason. */
  text: string;
  /** SIP status; 487 on an unanswered invitation means it timed out. */
  sip: number;
}

/** Media flags with everything off. */
export function noMedia(): WireMediaState {
  return {
    mute: false,
    earmuff: false,
    play_stream: false,
    tts: false,
    recording: false,
    transcribing: false,
  };
}

/** The wire form of a leg. */
export function legView(leg: LegRecord): WireLeg {
  return {
    id: leg.id,
    conversation_id: leg.conversationId,
    status: leg.status,
    start_time: leg.startTime,
    end_time: leg.endTime,
    direction: leg.direction,
    type: "app",
    from: leg.from,
    to: leg.to,
    media_state: leg.mediaState,
  };
}

/** The member whose channel is the leg, if it has one. */
export function legMember(ctx: Context, leg: LegRecord): MemberRecord | undefined {
  const member = ctx.store.memberOf(leg.conversationId, leg.userId);
  return member?.channel.id === leg.id ? member : undefined;
}

/** User ids of the invited and joined members of a conversation: the parties of the call in it. */
export function parties(ctx: Context, conversationId: string): string[] {
  return ctx.store.members(conversationId).filter((m) => m.state !== "LEFT").map((m) => m.userId);
}

/** Gives the leg a new status and tells every party (`leg:status:update`); answers the new record. */
export function setStatus(ctx: Context, leg: LegRecord, status: LegStatus): LegRecord {
  const now = new Date().toISOString();
  const changed: LegRecord = { ...leg, status, ...status === "completed" ? { endTime: now } : {} };
  ctx.store.putLeg(changed);
  ctx.log.record({
    conversationId: leg.conversationId,
    type: "leg:status:update",
    from: legMember(ctx, leg)?.id,
    body: {
      direction: leg.direction,
      leg_id: leg.id,
      status,
      type: "app",
      statusHistory: [{ status, date: now }],
    },
  }, parties(ctx, leg.conversationId));
  return changed;
}

/**
 * Records the leg's `rtc:hangup`, pushed to the call's joined members and to the leg's own user, with
 * what its media carried (`media`, from the media server's own statistics of the leg).
 */
export function recordHangup(ctx: Context, leg: LegRecord, cause: HangupCause, media: MediaReport): void {
  const member = legMember(ctx, leg);
  ctx.log.record({
    conversationId: leg.conversationId,
    type: "rtc:hangup",
    from: member?.id,
    body: {
      channel: member?.channel ?? { type: "app", id: leg.id },
      bandwidth: media.bandwidth,
      reason: { code: cause.code, text: cause.text, sip_code: cause.sip },
      quality: media.quality,
      direction: leg.direction,
    },
  }, [leg.userId]);
}
