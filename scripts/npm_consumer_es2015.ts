// A TypeScript consumer of the npm package in an old project: `lib: ["ES2015", "DOM"]`,
// `skipLibCheck: false`. Such a lib has no async iteration, so the package's declarations must bring
// what they use. `deno task build:npm` type-checks it against the installed client.
import { type ConversationEvent, PresentingOrder, VonageClient, VonageError } from "@parley/client";

export function chat(token: string): Promise<string> {
  const client = new VonageClient({ region: "EU" });
  client.on("conversationEvent", (event: ConversationEvent) => {
    if (event.kind === "message:text") console.log(event.body.text);
  });
  return client.createSession(token)
    .then(() => client.getConversations({ order: PresentingOrder.DESC, pageSize: 10 }))
    .then((page) => page.conversations.map((c) => c.name).join(", "))
    .catch((err: unknown) => err instanceof VonageError ? err.code ?? "" : "other");
}
