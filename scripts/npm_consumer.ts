// A TypeScript consumer of the npm package. `deno task build:npm` copies it into a scratch project
// that installs the built tarball and type-checks it with tsc (`strict`, `skipLibCheck: false`,
// `nodenext` and `bundler` resolution). In this repository, deno.json maps `@parley/client` to
// mod.ts, so `deno task check` checks the same file against the source.
import { none, Option, some, VonageError, VonageErrorType } from "@parley/client";

const keep: Option<string> = none();
const set: Option<string | null> = some(null);
export const options: Option<string | null>[] = [keep, set, some("name")];

// @ts-expect-error: an Option of a string cannot hold a number
export const wrong: Option<string> = some(1);

export function describe(err: unknown): string {
  if (err instanceof VonageError && err.type === VonageErrorType.CsError) return err.code ?? "";
  return "other";
}
// @ts-expect-error: not an error type the API knows
export const badType: VonageErrorType = "SOMETHING_ELSE";

// The client, as an npm user writes it.
import {
  type ConversationEvent,
  PresentingOrder,
  type UpdateConversationParameters,
  VonageClient,
} from "@parley/client";

export async function chat(token: string): Promise<string> {
  const client = new VonageClient({ region: "EU", loggingLevel: "Warn", requestTimeoutMs: 10_000 });
  client.setConfig({ apiUrl: "http://127.0.0.1:3000", websocketUrl: "http://127.0.0.1:3000" });
  const id: symbol = client.on("conversationEvent", (event: ConversationEvent) => {
    if (event.kind === "message:text") console.log(event.body.text.toUpperCase());
    if (event.kind === "custom") console.log(event.eventType);
  });
  client.off("conversationEvent", id);
  await client.createSession(token);
  const cid: string = await client.createConversation({ displayName: "Support", customData: { tier: 1 } });
  const update: UpdateConversationParameters = { displayName: null, ttl: some(60), customData: undefined };
  const conversation = await client.updateConversation(cid, update);
  const page = await client.getConversations({ order: PresentingOrder.DESC, pageSize: 10 });
  for await (const event of client.conversationEvents(cid)) console.log(event.id);
  return `${conversation.displayName ?? ""} ${page.nextCursor ?? ""}`;
}

export function probes(client: VonageClient): void {
  // @ts-expect-error: not an event the client emits
  client.on("noSuchEvent", () => {});
  // @ts-expect-error: name can be changed but not cleared
  void client.updateConversation("CON-1", { name: null });
  // @ts-expect-error: page order is "asc" or "desc"
  void client.getConversations({ order: "sideways" });
  // @ts-expect-error: an event id is a number
  void client.sendMessageSeenEvent("12", "CON-1");
  client.on("conversationEvent", (event) => {
    // @ts-expect-error: ephemeral events have no id, so the union has none
    void event.id;
  });
}

// Calls, as an npm user writes them.
import { HangupReason, type LegsPage, webRtcMedia } from "@parley/client";

export async function call(client: VonageClient): Promise<LegsPage> {
  client.on("callInvite", (callId, from, channelType) => {
    console.log(from, channelType);
    void client.answer(callId);
  });
  client.on("callHangup", (_callId, quality, reason) => {
    if (reason === HangupReason.RemoteReject) console.log(quality.mos_score);
  });
  const callId: string = await client.serverCall({ to: "bob" });
  await client.say(callId, { text: "Hello", loop: 2 });
  await client.sendDTMF(callId, "1#");
  // @ts-expect-error: mute takes the call id only
  void client.mute(callId, true);
  return await client.getCallLegs(callId, { pageSize: 5 });
}

export const media = webRtcMedia();

// 1.x call forms (deprecated overloads) and the official SDK's Option and config values.
import { ClientInitConfig, convertInitConfig, mapOption } from "@parley/client";

export async function legacy(client: VonageClient): Promise<string> {
  const id = await client.createConversation("support", "Support");
  await client.getConversations(PresentingOrder.ASC, 10, "cursor");
  await client.getConversationMembers(id, PresentingOrder.DESC, 10);
  const page = await client.getConversationEvents(id, PresentingOrder.DESC, 10, "cursor");
  // @ts-expect-error: the 1.x page size is a number
  await client.getConversations(PresentingOrder.ASC, "10");
  return page.nextCursor ?? "";
}

export const initConfig = convertInitConfig(new ClientInitConfig("Debug", "EU"));
export const fromNullable: Option<string> = Option.Companion.of<string>(null);
export const unwrapped: string = some("x").map((s) => s.toUpperCase()).unwrapOr("");
export const kept: boolean = mapOption(undefined) instanceof Option.None;
