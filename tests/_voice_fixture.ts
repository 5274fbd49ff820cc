// Shared setup of the voice tests (tests/voice_*.test.ts): a reference server (with the answer handler
// a test wants) and logged-in VonageClients that record their voice callbacks, so tests await calls'
// events instead of sleeping. Portable: imports only the public entries and tests/_*.ts.
import { after, before } from "node:test";
import type { ClientInitConfigObject, VonageEvent } from "../mod.ts";
import { type ReferenceServer, type ServerOptions, startServer } from "../server.ts";
import { TestClient } from "./_client_fixture.ts";

/** The voice callbacks, with their argument lists. */
export type VoiceEvents = {
  callInvite: Parameters<VonageEvent["callInvite"]>;
  callInviteCancel: Parameters<VonageEvent["callInviteCancel"]>;
  callHangup: Parameters<VonageEvent["callHangup"]>;
  legStatusUpdate: Parameters<VonageEvent["legStatusUpdate"]>;
  callTransfer: Parameters<VonageEvent["callTransfer"]>;
  mute: Parameters<VonageEvent["mute"]>;
  earmuff: Parameters<VonageEvent["earmuff"]>;
  dtmf: Parameters<VonageEvent["dtmf"]>;
  callMediaError: Parameters<VonageEvent["callMediaError"]>;
  callMediaDisconnect: Parameters<VonageEvent["callMediaDisconnect"]>;
  callMediaReconnecting: Parameters<VonageEvent["callMediaReconnecting"]>;
  callMediaReconnection: Parameters<VonageEvent["callMediaReconnection"]>;
};
type Name = keyof VoiceEvents;
const NAMES: Name[] = [
  "callInvite",
  "callInviteCancel",
  "callHangup",
  "legStatusUpdate",
  "callTransfer",
  "mute",
  "earmuff",
  "dtmf",
  "callMediaError",
  "callMediaDisconnect",
  "callMediaReconnecting",
  "callMediaReconnection",
];

/** A test client that also records every voice callback (in its {@link TestClient.log}). */
export class Phone extends TestClient {
  constructor(server: ReferenceServer, name: string, options: ClientInitConfigObject = {}) {
    super(server, name, options);
    for (const event of NAMES) {
      this.client.on(
        event,
        ((...args: unknown[]) => this.log.record(event, args)) as VonageEvent[typeof event],
      );
    }
  }

  /** The arguments of the first `name` callback not taken before that satisfies `match`. */
  next<N extends Name>(
    name: N,
    match: (...args: VoiceEvents[N]) => boolean = () => true,
  ): Promise<VoiceEvents[N]> {
    return this.log.nextEvent(name, match);
  }

  /** How many requests were sent, leaving out event reads (the inbox may back-fill at any time). */
  sentCount(): number {
    return this.requests.filter((r) => !(r.method === "GET" && /\/events(\?|$)/.test(r.path))).length;
  }

  /** The names of the voice callbacks heard so far. */
  names(): string[] {
    return this.log.names().filter((name) => (NAMES as string[]).includes(name));
  }
}

/** What {@link voiceSuite} sets up; read the fields inside `it`, once `before` has run. */
export interface VoiceSuite<N extends string> {
  server: ReferenceServer;
  /** Logged-in phones by user name. */
  phones: Record<N, Phone>;
  /** Another logged-in phone (e.g. a second device of a user), closed after the suite. */
  phone(name: string, options?: ClientInitConfigObject): Promise<Phone>;
}

/** Registers before/after hooks in the enclosing `describe`: a server with `options` and a phone per name. */
export function voiceSuite<N extends string>(names: N[], options: ServerOptions = {}): VoiceSuite<N> {
  const all: Phone[] = [];
  const suite = {
    phones: {} as Record<N, Phone>,
    async phone(name: string, clientOptions?: ClientInitConfigObject) {
      const phone = new Phone(suite.server, name, clientOptions);
      all.push(phone);
      await phone.client.createSession(await suite.server.token(name));
      return phone;
    },
  } as VoiceSuite<N>;
  before(async () => {
    suite.server = await startServer({ port: 0, host: "127.0.0.1", ...options });
    for (const name of names) suite.phones[name] = await suite.phone(name);
  });
  after(async () => {
    for (const phone of all) await phone.client.deleteSession().catch(() => {});
    await suite.server?.close();
  });
  return suite;
}

/** `caller` calls `callee` (by user name) and `callee` answers; resolves both call ids. */
export async function connect(caller: Phone, callee: Phone): Promise<{ callerId: string; calleeId: string }> {
  const callerId = await caller.client.serverCall({ to: callee.name });
  const [calleeId] = await callee.next("callInvite", (_id, from) => from === caller.name);
  await callee.client.answer(calleeId);
  await caller.next("legStatusUpdate", (id, _leg, status) => id === callerId && status === "ANSWERED");
  return { callerId, calleeId };
}
