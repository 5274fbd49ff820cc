/**
 * The call emulation: what becomes of a call once `serverCall` has placed it. The answer handler's
 * NCCO routes it (see ncco.ts); this file rings callees, connects them, moves callers into named
 * conversations, says text, and ends legs.
 *
 * Audio is the {@link MediaServer}'s: a callee is offered the server's own SDP, a connected leg is
 * bridged in the conversation it is in, NCCO `talk` is spoken into the call (the next action waits for
 * it), and a leg whose media fails ends with `RING_TIMER`, which the official client reports as
 * `MEDIA_TIMEOUT`, before its member leaves.
 *
 * Legs end the way the official client reads them. An unanswered invitation ends with `rtc:hangup`
 * and then `member:left` (SIP 487 when it rang out, reported as `RemoteTimeout`, else `RemoteCancel`).
 * A leg the other side ends gets `member:left` first, whose reason code (`remote_rejected`,
 * `ring_timer`, `remote_hangup`) becomes the caller's hangup reason, and then `rtc:hangup`.
 *
 * @module
 */
import { newConversation } from "./conversations.ts";
import type { Context } from "./context.ts";
import { type HangupCause, legMember, noMedia, recordHangup, setStatus } from "./legs.ts";
import { invite, join, leave, type LeaveReason } from "./members.ts";
import {
  type AnswerHandler,
  type CallInfo,
  type ConnectAction,
  DEFAULT_RING_SECONDS,
  defaultAnswer,
  type Ncco,
  readNcco,
  type TalkAction,
} from "./ncco.ts";
import type { MediaFailure, MediaServer } from "./media/media_server.ts";
import type { LegRecord, MemberRecord } from "./store.ts";

/** How a leg ends: the reason its member leaves with, and what its `rtc:hangup` says. */
interface Ending {
  left: LeaveReason;
  cause: HangupCause;
}

function ending(left: string, code: string, text: string, sip: number): Ending {
  return { left: { code: left, text }, cause: { code, text, sip } };
}

// Ends of a caller's or connected callee's leg, by what happened on the other side.
const REMOTE_HANGUP = ending("remote_hangup", "REMOTE_HANGUP", "call-ended-by-remote", 200);
const REJECTED = ending("remote_rejected", "REMOTE_REJECT", "call-rejected-by-callee", 603);
const NO_ANSWER = ending("ring_timer", "REMOTE_NO_ANSWER", "no-answer", 480);
// Ends of an invitation that was never answered.
const CANCELLED = ending("remote_cancel", "REMOTE_CANCEL", "call-cancelled-by-caller", 200);
const RANG_OUT = ending("ring_timer", "RING_TIMER", "no-answer", 487);
// The end of a leg whose media failed: told first by its rtc:hangup, whose code the clients read as a
// media timeout; the member's leaving follows with the same reason.
const mediaFailed = (reason: MediaFailure) => ending("media_failed", "RING_TIMER", reason, 408);

type Outcome = "answered" | "rejected" | "timeout" | "cancelled";

/** A call in progress: the caller's leg and, once `connect` ran, the callee's. */
interface Call {
  caller: string;
  callee?: string | undefined;
  /** Settles the `connect` that is ringing the callee. */
  ring?: ((outcome: Outcome) => void) | undefined;
  connected: boolean;
  ended: boolean;
}

/** Routes calls and keeps the state of those in progress. */
export class CallFlow {
  #ctx: Context;
  #answer: AnswerHandler;
  #media: MediaServer;
  #calls = new Map<string, Call>(); // by caller and callee leg id
  #timers = new Set<ReturnType<typeof setTimeout>>();

  /** Creates the flow; `answer` routes new calls (default: {@link defaultAnswer}). */
  constructor(ctx: Context, media: MediaServer, answer: AnswerHandler = defaultAnswer) {
    this.#ctx = ctx;
    this.#media = media;
    this.#answer = answer;
  }

