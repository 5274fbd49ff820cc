/**
 * Parley: an open, Deno-first implementation of the `VonageClient` API, wire-compatible with
 * the official Vonage Client SDK.
 *
 * @module
 */
export { type None, none, type Option, type Some, some } from "./src/option.ts";
export { VonageError, type VonageErrorOptions, VonageErrorType } from "./src/errors.ts";
