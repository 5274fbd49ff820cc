/**
 * Memberships: invite, join, read, list, answer an invitation, leave. A user has at most one
 * membership per conversation; inviting or joining again after leaving reuses it (same member id).
 *
 * Who may do what is the access policy's (policy.ts): who joins, invites, reads the members and
 * removes others; a user joins only as themself and may always leave. Every change is recorded as
 * a `member:*` event: `member:invited` reaches the joined members and the invited user, `member:left`
 * the joined members including the one leaving.
 *
 * @module
 */
import type { WireChannel, WireMember } from "../wire.ts";
import { conversationById } from "./conversations.ts";
import type { Context } from "./context.ts";
import type { Caller, Handlers } from "./contract.ts";
import { ascending, listPage } from "./pages.ts";
import { ApiError } from "./problems.ts";
import type { ConversationRecord, JsonObject, MemberRecord, UserRecord } from "./store.ts";
import { userView } from "./users.ts";

/** Most invited and joined members a conversation may have. */
export const MEMBER_LIMIT = 1000;

/** Why a member left, carried into `member:left` as `body.reason`. */
export interface LeaveReason {
  /** Machine-readable reason, e.g. `REMOTE_REJECT`. */
  code?: string;
  /** Human-readable reason. */
  text?: string;
}

/** Called around a member's leaving. */
export type LeaveHook = (
  conversation: ConversationRecord,
  member: MemberRecord,
  reason: LeaveReason,
) => void;

/** What runs around a member's leaving: the call logic hangs up the leg before and ends the call after. */
export interface LeaveHooks {
  /** Runs before `member:left` is recorded. */
  before: LeaveHook;
  /** Runs after `member:left` is recorded. */
  after: LeaveHook;
}

/** The wire form of a member. */
export function memberView(ctx: Context, member: MemberRecord): WireMember {
  const user = ctx.store.user(member.userId);
  const view: WireMember = {
    id: member.id,
    state: member.state,
    channel: member.channel,
    timestamp: member.timestamp,
  };
  if (user) view._embedded = { user: userView(user) };
  return view;
}

/** Makes `user` a joined member (new, invited or left before) and records `member:joined`. */
export function join(
  ctx: Context,
  conversation: ConversationRecord,
  user: UserRecord,
  channel: WireChannel,
): MemberRecord {
  const existing = ctx.store.memberOf(conversation.id, user.id);
  if (existing?.state === "JOINED") {
    throw new ApiError(
      "conversation:error:member-already-joined",
      `${user.name} has already joined ${conversation.id}.`,
    );
  }
  if (existing?.state !== "INVITED") assertRoom(ctx, conversation);
  const member = upsert(
    ctx,
    conversation,
    user,
    existing,
    "JOINED",
    existing?.state === "INVITED" ? existing.channel : channel,
  );
  ctx.log.record({
    conversationId: conversation.id,
    type: "member:joined",
    from: member.id,
    body: memberBody(member, user),
    timestamp: member.timestamp.joined,
  });
  return member;
}

/** Ends a membership and records `member:left` (also pushed to the member leaving). */
export function leave(
  ctx: Context,
  conversation: ConversationRecord,
  member: MemberRecord,
  reason: LeaveReason,
): void {
  const user = ctx.store.user(member.userId)!;
  const time = now();
  const left: MemberRecord = { ...member, state: "LEFT", timestamp: { ...member.timestamp, left: time } };
  ctx.store.putMember(left);
  const body = memberBody(left, user);
  if (reason.code !== undefined || reason.text !== undefined) body.reason = { ...reason };
  ctx.log.record(
    { conversationId: conversation.id, type: "member:left", from: member.id, body, timestamp: time },
    [user.id],
  );
}

/** Who sends an invitation, and what its `member:invited` carries beyond the usual. */
export interface Invitation {
  /** User name of the inviter (`invited_by`). */
  by: string;
  /** Member id of the inviter, if a member. */
  from?: string | undefined;
  /** For calls: `media.audio_settings.enabled: true`. */
  audio?: boolean;
  /** For calls: the caller's SDP offer. */
  sdp?: string;
}

/**
 * Makes `user` an invited member (new, or left before) and records `member:invited`, which reaches the
 * joined members and the invited user.
 */
