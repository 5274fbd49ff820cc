/**
 * The REST side of the server: a router over the operations of the OpenAPI document, with bearer
 * authentication, body reading, validation and problem answers.
 *
 * For every request, in order: match an operation (404 or 405 otherwise), authenticate (401/403),
 * read the body (415 for a non-JSON body, 413 above {@link BODY_LIMIT}, 400 for malformed JSON or
 * nesting deeper than {@link JSON_DEPTH_LIMIT}), validate parameters and body against the document
 * (400 `http:error:validation-fail`; numbers in the path and query must be written as such), then call
 * the operation's handler. Handlers refuse with {@link ApiError}; any other exception becomes a 500
 * problem. Nothing is changed before all checks have passed. A client that hangs up before its body
 * arrived gets no answer and is not reported as a failure.
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Caller, Handlers, Route } from "./contract.ts";
import { ApiError, invalid, problemBody } from "./problems.ts";
import { splitTarget } from "./request_target.ts";
import { type Operation, operations } from "./validation.ts";

/** Largest request body accepted, in bytes. */
export const BODY_LIMIT = 256 * 1024;
/**
 * Deepest nesting of objects and arrays accepted in a body. Far deeper JSON parses fine but breaks
 * every later serialization (stack overflow), so it is refused before anything is stored.
 */
export const JSON_DEPTH_LIMIT = 32;
const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** How much of an oversized body is read (and discarded) before the connection is closed instead. */
const DRAIN_LIMIT = 16 * BODY_LIMIT;

/**
 * Turns a bearer token into a caller; throws {@link ApiError} (401/403) to refuse. It answers at
 * once when it can (a token seen before): each promise settled costs CPU on every request.
 */
export type Authenticate = (token: string, path: string) => Caller | Promise<Caller>;

/**
 * A handler as the router calls it. The router cannot know which operation a request is before it
 * matched it, so it holds handlers with their contract types erased; validation against the same
 * document guarantees each one gets the request its type promises.
 */
type AnyHandler = (request: AnyRequest) => AnyReply | Promise<AnyReply>;

interface AnyRequest {
  readonly caller: Caller;
  readonly params: { path: Record<string, unknown>; query: Record<string, unknown> };
  readonly body: unknown;
  readonly url: URL;
}

interface AnyReply {
  status: number;
  body?: unknown;
  after?: () => void;
}

interface Endpoint {
  operation: Operation;
  segments: (string | { param: string })[];
  /** The names of the path parameters. */
  pathNames: string[];
  handler: AnyHandler;
}

/**
 * Builds the request listener of the REST API over a handler for every route of the contract (a
 * missing one fails `deno check`).
 */
export function restListener(
  handlers: Handlers,
  authenticate: Authenticate,
): (req: IncomingMessage, res: ServerResponse) => void {
  const routes: Endpoint[] = operations().map((operation) => {
    const route = `${operation.method} ${operation.path}`;
    // Only reachable when gen/ is stale (`deno task gen:check` catches that).
    if (!(route in handlers)) throw new Error(`the generated types have no route ${route}`);
    const handler = handlers[route as Route] as unknown as AnyHandler;
    const segments = operation.path.split("/").slice(1).map((s) => {
      const param = /^\{(.+)\}$/.exec(s)?.[1];
      return param === undefined ? s : { param };
    });
    const pathNames = segments.flatMap((s) => typeof s === "string" ? [] : [s.param]);
    return { operation, segments, pathNames, handler };
  });
  // Literal segments win over placeholders: `/members/me` before `/members/{member_id}`.
  const literals = (r: Endpoint) => r.segments.filter((s) => typeof s === "string").length;
  routes.sort((a, b) => literals(b) - literals(a));
  // Only routes with as many segments as the path can match it: looked up by that count.
  const bySegments = new Map<number, Endpoint[]>();
  for (const route of routes) {
    const count = route.segments.length;
    bySegments.set(count, [...bySegments.get(count) ?? [], route]);
  }

  return (req, res) => {
    handle(bySegments, authenticate, req, res).catch((err) => {
      // Nobody is left to answer, and a client hanging up is not the server's failure.
      if (err instanceof ClientGone) return void res.destroy();
      const problem = err instanceof ApiError ? err : internal(err);
      send(res, problem.status, problemBody(problem, crypto.randomUUID()), problem.status === 413);
    });
  };
}

