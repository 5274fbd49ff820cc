/**
 * The one HTTP layer: every REST call goes through openapi-fetch, typed by the generated
 * `ApiPaths`. This file adds the bearer token and the request timeout, and turns each outcome
 * into a value or a `VonageError` (wire-protocol.md §2.2 and §11.1):
 *
 * | outcome                          | rejection                                                   |
 * | -------------------------------- | ----------------------------------------------------------- |
 * | `fetch` throws                   | `NETWORK_ERROR`, code `null`                                |
 * | no answer within the timeout     | `NETWORK_ERROR`, code `network:error:timeout`               |
 * | 401                              | `INTERNAL_ERROR`, code `internal:auth:authorization_error`  |
 * | 503                              | `NETWORK_ERROR`, code `internal:error:serviceNotAvailable`  |
 * | other 5xx                        | `INTERNAL_ERROR`, code `internal:error:service_no_available` |
 * | other 4xx with a problem body    | `CS_ERROR`, code = the body's `code`                        |
 * | unreadable body                  | `INTERNAL_ERROR`, code `internal:error:parsing_exception`   |
 *
 * openapi-fetch percent-encodes path parameters and query values, so ids and cursors holding
 * `/`, `?`, `&`, `=` or `#` reach the server intact.
 *
 * @module
 */
import { createFetchClient, type FetchClient } from "../deps.ts";
import { VonageError } from "../errors.ts";
import type { ApiPaths } from "../wire.ts";
import type { FetchFunction } from "./config.ts";
import { messageOf, parsingError } from "./failures.ts";
import type { Logger } from "./logger.ts";

/** The typed openapi-fetch client. */
export type Api = FetchClient<ApiPaths>;

/** Options each call spreads into its openapi-fetch request: the timeout's signal and the auth header. */
export interface CallInit {
  /** Aborts the request when the timeout expires. */
  signal: AbortSignal;
  /** `Authorization` when the client holds a token. */
  headers: Record<string, string>;
}

/** What openapi-fetch resolves. */
export interface FetchResult<T> {
  /** The parsed body of a 2xx answer. */
  data?: T;
  /** The parsed (or raw text) body of an error answer. */
  error?: unknown;
  /** The answer. */
  response: Response;
}

/** Where and how REST calls are made. */
export interface HttpSettings {
  /** REST host. */
  apiUrl: string;
  /** Timeout of one request in milliseconds. */
  requestTimeoutMs: number;
  /** `fetch` to use, or `null` for the global one. */
  fetch: FetchFunction | null;
}

/** An HTTP method of the API. */
export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** The values of a URL's `{…}` parameters. */
export type PathParams = Record<string, string | number>;

/** The generated operation behind `method url`. */
type Operation<P extends keyof ApiPaths, M extends Method> = ApiPaths[P][Lowercase<M> & keyof ApiPaths[P]];
/** The URLs that have an operation for `method`. */
type UrlFor<M extends Method> = {
  [P in keyof ApiPaths]: Operation<P, M> extends { responses: unknown } ? P : never;
}[keyof ApiPaths];
/** An operation's path parameters, query and JSON body, as the generated types say. */
type PathOf<O> = O extends { parameters: { path: infer T } } ? T : undefined;
type QueryOf<O> = O extends { parameters: { query?: infer T } } ? T : undefined;
type BodyOf<O> = O extends { requestBody: { content: { "application/json": infer T } } } ? T
  : O extends { requestBody?: { content: { "application/json": infer T } } } ? T | undefined
  : undefined;
/** The JSON of an operation's successful answer (`undefined` for an empty one). */
type DataOf<O> = O extends { responses: infer R } ? {
    [S in keyof R]: S extends 200 | 201
      ? R[S] extends { content: { "application/json": infer T } } ? T : never
      : never;
  }[keyof R]
  : never;

type AnyCall = (url: string, init: object) => Promise<FetchResult<unknown>>;

/** Runs REST calls and unwraps their results. */
export class Http {
  readonly #api: Api;
  readonly #timeoutMs: number;
  readonly #token: () => string | null;
  readonly #logger: Logger;