export function invite(
  ctx: Context,
  conversation: ConversationRecord,
  user: UserRecord,
  channel: WireChannel,
  invitation: Invitation,
): MemberRecord {
  const existing = ctx.store.memberOf(conversation.id, user.id);
  if (existing?.state === "JOINED") {
    throw new ApiError("conversation:error:member-already-joined", `${user.name} has already joined.`);
  }
  if (existing?.state === "INVITED") {
    throw new ApiError("conversation:error:member-already-invited", `${user.name} is already invited.`);
  }
  assertRoom(ctx, conversation);
  const member = upsert(ctx, conversation, user, existing, "INVITED", channel);
  const audio = invitation.audio === true;
  const body: JsonObject = {
    conversation: {
      conversation_id: conversation.id,
      name: conversation.name,
      ...conversation.displayName !== undefined ? { display_name: conversation.displayName } : {},
    },
    ...memberBody(member, user),
    media: { audio_settings: { enabled: audio, earmuffed: false, muted: false } },
    invited_by: invitation.by,
    ...invitation.sdp !== undefined ? { sdp: invitation.sdp } : {},
  };
  ctx.log.record(
    {
      conversationId: conversation.id,
      type: "member:invited",
      from: invitation.from,
      body,
      timestamp: member.timestamp.invited,
    },
    [user.id],
  );
  return member;
}

/** The member operations; `hooks` run around a member's leaving (the call logic hangs up there). */
export function memberHandlers(ctx: Context, hooks: LeaveHooks) {
  const { store } = ctx;

  function memberIn(conversation: ConversationRecord, id: string): MemberRecord {
    const member = store.member(id);
    if (!member || member.conversationId !== conversation.id) {
      throw new ApiError("conversation:error:member-not-found", `No member ${id} in ${conversation.id}.`);
    }
    return member;
  }

  function ownMember(
    conversation: ConversationRecord,
    id: string,
    caller: Caller,
    action: string,
  ): MemberRecord {
    const member = memberIn(conversation, id);
    if (member.userId !== caller.user.id) {
      throw new ApiError("system:error:permission", `Only the member's own user may ${action}.`);
    }
    return member;
  }

  /**
   * Refuses a channel naming another user's call leg: leaving with it would hang up that user's call.
   */
  function assertOwnChannel(channel: WireChannel, user: UserRecord): void {
    const leg = channel.id === undefined ? undefined : store.leg(channel.id);
    if (leg && leg.userId !== user.id) {
      throw new ApiError(
        "system:error:permission",
        `channel.id names call leg ${leg.id}, which is not ${user.name}'s.`,
      );
    }
  }

  return {
    "GET /v0.3/conversations/{conversation_id}/members": ({ caller, params: { path, query }, url }) => {
      const conversation = conversationById(ctx, path.conversation_id);
      ctx.access.require("read", caller, conversation);
      const page = listPage(query, url, {
        name: "members",
        scope: `members:${conversation.id}`,
        sorted: ascending(store.members(conversation.id), (m) => [m.seq]),
        keyOf: (m) => [m.seq],
        view: (m) => memberView(ctx, m),
      });
      return { status: 200, body: page };
    },

    "POST /v0.3/conversations/{conversation_id}/members": ({ caller, params, body: request }) => {
      const conversation = conversationById(ctx, params.path.conversation_id);
      const channel: WireChannel = request.channel ?? { type: "app" };

      if (request.state === "joined") {
        const { id, name } = request.user;
        if (
          (id !== undefined && id !== caller.user.id) || (name !== undefined && name !== caller.user.name)
        ) {
          throw new ApiError(
            "system:error:permission",
            "A user can only join as themself; invite others instead.",
          );
        }
        // Joining twice is answered by join() (409), whatever the policy says about joining.
        if (store.memberOf(conversation.id, caller.user.id)?.state !== "JOINED") {
          ctx.access.require("join", caller, conversation);
        }
        assertOwnChannel(channel, caller.user);
        return { status: 201, body: memberView(ctx, join(ctx, conversation, caller.user, channel)) };
      }

      const inviter = ctx.access.require("invite", caller, conversation);
      const invitee = store.userByName(request.user.name);
      if (!invitee) {
        throw new ApiError(
          "user:error:not-found",
          `No user is named ${JSON.stringify(request.user.name)}; users exist once they have logged in.`,
        );
      }
      assertOwnChannel(channel, invitee);
      const member = invite(ctx, conversation, invitee, channel, {
        by: caller.user.name,
        from: inviter?.id,
      });
      return { status: 201, body: memberView(ctx, member) };
    },

    "GET /v0.3/conversations/{conversation_id}/members/me": ({ caller, params }) => {
      const conversation = conversationById(ctx, params.path.conversation_id);
      const member = store.memberOf(conversation.id, caller.user.id);
      if (!member) {
        throw new ApiError(
          "conversation:error:member-not-found",
          `You have no membership in ${conversation.id}.`,
        );
      }
      return { status: 200, body: memberView(ctx, member) };
    },

    "GET /v0.3/conversations/{conversation_id}/members/{member_id}": ({ caller, params: { path } }) => {
      const conversation = conversationById(ctx, path.conversation_id);
      ctx.access.require("read", caller, conversation);
      return { status: 200, body: memberView(ctx, memberIn(conversation, path.member_id)) };
    },

    "PUT /v0.3/conversations/{conversation_id}/members/{member_id}": ({ caller, params: { path } }) => {
      const conversation = conversationById(ctx, path.conversation_id);
      const member = ownMember(conversation, path.member_id, caller, "accept an invitation");
      if (member.state === "LEFT") {
        throw new ApiError(
          "conversation:error:invalid-state",
          "The invitation was withdrawn or already ended.",
        );
      }
      if (member.state !== "JOINED") ctx.access.require("join", caller, conversation);
      return { status: 200, body: memberView(ctx, join(ctx, conversation, caller.user, member.channel)) };
    },

    "DELETE /v0.2/conversations/{conversation_id}/members/{member_id}": (
      { caller, params: { path, query } },
    ) => {
      const conversation = conversationById(ctx, path.conversation_id);
      const member = memberIn(conversation, path.member_id);
      // Leaving is always allowed; ending someone else's membership is the policy's `kick`.
      const own = member.userId === caller.user.id
        ? member
        : ctx.access.require("kick", caller, conversation);
      if (query.from !== undefined && query.from !== own?.id) {
        throw new ApiError(
          "system:error:permission",
          `from must be your own member id${own ? ` (${own.id})` : ""} or absent.`,
        );
      }
      // Leaving twice is harmless: the second time changes and pushes nothing.
      if (member.state === "LEFT") return { status: 204 };
      const reason: LeaveReason = {};
      if (query.reason_code !== undefined) reason.code = query.reason_code;
      if (query.reason_text !== undefined) reason.text = query.reason_text;
      hooks.before(conversation, member, reason);
      leave(ctx, conversation, member, reason);
      hooks.after(conversation, member, reason);
      return { status: 204 };
    },
  } satisfies Partial<Handlers>;
}

