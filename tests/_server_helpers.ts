// Helpers of the reference-server tests: REST calls with fetch, and a socket.io client that records
// what it receives so tests can await events instead of sleeping. Every wait has a time limit.
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { generateKeyPairSync, sign } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { after, before } from "node:test";
import { type ReferenceServer, type ServerOptions, startServer } from "../server.ts";
import { type ClientSocket, io } from "./_deps.ts";
import { CallbackLog, type EventMap, WAIT_MS } from "./_record.ts";

export type { ReferenceServer };
export { startServer };

/** Longest wait for anything in these tests. */
export { WAIT_MS };

/** A JSON value as the tests read it. */
// deno-lint-ignore no-explicit-any
export type Json = any;

/** An HTTP answer. */
export interface Answer {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined for an empty body. */
  body: Json;
  text: string;
}

/** Options of a raw request. */
export interface RequestOptions {
  /** Sent as JSON unless `raw` is given. */
  body?: unknown;
  /** Sent as is, instead of `body`. */
  raw?: string;
  headers?: Record<string, string>;
}

/** REST calls as one token's user, the way the official SDK makes them. */
export class Api {
  constructor(readonly baseUrl: string, readonly token?: string) {}

  async request(method: string, path: string, options: RequestOptions = {}): Promise<Answer> {
    // The official SDK sends this content type on every request and a lower-case `bearer`.
    const headers: Record<string, string> = { "content-type": "application/json", ...options.headers };
    if (this.token !== undefined && !("authorization" in headers)) {
      headers.authorization = `bearer ${this.token}`;
    }
    const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const res = await fetch(this.baseUrl + path, { method, headers, body: body ?? null });
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      body: text === "" ? undefined : JSON.parse(text),
      text,
    };
  }

  get(path: string): Promise<Answer> {
    return this.request("GET", path);
  }
  post(path: string, body: unknown): Promise<Answer> {
    return this.request("POST", path, { body });
  }
  put(path: string, body: unknown): Promise<Answer> {
    return this.request("PUT", path, { body });
  }
  patch(path: string, body: unknown): Promise<Answer> {
    return this.request("PATCH", path, { body });
  }
  delete(path: string): Promise<Answer> {
    return this.request("DELETE", path);
  }
}

/** Asserts a problem answer: status, code, and the five fields every problem has. */
export function assertProblem(answer: Answer, status: number, code: string): Json {
  assert.equal(answer.status, status, `expected ${status} ${code}, got ${answer.status} ${answer.text}`);
  assert.equal(answer.body?.code, code, answer.text);
  for (const key of ["type", "title", "code", "detail", "instance"]) {
    assert.equal(typeof answer.body[key], "string", `problem without ${key}: ${answer.text}`);
  }
  return answer.body;
}

/** Asserts a 400 validation failure naming (at least) the given inputs. */
export function assertInvalid(answer: Answer, ...names: string[]): void {
  const body = assertProblem(answer, 400, "http:error:validation-fail");
  const listed = (body.invalid_parameters as { name: string; reason: string }[]).map((p) => p.name);
  for (const name of names) assert.ok(listed.includes(name), `${name} not in ${JSON.stringify(listed)}`);
}

/** Options of {@link Client.connect}. */
export interface ConnectOptions {
  sessionId?: string;
  /** Send `acknowledge_events=true` and acknowledge every push, as the official SDK does. */
  acks?: boolean;
  /** With `acks`: receive pushes but never acknowledge them. */
  withholdAcks?: boolean;
  /** Reconnect automatically (quickly), resuming the session, as the official SDK does. */
  reconnect?: boolean;
}

/** A socket.io client on the server's `/v2/rtc` path that records every event it receives. */
export class Client {
  /** Every event received, each with its payload as the one argument (tests/_record.ts). */
  readonly #log = new CallbackLog<EventMap>("socket");