  /** Creates the layer; `token` is read at every call, so a refreshed token is used at once. */
  constructor(settings: HttpSettings, token: () => string | null, logger: Logger) {
    const fetchImpl: FetchFunction = settings.fetch ?? ((request) => globalThis.fetch(request));
    this.#api = createFetchClient<ApiPaths>({
      baseUrl: settings.apiUrl,
      fetch: async (request: Request) => {
        try {
          return await fetchImpl(request);
        } catch (err) {
          const reason = messageOf(err);
          throw new VonageError(
            "NETWORK_ERROR",
            null,
            `${request.method} ${originOf(request.url)} failed: ${reason}`,
            {
              cause: err,
            },
          );
        }
      },
    });
    this.#timeoutMs = settings.requestTimeoutMs;
    this.#token = token;
    this.#logger = logger;
  }

  /**
   * Runs one call. Resolves the parsed body (`undefined` for an empty answer) or rejects with a
   * `VonageError`. `what` names the operation in log lines and messages.
   */
  async call<T>(
    what: string,
    run: (api: Api, init: CallInit) => Promise<FetchResult<T>>,
  ): Promise<T | undefined> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.#timeoutMs);
    const token = this.#token();
    const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
    let result: FetchResult<T>;
    try {
      result = await run(this.#api, { signal: controller.signal, headers });
    } catch (err) {
      if (timedOut) {
        throw new VonageError(
          "NETWORK_ERROR",
          "network:error:timeout",
          `${what}: no answer within ${this.#timeoutMs} ms (requestTimeoutMs)`,
          { cause: err },
        );
      }
      if (VonageError.is(err)) throw err;
      throw parsingError(`${what}: the answer is not valid JSON`, err);
    } finally {
      clearTimeout(timer);
    }
    const { data, error, response } = result;
    this.#logger.debug("HTTP", `${what}: ${response.status}`);
    if (response.ok) return data;
    throw toError(what, response.status, error);
  }

  /**
   * {@link call} in the common shape: `method url`, `path` filling the URL's `{…}` parameters, then
   * the `query` and the JSON `body` (each left out when `undefined`).
   */
  req<M extends Method, P extends UrlFor<M>, O extends Operation<P, M> = Operation<P, M>>(
    what: string,
    method: M,
    url: P,
    path?: PathOf<O>,
    query?: QueryOf<O>,
    body?: BodyOf<O>,
  ): Promise<DataOf<O> | undefined> {
    // One untyped dispatch for every method: the signature above carries the generated types.
    return this.call(
      what,
      (api, init) => (api[method] as AnyCall)(url, { ...init, params: { path, query }, body }),
    ) as Promise<DataOf<O> | undefined>;
  }
}

/** The `VonageError` for an answer with a status of 400 or more. */
export function toError(what: string, status: number, body: unknown): VonageError {
  const problem = typeof body === "object" && body !== null && !Array.isArray(body)
    ? body as Record<string, unknown>
    : undefined;
  const detail = text(problem?.detail) ?? text(problem?.message) ?? text(problem?.title);
  if (status === 401) {
    return new VonageError(
      "INTERNAL_ERROR",
      "internal:auth:authorization_error",
      `Authorization Error: ${detail ?? (typeof body === "string" ? body : "the token was refused")}`,
    );
  }
  if (status === 503) {
    return new VonageError(
      "NETWORK_ERROR",
      "internal:error:serviceNotAvailable",
      `${what}: service unavailable (503)`,
    );
  }
  if (status >= 500) {
    return new VonageError(
      "INTERNAL_ERROR",
      "internal:error:service_no_available",
      `${what}: server error ${status}`,
    );
  }
  if (!problem) return parsingError(`${what}: HTTP ${status} without a problem body`);
  const invalid = Array.isArray(problem.invalid_parameters)
    ? problem.invalid_parameters
      .map((p: { name?: unknown; reason?: unknown }) => `${String(p?.name)} (${String(p?.reason)})`)
      .join(", ")
    : "";
  const message = [detail ?? "", invalid && `invalid parameters: ${invalid}`].filter(Boolean).join(" - ");
  return new VonageError("CS_ERROR", text(problem.code) ?? "", message);
}

function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function originOf(url: string): string {
  try {
    const u = new URL(url);
    return u.origin + u.pathname;
  } catch {
    return "request";
  }
}