function memberBody(member: MemberRecord, user: UserRecord): JsonObject {
  return { member_id: member.id, user: { id: user.id, name: user.name }, channel: member.channel };
}

function upsert(
  ctx: Context,
  conversation: ConversationRecord,
  user: UserRecord,
  existing: MemberRecord | undefined,
  state: "INVITED" | "JOINED",
  channel: WireChannel,
): MemberRecord {
  const time = now();
  const member: MemberRecord = existing
    ? {
      ...existing,
      state,
      channel,
      timestamp: state === "JOINED" && existing.state === "INVITED"
        ? { ...existing.timestamp, joined: time }
        : { [state === "JOINED" ? "joined" : "invited"]: time },
    }
    : {
      id: `MEM-${crypto.randomUUID()}`,
      conversationId: conversation.id,
      userId: user.id,
      state,
      channel,
      timestamp: { [state === "JOINED" ? "joined" : "invited"]: time },
      seq: ctx.store.nextSeq(),
    };
  ctx.store.putMember(member);
  return member;
}

function assertRoom(ctx: Context, conversation: ConversationRecord): void {
  const active = ctx.store.members(conversation.id).filter((m) => m.state !== "LEFT").length;
  if (active >= MEMBER_LIMIT) {
    throw new ApiError(
      "conversation:error:maximum-number-of-members",
      `${conversation.id} has ${MEMBER_LIMIT} invited and joined members already.`,
    );
  }
}

function now(): string {
  return new Date().toISOString();
}
