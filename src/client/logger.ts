/**
 * Logging: levels, topics, custom loggers, and the redaction every line goes through, so a
 * token never reaches a console or a custom logger.
 *
 * @module
 */
import { enumOf } from "../enum_of.ts";

/** How much to log, from everything (`Verbose`) to almost nothing (`Assert`). */
export const LoggingLevel: {
  /** Everything. */
  readonly Verbose: "Verbose";
  /** Details useful when debugging (requests, socket events). */
  readonly Debug: "Debug";
  /** Notable events (session opened, reconnected). */
  readonly Info: "Info";
  /** Problems the client worked around (skipped malformed events). */
  readonly Warn: "Warn";
  /** Failures (the default level). */
  readonly Error: "Error";
  /** Only broken assumptions. */
  readonly Assert: "Assert";
} = enumOf("Verbose Debug Info Warn Error Assert");
/** One of the values of {@link LoggingLevel}. */
export type LoggingLevel = typeof LoggingLevel[keyof typeof LoggingLevel];

/** Areas of the client a log line can come from. */
export const Topics: {
  /** REST requests. */
  readonly HTTP: "HTTP";
  /** The websocket session. */
  readonly WS: "WS";
  /** Media (voice). */
  readonly MEDIA: "MEDIA";
  /** Public methods and callbacks. */
  readonly API: "API";
  /** Client state. */
  readonly STORE: "STORE";
  /** State changes. */
  readonly REDUCER: "REDUCER";
  /** Emergency calls. */
  readonly EMERGENCY: "EMERGENCY";
  /** Anything else. */
  readonly DEFAULT: "DEFAULT";
} = enumOf("HTTP WS MEDIA API STORE REDUCER EMERGENCY DEFAULT");
/** One of the values of {@link Topics}. */
export type Topics = typeof Topics[keyof typeof Topics];

/** The topic of a log line, passed to custom loggers (a value too, like the official SDK's `Topic`). */
export class Topic {
  /** The area, and a short label for it. */
  constructor(
    /** The area. */
    readonly name: Topics,
    /** A short label for the area. */
    readonly tag: string,
  ) {}

  /** A Topic with `name` and `tag` changed where given. */
  copy(name: Topics = this.name, tag: string = this.tag): Topic {
    return new Topic(name, tag);
  }

  /** True for a Topic with the same name and tag. */
  equals(other: unknown): boolean {
    return other instanceof Topic && other.name === this.name && other.tag === this.tag;
  }

  /** `Topic(name=…, tag=…)`. */
  toString(): string {
    return `Topic(name=${this.name}, tag=${this.tag})`;
  }
}

/** A destination for log lines, given to the client as one of `customLoggers`. */
export interface VonageLogger {
  /** Name of the logger, for your own bookkeeping. */
  name: string;
  /** Lowest level passed to this logger; defaults to the client's `loggingLevel`. */
  minLogLevel?: LoggingLevel | null | undefined;
  /** Only these topics; all when absent or empty. */
  topics?: Topics[] | null | undefined;
  /** Receives one line, already redacted. */
  onLog(level: LoggingLevel, topic: Topic, message: string): void;
}

/**
 * Creates a {@link VonageLogger}.
 *
 * @example Collect warnings and errors about the session
 * ```ts
 * import { createVonageLogger, LoggingLevel, Topics } from "./logger.ts";
 * const lines: string[] = [];
 * const logger = createVonageLogger("mine", (level, topic, message) => {
 *   lines.push(`${level} ${topic.name} ${message}`);
 * }, LoggingLevel.Warn, [Topics.WS]);
 * ```
 */
export function createVonageLogger(
  name: string,
  onLog: (level: LoggingLevel, topic: Topic, message: string) => void,
  minLogLevel?: LoggingLevel,
  topics?: Topics[],
): VonageLogger {
  return { name, onLog, minLogLevel, topics };
}

/** Each level's rank, from 0 (`Verbose`) to 5 (`Assert`): their order in {@link LoggingLevel}. */
const RANK = Object.fromEntries(Object.keys(LoggingLevel).map((level, i) => [level, i])) as Record<
  LoggingLevel,
  number
>;

// A JWT is three base64url parts; its JSON header always encodes to a string starting with "eyJ".
const JWT = /eyJ[\w-]*\.[\w-]*(?:\.[\w-]*)?/g;
const TOKEN_PARAM = /\b(token=)[^&\s"',;]+/gi;
const BEARER = /\b(bearer\s+)[^\s"',;]+/gi;

/** Replaces anything that looks like a token (a JWT, `token=…`, `Bearer …`) with `[redacted]`. */
export function redact(text: string): string {
  return text.replace(JWT, "[redacted]").replace(TOKEN_PARAM, "$1[redacted]").replace(BEARER, "$1[redacted]");
}

/** Settings of a {@link Logger}, from the client's constructor config. */
export interface LoggerOptions {
  /** Lowest level printed by the internal logger (default `Error`). */
  loggingLevel?: LoggingLevel | null | undefined;
  /** Extra destinations. */
  customLoggers?: VonageLogger[] | null | undefined;
  /** Do not print to the console. */
  disableInternalLogger?: boolean | null | undefined;
}

/** The client's logger: redacts each line, then hands it to the console and the custom loggers. */
export class Logger {
  readonly #level: number;
  readonly #custom: VonageLogger[];
  readonly #console: boolean;

  /** Creates a logger from the client's settings. */
  constructor(options: LoggerOptions = {}) {
    this.#level = RANK[options.loggingLevel ?? "Error"] ?? RANK.Error;
    this.#custom = [...(options.customLoggers ?? [])];
    this.#console = options.disableInternalLogger !== true;
  }

  /** Logs at `Debug`. */
  debug(topic: Topics, message: string): void {
    this.log("Debug", topic, message);
  }
  /** Logs at `Info`. */
  info(topic: Topics, message: string): void {
    this.log("Info", topic, message);
  }
  /** Logs at `Warn`. */
  warn(topic: Topics, message: string): void {
    this.log("Warn", topic, message);
  }
  /** Logs at `Error`. */
  error(topic: Topics, message: string): void {
    this.log("Error", topic, message);
  }

  /** Logs one line at `level`; a throwing custom logger is ignored. */
  log(level: LoggingLevel, topic: Topics, message: string): void {
    const rank = RANK[level];
    const line = redact(message);
    if (this.#console && rank >= this.#level) {
      const text = `[parley] ${level} ${topic}: ${line}`;
      if (rank >= RANK.Error) console.error(text);
      else if (rank === RANK.Warn) console.warn(text);
      else console.log(text);
    }
    for (const logger of this.#custom) {
      const min = logger.minLogLevel ? RANK[logger.minLogLevel] : this.#level;
      if (rank < min) continue;
      if (logger.topics?.length && !logger.topics.includes(topic)) continue;
      try {
        logger.onLog(level, new Topic(topic, `parley:${topic.toLowerCase()}`), line);
      } catch {
        // A broken logger must not break the client.
      }
    }
  }
}
