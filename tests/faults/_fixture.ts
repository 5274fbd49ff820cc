// Shared setup of the fault tests: a reference server, our VonageClients with short reconnection
// delays, and a record per client of what its callbacks saw, with bounded waits (no sleeps).
import assert from "node:assert/strict";
import {
  type ConnectionStateChange,
  type ConversationEvent,
  type SessionErrorReason,
  VonageClient,
} from "../../mod.ts";
import type { ReferenceServer } from "../../server.ts";
import { CallbackLog, type EventMap } from "../_record.ts";

/** Reconnection delays for tests: retries within 20–200 ms. */
export const FAST_BACKOFF = { reconnectBaseDelayMs: 20, reconnectMaxDelayMs: 200 };

/** A deterministic `[0, 1)` generator (mulberry32), so a failing run can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One of our clients and everything its callbacks received. */
export class Peer {
  readonly client: VonageClient;
  readonly events: ConversationEvent[] = [];
  readonly changes: ConnectionStateChange[] = [];
  readonly sessionErrors: SessionErrorReason[] = [];
  reconnections = 0;
  /** Wakes {@link until} after every callback (tests/_record.ts). */
  readonly #log: CallbackLog<EventMap>;

  constructor(readonly server: ReferenceServer, readonly name: string) {
    this.#log = new CallbackLog(name);
    this.client = new VonageClient({
      apiUrl: server.url,
      websocketUrl: server.url,
      disableInternalLogger: true,
      ...FAST_BACKOFF,
    });
    this.client.on("conversationEvent", (e) => this.#record("conversationEvent", () => this.events.push(e)));
    this.client.on("connectionStateChange", (c) => this.#record(c.state, () => this.changes.push(c)));
    this.client.on("sessionError", (r) => this.#record("sessionError", () => this.sessionErrors.push(r)));
    this.client.on("reconnection", () => this.#record("reconnection", () => this.reconnections++));
  }

  /** Logs in with a token of `ttlSeconds` (default one hour). */
  async login(ttlSeconds = 3600): Promise<this> {
    await this.client.createSession(await this.server.token(this.name, { ttlSeconds }));
    return this;
  }

  /** The texts of the text messages of `cid`, in delivery order. */
  texts(cid: string): string[] {
    return this.events.flatMap((e) =>
      e.kind === "message:text" && e.conversationId === cid ? [e.body.text] : []
    );
  }

  /** Resolves once `done()` holds, checked after every callback; fails after `timeoutMs`. */
  until(done: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
    return this.#log.until(
      () => done() || undefined,
      `${what} (state ${this.client.connectionState})`,
      timeoutMs,
    )
      .then(() => {});
  }

  /** Logs out (ignoring a session that is gone already). */
  async close(): Promise<void> {
    await this.client.deleteSession().catch(() => {});
  }

  /** Applies what a callback brought, then lets the waits look again. */
  #record(name: string, change: () => void): void {
    change();
    this.#log.record(name, []);
  }
}

/** Logs `names` in and makes them all members of a new conversation; resolves its id. */
export async function conversationOf(peers: Peer[]): Promise<string> {
  const [owner] = peers as [Peer];
  const cid = await owner.client.createConversation();
  for (const peer of peers) await peer.client.joinConversation(cid);
  const joins = (p: Peer) =>
    p.events.filter((e) => e.kind === "member:joined" && e.conversationId === cid).length;
  // Everyone has seen everyone's join: every client's sequence has started before the faults do.
  await Promise.all(
    peers.map((p) => p.until(() => joins(p) >= peers.length - peers.indexOf(p), "the joins")),
  );
  return cid;
}

/**
 * Asserts the delivery guarantee for one client: every event of `cid` once, ids increasing,
 * and exactly the `expected` texts (each once).
 */
export function assertExactlyOnceInOrder(peer: Peer, cid: string, expected: readonly string[]): void {
  const ids = peer.events.filter((e) => e.conversationId === cid && e.kind !== "ephemeral")
    .map((e) => (e as { id: number }).id);
  for (let i = 1; i < ids.length; i++) {
    assert.ok(ids[i]! > ids[i - 1]!, `${peer.name}: id ${ids[i]} delivered after ${ids[i - 1]}`);
  }
  const texts = peer.texts(cid);
  const counts = new Map<string, number>();
  for (const t of texts) counts.set(t, (counts.get(t) ?? 0) + 1);
  const doubled = [...counts].filter(([, n]) => n > 1).map(([t]) => t);
  const missing = expected.filter((t) => !counts.has(t));
  assert.deepEqual(doubled, [], `${peer.name}: delivered more than once`);
  assert.deepEqual(missing, [], `${peer.name}: never delivered`);
  assert.equal(texts.length, expected.length, `${peer.name}: unexpected messages`);
}

/**
 * Asserts that every answered message is stored under the id it was answered with, reading the
 * conversation's whole message history page by page through `client`.
 */
export async function assertStoredAsAnswered(
  client: VonageClient,
  cid: string,
  answered: readonly { text: string; id: number }[],
): Promise<void> {
  const stored = new Map<number, string>();
  let cursor: string | undefined;
  do {
    const page = await client.getConversationEvents(cid, { pageSize: 100, cursor, eventFilter: ["message"] });
    for (const e of page.events) if (e.kind === "message:text") stored.set(Number(e.id), e.body.text);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  for (const { text, id } of answered) assert.equal(stored.get(id), text, `answered ${text} as ${id}`);
}
