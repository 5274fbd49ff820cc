/**
 * Conversations: create, read by id or name, update with absent / value / null semantics, delete,
 * and the list of a user's conversations. Also the lookups and access checks the other operations on
 * a conversation share.
 *
 * Who may find, change or delete a conversation is the access policy's (policy.ts).
 *
 * @module
 */
import type { WireConversation } from "../wire.ts";
import type { Context } from "./context.ts";
import type { Caller, Handlers } from "./contract.ts";
import { ascending, listPage } from "./pages.ts";
import { ApiError } from "./problems.ts";
import type { ConversationRecord, JsonObject, MemberRecord, MemberState } from "./store.ts";

/** Largest `custom_data` of a conversation, in bytes of JSON. */
export const CUSTOM_DATA_LIMIT = 16 * 1024;

/** A conversation by id; 404 `conversation:error:not-found` otherwise. */
export function conversationById(ctx: Context, id: string): ConversationRecord {
  const conversation = ctx.store.conversation(id);
  if (!conversation) throw notFound(id);
  return conversation;
}

/** The caller's membership if it is in one of `states`; 403 `system:error:permission` otherwise. */
export function requireMember(
  ctx: Context,
  conversation: ConversationRecord,
  caller: Caller,
  states: readonly MemberState[],
  action: string,
): MemberRecord {
  const member = ctx.store.memberOf(conversation.id, caller.user.id);
  if (!member || !states.includes(member.state)) {
    const need = states.map((s) => s.toLowerCase()).join(" or ");
    throw new ApiError(
      "system:error:permission",
      `Only ${need} members of ${conversation.id} may ${action}.`,
    );
  }
  return member;
}

/** The wire form of a conversation, with the caller's membership and the media state. */
export function conversationView(
  ctx: Context,
  conversation: ConversationRecord,
  caller: Caller,
  includeCustomData = true,
): WireConversation & { state: "ACTIVE" } {
  const view: WireConversation & { state: "ACTIVE" } = {
    id: conversation.id,
    name: conversation.name,
    state: "ACTIVE",
    timestamp: { created: conversation.created },
    properties: {},
    media_state: { ...conversation.mediaState },
  };
  if (conversation.updated) view.timestamp.updated = conversation.updated;
  if (conversation.displayName !== undefined) view.display_name = conversation.displayName;
  if (conversation.imageUrl !== undefined) view.image_url = conversation.imageUrl;
  if (conversation.ttl !== undefined) view.properties!.ttl = conversation.ttl;
  if (conversation.customSortKey !== undefined) view.properties!.custom_sort_key = conversation.customSortKey;
  if (includeCustomData && conversation.customData !== undefined) {
    view.properties!.custom_data = conversation.customData;
  }
  const member = ctx.store.memberOf(conversation.id, caller.user.id);
  if (member) view._embedded = { member: { id: member.id, state: member.state } };
  return view;
}

/** A new conversation record (not stored yet). */
export function newConversation(ctx: Context, createdBy: string, name?: string): ConversationRecord {
  return {
    id: `CON-${crypto.randomUUID()}`,
    name: name ?? `CON-${crypto.randomUUID()}`,
    seq: ctx.store.nextSeq(),
    created: new Date().toISOString(),
    createdBy,
    mediaState: {
      mute: false,
      earmuff: false,
      play_stream: false,
      tts: false,
      recording: false,
      transcribing: false,
    },
  };
}

