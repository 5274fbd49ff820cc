/**
 * The demo: a reference server on a free loopback port, and two users, alice and bob, chatting
 * through `VonageClient`. Prints a transcript of what each of them received and exits 0.
 *
 * Run it with `deno task demo` (or `npx -y deno@2.9.6 task demo`).
 *
 * @module
 */
import { type ConversationEvent, VonageClient } from "../mod.ts";
import { startServer } from "../server.ts";

const server = await startServer({ port: 0, host: "127.0.0.1" });
console.log(`Parley demo: reference server on ${server.url}\n`);

/** One user: a client, and a way to wait for the events it receives. */
class Person {
  readonly client = new VonageClient({ apiUrl: server.url, websocketUrl: server.url });
  readonly #received: ConversationEvent[] = [];
  #wake: () => void = () => {};

  constructor(readonly name: string) {
    this.client.on("conversationEvent", (event) => {
      console.log(`  ${this.name.padEnd(5)} received ${describe(event)}`);
      this.#received.push(event);
      this.#wake();
    });
  }

  /** Says what this person does. */
  say(action: string): void {
    console.log(`${this.name} ${action}`);
  }

  /** Resolves with the first received event matching `match` (waiting at most 5 s). */
  async receive(match: (event: ConversationEvent) => boolean): Promise<ConversationEvent> {
    const deadline = Date.now() + 5_000;
    while (true) {
      const found = this.#received.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`${this.name} did not receive the expected event`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }
}

/** One readable line per event. */
function describe(event: ConversationEvent): string {
  const who = event.from.kind === "embeddedInfo" ? event.from.user.name : "the system";
  switch (event.kind) {
    case "member:invited":
    case "member:joined":
    case "member:left":
      return `${event.kind}: ${event.body.user.name}`;
    case "message:text":
      return `a text from ${who}: ${JSON.stringify(event.body.text)}`;
    case "message:image":
      return `an image from ${who}: ${event.body.imageUrl}`;
    case "message:location":
      return `a location from ${who}: ${event.body.location.name} (${event.body.location.latitude}, ${event.body.location.longitude})`;
    case "message:custom":
      return `a custom message from ${who}: ${JSON.stringify(event.body.customData)}`;
    case "message:seen":
      return `a seen receipt from ${who} for event ${event.body.eventId}`;
    case "custom":
      return `a custom event ${event.eventType} from ${who}: ${JSON.stringify(event.body)}`;
    case "ephemeral":
      return `an ephemeral event from ${who}: ${JSON.stringify(event.body)}`;
    default:
      return `${event.kind} from ${who}`;
  }
}

const alice = new Person("alice");
const bob = new Person("bob");
const is = (kind: ConversationEvent["kind"], cid: string) => (e: ConversationEvent) =>
  e.kind === kind && e.conversationId === cid;
/** Waits until both received the event, so the transcript reads in order. */
const everyone = (match: (e: ConversationEvent) => boolean) =>
  Promise.all([alice.receive(match), bob.receive(match)]);

try {
  alice.say("and bob log in");
  await alice.client.createSession(await server.token("alice"));
  await bob.client.createSession(await server.token("bob"));

  alice.say(`creates the conversation "demo-room"`);
  const cid = await alice.client.createConversation({ name: "demo-room", displayName: "Demo room" });
  alice.say("joins it");
  await alice.client.joinConversation(cid);
  await alice.receive(is("member:joined", cid));

  alice.say("invites bob");
  await alice.client.inviteToConversation(cid, "bob");
  await everyone(is("member:invited", cid));
  bob.say("joins");
  await bob.client.joinConversation(cid);
  await everyone((e) =>
    is("member:joined", cid)(e) && e.kind === "member:joined" && e.body.user.name === "bob"
  );

  alice.say("sends a text");
  await alice.client.sendMessageTextEvent(cid, `Hi Bob! Quotes, <tags> & "ampersands" are fine.`);
  const [, text] = await everyone(is("message:text", cid));

  bob.say("marks it as seen");
  await bob.client.sendMessageSeenEvent(text.kind === "message:text" ? text.id : 0, cid);
  await everyone(is("message:seen", cid));

  bob.say("sends an image");
  await bob.client.sendMessageImageEvent(cid, new URL("https://example.com/cat.png"));
  await everyone(is("message:image", cid));

  alice.say("shares a location");
  await alice.client.sendMessageLocationEvent(cid, { latitude: 51.5072, longitude: -0.1276, name: "London" });
  await everyone(is("message:location", cid));

  bob.say("sends a custom message");
  await bob.client.sendMessageCustomEvent(cid, { poll: "Lunch?", options: ["yes", "no"] });
  await everyone(is("message:custom", cid));

  alice.say("sends a custom event");
  await alice.client.sendCustomEvent(cid, "reaction", { emoji: "thumbs-up" });
  await everyone(is("custom", cid));

  bob.say("sends an ephemeral typing indicator");
  await bob.client.sendEphemeralEvent(cid, { typing: true });
  await everyone(is("ephemeral", cid));

  let stored = 0;
  for await (const _event of alice.client.conversationEvents(cid, { pageSize: 2 })) stored++;
  alice.say(`reads the history, two events per page: ${stored} stored events`);

  await alice.client.deleteSession();
  await bob.client.deleteSession();
  console.log("\nalice and bob log out. Demo complete.");
} finally {
  await server.close();
}
