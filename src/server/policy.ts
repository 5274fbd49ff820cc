/**
 * The access policy: who may do what to a conversation. Every operation on a conversation asks it
 * before changing or revealing anything, and a refusal is a 403 `system:error:permission` naming the
 * action.
 *
 * The default ({@link DEFAULT_POLICY}) keeps a conversation to the people its creator lets in: its
 * creator and invited users join; its creator and its members (also those who left) find it; its
 * creator and its invited and joined members read its members and events;
 * joined members send; its creator and joined members invite; only its creator changes, deletes it and
 * removes other members. {@link OPEN_CONVERSATIONS} is for apps whose users find conversations by name
 * and join them uninvited: anyone finds and joins, and joined members change and delete too.
 * `startServer({ policy })` takes either, or any rules of one's own over the default.
 *
 * @module
 */
import type { Caller } from "./contract.ts";
import { ApiError } from "./problems.ts";
import type { ConversationRecord, MemberRecord, MemberState, Store } from "./store.ts";

/** What a user asks to do with a conversation. */
export type Action = "find" | "join" | "read" | "send" | "invite" | "change" | "delete" | "kick";

/** Who asks, about which conversation: what a rule decides on. */
export interface AccessRequest {
  /** The acting user's name (the `sub` of the token). */
  user: string;
  /** The conversation's id. */
  conversationId: string;
  /** The conversation's name. */
  conversationName: string;
  /** Whether the acting user created the conversation. */
  creator: boolean;
  /** The acting user's membership in it, if any. */
  membership: MemberState | undefined;
}

/** Answers whether a request is allowed. */
export type AccessRule = (request: AccessRequest) => boolean;

/** One rule per action. */
export interface AccessPolicy {
  /** Read the conversation itself, by id or by name. */
  find: AccessRule;
  /** Become a joined member (asked also when accepting an invitation). */
  join: AccessRule;
  /** Read its members, events and call legs. */
  read: AccessRule;
  /** Send events (also needs a joined membership, which every event is sent from). */
  send: AccessRule;
  /** Invite users. */
  invite: AccessRule;
  /** Change its name, display name, image and properties. */
  change: AccessRule;
  /** Delete it with all its members and events. */
  delete: AccessRule;
  /** End another user's membership (leaving one's own is always allowed). */
  kick: AccessRule;
}

const member = (r: AccessRequest) => r.membership === "INVITED" || r.membership === "JOINED";
const joined = (r: AccessRequest) => r.membership === "JOINED";

/** The safe default: a conversation is its creator's and its members'. */
export const DEFAULT_POLICY: Readonly<AccessPolicy> = Object.freeze<AccessPolicy>({
  // Members who left still find it (their membership is embedded), without reading its history.
  find: (r) => r.creator || r.membership !== undefined,
  join: (r) => r.creator || r.membership === "INVITED",
  read: (r) => r.creator || member(r),
  send: joined,
  invite: (r) => r.creator || joined(r),
  change: (r) => r.creator,
  delete: (r) => r.creator,
  kick: (r) => r.creator,
});

/** For apps whose users find conversations by name and join them uninvited. */
export const OPEN_CONVERSATIONS: Readonly<AccessPolicy> = Object.freeze<AccessPolicy>({
  ...DEFAULT_POLICY,
  find: () => true,
  join: () => true,
  change: (r) => r.creator || joined(r),
  delete: (r) => r.creator || joined(r),
});

const WHAT: Record<Action, string> = {
  find: "read",
  join: "join",
  read: "read the members and events of",
  send: "send events to",
  invite: "invite users to",
  change: "change",
  delete: "delete",
  kick: "remove other members from",
};

/** Applies a policy to the store's records. */
export class Access {
  #store: Store;
  #policy: AccessPolicy;

  /** `policy` overrides rules of {@link DEFAULT_POLICY}. */
  constructor(store: Store, policy: Partial<AccessPolicy> = {}) {
    this.#store = store;
    this.#policy = { ...DEFAULT_POLICY, ...policy };
  }

  /**
   * The caller's membership (any state) when the policy lets the caller do `action` with the
   * conversation; 403 `system:error:permission` otherwise.
   */
  require(action: Action, caller: Caller, conversation: ConversationRecord): MemberRecord | undefined {
    const membership = this.#store.memberOf(conversation.id, caller.user.id);
    const allowed = this.#policy[action]({
      user: caller.user.name,
      conversationId: conversation.id,
      conversationName: conversation.name,
      creator: conversation.createdBy === caller.user.id,
      membership: membership?.state,
    });
    if (!allowed) {
      throw new ApiError(
        "system:error:permission",
        `The access policy does not let ${caller.user.name} ${WHAT[action]} ${conversation.id}.`,
      );
    }
    return membership;
  }
}
