/**
 * Calls: legs, knocking, SDP exchange, hangup and the `audio:*` events, to the extent the official
 * client's signalling needs (wire protocol §13). Media is not carried: a leg gets a syntactically
 * valid SDP answer and stays up until hung up.
 *
 * An outbound call (`serverCall`) is `POST /v0.3/legs` (the leg, whose id is the call id) followed by
 * `POST /v0.3/knocking`, which creates the call conversation; right after answering it, the server
 * makes the caller a joined member whose `channel.id` is the leg id, which is the `member:joined` push
 * the client waits for. Hanging up is leaving that conversation: `rtc:hangup`, then `member:left`.
 * Routing a call to another user is not done here yet.
 *
 * @module
 */
import type { WireChannel, WireCreateEvent, WireLeg } from "../wire.ts";
import { conversationById, newConversation, pageRequest, requireMember } from "./conversations.ts";
import type { Context } from "./context.ts";
import { paginate } from "./cursors.ts";
import { type AudioHandler, created } from "./events.ts";
import { type Handlers, pageHref } from "./http.ts";
import { join, leave, type LeaveReason } from "./members.ts";
import { ApiError } from "./problems.ts";
import type { ConversationRecord, JsonObject, LegRecord, MemberRecord } from "./store.ts";

/** The call logic: its operations, the `audio:*` events, and the hangup of a leaving member. */
export class Calls {
  #ctx: Context;

  /** Creates the call logic over the shared context. */
  constructor(ctx: Context) {
    this.#ctx = ctx;
  }

