// Shared setup of the client integration tests (tests/client_*.test.ts): a reference server on a
// free loopback port, and VonageClients that record the REST requests they send and the events
// they receive. Portable: imports only the public entries.
import { after, before } from "node:test";
import {
  type ClientInitConfigObject,
  type ConversationEvent,
  VonageClient,
  type VonageEvent,
  type VonageEventName,
} from "../mod.ts";
import { OPEN_CONVERSATIONS, type ReferenceServer, startServer } from "../server.ts";
import { CallbackLog, WAIT_MS } from "./_record.ts";

export { WAIT_MS };

/** Every callback of a VonageClient, with its argument list. */
export type ClientEvents = { [K in VonageEventName]: Parameters<VonageEvent[K]> };

/** A REST request as the client sent it. */
export interface SentRequest {
  method: string;
  /** Path and query, as sent (still percent-encoded). */
  path: string;
  /** The body text, `""` when there is none. */
  body: string;
}

/** A client under test, with what it sent and received. */
export class TestClient {
  readonly client: VonageClient;
  readonly name: string;
  readonly requests: SentRequest[] = [];
  readonly events: ConversationEvent[] = [];
  readonly signals: string[] = [];
  /** Every callback recorded, for bounded waits (tests/_record.ts). */
  readonly log: CallbackLog<ClientEvents>;

  constructor(server: ReferenceServer, name: string, options: ClientInitConfigObject = {}) {
    this.name = name;
    this.log = new CallbackLog(name);
    this.client = new VonageClient({
      apiUrl: server.url,
      websocketUrl: server.url,
      disableInternalLogger: true,
      fetch: async (request) => {
        const url = new URL(request.url);
        this.requests.push({
          method: request.method,
          path: url.pathname + url.search,
          body: await request.clone().text(),
        });
        return fetch(request);
      },
      ...options,
    });
    this.client.on("conversationEvent", (event) => {
      this.events.push(event);
      this.log.record("conversationEvent", [event]);
    });
    for (const name of ["sessionError", "reconnecting", "reconnection"] as const) {
      this.client.on(
        name,
        ((reason?: string) => {
          this.signals.push(reason ? `${name}:${reason}` : name);
          this.log.record(name, reason ? [reason] : []);
        }) as VonageEvent[typeof name],
      );
    }
  }

  /** The first event received so far (or later) that matches `match`. */
  event(match: (e: ConversationEvent) => boolean, what = "a matching event"): Promise<ConversationEvent> {
    return this.log.until(() => this.events.find(match), what);
  }

  /** The first event of `kind` in conversation `cid` for which `match` holds, narrowed to its type. */
  get<K extends ConversationEvent["kind"]>(
    cid: string,
    kind: K,
    match: (e: Extract<ConversationEvent, { kind: K }>) => boolean = () => true,
  ): Promise<Extract<ConversationEvent, { kind: K }>> {
    type E = Extract<ConversationEvent, { kind: K }>;
    return this.event(
      (e) => e.kind === kind && e.conversationId === cid && match(e as E),
      `${kind} in ${cid}`,
    ) as Promise<
      E
    >;
  }

  /** Resolves once `signal` (e.g. `reconnection`, `sessionError:EXPIRED_TOKEN`) was emitted. */
  signal(signal: string): Promise<string> {
    return this.log.until(() => this.signals.find((s) => s === signal), signal);
  }

  /** Requests sent so far whose path starts with `prefix` (and method, if given). */
  sent(prefix: string, method?: string): SentRequest[] {
    return this.requests.filter((r) => r.path.startsWith(prefix) && (!method || r.method === method));
  }

  /** Registers a callback for the lifetime of the test client. */
  on<K extends VonageEventName>(name: K, callback: VonageEvent[K]): symbol {
    return this.client.on(name, callback);
  }
}

/** What {@link clientSuite} sets up; read the fields inside `it`, once `before` has run. */
export interface Suite {
  server: ReferenceServer;
  /** Logged-in clients by user name. */
  clients: Record<string, TestClient>;
  /** Another client for `name` without a session, closed after the suite. */
  extra(name: string, options?: ClientInitConfigObject): TestClient;
}

/**
 * Registers before/after hooks in the enclosing `describe`: a fresh server and a logged-in client
 * per user name.
 */
export function clientSuite(names: string[] = ["alice", "bob"]): Suite {
  const all: TestClient[] = [];
  const suite = {
    clients: {} as Record<string, TestClient>,
    extra(name: string, options?: ClientInitConfigObject) {
      const client = new TestClient(suite.server, name, options);
      all.push(client);
      return client;
    },
  } as Suite;
  before(async () => {
    // Users join each other's conversations uninvited here, as apps with open conversations do.
    suite.server = await startServer({ port: 0, host: "127.0.0.1", policy: OPEN_CONVERSATIONS });
    for (const name of names) {
      const client = suite.extra(name);
      await client.client.createSession(await suite.server.token(name));
      suite.clients[name] = client;
    }
  });
  after(async () => {
    for (const client of all) await client.client.deleteSession().catch(() => {});
    await suite.server?.close();
  });
  return suite;
}

/** A conversation name no other test uses. */
export function unique(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Alice creates a conversation and both alice and bob join it; resolves its id once alice saw bob join. */
export async function shared(suite: Suite, params: Record<string, unknown> = {}): Promise<string> {
  const { alice, bob } = suite.clients as { alice: TestClient; bob: TestClient };
  const cid = await alice.client.createConversation({ name: unique("shared"), ...params });
  await alice.client.joinConversation(cid);
  await bob.client.joinConversation(cid);
  await alice.event((e) =>
    e.kind === "member:joined" && e.conversationId === cid && e.body.user.name === "bob"
  );
  return cid;
}
