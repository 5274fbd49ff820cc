/**
 * The REST contract as the server's handlers see it, derived from the generated `paths` and
 * `operations` (gen/client-api.ts, through src/wire.ts).
 *
 * Every operation is a {@link Route}, its method and path in one string (`GET /v0.3/users/{user_id}`).
 * {@link Handlers} maps every route to a handler that receives that operation's generated path
 * parameters, query and body and must answer one of its generated success answers. So after an edit
 * of the YAML and `deno task gen`, `deno task check` names every handler to change: a route without a
 * handler, a renamed parameter or body property, an answer the contract no longer describes.
 *
 * @module
 */
import type { ApiPaths } from "../wire.ts";
import type { Claims } from "./auth.ts";
import type { UserRecord } from "./store.ts";

/** The authenticated user behind a request. */
export interface Caller {
  /** The user the token names (created on first use). */
  user: UserRecord;
  /** The verified claims. */
  claims: Claims;
}

type Method = "get" | "put" | "post" | "patch" | "delete";

/** Every operation of the contract as `"<METHOD> <path template>"`, e.g. `GET /v0.3/users/{user_id}`. */
export type Route = {
  [P in keyof ApiPaths & string]: {
    [M in Method]: ApiPaths[P] extends Record<M, unknown> ? `${Uppercase<M>} ${P}` : never;
  }[Method];
}[keyof ApiPaths & string];

/** The generated operation (an entry of `operations`) behind a route. */
export type OperationOf<R extends Route> = R extends `${infer M} ${infer P extends keyof ApiPaths}`
  ? ApiPaths[P][Lowercase<M> & keyof ApiPaths[P]]
  : never;

/** `{}` where the contract declares nothing (generated as `never`). */
type OrNone<T> = [T] extends [never] ? Record<never, never> : T;

/** The path parameters of an operation. */
export type PathOf<O> = O extends { parameters: { path?: infer P } } ? OrNone<NonNullable<P>> : never;

/** The query parameters of an operation (each optional unless the contract requires it). */
export type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? OrNone<NonNullable<Q>> : never;

/** The JSON body of an operation; undefined for operations without one. */
export type BodyOf<O> = O extends { requestBody: { content: { "application/json": infer B } } } ? B
  : undefined;

type Success = 200 | 201 | 202 | 204;

/** The success answers an operation may give: its status, with the body the contract declares for it. */
export type AnswerOf<O> = O extends { responses: infer Answers } ? {
    [S in keyof Answers & Success]: Answers[S] extends { content: { "application/json": infer B } }
      ? { status: S; body: B }
      : { status: S; body?: undefined };
  }[keyof Answers & Success]
  : never;

/** A validated request of one operation, as its handler sees it. */
export interface ApiRequest<O> {
  /** The caller; reading it throws for operations that allow anonymous calls. */
  readonly caller: Caller;
  /** Path and query parameters, decoded and coerced to their declared types (as openapi-fetch names them). */
  readonly params: { readonly path: PathOf<O>; readonly query: QueryOf<O> };
  /** The parsed JSON body, valid for the operation. */
  readonly body: BodyOf<O>;
  /** The request URL (for page links). */
  readonly url: URL;
}

/** What a handler of one operation answers. */
export type Reply<O> = AnswerOf<O> & {
  /** Runs right after the answer was written, e.g. pushes a client expects after it. */
  after?: () => void;
};

/** The handler of one route. */
export type Handler<R extends Route> = (
  request: ApiRequest<OperationOf<R>>,
) => Reply<OperationOf<R>> | Promise<Reply<OperationOf<R>>>;

/** A handler for every route of the contract. */
export type Handlers = { [R in Route]: Handler<R> };