  /** Routes a call that was just placed: runs the NCCO its answer handler returns. Never rejects. */
  async route(info: CallInfo): Promise<void> {
    const call: Call = { caller: info.callId, connected: false, ended: false };
    this.#calls.set(call.caller, call);
    try {
      let ncco: Ncco = [];
      try {
        ncco = readNcco(await this.#answer(info));
      } catch (err) {
        console.error(`reference server: the answer handler failed for call ${info.callId}:`, err);
      }
      let end = REMOTE_HANGUP;
      for (const action of ncco) {
        if (call.ended) return;
        if (action.action === "talk") await this.#talk(call, action);
        else if (action.action === "conversation") return this.#move(call, action.name);
        else {
          const outcome = await this.#connect(call, action);
          if (outcome === "answered" || outcome === "cancelled") return;
          end = outcome === "rejected" ? REJECTED : NO_ANSWER;
        }
      }
      if (!call.ended) this.#finish(call, call.caller, end);
    } catch (err) {
      console.error(`reference server: call ${info.callId} failed:`, err);
      if (!call.ended) this.#finish(call, call.caller, REMOTE_HANGUP);
    }
  }

  /** The SDP answer for `legId` arrived; answers whether that connected a ringing callee. */
  answered(legId: string): boolean {
    const call = this.#calls.get(legId);
    if (!call?.ring || call.callee !== legId) return false;
    call.connected = true;
    this.#status(legId, "answered");
    this.#status(call.caller, "answered");
    call.ring("answered");
    return true;
  }

  /** The member of `legId` left by its own request (hangup, reject, cancel); ends what depends on it. */
  left(legId: string): void {
    const call = this.#calls.get(legId);
    if (!call || call.ended) return;
    if (call.ring) {
      // Still ringing: the callee declined, or the caller gave up.
      if (legId === call.caller) call.ended = true;
      return call.ring(legId === call.caller ? "cancelled" : "rejected");
    }
    if (legId === call.caller || call.connected) {
      const other = legId === call.caller ? call.callee : call.caller;
      call.ended = true;
      if (other) this.#end(other, REMOTE_HANGUP, false);
      this.#forget(call);
    }
  }

  /** The media of `legId` failed: its client is told (`rtc:hangup`), its member leaves, the call ends. */
  mediaFailed(legId: string, reason: MediaFailure): void {
    const leg = this.#ctx.store.leg(legId);
    if (!leg || leg.status === "completed") return;
    this.#end(legId, mediaFailed(reason), true);
    this.left(legId);
  }

  /** Stops the ring timers (the server is closing). */
  close(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  /** Speaks the text into the call; resolves when it has played (at once if nobody can hear it). */
  async #talk(call: Call, action: TalkAction): Promise<void> {
    const { log, store } = this.#ctx;
    const conversationId = store.leg(call.caller)!.conversationId;
    const say_id = crypto.randomUUID();
    const speech = { text: action.text, level: action.level ?? 0, loop: action.loop ?? 1, queue: true };
    log.record({
      conversationId,
      type: "audio:say",
      body: { say_id, ...speech, voice_name: "amy", ssml: false },
    });
    await this.#media.say(conversationId, { ...speech, voiceName: "amy", ssml: false });
    log.record({ conversationId, type: "audio:say:done", body: { say_id } });
  }

  /** Rings the endpoint's user and waits until they answer, reject or ring out, or the caller gives up. */
  async #connect(call: Call, action: ConnectAction): Promise<Outcome> {
    const { store } = this.#ctx;
    const callerLeg = store.leg(call.caller)!;
    const conversation = store.conversation(callerLeg.conversationId)!;
    const caller = store.user(callerLeg.userId)!;
    const callee = store.userByName(action.endpoint[0].user);
    // Nobody by that name, or the caller themself (already in the call): as good as a rejection.
    if (!callee || callee.id === caller.id) return "rejected";
    const leg: LegRecord = {
      id: crypto.randomUUID(),
      conversationId: conversation.id,
      userId: callee.id,
      status: "ringing",
      direction: "outbound",
      from: { type: "app", user: caller.name },
      to: { type: "app", user: callee.name },
      startTime: new Date().toISOString(),
      endTime: "",
      mediaState: noMedia(),
    };
    // The callee is offered the media server's own SDP; its answer comes back to the server.
    const sdp = await this.#media.offer(leg.id);
    if (call.ended) {
      this.#media.end(leg.id);
      return "cancelled";
    }
    try {
      invite(this.#ctx, conversation, callee, { type: "app", id: leg.id, from: leg.from, to: leg.to }, {
        by: caller.name,
        from: legMember(this.#ctx, callerLeg)?.id,
        audio: true,
        sdp,
      });
    } catch (err) {
      this.#media.end(leg.id);
      throw err;
    }
    store.putLeg(leg);
    call.callee = leg.id;
    this.#calls.set(leg.id, call);
    this.#status(leg.id, "ringing");
    const outcome = await new Promise<Outcome>((resolve) => {
      const timer = setTimeout(() => call.ring?.("timeout"), (action.timeout ?? DEFAULT_RING_SECONDS) * 1000);
      this.#timers.add(timer);
      call.ring = (outcome) => {
        clearTimeout(timer);
        this.#timers.delete(timer);
        call.ring = undefined;
        resolve(outcome);
      };
    });
    if (outcome === "timeout") this.#end(leg.id, RANG_OUT, true);
    if (outcome === "cancelled") this.#finish(call, leg.id, CANCELLED, true);
    return outcome;
  }

