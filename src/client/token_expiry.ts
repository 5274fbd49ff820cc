/**
 * When a token expires, read from the `exp` claim of its JWT payload. Nothing is verified: the
 * client only uses the time to stop reconnecting once the token can no longer log in.
 *
 * @module
 */

/**
 * The `exp` claim of a JWT as milliseconds since the epoch, or `null` when the token has none or
 * cannot be read (then the client keeps retrying and lets the server decide).
 */
export function tokenExpiresAt(token: string): number | null {
  const payload = token.split(".")[1];
  if (!payload) return null;
  try {
    const json = JSON.parse(decodeBase64Url(payload)) as { exp?: unknown };
    return typeof json?.exp === "number" && Number.isFinite(json.exp) ? json.exp * 1000 : null;
  } catch {
    return null;
  }
}

function decodeBase64Url(text: string): string {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(text.length / 4) * 4, "=");
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}