async function handle(
  bySegments: Map<number, Endpoint[]>,
  authenticate: Authenticate,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const method = (req.method ?? "GET").toUpperCase();
  if (method === "OPTIONS") {
    req.resume();
    return void res.writeHead(204, PREFLIGHT).end();
  }
  const target = req.url ?? "/";
  const { path: pathname, search } = splitTarget(target);

  const pathSegments = pathname.split("/").slice(1);
  // The first route (in the order above) of this path and method; else the methods the path has.
  let route: Endpoint | undefined;
  let params: Record<string, unknown> | undefined;
  const candidates = bySegments.get(pathSegments.length) ?? [];
  for (const candidate of candidates) {
    params = matchPath(candidate, pathSegments);
    if (params !== undefined && candidate.operation.method === method) {
      route = candidate;
      break;
    }
  }
  if (!route || !params) {
    req.resume();
    const allowed = new Set(
      candidates.filter((r) => matchPath(r, pathSegments) !== undefined).map((r) => r.operation.method),
    );
    if (allowed.size === 0) {
      throw new ApiError("http:error:not-found", `There is no ${pathname} in this API.`);
    }
    res.setHeader("allow", [...allowed].join(", "));
    throw new ApiError("http:error:method-not-allowed", `${pathname} does not accept ${method}.`);
  }
  const { operation, handler, pathNames } = route;

  // Operations open to anonymous callers (the metrics report) do not look at the token at all.
  let caller: Caller | undefined;
  if (!operation.authOptional) {
    const token = /^bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "")?.[1];
    try {
      if (!token) {
        throw new ApiError("system:error:invalid-token", "Send the token as 'Authorization: Bearer <JWT>'.");
      }
      const found = authenticate(token, pathname);
      caller = found instanceof Promise ? await found : found;
    } catch (err) {
      req.resume();
      throw err;
    }
  }

  // Bodies of operations that take none are drained and ignored.
  let body: unknown;
  if (!operation.hasBody) req.resume();
  else {
    // A small body usually comes in the same packet as the headers, and node:http parses it right
    // after this listener returns: one microtask later it waits, whole, in the stream's buffer.
    if (!req.complete) await undefined;
    body = bodyArrived(req) ? takeBody(req) : await readBody(req);
  }

  // Path and query parameters are validated (and coerced) together, path parameters first.
  if (search !== "") {
    for (const [key, value] of new URLSearchParams(search)) {
      if (!(key in params)) params[key] = value;
    }
  }
  const paramIssues = operation.checkParams(params);
  const bodyIssues = operation.hasBody ? operation.checkBody(body) : [];
  if (paramIssues.length > 0 || bodyIssues.length > 0) throw invalid([...paramIssues, ...bodyIssues]);

  const query: Record<string, unknown> = {};
  for (const name of operation.queryNames) if (name in params) query[name] = params[name];
  const path: Record<string, unknown> = {};
  for (const name of pathNames) path[name] = params[name];
  let url: URL | undefined;
  const request: AnyRequest = {
    get caller(): Caller {
      if (!caller) throw new ApiError("system:error:invalid-token", "This request needs a token.");
      return caller;
    },
    params: { path, query },
    body,
    // Only listings read it (for their links): not parsed for the other requests.
    get url(): URL {
      return url ??= new URL(target, "http://localhost");
    },
  };
  const reply = await handler(request);
  send(res, reply.status, reply.body);
  reply.after?.();
}

/** The decoded path parameters when `segments` fit the route's template. */
function matchPath(route: Endpoint, segments: string[]): Record<string, string> | undefined {
  const expectedSegments = route.segments;
  if (segments.length !== expectedSegments.length) return undefined;
  for (let i = 0; i < segments.length; i++) {
    const expected = expectedSegments[i];
    if (typeof expected === "string" && expected !== segments[i]) return undefined;
  }
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const expected = expectedSegments[i]!;
    if (typeof expected === "string") continue;
    try {
      const segment = segments[i]!;
      params[expected.param] = segment.includes("%") ? decodeURIComponent(segment) : segment;
    } catch {
      throw invalid([{ name: expected.param, reason: "is not validly percent-encoded" }]);
    }
  }
  return params;
}

