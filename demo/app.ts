/**
 * The chat page of `deno task demo:web`: plain TypeScript on the global `vonageClientSDK` of our
 * script-tag build (index.html loads it), as a page written for the official SDK would use it.
 * scripts/demo_web.ts compiles this file for the browser and serves it with the reference server's
 * address (`/config`) and dev tokens (`/token?user=NAME`).
 *
 * @module
 */
import type * as Sdk from "../mod.ts";
import type {
  Conversation,
  ConversationEvent,
  EphemeralConversationEvent,
  PersistentConversationEvent,
} from "../mod.ts";

declare const vonageClientSDK: typeof Sdk;

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const input = (id: string) => $<HTMLInputElement>(id);
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text = "", className = "") => {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className) node.className = className;
  return node;
};

const { url } = await (await fetch("/config")).json() as { url: string };
const client = new vonageClientSDK.VonageClient({ apiUrl: url, websocketUrl: url, loggingLevel: "Warn" });

let me = "";
/** The open conversation, its older history (newest first) and the messages on screen by event id. */
let room: { id: string; older: AsyncIterator<PersistentConversationEvent>; done: boolean } | undefined;
const shown = new Map<number, HTMLLIElement>();

// ---- Connection banner -------------------------------------------------------------------------

client.on("connectionStateChange", ({ state, reason, nextRetryAt }) => {
  const banner = $("banner");
  banner.className = state;
  banner.hidden = state === "connected" || state === "disconnected";
  if (state === "reconnecting") {
    const seconds = nextRetryAt ? Math.max(0, Math.ceil((nextRetryAt - Date.now()) / 1000)) : 0;
    banner.textContent = `Connection lost (${reason}): reconnecting${seconds ? ` in ${seconds} s` : ""}…`;
  } else if (state === "connecting") banner.textContent = "Connecting…";
  else if (state === "failed") banner.textContent = `Disconnected (${reason}): sign in again.`;
});

// ---- Sign in and out ---------------------------------------------------------------------------

$("signin").addEventListener("submit", async (e) => {
  e.preventDefault();
  me = input("signin-name").value.trim();
  const token = await (await fetch(`/token?user=${encodeURIComponent(me)}`)).text();
  await client.createSession(token);
  $("me").textContent = me;
  $("signin").hidden = true;
  $("app").hidden = false;
  await listConversations();
});

$("signout").addEventListener("click", async () => {
  await client.deleteSession();
  location.reload();
});

// ---- Conversations -----------------------------------------------------------------------------

async function listConversations(): Promise<void> {
  const list = $("conversations");
  list.replaceChildren();
  for await (const conversation of client.conversations({ order: "desc", pageSize: 50 })) {
    const item = el("li", conversation.displayName ?? conversation.name);
    item.dataset.id = conversation.id;
    if (conversation.memberState === "INVITED") item.append(el("small", "invited"));
    if (conversation.id === room?.id) item.classList.add("active");
    item.addEventListener("click", () => void open(conversation));
    list.append(item);
  }
}

$("create").addEventListener("submit", async (e) => {
  e.preventDefault();
  const id = await client.createConversation({ displayName: input("create-name").value.trim() });
  await client.joinConversation(id);
  input("create-name").value = "";
  await listConversations();
  await open(await client.getConversation(id));
});

$("invite").addEventListener("submit", async (e) => {
  e.preventDefault();
  if (!room) return;
  await client.inviteToConversation(room.id, input("invite-name").value.trim());
  input("invite-name").value = "";
});

async function open(conversation: Conversation): Promise<void> {
  if (conversation.memberState !== "JOINED") await client.joinConversation(conversation.id);
  const history = client.conversationEvents(conversation.id, { order: "desc", pageSize: 20 });
  room = { id: conversation.id, older: history[Symbol.asyncIterator](), done: false };
  shown.clear();
  $("messages").replaceChildren();
  $("room-title").textContent = conversation.displayName ?? conversation.name;
  $("room").hidden = false;
  for (const item of $("conversations").children) {
    item.classList.toggle("active", (item as HTMLElement).dataset.id === conversation.id);
  }
  await loadOlder();
  $("messages").scrollTop = $("messages").scrollHeight;
  markSeen();
}

// ---- History: older pages load as the list is scrolled to the top -------------------------------

let loading = false;

async function loadOlder(count = 20): Promise<void> {
  const current = room;
  if (!current || current.done || loading) return;
  loading = true;
  const list = $("messages");
  const before = list.scrollHeight;
  // The same iterator goes on where the last page stopped; `break` must not close it.
  const older = { [Symbol.asyncIterator]: () => ({ next: () => current.older.next() }) };
  let loaded = 0;
  for await (const event of older) {
    if (room !== current) break;
    render(event, "older");
    if (++loaded === count) break;
  }
  if (loaded < count) current.done = true;
  list.scrollTop += list.scrollHeight - before;
  loading = false;
}

$("messages").addEventListener("scroll", () => {
  if ($("messages").scrollTop < 40) void loadOlder();
});

// ---- Events ------------------------------------------------------------------------------------

client.on("conversationEvent", (event) => {
  if (event.kind === "member:invited" && event.body.user.name === me) void listConversations();
  if (event.conversationId !== room?.id) return;
  if (event.kind === "ephemeral") return typing(event);
  render(event, "live");
  if (event.kind === "message:text" || event.kind === "message:image") markSeen();
});

function sender(event: ConversationEvent): string {
  return event.from.kind === "embeddedInfo" ? event.from.user.name : "system";
}