  /** The voice operations. */
  handlers(): Handlers {
    const ctx = this.#ctx;
    const { store } = ctx;
    return {
      createLeg: ({ caller, body }) => {
        const offer = (body as { body: { offer: { sdp: string } } }).body.offer.sdp;
        const leg: LegRecord = {
          id: crypto.randomUUID(),
          conversationId: "",
          userId: caller.user.id,
          status: "started",
          direction: "outbound",
          from: { type: "app", user: caller.user.name },
          to: {},
          startTime: new Date().toISOString(),
          endTime: "",
          mediaState: noMedia(),
        };
        store.putLeg(leg);
        return { status: 201, body: { rtc_id: leg.id, sdp: answerFor(offer) } };
      },

      getLeg: ({ caller, params }) => {
        const leg = this.#leg(params.leg_id as string);
        const member = leg.conversationId === ""
          ? undefined
          : store.memberOf(leg.conversationId, caller.user.id);
        if (leg.userId !== caller.user.id && !member) {
          throw new ApiError("system:error:permission", "Only the call's members may read its legs.");
        }
        return { status: 200, body: legView(leg) };
      },

      listLegs: ({ caller, params, url }) => {
        const conversation = conversationById(ctx, params.conversation_id as string);
        requireMember(ctx, conversation, caller, ["INVITED", "JOINED"], "read its legs");
        const page = paginate(
          store.legs(conversation.id),
          (leg) => [leg.startTime, leg.id],
          pageRequest(params),
          `legs:${conversation.id}`,
          (cursor) => pageHref(url, cursor),
        );
        return {
          status: 200,
          body: {
            page_size: params.page_size ?? 10,
            _embedded: { legs: page.items.map(legView) },
            _links: page.links,
          },
        };
      },

      createKnocking: ({ caller, body }) => {
        const request = body as {
          channel: WireChannel & { id: string };
          properties?: { custom_data?: JsonObject };
        };
        const leg = this.#leg(request.channel.id);
        if (leg.userId !== caller.user.id) {
          throw new ApiError("system:error:permission", "That leg is not yours.");
        }
        if (leg.conversationId !== "") {
          throw new ApiError("conversation:error:invalid-state", `Leg ${leg.id} is already connected.`);
        }
        const conversation = newConversation(ctx, caller.user.id, `call:${leg.id}`);
        if (request.properties?.custom_data) conversation.customData = request.properties.custom_data;
        store.putConversation(conversation);
        const connected: LegRecord = {
          ...leg,
          conversationId: conversation.id,
          from: { ...request.channel.from ?? leg.from },
          to: { ...request.channel.to ?? {} },
        };
        store.putLeg(connected);
        const knocking = {
          id: `KNO-${crypto.randomUUID()}`,
          legId: leg.id,
          userId: caller.user.id,
          conversationId: conversation.id,
        };
        store.putKnocking(knocking);
        const channel: WireChannel = { type: "app", id: leg.id, knocking_id: knocking.id };
        if (request.channel.from) channel.from = request.channel.from;
        if (request.channel.to) channel.to = request.channel.to;
        // The client learns the call id from this answer, so the push that completes the call follows it.
        return {
          status: 201,
          body: { id: knocking.id },
          after: () => join(ctx, conversation, caller.user, channel),
        };
      },

      deleteKnocking: ({ caller, params }) => {
        const knocking = store.knocking(params.knocking_id as string);
        if (!knocking) throw new ApiError("voice:error:no_call_found", `No knocking ${params.knocking_id}.`);
        if (knocking.userId !== caller.user.id) {
          throw new ApiError("system:error:permission", "That call is not yours.");
        }
        const conversation = store.conversation(knocking.conversationId);
        const member = conversation && store.memberOf(conversation.id, caller.user.id);
        if (conversation && member && member.state !== "LEFT") {
          const reason = { code: "LOCAL_CANCEL", text: "call-cancelled" };
          this.beforeLeave(conversation, member, reason);
          leave(ctx, conversation, member, reason);
        }
        return { status: 204 };
      },

      sendRtcAnswer: ({ caller, params }) => {
        const { leg } = this.#callLeg(
          params.conversation_id as string,
          params.rtc_id as string,
          caller.user.id,
        );
        store.putLeg({ ...leg, status: "answered" });
        return { status: 200, body: { id: crypto.randomUUID() } };
      },

      sendRtcOffer: ({ caller, params, body }) => {
        const { conversation, leg, member } = this.#callLeg(
          params.conversation_id as string,
          params.rtc_id as string,
          caller.user.id,
        );
        const offer = (body as { body: { offer: { sdp: string } } }).body.offer.sdp;
        // The answer to a renegotiation arrives as an `rtc:answer` push, for the caller only.
        const after = () =>
          ctx.log.transient({
            conversationId: conversation.id,
            type: "rtc:answer",
            from: member.id,
            body: { rtc_id: leg.id, answer: answerFor(offer) },
          }, [caller.user.id]);
        return { status: 200, body: { id: crypto.randomUUID() }, after };
      },
    };
  }

  /** Handles `audio:say`, `audio:mute:*`, `audio:earmuff:*` and `audio:dtmf` events. */
  readonly audio: AudioHandler = (conversation, member, request: WireCreateEvent) => {
    const ctx = this.#ctx;
    const type: string = request.type;
    const body = request.body as JsonObject;
    const draft = { conversationId: conversation.id, type, from: member.id };

    if (type === "audio:say") {
      const say = {
        say_id: crypto.randomUUID(),
        text: body.text,
        level: body.level ?? 1,
        loop: body.loop ?? 1,
        queue: body.queue ?? true,
        voice_name: body.voice_name ?? "amy",
        ssml: body.ssml ?? true,
      };
      return created(ctx.log.record({ ...draft, body: say }));
    }
    if (type === "audio:dtmf") {
      const legId = (body.channel as WireChannel).id;
      if (legId !== undefined) this.#legIn(conversation, legId);
      return created(ctx.log.record({ ...draft, body }));
    }
    // audio:mute:on|off and audio:earmuff:on|off switch a flag of the leg.
    const [, flag, onOff] = type.split(":") as [string, "mute" | "earmuff", string];
    const leg = this.#legIn(conversation, body.rtc_id as string);
    ctx.store.putLeg({ ...leg, mediaState: { ...leg.mediaState, [flag]: onOff === "on" } });
    return created(ctx.log.record({ ...draft, body }));
  };

  /** Hangs up the member's call leg, if it has one: the leg completes and `rtc:hangup` is recorded. */
  readonly beforeLeave = (
    conversation: ConversationRecord,
    member: MemberRecord,
    reason: LeaveReason,
  ): void => {
    const ctx = this.#ctx;
    const legId = member.channel.id;
    const leg = legId === undefined ? undefined : ctx.store.leg(legId);
    if (!leg || leg.conversationId !== conversation.id || leg.status === "completed") return;
    ctx.store.putLeg({ ...leg, status: "completed", endTime: new Date().toISOString() });
    ctx.log.record({
      conversationId: conversation.id,
      type: "rtc:hangup",
      from: member.id,
      body: {
        channel: member.channel,
        bandwidth: { bytes_in: 0, bytes_out: 0 },
        reason: { code: reason.code ?? "LOCAL_HANGUP", text: reason.text ?? "call-hangup", sip_code: 200 },
        quality: {
          mos_score: 0,
          quality_percentage: 0,
          jitter_min_var: 0,
          jitter_max_var: 0,
          jitter_loss_rate: 0,
          jitter_burst_rate: 0,
          flaw_total: 0,
          packet_cnt: 0,
          packet_loss_perc: 0,
        },
        direction: leg.direction,
      },
    });
  };

  #leg(id: string): LegRecord {
    const leg = this.#ctx.store.leg(id);
    if (!leg) throw new ApiError("voice:error:no_call_found", `No call leg ${id}.`);
    return leg;
  }

  #legIn(conversation: ConversationRecord, id: string): LegRecord {
    const leg = this.#ctx.store.leg(id);
    if (!leg || leg.conversationId !== conversation.id) {
      throw new ApiError("voice:error:no_call_found", `No call leg ${id} in ${conversation.id}.`);
    }
    return leg;
  }

  #callLeg(conversationId: string, legId: string, userId: string) {
    const ctx = this.#ctx;
    const conversation = conversationById(ctx, conversationId);
    const member = ctx.store.memberOf(conversation.id, userId);
    if (!member || member.state === "LEFT") {
      throw new ApiError(
        "system:error:permission",
        `Only invited and joined members of ${conversation.id} may do this.`,
      );
    }
    return { conversation, member, leg: this.#legIn(conversation, legId) };
  }
}

