// One official-SDK user for the interop tests: a Node child process running official_driver.mjs,
// spoken to over JSON lines. Methods keep the SDK's names and argument orders.
import { fileURLToPath } from "node:url";
import type { OfficialApi, OfficialError, OfficialEvents } from "./_api.ts";
import { CallbackLog, WAIT_MS } from "../_record.ts";
import { installOfficialSdk } from "./_install.ts";

const DRIVER = fileURLToPath(new URL("./official_driver.mjs", import.meta.url));
const START_TIMEOUT_MS = 20_000;
const STDERR_LINES_KEPT = 40;
// Set PARLEY_INTEROP_VERBOSE=1 to see the SDK's own logs while the tests run.
const VERBOSE = Deno.env.get("PARLEY_INTEROP_VERBOSE") === "1";

/** A rejection of the official SDK, with the VonageError's `type` and `code`. */
export class OfficialSdkError extends Error implements OfficialError {
  readonly type: string | null;
  readonly code: string | null;
  constructor(method: string, error: OfficialError) {
    super(`official ${method} rejected: ${error.type} ${error.code}: ${error.message}`);
    this.name = "OfficialSdkError";
    this.type = error.type;
    this.code = error.code;
  }
}

/** Options of {@link OfficialClient.start}. */
export interface StartOptions {
  /** Install stand-ins for the WebRTC globals calls need (webrtc_stub.mjs) before loading the SDK. */
  webrtc?: boolean;
}

interface Pending {
  method: string;
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

type Reply = { id: number; ok: true; value?: unknown } | { id: number; ok: false; error: OfficialError };
type Line = Reply | { event: string; args: unknown[] } | { ready: { version: string } };

export class OfficialClient {
  /** Every callback this client received. */
  readonly events: CallbackLog<OfficialEvents>;
  /** The SDK version the driver loaded (from its package.json). */
  sdkVersion = "";
  /** Bound of each `call`, in milliseconds. */
  callTimeoutMs = 10_000;

  readonly #child: Deno.ChildProcess;
  readonly #stdin: WritableStreamDefaultWriter<Uint8Array>;
  readonly #pending = new Map<number, Pending>();
  readonly #stderr: string[] = [];
  readonly #readers: Promise<void>[];
  readonly #ready: Promise<void>;
  #nextId = 1;
  #closing = false;
  #exit: Error | undefined;

  private constructor(readonly label: string, sdkDir: string, serverUrl: string, options: StartOptions) {
    this.events = new CallbackLog(label);
    this.#child = new Deno.Command("node", {
      args: [DRIVER, serverUrl],
      env: { PARLEY_OFFICIAL_SDK: sdkDir, ...options.webrtc ? { PARLEY_WEBRTC_STUB: "1" } : {} },
      stdin: "piped",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    this.#stdin = this.#child.stdin.getWriter();
    let ready!: () => void;
    this.#ready = new Promise((resolve) => ready = resolve);
    this.#readers = [
      readLines(this.#child.stdout, (line) => this.#onStdout(line, ready)),
      readLines(this.#child.stderr, (line) => this.#onStderr(line)),
    ];
    this.#child.status.then((status) => this.#onExit(status.code));
  }

  /** Installs the SDK if needed, starts a driver against `serverUrl` and waits until it is ready. */
  static async start(
    serverUrl: string,
    label = "official client",
    options: StartOptions = {},
  ): Promise<OfficialClient> {
    const sdkDir = await installOfficialSdk();
    const client = new OfficialClient(`${label} (official SDK)`, sdkDir, serverUrl, options);
    try {
      await bounded(
        Promise.race([client.#ready, client.#child.status.then(() => Promise.reject(client.#exit))]),
        START_TIMEOUT_MS,
        () => `${client.label} did not start within ${START_TIMEOUT_MS} ms.${client.#stderrTail()}`,
      );
    } catch (err) {
      await client.close();
      throw err;
    }
    return client;
  }

  /** Calls the SDK method `method` with `args`; rejects with an OfficialSdkError when the SDK does. */
  call<M extends keyof OfficialApi>(
    method: M,
    ...args: Parameters<OfficialApi[M]>
  ): Promise<ReturnType<OfficialApi[M]>> {
    return this.callAny(method, args) as Promise<ReturnType<OfficialApi[M]>>;
  }

  /** `call` for methods `OfficialApi` does not declare (e.g. the voice ones). */
  callAny(method: string, args: unknown[]): Promise<unknown> {
    if (this.#exit) return Promise.reject(this.#exit);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(`${this.label}: ${method} did not settle within ${this.callTimeoutMs} ms`));
      }, this.callTimeoutMs);
      this.#pending.set(id, { method, resolve, reject, timer });
      const line = JSON.stringify({ id, method, args }) + "\n";
      this.#stdin.write(new TextEncoder().encode(line)).catch((err) => this.#settle(id, undefined, err));
    });
  }

