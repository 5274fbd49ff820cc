/**
 * Resources: the generated wire shapes of conversations, members, users and their pages → the public
 * shapes (camelCase, absent values `null`). Inputs were checked at the edge (wire_readers.ts), so
 * these only rename and fill in; a field renamed in the YAML is a compile error here.
 *
 * @module
 */
import type {
  WireConversation,
  WireConversationsPage,
  WireEndpoint,
  WireMember,
  WireMembersPage,
  WirePageLinks,
  WireUser,
} from "../wire.ts";
import { MemberChannelType } from "./enums.ts";
import type {
  Channel,
  Conversation,
  ConversationsPage,
  Member,
  MembersPage,
  PageCursors,
  User,
  UserChannels,
} from "./types.ts";

/** A conversation (`GET`/`PATCH /v0.3/conversations/{id}`, list items). */
export function toConversation(c: WireConversation): Conversation {
  const member = c._embedded?.member;
  const { timestamp: t, properties: p } = c;
  const conversation: Conversation = {
    id: c.id,
    name: c.name,
    timestamp: { created: t.created ?? null, updated: t.updated ?? null, destroyed: t.destroyed ?? null },
    memberId: member?.id ?? null,
    displayName: c.display_name ?? null,
    imageUrl: c.image_url ?? null,
    properties: {
      ttl: p?.ttl ?? null,
      customSortKey: p?.custom_sort_key ?? null,
      customData: p?.custom_data ?? null,
    },
  };
  if (member) conversation.memberState = member.state;
  if (c.state) conversation.state = c.state;
  return conversation;
}

const CHANNEL_KINDS = [
  "app",
  "phone",
  "pstn",
  "sip",
  "vbc",
  "websocket",
  "sms",
  "mms",
  "whatsapp",
  "viber",
  "messenger",
] as const satisfies readonly (keyof UserChannels)[];

function toChannel(e: WireEndpoint | undefined): Channel | null {
  return e ? { id: e.id ?? null, number: e.number ?? null } : null;
}

/** A user (`GET /v0.3/users/{id}`, users inside members and member events). */
export function toUser(u: WireUser): User {
  const { channels, timestamp: t } = u;
  return {
    id: u.id,
    name: u.name,
    displayName: u.display_name ?? null,
    imageUrl: u.image_url ?? null,
    channels: channels
      ? Object.fromEntries(
        CHANNEL_KINDS.map((kind) => [kind, channels[kind]?.map((e) => toChannel(e)!) ?? null]),
      ) as unknown as UserChannels
      : null,
    timestamp: t
      ? { created: t.created ?? null, updated: t.updated ?? null, destroyed: t.destroyed ?? null }
      : null,
    customData: u.properties?.custom_data ?? null,
  };
}

const CHANNEL_TYPES: Record<string, MemberChannelType> = Object.fromEntries(
  Object.values(MemberChannelType).map((value) => [value.toLowerCase(), value]),
);

/** A member (`GET …/members/{id}`, `…/members/me`, list items). */
export function toMember(m: WireMember): Member {
  const { channel, timestamp: t } = m;
  const user = m._embedded?.user;
  const member: Member = {
    id: m.id,
    state: m.state,
    user: user ? toUser(user) : null,
    timestamp: t ? { invited: t.invited ?? null, joined: t.joined ?? null, left: t.left ?? null } : null,
  };
  const type = channel && CHANNEL_TYPES[channel.type.toLowerCase()];
  if (channel && type) member.channel = { type, from: toChannel(channel.from), to: toChannel(channel.to) };
  return member;
}

/** The `cursor` query value inside a page link, decoded; `null` when there is none. */
export function cursorOf(links: WirePageLinks, rel: "next" | "prev"): string | null {
  const href = links[rel]?.href;
  if (!href) return null;
  try {
    return new URL(href, "http://cursor.invalid").searchParams.get("cursor") || null;
  } catch {
    return null;
  }
}

/** Both cursors of a page. */
export function cursorsOf(links: WirePageLinks): PageCursors {
  return { previousCursor: cursorOf(links, "prev"), nextCursor: cursorOf(links, "next") };
}

/** A page of conversations. */
export function toConversationsPage(page: WireConversationsPage): ConversationsPage {
  return { conversations: page._embedded.conversations.map(toConversation), ...cursorsOf(page._links) };
}

/** A page of members. */
export function toMembersPage(page: WireMembersPage): MembersPage {
  return { members: page._embedded.members.map(toMember), ...cursorsOf(page._links) };
}