function noMedia() {
  return {
    mute: false,
    earmuff: false,
    play_stream: false,
    tts: false,
    recording: false,
    transcribing: false,
  };
}

function legView(leg: LegRecord): WireLeg {
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

/**
 * A syntactically valid SDP answer to `offer`: one audio section with Opus, answering the offer's
 * first `mid` (browsers refuse answers whose mids do not match). No media will flow.
 */
export function answerFor(offer: string): string {
  const mid = /^a=mid:(\S+)/m.exec(offer)?.[1] ?? "0";
  const hex = (n: number) =>
    Array.from(crypto.getRandomValues(new Uint8Array(n)), (b) => b.toString(16).padStart(2, "0"));
  const sessionId = BigInt(`0x${hex(7).join("")}`).toString();
  return [
    "v=0",
    `o=- ${sessionId} 2 IN IP4 127.0.0.1`,
    "s=-",
    "t=0 0",
    `a=group:BUNDLE ${mid}`,
    "a=msid-semantic: WMS",
    "m=audio 9 UDP/TLS/RTP/SAVPF 111",
    "c=IN IP4 0.0.0.0",
    "a=rtcp:9 IN IP4 0.0.0.0",
    `a=ice-ufrag:${hex(4).join("")}`,
    `a=ice-pwd:${hex(12).join("")}`,
    `a=fingerprint:sha-256 ${hex(32).join(":").toUpperCase()}`,
    "a=setup:active",
    `a=mid:${mid}`,
    "a=sendrecv",
    "a=rtcp-mux",
    "a=rtpmap:111 opus/48000/2",
    "a=fmtp:111 minptime=10;useinbandfec=1",
    "",
  ].join("\r\n");
}
