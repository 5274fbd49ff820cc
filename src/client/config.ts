/**
 * Client configuration: regions and their default hosts, the keys `setConfig` and the
 * constructor take, and how a config object becomes the settings in use. Like the official SDK,
 * every `setConfig` call replaces the whole configuration: keys left out take the region's
 * defaults, and the region defaults to `US`.
 *
 * @module
 */
import { enumOf } from "../enum_of.ts";
import { backoffProblem, DEFAULT_BACKOFF } from "./backoff.ts";
import { invalidArgument } from "./failures.ts";
import type { LoggerOptions, LoggingLevel, VonageLogger } from "./logger.ts";
import type { MediaAdapter } from "./media.ts";

/** Regions of the Vonage API; each has its own default hosts. */
export const ConfigRegion: {
  /** United States (the default). */
  readonly US: "US";
  /** Europe. */
  readonly EU: "EU";
  /** Asia-Pacific. */
  readonly AP: "AP";
} = enumOf("US EU AP");
/** One of the values of {@link ConfigRegion}. */
export type ConfigRegion = typeof ConfigRegion[keyof typeof ConfigRegion];

/** The `fetch` the client uses for REST calls (it always passes a `Request`). */
export type FetchFunction = (request: Request) => Promise<Response>;

/** Keys of `setConfig`; all optional, absent ones take the region's defaults. */
export interface ClientConfigObject {
  /** Region whose hosts are the defaults (`US` when absent). */
  region?: ConfigRegion | null | undefined;
  /** REST host, e.g. `https://api-us.vonage.com` or `http://127.0.0.1:3000`. */
  apiUrl?: string | null | undefined;
  /** Websocket host (scheme, host and port only; put any path in `websocketPath`). */
  websocketUrl?: string | null | undefined;
  /** Path of the socket.io endpoint (default `/v2/rtc`). */
  websocketPath?: string | null | undefined;
  /** Send call quality statistics (voice; default `true`). */
  rtcStatsTelemetry?: boolean | null | undefined;
  /** Reconnect call media after network changes (voice; default `false`). */
  autoReconnectMedia?: boolean | null | undefined;
  /**
   * Noise suppression of the microphone in calls (default `true`): each call opens the microphone
   * with it on or off, as the configuration in use when the call starts says.
   */
  noiseSuppression?: boolean | null | undefined;
  /** Primary host for emergency calls. */
  emergencyPrimaryRegion?: string | null | undefined;
  /** Secondary host for emergency calls. */
  emergencySecondaryRegion?: string | null | undefined;
  /**
   * Parley only: how long a REST request may take, in milliseconds (default 30 000). A request
   * that takes longer rejects with `NETWORK_ERROR`, code `network:error:timeout`.
   */
  requestTimeoutMs?: number | null | undefined;
  /** Parley only: the `fetch` used for REST calls (default: the global one). Useful for proxies and tests. */
  fetch?: FetchFunction | null | undefined;
  /**
   * Parley only: the media of calls (default: WebRTC where the runtime has it, as in browsers, else
   * signalling only). Pass `webRtcMedia({ RTCPeerConnection, getUserMedia })` to use another WebRTC stack.
   */
  media?: MediaAdapter | null | undefined;
  /**
   * Parley only: upper bound of the first reconnection delay in milliseconds (default 500). After a
   * drop, attempt n waits a random time below `min(reconnectMaxDelayMs, reconnectBaseDelayMs · 2^(n-1))`.
   */
  reconnectBaseDelayMs?: number | null | undefined;
  /** Parley only: longest wait between reconnection attempts in milliseconds (default 30 000). */
  reconnectMaxDelayMs?: number | null | undefined;
}

/** Keys of the constructor: those of `setConfig` plus logging. */
export interface ClientInitConfigObject extends ClientConfigObject, LoggerOptions {}

/** Default timeout of a REST request. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/**
 * A complete configuration with every key filled from a region's defaults; change fields and
 * pass it to `setConfig`.
 *
 * @example Point the client at a local server
 * ```ts
 * import { ClientConfig } from "./config.ts";
 * const config = new ClientConfig("EU");
 * config.apiUrl = "http://127.0.0.1:3000";
 * config.websocketUrl = "http://127.0.0.1:3000";
 * ```
 */
