/**
 * The call operations (wire protocol §3.5 and §13): legs, knocking, SDP exchange, and the `audio:*`
 * events. Audio is the {@link MediaServer}'s: it answers a caller's SDP offer with its own, applies a
 * callee's answer, bridges connected legs, plays `say`, and acts on mute and earmuff. What happens to
 * a call once placed is the {@link CallFlow}'s business.
 *
 * An outbound call (`serverCall`) is `POST /v0.3/legs` (the leg, whose id is the call id) followed by
 * `POST /v0.3/knocking`, which creates the call conversation; right after answering it, the server
 * makes the caller a joined member whose `channel.id` is the leg id (the `member:joined` push the
 * client waits for) and routes the call. Hanging up is leaving the call conversation: the leg
 * completes (`leg:status:update`, `rtc:hangup`), then `member:left`, then the flow ends what depended
 * on the leg.
 *
 * @module
 */
import type { WireChannel } from "../wire.ts";
import { CallFlow } from "./call_flow.ts";
import { checkCustomData, conversationById, newConversation } from "./conversations.ts";
import type { Context } from "./context.ts";
import type { Handlers } from "./contract.ts";
import { type AudioHandler, created } from "./events.ts";
import { ascending, listPage } from "./pages.ts";
import { legView, noMedia, recordHangup, setStatus } from "./legs.ts";
import { join, leave, type LeaveHooks } from "./members.ts";
import type { MediaServer } from "./media/media_server.ts";
import type { AnswerHandler } from "./ncco.ts";
import { ApiError } from "./problems.ts";
import { answerFor } from "./sdp.ts";
import { LEG_LIMITS, type LegLimits, PendingLegs } from "./pending_legs.ts";
import type { ConversationRecord, LegRecord, MemberRecord, UserRecord } from "./store.ts";

/** The call logic: its operations, the `audio:*` events, and what happens around a call member's leaving. */
export class Calls {
  #ctx: Context;
  #flow: CallFlow;
  /** The legs' peer connections and the bridges between them. */
  readonly media: MediaServer;
  #limits: LegLimits;
  /** Legs not yet placed by a knocking. */
  #pending: PendingLegs;
  /** Ids of the legs each user created, pruned of completed ones when counted. */
  #legsOf = new Map<string, Set<string>>();

