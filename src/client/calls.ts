/**
 * The calls this client takes part in, kept true to the server's pushes, and the voice callbacks
 * those pushes produce (wire-protocol.md §7.2). Every push passes through here (the inbox taps them
 * before parsing); call signalling is not a conversation event and is never held or reordered.
 *
 * | push                                   | effect                                                           |
 * | -------------------------------------- | ---------------------------------------------------------------- |
 * | `member:invited` with an SDP offer      | a new incoming call: `callInvite(callId, from, channelType)`     |
 * | `member:joined` of our call member      | completes `serverCall`; of an invitation not answered here: `callInviteCancel(AnsweredElsewhere)` |
 * | `member:left` of our call member        | remembers why (the reason of a later `callHangup`)               |
 * | `rtc:hangup` of our leg                 | `callHangup`, or for an unanswered invitation (with its `member:left`) `callInviteCancel` |
 * | `leg:status:update` by another user     | `legStatusUpdate` (each status of a leg once)                    |
 * | `rtc:transfer`                          | our leg: `callTransfer`; another leg into our call: `legStatusUpdate(ANSWERED)` |
 * | `audio:mute:*`, `audio:earmuff:*`, `audio:dtmf` | `mute`, `earmuff`, `dtmf`                                |
 * | `rtc:answer` for our leg                | the answer to a media renegotiation (`reconnectCall`) is applied |
 *
 * Pushes arrive typed (the generated pushed-event union, checked at the edge by the inbox). The edge
 * asks of a call push only that it has a body; keys that a chat server may leave out, or that concern
 * only calls, are read with `?.`, and a push that lacks them concerns no call of ours.
 *
 * @module
 */
import type { WireAnyPushedEvent } from "../wire.ts";
import type { Emitter, VonageEvent } from "./emitter.ts";
import type { CallMedia } from "./call_media.ts";
import type { CancelReason, HangupReason, LegStatus, RTCQuality, VoiceChannelType } from "./voice_types.ts";

/** A call of this client. */
export interface Call {
  /** Call id: this client's leg id. */
  id: string;
  /** The conversation holding the call; empty until an outbound call is joined. */
  conversationId: string;
  /** This client's member id in that conversation. */
  memberId: string;
  /** An invitation to this client (rather than a call it placed). */
  inbound: boolean;
  /** Joined (outbound) or answered (inbound): the call can be controlled. */
  live: boolean;
  /** This client has hung up or rejected it. */
  ending: boolean;
  /** The caller's SDP offer, for an invitation. */
  offer: string;
  /** Its media, once set up. */
  media?: CallMedia | undefined;
  /** Its media failed: the call ends with `MEDIA_TIMEOUT`. */
  mediaFailed?: boolean | undefined;
  /** Completes a `serverCall` waiting for the call to be joined. */
  joined?: (() => void) | undefined;
  /** Reason code of our member's `member:left`, once it came. */
  leftCode?: string | undefined;
  /** SIP code of our leg's `rtc:hangup`, once it came (unanswered invitations). */
  sip?: number | undefined;
  /** The last status reported per leg id. */
  statuses: Record<string, string>;
}

/** Quality figures of a call nobody measured. */
const NO_QUALITY: RTCQuality = {
  mos_score: 0,
  quality_percentage: 0,
  jitter_min_var: 0,
  jitter_max_var: 0,
  jitter_loss_rate: 0,
  jitter_burst_rate: 0,
  flaw_total: 0,
  packet_cnt: 0,
  packet_loss_perc: 0,
};

/** Tracks calls and turns call pushes into voice callbacks. */
export class CallRegistry {
  readonly #calls = new Map<string, Call>();
  readonly #emitter: Emitter<VonageEvent>;
  readonly #me: () => string | undefined;

  /** Creates an empty registry; `me` is the session's user id. */
  constructor(emitter: Emitter<VonageEvent>, me: () => string | undefined) {
    this.#emitter = emitter;
    this.#me = me;
  }

  /** A call by id. */
  get(id: string): Call | undefined {
    return this.#calls.get(id);
  }

  /** Starts tracking a call. */
  add(id: string, inbound: boolean, fields: Partial<Call> = {}): Call {
    const call: Call = {
      id,
      inbound,
      conversationId: "",
      memberId: "",
      live: false,
      ending: false,
      offer: "",
      statuses: {},
      ...fields,
    };
    this.#calls.set(id, call);
    return call;
  }

  /** Stops tracking a call and ends its media. */
  remove(call: Call): void {
    this.#calls.delete(call.id);
    call.media?.close();
  }