export class ClientConfig {
  /** The region. */
  declare region: ConfigRegion;
  /** REST host. */
  declare apiUrl: string;
  /** Websocket host. */
  declare websocketUrl: string;
  /** Path of the socket.io endpoint. */
  declare websocketPath: string;
  /** Send call quality statistics. */
  declare rtcStatsTelemetry: boolean;
  /** Reconnect call media after network changes. */
  declare autoReconnectMedia: boolean;
  /** Noise suppression of the microphone in calls. */
  declare noiseSuppression: boolean;
  /** Primary host for emergency calls. */
  declare emergencyPrimaryRegion: string;
  /** Secondary host for emergency calls. */
  declare emergencySecondaryRegion: string;
  /** REST request timeout in milliseconds. */
  declare requestTimeoutMs: number;
  /** The `fetch` for REST calls, or `null` for the global one. */
  declare fetch: FetchFunction | null;
  /** The media of calls, or `null` for the runtime's default. */
  declare media: MediaAdapter | null;
  /** Upper bound of the first reconnection delay in milliseconds. */
  declare reconnectBaseDelayMs: number;
  /** Longest wait between reconnection attempts in milliseconds. */
  declare reconnectMaxDelayMs: number;

  /** The defaults of `region` (default `US`). */
  constructor(region: ConfigRegion = "US") {
    const r = checkRegion(region).toLowerCase();
    this.region = checkRegion(region);
    this.apiUrl = `https://api-${r}.vonage.com`;
    this.websocketUrl = `https://ws-${r}.vonage.com`;
    this.websocketPath = "/v2/rtc";
    this.rtcStatsTelemetry = true;
    this.autoReconnectMedia = false;
    this.noiseSuppression = true;
    this.emergencyPrimaryRegion = `https://api-${r}-3.vonage.com`;
    this.emergencySecondaryRegion = `https://api-${r}-4.vonage.com`;
    this.requestTimeoutMs = DEFAULT_REQUEST_TIMEOUT_MS;
    this.fetch = null;
    this.media = null;
    this.reconnectBaseDelayMs = DEFAULT_BACKOFF.baseMs;
    this.reconnectMaxDelayMs = DEFAULT_BACKOFF.capMs;
  }
}

/**
 * {@link ClientConfig} plus the constructor's logging keys, as the official SDK's `ClientInitConfig`:
 * `new VonageClient(new ClientInitConfig("Debug", "EU"))`.
 */
export class ClientInitConfig extends ClientConfig {
  /** Lowest level the internal logger prints. */
  declare loggingLevel: LoggingLevel;
  /** Extra destinations of log lines. */
  declare customLoggers: VonageLogger[];
  /** Do not print to the console. */
  declare disableInternalLogger: boolean;

  /** The defaults of `region`, logging at `loggingLevel` (default `Error`) to the console and `customLoggers`. */
  constructor(
    loggingLevel: LoggingLevel = "Error",
    region?: ConfigRegion,
    customLoggers: VonageLogger[] = [],
  ) {
    super(region);
    this.loggingLevel = loggingLevel;
    this.customLoggers = customLoggers;
    this.disableInternalLogger = false;
  }
}

/**
 * The official SDK's conversion of a constructor configuration for its core; this client takes
 * the object as it is, so this returns a copy (kept so code that calls it keeps working).
 */
export function convertInitConfig(config: ClientInitConfigObject): ClientInitConfigObject {
  return { ...config };
}

/** The settings in use: `config` over the defaults of its region. */
export function resolveConfig(config: ClientConfigObject = {}): ClientConfig {
  const resolved = new ClientConfig(config.region ?? "US");
  const keys = Object.keys(resolved) as (keyof ClientConfig)[];
  for (const key of keys) {
    const value = config[key];
    if (value !== undefined && value !== null) (resolved as unknown as Record<string, unknown>)[key] = value;
  }
  const timeout = resolved.requestTimeoutMs;
  if (!(Number.isFinite(timeout) && timeout > 0)) {
    throw invalidArgument(
      `requestTimeoutMs must be a positive number of milliseconds, got ${String(timeout)}`,
    );
  }
  const backoff = backoffProblem({
    baseMs: resolved.reconnectBaseDelayMs,
    capMs: resolved.reconnectMaxDelayMs,
  });
  if (backoff) throw invalidArgument(backoff);
  return resolved;
}

function checkRegion(region: unknown): ConfigRegion {
  const name = String(region).toUpperCase();
  if (name === "US" || name === "EU" || name === "AP") return name;
  throw invalidArgument(`Unknown region ${JSON.stringify(String(region))}: use "US", "EU" or "AP"`);
}