  private constructor(readonly socket: ClientSocket, readonly token: string | undefined, acks: boolean) {
    socket.onAny((name: string, ...args: unknown[]) => {
      const ack = args.at(-1);
      if (typeof ack === "function" && acks) ack();
      this.#record(name, args[0]);
    });
    socket.on("disconnect", (reason) => this.#record("disconnect", reason));
    socket.io.on("reconnect", () => this.#record("reconnect", undefined));
  }

  /** Opens a socket with the login query (`token` unless undefined, optionally `session_id`). */
  static open(server: ReferenceServer, token: string | undefined, options: ConnectOptions = {}): Client {
    const query: Record<string, string> = token === undefined ? {} : { token };
    if (options.sessionId !== undefined) query.session_id = options.sessionId;
    if (options.acks) query.acknowledge_events = "true";
    const socket = io(server.url, {
      path: "/v2/rtc",
      transports: ["websocket"],
      forceNew: true,
      query,
      reconnection: options.reconnect ?? false,
      reconnectionDelay: 20,
      reconnectionDelayMax: 100,
      randomizationFactor: 0,
    });
    return new Client(socket, token, !options.withholdAcks);
  }

  /** Waits for `session:success` and answers its body; reconnects then resume that session. */
  async login(): Promise<Json> {
    const success = await this.next("session:success");
    // Like the official SDK: later reconnects send only the token and the session id.
    this.socket.io.opts.query = { token: this.token ?? "", session_id: success.body.id };
    return success.body;
  }

  /** The next received event named `name` (and matching `match`) not returned before. */
  async next(
    name: string,
    match: (payload: Json) => boolean = () => true,
    timeoutMs = WAIT_MS,
  ): Promise<Json> {
    const [payload] = await this.#log.nextEvent(name, match, timeoutMs);
    return payload;
  }

  /** Names of received events not taken by {@link next}, in arrival order. */
  names(): string[] {
    return this.#log.names(true);
  }

  /** Disconnects (client side) and waits until the transport is closed. */
  async close(): Promise<void> {
    this.socket.io.opts.reconnection = false;
    const engine = this.socket.io.engine;
    if (!engine || engine.readyState === "closed") {
      this.socket.disconnect();
      return;
    }
    const closed = new Promise<void>((resolve) => engine.once("close", () => resolve()));
    this.socket.disconnect();
    await closed;
  }

  #record(name: string, payload: unknown): void {
    this.#log.record(name, [payload]);
  }
}

/** A user of a test: a token and REST access. */
export interface TestUser {
  name: string;
  id: string;
  token: string;
  api: Api;
}

/** What {@link serverSuite} gives a `describe`: the server, and users and clients cleaned up after. */
export interface Suite {
  readonly server: ReferenceServer;
  /** A new user with a fresh name starting with `prefix`. */
  user(prefix?: string): Promise<TestUser>;
  /** A logged-in socket client, closed after the suite. */
  connect(u: TestUser, options?: ConnectOptions): Promise<{ client: Client; session: Json }>;
  /** A socket client that has not logged in yet, closed after the suite. */
  open(token: string, options?: ConnectOptions): Client;
}

/** Registers before/after hooks in the enclosing `describe`: a fresh server, closed with its clients. */
export function serverSuite(options: ServerOptions = {}): Suite {
  let server: ReferenceServer | undefined;
  const clients: Client[] = [];
  const suite: Suite = {
    get server() {
      assert.ok(server, "the server starts in before()");
      return server;
    },
    user: (prefix = "user") => user(suite.server, unique(prefix)),
    async connect(u, connectOptions) {
      const client = suite.open(u.token, connectOptions);
      return { client, session: await client.login() };
    },
    open(token, connectOptions) {
      const client = Client.open(suite.server, token, connectOptions);
      clients.push(client);
      return client;
    },
  };
  let dataDir: string | undefined;
  before(async () => {
    // PARLEY_TEST_ENGINE=sqlite runs the same tests over the embedded engine in a temporary directory.
    if (process.env.PARLEY_TEST_ENGINE === "sqlite" && options.dataDir === undefined) {
      dataDir = await mkdtemp(join(tmpdir(), "parley-test-"));
    }
    server = await startServer(dataDir === undefined ? options : { ...options, dataDir });
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await server?.close();
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
  });
  return suite;
}

/** Makes `name` a user of the server (users exist once a token was used) and returns REST access. */
export async function user(server: ReferenceServer, name: string): Promise<TestUser> {
  const token = await server.token(name);
  const api = new Api(server.url, token);
  // Any authenticated call creates the user; reading oneself by name tells its id.
  const me = await api.get(`/v0.3/users/${encodeURIComponent(name)}`);
  assert.equal(me.status, 200, me.text);
  return { name, token, api, id: me.body.id };
}

/**
 * Waits until the server holds at most `atMost` sockets of `userName`: a socket its client just closed
 * counts until the server has noticed, and a send on another connection can overtake that close (the
 * push then goes to the closing socket instead of the session's queue).
 */
export async function serverLetGo(server: ReferenceServer, userName: string, atMost = 0): Promise<void> {
  const deadline = Date.now() + 5000;
  while (server.faults.heldSockets(userName) > atMost) {
    assert.ok(Date.now() < deadline, `the server lets ${userName}'s closed socket go`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A fresh name, so tests never collide on unique conversation names. */
export function unique(prefix: string): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
}

/**
 * Creates a conversation as `owner`, who joins it, then invites the given users, who join too (the
 * default access policy lets only invited users join); returns its id.
 */
export async function conversationWith(owner: TestUser, ...others: TestUser[]): Promise<string> {
  const created = await owner.api.post("/v0.3/conversations", { name: unique("conv") });
  assert.equal(created.status, 201, created.text);
  const cid: string = created.body.id;
  for (const u of [owner, ...others]) {
    if (u !== owner) {
      const invited = await owner.api.post(`/v0.3/conversations/${cid}/members`, {
        state: "invited",
        user: { name: u.name },
      });
      assert.equal(invited.status, 201, invited.text);
    }
    const joined = await u.api.post(`/v0.3/conversations/${cid}/members`, {
      state: "joined",
      user: { name: u.name },
      channel: { type: "app" },
    });
    assert.equal(joined.status, 201, joined.text);
  }
  return cid;
}

/** The events of a conversation as listed over REST (first page, up to 100). */
export async function listEvents(u: TestUser, cid: string, query = ""): Promise<Json[]> {
  const answer = await u.api.get(`/v0.3/conversations/${cid}/events?page_size=100${query}`);
  assert.equal(answer.status, 200, answer.text);
  return answer.body._embedded.events;
}

/** Sends a text message as `u` and answers the created event. */
export async function sendText(u: TestUser, cid: string, text: string): Promise<Json> {
  const answer = await u.api.post(`/v0.3/conversations/${cid}/events`, {
    type: "message",
    body: { message_type: "text", text },
  });
  assert.equal(answer.status, 201, answer.text);
  return answer.body;
}

/** An RSA key pair in PEM form, for production-mode servers and hand-made tokens. */
export function rsaKeys(): { publicKey: string; privateKey: string } {
  return generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
}

/** Signs an RS256 JWT with exactly the given claims (no defaults). */
export function signJwt(privateKey: string, claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const input = `${part({ alg: "RS256", typ: "JWT" })}.${part(claims)}`;
  return `${input}.${sign("sha256", Buffer.from(input), privateKey).toString("base64url")}`;
}

/** The claims of a JWT, decoded without checking anything. */
export function claimsOf(token: string): Json {
  return JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString("utf8"));
}