  /** Moves the caller's leg into the conversation `name` (`rtc:transfer`); the call stays there. */
  #move(call: Call, name: string): void {
    const ctx = this.#ctx;
    const { store } = ctx;
    const leg = store.leg(call.caller)!;
    const user = store.user(leg.userId)!;
    const old = legMember(ctx, leg)!;
    let target = store.conversationByName(name);
    if (!target) store.putConversation(target = newConversation(ctx, user.id, name));
    if (target.id === leg.conversationId) return;
    const channel = old.channel;
    store.putLeg({ ...leg, conversationId: target.id });
    this.#media.connect(leg.id, target.id);
    const existing = store.memberOf(target.id, user.id);
    let member: MemberRecord = existing?.state === "JOINED" ? existing : join(ctx, target, user, channel);
    // A membership from before (chat, or an invitation) now carries the call.
    if (member.channel.id !== leg.id) store.putMember(member = { ...member, channel });
    store.putMember({
      ...old,
      state: "LEFT",
      timestamp: { ...old.timestamp, left: new Date().toISOString() },
    });
    ctx.log.record({
      conversationId: target.id,
      type: "rtc:transfer",
      from: member.id,
      body: { was_member: old.id, user_id: user.id, transferred_from: leg.conversationId, channel },
    });
  }

  /** Ends `legId` for the reason given and, with it, the call. */
  #finish(call: Call, legId: string, why: Ending, invitation = false): void {
    call.ended = true;
    this.#end(legId, why, invitation);
    this.#forget(call);
  }

  /** Ends a leg its user did not hang up: status, then `member:left` and `rtc:hangup` in the order its client reads. */
  #end(legId: string, why: Ending, invitation: boolean): void {
    const ctx = this.#ctx;
    const leg = ctx.store.leg(legId);
    if (!leg || leg.status === "completed") return;
    const member = legMember(ctx, leg);
    const done = this.#status(legId, "completed")!;
    const media = this.#media.end(legId);
    if (invitation) recordHangup(ctx, done, why.cause, media);
    const conversation = ctx.store.conversation(leg.conversationId);
    if (member && member.state !== "LEFT" && conversation) leave(ctx, conversation, member, why.left);
    if (!invitation) recordHangup(ctx, done, why.cause, media);
  }

  #status(legId: string, status: "ringing" | "answered" | "completed"): LegRecord | undefined {
    const leg = this.#ctx.store.leg(legId);
    return leg && setStatus(this.#ctx, leg, status);
  }

  #forget(call: Call): void {
    this.#calls.delete(call.caller);
    if (call.callee) this.#calls.delete(call.callee);
  }
}
