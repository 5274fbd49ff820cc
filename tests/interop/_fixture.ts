// The common setup of an interop test file: our reference server plus alice and bob, each on the
// official SDK with a live session.
import { after, before } from "node:test";
import { OPEN_CONVERSATIONS, type ServerOptions, startServer } from "../../server.ts";
import type { ConversationEvent, CreateConversationParameters } from "./_api.ts";
import { type OfficialClient, startOfficialClients, type StartOptions } from "./_official.ts";

export type Server = Awaited<ReturnType<typeof startServer>>;

export interface Interop {
  server: Server;
  alice: OfficialClient;
  bob: OfficialClient;
  /** The clients of `others`, in the order given. */
  others: OfficialClient[];
}

/**
 * Registers before/after hooks in the enclosing `describe`: a fresh server on a free loopback port
 * and logged-in official clients for alice, bob and the `others` user names. Read the fields
 * inside `it`, once `before` has run. `options` may ask for clients that can make calls
 * (`webrtc: true`) and pass options to the server (e.g. an answer handler).
 */
export function interopSuite(
  others: string[] = [],
  options: StartOptions & { server?: ServerOptions } = {},
): Interop {
  const ctx = {} as Interop;
  const clients: OfficialClient[] = [];
  before(async () => {
    // Users join each other's conversations uninvited here, as apps with open conversations do.
    ctx.server = await startServer({
      port: 0,
      host: "127.0.0.1",
      policy: OPEN_CONVERSATIONS,
      ...options.server,
    });
    const names = ["alice", "bob", ...others];
    clients.push(...await startOfficialClients(ctx.server.url, names, options));
    await Promise.all(
      clients.map(async (c, i) => c.call("createSession", await ctx.server.token(names[i]!))),
    );
    [ctx.alice, ctx.bob, ...ctx.others] = clients as [OfficialClient, OfficialClient, ...OfficialClient[]];
  });
  after(async () => {
    // Clients first: a server closing under them would only set off their reconnect attempts.
    await Promise.all(clients.map((c) => c.close()));
    await ctx.server?.close();
  });
  return ctx;
}

/** Alice creates a conversation, both join; resolves once alice has seen bob's `member:joined`. */
export async function sharedConversation(
  { alice, bob }: Interop,
  params: CreateConversationParameters = {},
): Promise<string> {
  const cid = await alice.call("createConversation", params);
  await alice.call("joinConversation", cid);
  await bob.call("joinConversation", cid);
  await alice.nextEvent("conversationEvent", (e) => isMemberEvent(e, "member:joined", cid, "bob"));
  return cid;
}

/** Whether `e` is a `kind` member event of conversation `cid` about the user named `userName`. */
export function isMemberEvent(
  e: ConversationEvent,
  kind: "member:invited" | "member:joined" | "member:left",
  cid: string,
  userName: string,
): boolean {
  return e.kind === kind && e.conversationId === cid && e.body.user.name === userName;
}

/** The user name of an event's sender, or undefined for a system event. */
export function senderName(e: ConversationEvent): string | undefined {
  return e.from.kind === "embeddedInfo" ? e.from.user.name : undefined;
}

/** A name no other test in the run uses, so tests never see each other's conversations. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
}
