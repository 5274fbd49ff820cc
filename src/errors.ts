/**
 * The one error type every rejection of the client uses, shaped like the official SDK's so existing
 * `catch` blocks keep working: `type` says where it came from, `code` is the server's code string
 * (or ours for local failures), and `message` says what to do about it.
 *
 * @module
 */
import { enumOf, pascal } from "./enum_of.ts";

/** Where an error came from. */
export const VonageErrorType: {
  /** The API refused the request (HTTP 4xx with a problem body). */
  readonly CsError: "CS_ERROR";
  /** Login, session or socket failure. */
  readonly SessionError: "SESSION_ERROR";
  /** The request never got an answer (connection refused, DNS, timeout). */
  readonly NetworkError: "NETWORK_ERROR";
  /** Something the client could not use: a 5xx, an unparsable reply, or a refused argument. */
  readonly InternalError: "INTERNAL_ERROR";
  /** Anything else. */
  readonly UnknownError: "UNKNOWN_ERROR";
} = enumOf("CS_ERROR SESSION_ERROR NETWORK_ERROR INTERNAL_ERROR UNKNOWN_ERROR", pascal);

/** One of the values of {@link VonageErrorType}. */
export type VonageErrorType = typeof VonageErrorType[keyof typeof VonageErrorType];

const BRAND = Symbol.for("parley.error");

/** Options of {@link VonageError}. */
export interface VonageErrorOptions {
  /** The underlying failure, kept for debugging. */
  cause?: unknown;
}

/**
 * The error every failed client call rejects with.
 *
 * @example Branch on the server's code
 * ```ts
 * import { VonageError } from "./errors.ts";
 * const err = new VonageError("CS_ERROR", "conversation:error:not-found", "Conversation not found");
 * if (err.code === "conversation:error:not-found") console.log(err.message);
 * ```
 */
export class VonageError extends Error {
  /** Where the error came from. */
  readonly type: VonageErrorType;
  /** The server's code (e.g. `conversation:error:not-found`) or ours; `null` when there is none. */
  readonly code: string | null;

  /** Creates an error; `message` must never contain a token. */
  constructor(type: VonageErrorType, code: string | null, message: string, options: VonageErrorOptions = {}) {
    super(message, "cause" in options ? { cause: options.cause } : undefined);
    this.name = "VonageError";
    this.type = type;
    this.code = code;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** True for a {@link VonageError} of any copy of this package (Deno and npm builds in one app). */
  static is(value: unknown): value is VonageError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
}