/** Reads the JSON body of an operation that takes one, as it arrives. */
async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Read through events rather than an async iterator, which costs far more per request.
  try {
    await new Promise<void>((resolve, reject) => {
      const done = (err?: unknown) => {
        // The error listener stays: an error after the body (a reset) must not go unhandled.
        req.off("data", data).off("end", done).off("close", done);
        if (err === undefined) resolve();
        else reject(err);
      };
      const data = (chunk: Uint8Array) => {
        size += chunk.byteLength;
        if (size <= BODY_LIMIT) chunks.push(chunk);
        else if (size > DRAIN_LIMIT) done(), req.destroy(); // enough read: the connection goes
      };
      // "close" without "end": the client went away mid-body (req.complete says so below).
      req.on("data", data).on("end", done).on("error", done).on("close", done);
    });
  } catch (err) {
    if (!req.complete) throw new ClientGone();
    throw err;
  }
  if (!req.complete && size <= DRAIN_LIMIT) throw new ClientGone();
  if (size > BODY_LIMIT) {
    throw new ApiError("http:error:payload-too-large", `The body is larger than ${BODY_LIMIT} bytes.`);
  }
  return parseBody(req, chunks.length === 1 ? chunks[0]! : concat(chunks, size));
}

/**
 * Whether the whole body (of an acceptable size) has arrived and waits in the stream's buffer, as it
 * usually has by the time the token is checked: then {@link takeBody} reads it with no listener and
 * no promise.
 */
function bodyArrived(req: IncomingMessage): boolean {
  return req.complete && req.readableLength <= BODY_LIMIT && !req.readableFlowing;
}

function takeBody(req: IncomingMessage): unknown {
  return parseBody(req, (req.read() as Uint8Array | null) ?? new Uint8Array(0));
}

/** The JSON body of `bytes` (at most {@link BODY_LIMIT} of them), checked. */
function parseBody(req: IncomingMessage, bytes: Uint8Array): unknown {
  if (bytes.byteLength === 0) {
    throw invalid([{ name: "body", reason: "is required" }], "This operation needs a JSON body.");
  }

  const type = req.headers["content-type"] ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
    throw new ApiError(
      "http:error:unsupported-media-type",
      `Send the body as JSON with 'Content-Type: application/json' (got ${JSON.stringify(type)}).`,
    );
  }
  const text = decoder.decode(bytes);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (err) {
    throw invalid([{ name: "body", reason: `is not valid JSON: ${(err as Error).message}` }]);
  }
  if (deeperThan(body, JSON_DEPTH_LIMIT)) {
    throw invalid([{
      name: "body",
      reason: `nests objects and arrays deeper than ${JSON_DEPTH_LIMIT} levels`,
    }]);
  }
  return body;
}

/** The client closed the connection before its request was read. */
class ClientGone extends Error {}

/**
 * Whether objects and arrays nest in `value` deeper than `limit`. The recursion goes no deeper than
 * `limit`, so it cannot overflow the stack on the bodies it refuses.
 */
function deeperThan(value: unknown, limit: number): boolean {
  if (typeof value !== "object" || value === null) return false;
  if (limit === 0) return true;
  if (Array.isArray(value)) {
    for (const inner of value) if (deeperThan(inner, limit - 1)) return true;
    return false;
  }
  for (const key in value) {
    if (deeperThan((value as Record<string, unknown>)[key], limit - 1)) return true;
  }
  return false;
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function internal(err: unknown): ApiError {
  console.error("reference server: unexpected failure", err);
  return new ApiError("system:error:internal-error", "The server failed to handle this request.");
}

/**
 * The header of every answer that lets web pages of any origin read it, as a flat list of names and
 * values: `writeHead` takes that as it is, where an object would be copied for every answer.
 */
const CORS = ["access-control-allow-origin", "*"];
/** The answer to a preflight: what browsers ask before a call with a token or a JSON body. */
const PREFLIGHT = [
  ...CORS,
  // Read by browsers only in preflight answers, so sent only there.
  "access-control-allow-methods",
  "GET, POST, PUT, PATCH, DELETE, OPTIONS",
  "access-control-allow-headers",
  "authorization, content-type",
];
const CLOSE = ["connection", "close"];
const JSON_TYPE = ["content-type", "application/json; charset=utf-8"];

function send(res: ServerResponse, status: number, body: unknown, close = false): void {
  if (res.headersSent) return;
  const headers = close ? [...CORS, ...CLOSE] : CORS;
  if (body === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  // With its length given, the answer goes out in one piece (without it, Deno's node:http chunks it).
  const bytes = encoder.encode(JSON.stringify(body));
  res.writeHead(status, [...headers, ...JSON_TYPE, "content-length", String(bytes.byteLength)]).end(bytes);
}
