/**
 * Token checks: RS256 JWTs verified with jose.
 *
 * In dev mode the server makes its own key pair at start and mints tokens for any user name (for
 * tests and the demo). In production mode it only verifies, with the application's public key.
 * Either way a token must carry `exp` and `application_id`; `sub` (the user name) is needed to act as
 * a user; and when it has an `acl`, the request path must match one of its `paths` patterns.
 *
 * @module
 */
import {
  exportJWK,
  generateKeyPair,
  importJWK,
  importSPKI,
  joseErrors,
  type JoseKey,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from "./deps.ts";

/** What a verified token says. */
export interface Claims {
  /** The user name the token acts for; absent on application (admin) tokens. */
  sub?: string;
  /** Expiry, in seconds since the epoch. */
  exp: number;
  /** The application the token belongs to. */
  applicationId: string;
  /** Compiled `acl.paths` patterns; absent when the token has no `acl` (everything allowed). */
  acl?: RegExp[];
}

/** Why a token was refused; `code` is also the name of the socket login error event. */
export class TokenError extends Error {
  /** `system:error:expired-token` or `system:error:invalid-token`. */
  readonly code: "system:error:expired-token" | "system:error:invalid-token";

  /** Creates a refusal. */
  constructor(code: TokenError["code"], message: string) {
    super(message);
    this.name = "TokenError";
    this.code = code;
  }
}

/** The ACL of minted tokens: every path family of the client API, as Vonage's client tokens have. */
const CLIENT_ACL = {
  paths: Object.fromEntries(
    [
      "users",
      "conversations",
      "sessions",
      "devices",
      "image",
      "media",
      "applications",
      "push",
      "knocking",
      "legs",
    ]
      .map((family) => [`/*/${family}/**`, {}]),
  ),
};

/** The dev-mode key pair and application id, kept by durable servers so their tokens stay valid. */
export interface DevKeys {
  /** The application id of minted tokens. */
  applicationId: string;
  /** The private key (JWK). */
  privateKey: JsonWebKey;
  /** The public key (JWK). */
  publicKey: JsonWebKey;
}

/** How many verified tokens are remembered (the oldest are forgotten first). */
const VERIFIED_TOKENS = 10_000;

/** Verifies tokens, and in dev mode mints them. */
export class Auth {
  /** `dev` (own key pair, minting) or `production` (verification with the given public key). */
  readonly mode: "dev" | "production";
  /** The application id of minted tokens (dev mode), or empty. */
  readonly applicationId: string;
  #publicKey: JoseKey;
  #privateKey: JoseKey | undefined;
  /** Tokens that passed verification, oldest first, with what they say. */
  #verified = new Map<string, Claims>();

  private constructor(publicKey: JoseKey, privateKey: JoseKey | undefined, applicationId?: string) {
    this.mode = privateKey ? "dev" : "production";
    this.applicationId = privateKey ? applicationId ?? crypto.randomUUID() : "";
    this.#publicKey = publicKey;
    this.#privateKey = privateKey;
  }

  /**
   * Production mode when `publicKeyPem` (an SPKI PEM) is given, else dev mode with the key pair of
   * `devKeys` or, without them, a fresh one.
   */
  static async create(publicKeyPem?: string, devKeys?: DevKeys): Promise<Auth> {
    if (publicKeyPem !== undefined) {
      try {
        return new Auth(await importSPKI(publicKeyPem, "RS256"), undefined);
      } catch (err) {
        throw new Error(`publicKey is not an RSA public key in PEM (SPKI) form: ${(err as Error).message}`);
      }
    }
    if (devKeys) {
      return new Auth(
        await importJWK(devKeys.publicKey, "RS256") as JoseKey,
        await importJWK(devKeys.privateKey, "RS256") as JoseKey,
        devKeys.applicationId,
      );
    }
    const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
    return new Auth(publicKey, privateKey);
  }

  /** The dev-mode key pair, to be kept (undefined in production mode). */
  async devKeys(): Promise<DevKeys | undefined> {
    if (!this.#privateKey) return undefined;
    return {
      applicationId: this.applicationId,
      privateKey: await exportJWK(this.#privateKey),
      publicKey: await exportJWK(this.#publicKey),
    };
  }

  /** Mints a token for `userName` valid for `ttlSeconds` (dev mode only; may be ≤ 0 for expired ones). */
  async mint(userName: string, ttlSeconds: number): Promise<string> {
    if (!this.#privateKey) {
      throw new Error(
        "token() is only available in dev mode: a server started with publicKey cannot sign tokens",
      );
    }
    if (typeof userName !== "string" || userName === "") {
      throw new TypeError("token() needs a non-empty user name");
    }
    if (!Number.isFinite(ttlSeconds)) throw new TypeError("ttlSeconds must be a finite number");
    const now = Math.floor(Date.now() / 1000);
    return await new SignJWT({ application_id: this.applicationId, acl: CLIENT_ACL })
      .setProtectedHeader({ alg: "RS256", typ: "JWT" })
      .setIssuedAt(now)
      .setJti(crypto.randomUUID())
      .setSubject(userName)
      .setExpirationTime(now + Math.round(ttlSeconds))
      .sign(this.#privateKey);
  }

  /**
   * What a token verified before says, while it has not expired; else undefined (then
   * {@link verify} tells why). Answers at once, for callers that need no promise in the common case.
   */
  known(token: string): Claims | undefined {
    // Checking an RS256 signature is most of a request's CPU; a token seen before is not checked
    // again until it expires (the key never changes while the server runs).
    const known = this.#verified.get(token);
    return known && known.exp * 1000 > Date.now() ? known : undefined;
  }

  /** Verifies a token; throws a {@link TokenError} saying whether it is expired or otherwise bad. */
  async verify(token: string): Promise<Claims> {
    const known = this.known(token);
    if (known) return known;
    const claims = await this.#verify(token);
    if (this.#verified.size >= VERIFIED_TOKENS) this.#verified.delete(this.#verified.keys().next().value!);
    this.#verified.set(token, claims);
    return claims;
  }

  async #verify(token: string): Promise<Claims> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.#publicKey, {
        algorithms: ["RS256"],
        requiredClaims: ["exp"],
      }));
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) {
        throw new TokenError("system:error:expired-token", "The token has expired.");
      }
      throw new TokenError(
        "system:error:invalid-token",
        "The token is not a valid RS256 JWT of this application.",
      );
    }
    const applicationId = payload.application_id;
    if (typeof applicationId !== "string" || applicationId === "") {
      throw new TokenError("system:error:invalid-token", "The token has no application_id claim.");
    }
    if (payload.sub !== undefined && (typeof payload.sub !== "string" || payload.sub === "")) {
      throw new TokenError("system:error:invalid-token", "The token's sub claim must be a user name.");
    }
    const claims: Claims = { exp: payload.exp!, applicationId };
    if (payload.sub !== undefined) claims.sub = payload.sub;
    if (payload.acl !== undefined) claims.acl = compileAcl(payload.acl);
    return claims;
  }
}

/** Whether the claims' ACL lets the token use `path`. */
export function aclAllows(claims: Claims, path: string): boolean {
  return claims.acl?.some((pattern) => pattern.test(path)) ?? true;
}

/** `{paths: {"/*\/conversations/**": {}}}` → patterns: `*` is one segment, `/**` any number of them. */
function compileAcl(acl: unknown): RegExp[] {
  const paths = (acl as { paths?: unknown } | null)?.paths;
  if (typeof paths !== "object" || paths === null || Array.isArray(paths)) {
    throw new TokenError("system:error:invalid-token", "The token's acl claim must be {paths: {...}}.");
  }
  return Object.keys(paths).map((pattern) => {
    const source = pattern.split(/(\/\*\*|\*)/).map((part) =>
      part === "/**" ? "(?:/.*)?" : part === "*" ? "[^/]*" : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")
    ).join("");
    return new RegExp(`^${source}$`);
  });
}
