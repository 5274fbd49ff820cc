/**
 * "My member id in each conversation": the session user's memberships, the one place that knows
 * them. The facade needs the id to send events and to leave; the inbox needs to know when a
 * membership of the user's own starts or ends, because that is where a conversation's sequence of
 * ids starts afresh (ordering.ts).
 *
 * Ids are learnt from `joinConversation`, from the user's own `member:joined` pushes (a join on
 * another device), or read once from `GET …/members/me`; a `member:left` of the user forgets one.
 *
 * @module
 */
import type { WireAnyPushedEvent } from "../wire.ts";
import type { Http } from "./http.ts";
import { toMember } from "./resources.ts";
import { MEMBER } from "./wire_readers.ts";

/** A pushed member event (past the edge check). */
export type MemberPush = Extract<
  WireAnyPushedEvent,
  { type: "member:invited" | "member:joined" | "member:left" }
>;

/** The session user's member id per conversation. */
export class Memberships {
  readonly #http: () => Http;
  readonly #me: () => string | undefined;
  readonly #ids = new Map<string, string>();

  /** `http` reads `members/me` when an id is not known; `me` is the session user's id. */
  constructor(http: () => Http, me: () => string | undefined) {
    this.#http = http;
    this.#me = me;
  }

  /** The user's member id in `conversationId`: known, or read once from `members/me`. */
  async of(conversationId: string): Promise<string> {
    const known = this.#ids.get(conversationId);
    if (known) return known;
    const { id } = toMember(
      await this.#http().call(
        "members/me",
        (api) =>
          api.GET("/v0.3/conversations/{conversation_id}/members/me", {
            params: { path: { conversation_id: conversationId } },
          }),
        MEMBER,
      ),
    );
    this.#ids.set(conversationId, id);
    return id;
  }

  /** The user joined `conversationId` as `memberId`. */
  joined(conversationId: string, memberId: string): void {
    this.#ids.set(conversationId, memberId);
  }

  /** The user is no member of `conversationId` any more (left it, or it was deleted). */
  left(conversationId: string): void {
    this.#ids.delete(conversationId);
  }

  /** A new session: nothing is known. */
  clear(): void {
    this.#ids.clear();
  }

  /**
   * Whether a push starts (`member:invited`, `member:joined`) or ends (`member:left`) a membership
   * of the session user's own; `undefined` for every other push.
   */
  change(push: MemberPush): "starts" | "ends" | undefined {
    const me = this.#me();
    if (me === undefined || push.body.user.id !== me) return undefined;
    if (push.type === "member:invited" || push.type === "member:joined") return "starts";
    return push.type === "member:left" ? "ends" : undefined;
  }

  /** Keeps the ids true to a delivered push of the user's own join or departure. */
  observe(push: MemberPush): void {
    if (this.change(push) === undefined) return;
    if (push.type === "member:joined") this.joined(push.cid, push.body.member_id);
    else if (push.type === "member:left") this.left(push.cid);
  }
}