/** Shows one event: at the top (history) or at the bottom (live). */
function render(event: ConversationEvent, where: "older" | "live"): void {
  if (event.kind === "ephemeral" || shown.has(event.id)) return;
  const who = sender(event);
  let item: HTMLLIElement;
  if (event.kind === "message:text" || event.kind === "message:image") {
    item = el("li", "", who === me ? "mine" : "");
    if (who !== me) item.append(el("span", who, "who"));
    if (event.kind === "message:text") item.append(el("span", event.body.text));
    else item.append(Object.assign(el("img"), { src: event.body.imageUrl, alt: "image" }));
    const seenByOthers = Object.entries(event.memberStatuses ?? {}).some(([, s]) => s.seen && who === me);
    if (seenByOthers) item.append(el("span", "Seen", "seen"));
  } else if (event.kind === "message:seen") {
    const seen = shown.get(event.body.eventId);
    if (who !== me && seen?.classList.contains("mine") && !seen.querySelector(".seen")) {
      seen.append(el("span", "Seen", "seen"));
    }
    return;
  } else if (
    event.kind === "member:joined" || event.kind === "member:left" || event.kind === "member:invited"
  ) {
    const verb =
      { "member:joined": "joined", "member:left": "left", "member:invited": "was invited" }[event.kind];
    item = el("li", `${event.body.user.name} ${verb}`, "system");
  } else return;
  shown.set(event.id, item);
  const list = $("messages");
  if (where === "older") list.prepend(item);
  else {
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 60;
    list.append(item);
    if (atBottom || who === me) list.scrollTop = list.scrollHeight;
  }
}

/** Tells the others that the newest message of someone else is seen. */
function markSeen(): void {
  if (!room || document.visibilityState === "hidden") return;
  const newest = [...shown.entries()].filter(([, item]) => !item.classList.contains("mine"))
    .filter(([, item]) => !item.classList.contains("system")).sort(([a], [b]) => b - a)[0];
  if (newest) void client.sendMessageSeenEvent(newest[0], room.id).catch(() => {});
}

// ---- Sending and typing ------------------------------------------------------------------------

$("compose").addEventListener("submit", async (e) => {
  e.preventDefault();
  const text = input("text").value.trim();
  if (!room || !text) return;
  input("text").value = "";
  const image = /^\/image\s+(\S+)$/.exec(text);
  if (image) await client.sendMessageImageEvent(room.id, image[1]!);
  else await client.sendMessageTextEvent(room.id, text);
});

let typedAt = 0;
input("text").addEventListener("input", () => {
  if (!room || Date.now() - typedAt < 2000) return;
  typedAt = Date.now();
  void client.sendEphemeralEvent(room.id, { typing: true }).catch(() => {});
});

let typingTimer: ReturnType<typeof setTimeout> | undefined;
function typing(event: EphemeralConversationEvent): void {
  const who = sender(event);
  if (who === me || event.body.typing !== true) return;
  $("typing").textContent = `${who} is typing…`;
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => $("typing").textContent = "", 3000);
}

// ---- Calls (audio through the reference server) ------------------------------------------------

/** The call on this page, and the user at its other end. */
let call: string | undefined;
let peer = "";

function callBar(status: string, buttons: ("answer" | "reject" | "hangup")[]): void {
  $("call-bar").hidden = false;
  $("call-status").textContent = status;
  for (const name of ["answer", "reject", "hangup"] as const) $(name).hidden = !buttons.includes(name);
}

/** The call is up: the SDK's element that plays the other side goes in the call bar, with its controls. */
function inCall(): void {
  callBar(`In call with ${peer}`, ["hangup"]);
  const audio = client.getAudioOutputElement();
  if (!audio) return;
  audio.id = "remote-audio";
  audio.controls = true;
  $("call-bar").append(audio);
}

function callOver(status: string): void {
  call = undefined;
  document.getElementById("remote-audio")?.remove();
  callBar(status, []);
}

$("call").addEventListener("click", async () => {
  if (!room || call) return;
  const others = [];
  for await (const member of client.conversationMembers(room.id)) {
    if (member.user?.name && member.user.name !== me && member.state === "JOINED") {
      others.push(member.user.name);
    }
  }
  if (others.length === 0) return callBar("Nobody else has joined to call.", []);
  peer = others[0]!;
  callBar(`Calling ${peer}…`, ["hangup"]);
  try {
    call = await client.serverCall({ to: peer });
  } catch (err) {
    callOver(`Call failed: ${err instanceof Error ? err.message : err}`);
  }
});

client.on("callInvite", (callId, from) => {
  if (call) return; // busy: the invitation still rings on the user's other pages
  call = callId;
  peer = from;
  callBar(`Incoming call from ${from}`, ["answer", "reject"]);
});
client.on("legStatusUpdate", (callId, _leg, status) => {
  if (callId === call && status === "ANSWERED") inCall();
});
client.on("callHangup", (callId, _quality, reason) => {
  if (callId === call) callOver(`Call ended (${reason})`);
});
client.on("callInviteCancel", (callId) => {
  if (callId === call) callOver("Missed call");
});

$("answer").addEventListener("click", async () => {
  if (!call) return;
  await client.answer(call);
  inCall();
});
$("reject").addEventListener("click", async () => {
  if (call) await client.reject(call);
  call = undefined;
  $("call-bar").hidden = true;
});
$("hangup").addEventListener("click", async () => {
  if (call) await client.hangup(call);
});
