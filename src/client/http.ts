/**
 * The one HTTP layer: every REST call is an openapi-fetch call on {@link Http.api}, typed by the
 * generated `ApiPaths`, in openapi-fetch's own form (`api.GET(url, { params: { path, query }, body })`),
 * passed to {@link Http.call}, which turns its outcome into the typed answer or a `VonageError`
 * (wire-protocol.md §2.2 and §11.1). Two middlewares registered with `api.use()` do the rest: one adds
 * the bearer token and the `requestTimeoutMs` deadline (`AbortSignal.timeout`) to each request, the
 * other turns a request that got no answer into a `NETWORK_ERROR`.
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
import { createFetchClient, type FetchClient, type FetchMiddleware } from "../deps.ts";
import { VonageError } from "../errors.ts";
import type { ApiPaths, WireProblem } from "../wire.ts";
import type { FetchFunction } from "./config.ts";
import { messageOf, parsingError } from "./failures.ts";
import type { Logger } from "./logger.ts";
import { read, type Shape } from "./wire_readers.ts";

/** The typed openapi-fetch client. */
export type Api = FetchClient<ApiPaths>;

/** Where and how REST calls are made. */
export interface HttpSettings {
  /** REST host. */
  apiUrl: string;
  /** Timeout of one request in milliseconds. */
  requestTimeoutMs: number;
  /** `fetch` to use, or `null` for the global one. */
  fetch: FetchFunction | null;
}

/** What an openapi-fetch call resolves: the shape of its `FetchResponse`, for any operation. */
interface Outcome {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The JSON of a successful answer; `undefined` only where the operation answers nothing. */
export type Answer<R extends Outcome> = Exclude<R["data"], undefined>;

/** Runs REST calls and unwraps their results. */
export class Http {
  /** The openapi-fetch client every call goes through. */
  readonly api: Api;
  readonly #logger: Logger;

  /** Creates the layer; `token` is read at every call, so a refreshed token is used at once. */
  constructor(settings: HttpSettings, token: () => string | null, logger: Logger) {
    const fetchImpl = settings.fetch;
    this.api = createFetchClient<ApiPaths>({
      baseUrl: settings.apiUrl,
      // Read the global at each call, so a fetch installed later (or replaced by a test) is used.
      fetch: (request) => fetchImpl ? fetchImpl(request) : globalThis.fetch(request),
    });
    this.api.use(authorized(token, settings.requestTimeoutMs), unanswered(settings.requestTimeoutMs));
    this.#logger = logger;
  }

  /**
   * Runs one openapi-fetch call and resolves its answer, or rejects with a `VonageError`. `what`
   * names the operation in log lines and messages. An answer the client reads is checked here, at
   * the edge, against `shape` (wire_readers.ts); calls whose answer is not read pass none.
   *
   * @example
   * ```ts ignore
   * const wire = await http.call(
   *   "getUser",
   *   (api) => api.GET("/v0.3/users/{user_id}", { params: { path: { user_id } } }),
   *   USER,
   * );
   * ```
   */
  async call<R extends Outcome>(
    what: string,
    request: (api: Api) => Promise<R>,
    shape?: Shape<Answer<R>>,
  ): Promise<Answer<R>> {
    let outcome: R;
    try {
      outcome = await request(this.api);
    } catch (err) {
      if (VonageError.is(err)) throw err;
      throw parsingError(`${what}: the answer is not valid JSON`, err);
    }
    const { data, error, response } = outcome;
    this.#logger.debug("HTTP", `${what}: ${response.status}`);
    if (!response.ok) throw toError(what, response.status, error);
    return shape ? read(data, shape, `${what} answer`) : data as Answer<R>;
  }
}

/** Middleware: the bearer token (unless the call sets its own) and the request's deadline. */
function authorized(token: () => string | null, timeoutMs: number): FetchMiddleware {
  return {
    onRequest({ request }) {
      const current = token();
      if (current && !request.headers.has("Authorization")) {
        request.headers.set("Authorization", `Bearer ${current}`);
      }
      return new Request(request, { signal: AbortSignal.timeout(timeoutMs) });
    },
  };
}

/** Middleware: a request that got no answer (timeout or network failure) → `NETWORK_ERROR`. */
function unanswered(timeoutMs: number): FetchMiddleware {
  return {
    onError({ request, error }) {
      if (VonageError.is(error)) return error;
      const at = `${request.method} ${originOf(request.url)}`;
      // Only the deadline set by `authorized` aborts a request.
      if (request.signal.aborted) {
        return new VonageError(
          "NETWORK_ERROR",
          "network:error:timeout",
          `${at}: no answer within ${timeoutMs} ms (requestTimeoutMs)`,
          { cause: error },
        );
      }
      return new VonageError("NETWORK_ERROR", null, `${at} failed: ${messageOf(error)}`, { cause: error });
    },
  };
}

/** The `VonageError` for an answer with a status of 400 or more; `body` is the problem, if readable. */
export function toError(what: string, status: number, body: unknown): VonageError {
  const problem = typeof body === "object" && body !== null && !Array.isArray(body)
    ? body as Partial<Record<keyof WireProblem, unknown>>
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
