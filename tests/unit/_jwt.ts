// Unsigned JWTs for unit tests: the client reads claims without verifying them.

/** A JWT whose payload is `claims`, base64url-encoded, with a dummy signature. */
export function jwt(claims: unknown): string {
  const part = (value: unknown) =>
    btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
      .replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  return `${part({ alg: "RS256", typ: "JWT" })}.${part(claims)}.signature`;
}