  /** Like `call`, but resolves the rejection (and fails when the SDK resolved instead). */
  async callError<M extends keyof OfficialApi>(
    method: M,
    ...args: Parameters<OfficialApi[M]>
  ): Promise<OfficialSdkError> {
    try {
      const value = await this.call(method, ...args);
      throw new Error(`${this.label}: expected ${method} to reject, it resolved ${JSON.stringify(value)}`);
    } catch (err) {
      if (err instanceof OfficialSdkError) return err;
      throw err;
    }
  }

  /** See CallbackLog.nextEvent: the next not-yet-taken matching callback, within `timeoutMs`. */
  nextEvent<N extends keyof OfficialEvents>(
    name: N,
    predicate?: (...args: OfficialEvents[N]) => boolean,
    timeoutMs: number = WAIT_MS,
  ): Promise<OfficialEvents[N]> {
    return this.events.nextEvent(name, predicate, timeoutMs);
  }

  /** Ends the driver process (closing stdin, then killing it if it lingers). Safe to call twice. */
  async close(): Promise<void> {
    if (!this.#closing) {
      this.#closing = true;
      await this.#stdin.close().catch(() => {});
      const exited = await bounded(this.#child.status, 2_000, () => "").then(() => true, () => false);
      if (!exited) {
        try {
          this.#child.kill("SIGKILL");
        } catch { /* already gone */ }
      }
    }
    await this.#child.status;
    await Promise.all(this.#readers);
  }

  #onStdout(text: string, ready: () => void): void {
    let line: Line;
    try {
      line = JSON.parse(text);
    } catch {
      this.#onStderr(`[stdout] ${text}`); // not ours: keep it for diagnostics
      return;
    }
    if ("ready" in line) {
      this.sdkVersion = line.ready.version;
      ready();
    } else if ("event" in line) this.events.record(line.event, line.args);
    else if (line.ok) this.#settle(line.id, line.value);
    else {this.#settle(
        line.id,
        undefined,
        new OfficialSdkError(this.#pending.get(line.id)?.method ?? "?", line.error),
      );}
  }

  #settle(id: number, value: unknown, err?: Error): void {
    const pending = this.#pending.get(id);
    if (!pending) return;
    this.#pending.delete(id);
    clearTimeout(pending.timer);
    if (err) pending.reject(err);
    else pending.resolve(value);
  }

  #onStderr(line: string): void {
    if (VERBOSE) console.error(`[${this.label}] ${line}`);
    this.#stderr.push(line);
    if (this.#stderr.length > STDERR_LINES_KEPT) this.#stderr.shift();
  }

  #onExit(code: number): void {
    const why = this.#closing ? "was closed" : `exited unexpectedly (code ${code})`;
    this.#exit = new Error(`${this.label} ${why}.${this.#closing ? "" : this.#stderrTail()}`);
    for (const id of [...this.#pending.keys()]) this.#settle(id, undefined, this.#exit);
    this.events.fail(this.#exit);
  }

  #stderrTail(): string {
    return this.#stderr.length ? `\nLast driver stderr lines:\n${this.#stderr.join("\n")}` : "";
  }
}

/**
 * Starts one official client per label, in parallel: `const [a, b] = await startOfficial(url, "a", "b")`.
 * If one fails to start, the others are closed before the error is thrown.
 */
export function startOfficial(serverUrl: string, ...labels: string[]): Promise<OfficialClient[]> {
  return startOfficialClients(serverUrl, labels);
}

/** {@link startOfficial} with options, e.g. `{ webrtc: true }` for clients that make calls. */
export async function startOfficialClients(
  serverUrl: string,
  labels: string[],
  options: StartOptions = {},
): Promise<OfficialClient[]> {
  const started = await Promise.allSettled(
    labels.map((label) => OfficialClient.start(serverUrl, label, options)),
  );
  const clients = started.flatMap((s) => s.status === "fulfilled" ? [s.value] : []);
  const failed = started.find((s) => s.status === "rejected");
  if (failed) {
    await Promise.all(clients.map((c) => c.close()));
    throw failed.reason;
  }
  return clients;
}

async function readLines(stream: ReadableStream<Uint8Array>, onLine: (line: string) => void): Promise<void> {
  const decoder = new TextDecoder();
  let rest = "";
  for await (const bytes of stream) {
    const parts = (rest + decoder.decode(bytes, { stream: true })).split("\n");
    rest = parts.pop() ?? "";
    for (const part of parts) if (part.trim()) onLine(part);
  }
  if (rest.trim()) onLine(rest);
}

function bounded<T>(promise: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message())), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