  /** The calls, oldest first. */
  list(): Call[] {
    return [...this.#calls.values()];
  }

  /**
   * Ends a call: `callHangup` with the quality figures of our own statistics where the call had
   * WebRTC media, else `serverQuality` (or zeros, without a server).
   */
  end(call: Call, reason: HangupReason, serverQuality: RTCQuality = NO_QUALITY): void {
    this.remove(call);
    this.#emitter.emit("callHangup", call.id, call.media?.quality() ?? serverQuality, reason);
  }

  /** Forgets every call (the session ended). */
  clear(): void {
    for (const call of [...this.#calls.values()]) this.remove(call);
  }

  /** One push, after ordering. Pushes that concern no call of ours change nothing. */
  receive(push: WireAnyPushedEvent): void {
    const cid = push.cid ?? "";
    const inCall = [...this.#calls.values()].find((c) => c.conversationId === cid);
    const emit = this.#emitter.emit.bind(this.#emitter);
    switch (push.type) {
      case "member:invited": {
        const { body } = push, legId = body.channel?.id ?? "", caller = body.channel?.from;
        if (!body.sdp || !this.#mine(body.user.id) || this.#calls.has(legId)) return;
        if (body.media?.audio_settings?.enabled !== true) return;
        this.add(legId, true, { conversationId: cid, memberId: body.member_id, offer: body.sdp });
        const name = caller?.user ?? caller?.number ?? caller?.username ?? caller?.uri ?? "";
        return emit("callInvite", legId, name, (caller?.type ?? "app") as VoiceChannelType);
      }
      case "member:joined": {
        const call = this.#calls.get(push.body.channel?.id ?? "");
        if (!call || !this.#mine(push.body.user.id)) return;
        if (!call.inbound) {
          call.conversationId = cid;
          call.memberId = push.body.member_id;
          call.live = true;
          return call.joined?.();
        }
        // Our invitation joined without an answer from here: another device of the user took it.
        if (!call.live && !call.ending) this.#cancel(call, "AnsweredElsewhere");
        return;
      }
      case "member:left": {
        const { body } = push;
        const left = [...this.#calls.values()].find((c) =>
          c.conversationId === cid && c.memberId === body.member_id
        );
        if (!left) return;
        left.leftCode = body.reason?.code ?? "";
        return this.#inviteEnded(left);
      }
      case "rtc:hangup": {
        const { body } = push, call = this.#calls.get(body.channel?.id ?? "");
        if (!call) return;
        if (call.inbound && !call.live) {
          call.sip = body.reason?.sip_code ?? 0;
          return this.#inviteEnded(call);
        }
        // Every server sends all the quality figures: the official SDK drops an rtc:hangup without them.
        return this.end(call, hangupReason(call, body.reason?.code), body.quality as RTCQuality);
      }
      case "rtc:answer":
        this.#calls.get(push.body.rtc_id ?? "")?.media?.answer(push.body.answer ?? "");
        return;
      case "leg:status:update": {
        const { leg_id: leg, status = "" } = push.body, upper = status.toUpperCase() as LegStatus;
        const by = push._embedded?.from_user?.id;
        if (!inCall || !leg || !by || by === this.#me() || inCall.statuses[leg] === upper) return;
        inCall.statuses[leg] = upper;
        return emit("legStatusUpdate", inCall.id, leg, upper);
      }
      case "rtc:transfer": {
        const legId = push.body.channel?.id ?? "", call = this.#calls.get(legId);
        if (call) {
          call.conversationId = cid;
          call.memberId = push.from ?? call.memberId;
          return emit("callTransfer", call.id, cid);
        }
        if (inCall) emit("legStatusUpdate", inCall.id, legId, "ANSWERED");
        return;
      }
      case "audio:mute:on":
      case "audio:mute:off":
      case "audio:earmuff:on":
      case "audio:earmuff:off":
        if (inCall) {
          const what = push.type.includes("mute") ? "mute" : "earmuff";
          emit(what, inCall.id, push.body.rtc_id ?? "", push.type.endsWith("on"));
        }
        return;
      case "audio:dtmf":
        if (inCall) emit("dtmf", inCall.id, push.body.channel?.id ?? "", push.body.digit ?? "");
    }
  }

  #mine(userId: string | undefined): boolean {
    return userId === this.#me();
  }

  /** An invitation not answered here ends once both its `rtc:hangup` and its `member:left` came. */
  #inviteEnded(call: Call): void {
    if (!call.inbound || call.live || call.leftCode === undefined || call.sip === undefined) return;
    if (call.ending) return this.remove(call); // rejected here: nothing to report
    this.#cancel(
      call,
      call.leftCode.toUpperCase() === "REMOTE_REJECT"
        ? "RejectedElsewhere"
        : call.sip === 487
        ? "RemoteTimeout"
        : "RemoteCancel",
    );
  }

  #cancel(call: Call, reason: CancelReason): void {
    this.remove(call);
    this.#emitter.emit("callInviteCancel", call.id, reason);
  }
}

/** Why a call ended: its media failed or we hung up, else our member's `member:left`, else `rtc:hangup`. */
function hangupReason(call: Call, code = ""): HangupReason {
  if (call.mediaFailed) return "MEDIA_TIMEOUT";
  if (call.ending) return "LOCAL_HANGUP";
  const left = call.leftCode?.toLowerCase();
  if (left === "remote_rejected" || left === "remote_reject" || left === "remote_no_answer") {
    return "REMOTE_REJECT";
  }
  if (left === "ring_timer" || left === "local_cancel") return "REMOTE_NO_ANSWER_TIMEOUT";
  return !left && (code === "RING_TIMER" || code === "LOCAL_CANCEL") ? "MEDIA_TIMEOUT" : "REMOTE_HANGUP";
}