/** The conversation operations. */
export function conversationHandlers(ctx: Context) {
  const { store } = ctx;

  function assertNameFree(name: string, except?: string): void {
    const other = store.conversationByName(name);
    if (other && other.id !== except) {
      throw new ApiError(
        "conversation:error:duplicate-name",
        `A conversation named ${JSON.stringify(name)} exists.`,
      );
    }
  }

  return {
    "POST /v0.3/conversations": ({ caller, body: request }) => {
      if (request.name !== undefined) assertNameFree(request.name);
      checkCustomData(request.properties?.custom_data);
      const conversation = newConversation(ctx, caller.user.id, request.name);
      if (request.display_name !== undefined) conversation.displayName = request.display_name;
      if (request.image_url !== undefined) conversation.imageUrl = request.image_url;
      const props = request.properties ?? {};
      if (props.ttl) conversation.ttl = props.ttl;
      if (props.custom_sort_key !== undefined) conversation.customSortKey = props.custom_sort_key;
      if (props.custom_data !== undefined) conversation.customData = props.custom_data;
      store.putConversation(conversation);
      return { status: 201, body: conversationView(ctx, conversation, caller) };
    },

    "GET /v0.3/conversations/{conversation_id}": ({ caller, params }) => {
      const key = params.path.conversation_id;
      const conversation = store.conversation(key) ?? store.conversationByName(key);
      if (!conversation) throw notFound(key);
      ctx.access.require("find", caller, conversation);
      return { status: 200, body: conversationView(ctx, conversation, caller) };
    },

    "PATCH /v0.3/conversations/{conversation_id}": ({ caller, params, body: patch }) => {
      const conversation = conversationById(ctx, params.path.conversation_id);
      ctx.access.require("change", caller, conversation);
      if (patch.name !== undefined) assertNameFree(patch.name, conversation.id);
      const props = patch.properties;
      checkCustomData(props?.custom_data);

      const next: ConversationRecord = { ...conversation };
      if (patch.name !== undefined) next.name = patch.name;
      setOrClear(next, "displayName", patch.display_name);
      setOrClear(next, "imageUrl", patch.image_url);
      if (props === null) {
        // The official SDK's way of clearing both custom fields while leaving ttl alone.
        delete next.customSortKey;
        delete next.customData;
      } else if (props !== undefined) {
        // ttl 0 and ttl null both mean "no time-to-live".
        if (props.ttl !== undefined) setOrClear(next, "ttl", props.ttl === 0 ? null : props.ttl);
        setOrClear(next, "customSortKey", props.custom_sort_key);
        setOrClear(next, "customData", props.custom_data);
      }
      if (Object.keys(patch).length > 0) next.updated = new Date().toISOString();
      store.putConversation(next);
      return { status: 200, body: conversationView(ctx, next, caller) };
    },

    "DELETE /v0.3/conversations/{conversation_id}": ({ caller, params }) => {
      const conversation = conversationById(ctx, params.path.conversation_id);
      ctx.access.require("delete", caller, conversation);
      store.deleteConversation(conversation.id);
      return { status: 204 };
    },

    "GET /v0.3/users/{user_id}/conversations": ({ caller, params: { path, query }, url }) => {
      const userId = path.user_id;
      if (userId !== caller.user.id) {
        if (!store.user(userId)) throw new ApiError("user:error:not-found", `No user has the id ${userId}.`);
        throw new ApiError("system:error:permission", "Users can only list their own conversations.");
      }
      const conversations = store.membershipsOf(userId)
        .filter((m) => m.state !== "LEFT")
        .map((m) => store.conversation(m.conversationId))
        .filter((c): c is ConversationRecord => c !== undefined);
      const keyOf = query.order_by === "custom_sort_key"
        ? (c: ConversationRecord) => [c.customSortKey ?? "", c.seq]
        : (c: ConversationRecord) => [c.seq];
      const includeCustomData = query.include_custom_data === true;
      const page = listPage(query, url, {
        name: "conversations",
        scope: `conversations:${userId}:${query.order_by ?? "created"}`,
        sorted: ascending(conversations, keyOf),
        keyOf,
        view: (c) => conversationView(ctx, c, caller, includeCustomData),
      });
      return { status: 200, body: page };
    },
  } satisfies Partial<Handlers>;
}

function notFound(idOrName: string): ApiError {
  return new ApiError(
    "conversation:error:not-found",
    `No conversation has the id or name ${JSON.stringify(idOrName)}.`,
  );
}

/** Refuses `custom_data` over {@link CUSTOM_DATA_LIMIT} with 413. */
export function checkCustomData(data: JsonObject | null | undefined): void {
  if (data && new TextEncoder().encode(JSON.stringify(data)).byteLength > CUSTOM_DATA_LIMIT) {
    throw new ApiError(
      "custom-data:error:max-data-sum-limit-exceeded",
      `custom_data may hold at most ${CUSTOM_DATA_LIMIT} bytes of JSON.`,
    );
  }
}

/** Applies one field of a patch: undefined keeps, null clears, a value sets. */
function setOrClear<K extends "displayName" | "imageUrl" | "ttl" | "customSortKey" | "customData">(
  record: ConversationRecord,
  key: K,
  value: ConversationRecord[K] | null | undefined,
): void {
  if (value === null) delete record[key];
  else if (value !== undefined) record[key] = value;
}
