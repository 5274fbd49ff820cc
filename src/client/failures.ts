/**
 * The errors the client raises on its own (no server involved), in one place so codes and
 * wording stay consistent.
 *
 * @module
 */
import { VonageError } from "../errors.ts";

/** An argument the client refuses before sending anything; `message` says what to fix. */
export function invalidArgument(message: string): VonageError {
  return new VonageError("INTERNAL_ERROR", "internal:error:illegal_argument_exception", message);
}

/** A server answer or pushed event the client cannot read. */
export function parsingError(message: string, cause?: unknown): VonageError {
  return new VonageError("INTERNAL_ERROR", "internal:error:parsing_exception", message, { cause });
}

/** A method that needs a session was called without one. */
export function noActiveSession(): VonageError {
  return new VonageError(
    "SESSION_ERROR",
    "session:error:no-active-session",
    "No active session: call createSession(token) first",
  );
}

/** A login cut short by `deleteSession` or another `createSession`. */
export function loginCancelled(): VonageError {
  return new VonageError(
    "SESSION_ERROR",
    "session:disconnect:client-disconnect",
    "The login was cancelled: the session was closed (deleteSession or another createSession)",
  );
}

/** The message of a caught error, or the thrown value as text. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