  /** Creates the call logic over the shared context; `answer` routes new calls. */
  constructor(ctx: Context, media: MediaServer, answer?: AnswerHandler, limits: LegLimits = LEG_LIMITS) {
    this.#ctx = ctx;
    this.media = media;
    this.#flow = new CallFlow(ctx, media, answer);
    media.onFailure = (legId, reason) => {
      console.error(`reference server: the media of leg ${legId} failed (${reason}); the leg ends`);
      this.#flow.mediaFailed(legId, reason);
    };
    this.#limits = limits;
    // A leg never placed is completed, and its peer connection closed.
    this.#pending = new PendingLegs(limits.offerTtlMs, (legId) => {
      const leg = ctx.store.leg(legId);
      if (leg && leg.conversationId === "" && leg.status !== "completed") {
        ctx.store.putLeg({ ...leg, status: "completed", endTime: new Date().toISOString() });
        media.end(legId);
      }
    });
  }

  /** Stops the timers of calls in progress and of legs waiting to be placed, and ends their media. */
  close(): void {
    this.#flow.close();
    this.#pending.close();
    this.media.close();
  }

  /** Refuses a new leg when the user holds too many, before anything is stored. */
  #assertRoomForLeg(user: UserRecord): void {
    const { legsPerUser, offersPerUser, offerTtlMs } = this.#limits;
    const waiting = this.#pending.countOf(user.id);
    if (waiting >= offersPerUser) {
      throw new ApiError(
        "leg:error:maximum-number-of-legs",
        `${user.name} has ${waiting} legs not placed yet; place one, or create more once they expire ` +
          `(${offerTtlMs / 1000} s after creation).`,
      );
    }
    const ids = this.#legsOf.get(user.id) ?? new Set<string>();
    for (const id of ids) {
      if (this.#ctx.store.leg(id)?.status !== "completed") continue;
      ids.delete(id);
    }
    if (ids.size >= legsPerUser) {
      throw new ApiError(
        "leg:error:maximum-number-of-legs",
        `${user.name} has ${ids.size} legs that have not ended; hang up a call first.`,
      );
    }
    this.#legsOf.set(user.id, ids);
  }

  /** The voice operations. */
  handlers() {
    const ctx = this.#ctx;
    const { store } = ctx;
    return {
      "POST /v0.3/legs": async ({ caller, body }) => {
        this.#assertRoomForLeg(caller.user);
        const offer = body.body.offer.sdp;
        const leg: LegRecord = {
          id: crypto.randomUUID(),
          conversationId: "",
          userId: caller.user.id,
          status: "started",
          // The client calls in to the application.
          direction: "inbound",
          from: { type: "app", user: caller.user.name },
          to: {},
          startTime: new Date().toISOString(),
          endTime: "",
          mediaState: noMedia(),
        };
        store.putLeg(leg);
        this.#legsOf.get(caller.user.id)!.add(leg.id);
        this.#pending.add(leg.id, caller.user.id);
        const sdp = await this.media.answer(leg.id, offer) ?? answerFor(offer);
        return { status: 201, body: { rtc_id: leg.id, sdp } };
      },

      "GET /v0.3/legs/{leg_id}": ({ caller, params }) => {
        const leg = this.#leg(params.path.leg_id);
        const member = leg.conversationId === ""
          ? undefined
          : store.memberOf(leg.conversationId, caller.user.id);
        if (leg.userId !== caller.user.id && !member) {
          throw new ApiError("system:error:permission", "Only the call's members may read its legs.");
        }
        return { status: 200, body: legView(leg) };
      },

      "GET /v0.3/conversations/{conversation_id}/legs": ({ caller, params: { path, query }, url }) => {
        const conversation = conversationById(ctx, path.conversation_id);
        ctx.access.require("read", caller, conversation);
        const page = listPage(query, url, {
          name: "legs",
          scope: `legs:${conversation.id}`,
          sorted: ascending(store.legs(conversation.id), (leg) => [leg.startTime, leg.id]),
          keyOf: (leg) => [leg.startTime, leg.id],
          view: legView,
        });
        return { status: 200, body: page };
      },

      "POST /v0.3/knocking": ({ caller, body: request }) => {
        const leg = this.#leg(request.channel.id);
        if (leg.userId !== caller.user.id) {
          throw new ApiError("system:error:permission", "That leg is not yours.");
        }
        if (leg.conversationId !== "") {
          throw new ApiError("conversation:error:invalid-state", `Leg ${leg.id} is already connected.`);
        }
        if (leg.status === "completed") {
          throw new ApiError(
            "conversation:error:invalid-state",
            `Leg ${leg.id} was not placed in time and has expired; create a new one.`,
          );
        }
        checkCustomData(request.properties?.custom_data);
        const context = request.properties?.custom_data ?? {};
        const conversation = newConversation(ctx, caller.user.id, `call:${leg.id}`);
        if (request.properties?.custom_data) conversation.customData = context;
        store.putConversation(conversation);
        const connected: LegRecord = {
          ...leg,
          conversationId: conversation.id,
          // The application takes the call at once; where it goes is up to the answer handler.
          status: "answered",
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
        this.#pending.take(leg.id);
        const to = typeof context.to === "string" && context.to !== ""
          ? context.to
          : request.channel.to?.number;
        const info = {
          callId: leg.id,
          conversationId: conversation.id,
          from: caller.user.name,
          ...to ? { to } : {},
          context,
        };
        // The client learns the call id from this answer, so the push that completes the call follows it.
        return {
          status: 201,
          body: { id: knocking.id },
          after: () => {
            join(ctx, conversation, caller.user, channel);
            this.media.connect(leg.id, conversation.id);
            void this.#flow.route(info);
          },
        };
      },

      "DELETE /v0.3/knocking/{knocking_id}": ({ caller, params }) => {
        const knocking = store.knocking(params.path.knocking_id);
        if (!knocking) {
          throw new ApiError("voice:error:no_call_found", `No knocking ${params.path.knocking_id}.`);
        }
        if (knocking.userId !== caller.user.id) {
          throw new ApiError("system:error:permission", "That call is not yours.");
        }
        const conversation = store.conversation(knocking.conversationId);
        const member = conversation && store.memberOf(conversation.id, caller.user.id);
        if (conversation && member && member.state !== "LEFT") {
          const reason = { code: "LOCAL_CANCEL", text: "call-cancelled" };
          this.leaveHooks.before(conversation, member, reason);
          leave(ctx, conversation, member, reason);
          this.leaveHooks.after(conversation, member, reason);
        }
        return { status: 204 };
      },

      "POST /v0.3/conversations/{conversation_id}/rtc/{rtc_id}/answer": async (
        { caller, params: { path }, body },
      ) => {
        const { leg, member } = this.#ownLeg(path.conversation_id, path.rtc_id, caller.user.id);
        if (leg.status === "ringing" && member.state !== "JOINED") {
          throw new ApiError(
            "conversation:error:invalid-state",
            "Accept the invitation first (PUT the member with state joined), then send the SDP answer.",
          );
        }
        await this.media.accept(leg.id, body.body.answer);
        this.media.connect(leg.id, leg.conversationId);
        if (!this.#flow.answered(leg.id)) store.putLeg({ ...leg, status: "answered" });
        return { status: 200, body: { id: crypto.randomUUID() } };
      },

      "POST /v0.3/conversations/{conversation_id}/rtc/{rtc_id}/offer": async (
        { caller, params: { path }, body },
      ) => {
        const { conversation, leg, member } = this.#ownLeg(path.conversation_id, path.rtc_id, caller.user.id);
        const offer = body.body.offer.sdp;
        const answer = await this.media.renegotiate(leg.id, offer) ?? answerFor(offer);
        // The answer to a renegotiation arrives as an `rtc:answer` push, for the caller only.
        const after = () =>
          ctx.log.transient({
            conversationId: conversation.id,
            type: "rtc:answer",
            from: member.id,
            body: { rtc_id: leg.id, answer },
          }, [caller.user.id]);
        return { status: 200, body: { id: crypto.randomUUID() }, after };
      },
    } satisfies Partial<Handlers>;
  }

  /**
   * Handles `audio:say`, `audio:mute:*`, `audio:earmuff:*` and `audio:dtmf`: each needs the sender's
   * own leg, live, in the conversation. `audio:say` is spoken into the conversation and followed by
   * `audio:say:done` when it has played (at once when no leg there carries media).
   */
  readonly audio: AudioHandler = (conversation, member, request) => {
    const ctx = this.#ctx;
    const draft = { conversationId: conversation.id, type: request.type, from: member.id };

    if (request.type === "audio:say") {
      this.#liveLeg(conversation, member, member.channel.id);
      const { body } = request;
      const say = {
        say_id: crypto.randomUUID(),
        text: body.text,
        level: body.level ?? 1,
        loop: body.loop ?? 1,
        queue: body.queue ?? true,
        voice_name: body.voice_name ?? "amy",
        ssml: body.ssml ?? true,
      };
      const event = ctx.log.record({ ...draft, body: say });
      const speech = {
        text: String(say.text ?? ""),
        voiceName: String(say.voice_name),
        level: Number(say.level),
        loop: Number(say.loop),
        queue: say.queue !== false,
        ssml: say.ssml !== false,
      };
      void this.media.say(conversation.id, speech).then(() =>
        ctx.log.record({ ...draft, type: "audio:say:done", body: { say_id: say.say_id } })
      );
      return created(event);
    }
    if (request.type === "audio:dtmf") {
      this.#liveLeg(conversation, member, request.body.channel.id);
      return created(ctx.log.record({ ...draft, body: request.body }));
    }
    // audio:mute:on|off and audio:earmuff:on|off switch a flag of the leg.
    const flag = request.type.startsWith("audio:mute:") ? "mute" : "earmuff";
    const on = request.type.endsWith(":on");
    const leg = this.#liveLeg(conversation, member, request.body.rtc_id);
    ctx.store.putLeg({ ...leg, mediaState: { ...leg.mediaState, [flag]: on } });
    this.media.setFlag(leg.id, flag, on);
    return created(ctx.log.record({ ...draft, body: request.body }));
  };

  /** Around a member's leaving: hang up the member's leg before, end what depended on it after. */
  readonly leaveHooks: LeaveHooks = {
    before: (conversation, member, reason) => {
      const ctx = this.#ctx;
      const legId = member.channel.id;
      const leg = legId === undefined ? undefined : ctx.store.leg(legId);
      // Only the member's own leg: a channel naming someone else's must never hang that call up.
      if (
        !leg || leg.conversationId !== conversation.id || leg.userId !== member.userId ||
        leg.status === "completed"
      ) {
        return;
      }
      const done = setStatus(ctx, leg, "completed");
      recordHangup(ctx, done, {
        code: reason.code ?? "LOCAL_HANGUP",
        text: reason.text ?? "call-hangup",
        sip: 200,
      }, this.media.end(leg.id));
    },
    after: (_conversation, member) => {
      const leg = member.channel.id === undefined ? undefined : this.#ctx.store.leg(member.channel.id);
      if (leg?.userId === member.userId) this.#flow.left(leg.id);
    },
  };

  #leg(id: string): LegRecord {
    const leg = this.#ctx.store.leg(id);
    if (!leg) throw new ApiError("voice:error:no_call_found", `No call leg ${id}.`);
    return leg;
  }

  /** The member's own leg `id` in the conversation, not completed. */
  #liveLeg(conversation: ConversationRecord, member: MemberRecord, id: string | undefined): LegRecord {
    const leg = id === undefined ? undefined : this.#ctx.store.leg(id);
    if (!leg || leg.conversationId !== conversation.id || leg.status === "completed") {
      throw new ApiError(
        "voice:error:no_call_found",
        `No call in progress on leg ${id} in ${conversation.id}.`,
      );
    }
    if (leg.userId !== member.userId) {
      throw new ApiError("system:error:permission", `Leg ${id} is not yours.`);
    }
    return leg;
  }

  /** The caller's leg `legId` in the conversation, with the caller's (invited or joined) membership. */
  #ownLeg(conversationId: string, legId: string, userId: string) {
    const ctx = this.#ctx;
    const conversation = conversationById(ctx, conversationId);
    const member = ctx.store.memberOf(conversation.id, userId);
    if (!member || member.state === "LEFT") {
      throw new ApiError(
        "system:error:permission",
        `Only invited and joined members of ${conversation.id} may do this.`,
      );
    }
    const leg = ctx.store.leg(legId);
    if (!leg || leg.conversationId !== conversation.id) {
      throw new ApiError("voice:error:no_call_found", `No call leg ${legId} in ${conversation.id}.`);
    }
    if (leg.userId !== userId) throw new ApiError("system:error:permission", `Leg ${legId} is not yours.`);
    if (leg.status === "completed") {
      throw new ApiError("conversation:error:invalid-state", `The call on leg ${legId} has ended.`);
    }
    return { conversation, member, leg };
  }
}
