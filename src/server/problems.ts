/**
 * Problem answers: every refusal of the reference server is an {@link ApiError} carrying an HTTP status
 * and a Vonage-style code, turned into a `Problem` body (`type`, `title`, `code`, `detail`, `instance`,
 * and `invalid_parameters` for validation failures) by the HTTP layer.
 *
 * @module
 */
import type { WireProblem } from "../wire.ts";
import type { Issue } from "./validation.ts";

/** Status and title of every code the server answers with. */
const CODES = {
  "http:error:validation-fail": [400, "Bad request."],
  "http:error:not-found": [404, "No such endpoint."],
  "http:error:method-not-allowed": [405, "Method not allowed."],
  "http:error:unsupported-media-type": [415, "Unsupported media type."],
  "http:error:payload-too-large": [413, "Payload too large."],
  "paginator-builder:error:invalid-cursor": [400, "Invalid cursor."],
  "system:error:invalid-token": [401, "Invalid token."],
  "system:error:expired-token": [401, "Expired token."],
  "system:error:permission": [403, "Permission denied."],
  "conversation:error:not-found": [404, "Conversation not found."],
  "conversation:error:member-not-found": [404, "Member not found."],
  "user:error:not-found": [404, "User not found."],
  "event:error:not-found": [404, "Event not found."],
  "session:error:not-found": [404, "Session not found."],
  "voice:error:no_call_found": [404, "Call not found."],
  "conversation:error:duplicate-name": [409, "Conversation name already exists."],
  "conversation:error:member-already-joined": [409, "Member already joined."],
  "conversation:error:member-already-invited": [409, "Member already invited."],
  "conversation:error:maximum-number-of-members": [409, "Maximum number of members reached."],
  "conversation:error:invalid-state": [409, "Invalid state."],
  "leg:error:maximum-number-of-legs": [409, "Maximum number of legs reached."],
  "custom-data:error:max-data-sum-limit-exceeded": [413, "Custom data too large."],
  "ephemeral:error:max-data-limit": [413, "Ephemeral event too large."],
  "system:error:internal-error": [500, "Internal error."],
  "system:error:unavailable": [503, "Service unavailable."],
} as const satisfies Record<string, readonly [number, string]>;

/** A code the server answers with. */
export type ProblemCode = keyof typeof CODES;

/** A refusal: thrown by handlers, answered by the HTTP layer as a problem body. */
export class ApiError extends Error {
  /** HTTP status of the answer. */
  readonly status: number;
  /** The problem code, e.g. `conversation:error:not-found`. */
  readonly code: ProblemCode;
  /** The rejected inputs, for `http:error:validation-fail`. */
  readonly issues: Issue[] | undefined;

  /** Creates a refusal; `detail` says what was wrong with this request, for a person to act on. */
  constructor(code: ProblemCode, detail: string, issues?: Issue[]) {
    super(detail);
    this.name = "ApiError";
    this.code = code;
    this.status = CODES[code][0];
    this.issues = issues;
  }
}

/** A validation failure listing every rejected input. */
export function invalid(
  issues: Issue[],
  detail = "The request does not match the API description.",
): ApiError {
  return new ApiError("http:error:validation-fail", detail, issues);
}

/** The problem body of a refusal; `instance` identifies this occurrence (a request id). */
export function problemBody(err: ApiError, instance: string): WireProblem {
  const body: WireProblem = {
    type: `urn:parley:problem:${err.code}`,
    title: CODES[err.code][1],
    code: err.code,
    detail: err.message,
    instance,
  };
  if (err.issues) body.invalid_parameters = err.issues;
  return body;
}
