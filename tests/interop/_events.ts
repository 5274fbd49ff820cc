// A record of the callbacks one client received, with bounded waits for the next matching one.
// Runtime-neutral: it serves the official SDK driven in Node (via `_official.ts`) as well as any
// in-process client with an `on(name, callback)` method, such as our own `VonageClient`.

/** The default bound of every wait, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 5_000;

interface Entry {
  name: string;
  args: unknown[];
  consumed: boolean;
}

interface Waiter {
  name: string;
  test: (args: unknown[]) => boolean;
  resolve: (args: unknown[]) => void;
  reject: (err: Error) => void;
}

/** Callback argument lists by event name, e.g. `{ conversationEvent: [ConversationEvent] }`. */
export type EventMap = Record<string, unknown[]>;

export class EventLog<M extends EventMap> {
  readonly #entries: Entry[] = [];
  readonly #waiters = new Set<Waiter>();
  #failure: Error | undefined;

  /** `label` names the client in timeout messages, e.g. "alice (official SDK)". */
  constructor(readonly label: string) {}

  /**
   * Records every callback of `names` that `target` emits (anything with `on(name, callback)`, such
   * as a VonageClient); returns the log.
   */
  static attach<M extends EventMap>(
    label: string,
    target: { on(name: never, callback: never): unknown },
    names: readonly (keyof M & string)[],
  ): EventLog<M> {
    const log = new EventLog<M>(label);
    const on = target.on.bind(target) as (name: string, callback: (...args: unknown[]) => void) => unknown;
    for (const name of names) on(name, (...args) => log.record(name, args));
    return log;
  }

  /** Adds one callback invocation; hands it to the oldest waiter it matches, if any. */
  record(name: string, args: unknown[]): void {
    const entry: Entry = { name, args, consumed: false };
    this.#entries.push(entry);
    for (const waiter of this.#waiters) {
      if (waiter.name === name && waiter.test(args)) {
        entry.consumed = true;
        this.#waiters.delete(waiter);
        waiter.resolve(args);
        return;
      }
    }
  }

  /**
   * The argument list of the first not-yet-taken `name` callback that satisfies `predicate`,
   * received earlier or within `timeoutMs`. Each callback is handed out once, so two waits for
   * equal events get two different ones. Rejects with a message listing what did arrive.
   */
  nextEvent<N extends keyof M & string>(
    name: N,
    predicate: (...args: M[N]) => boolean = () => true,
    timeoutMs: number = DEFAULT_TIMEOUT_MS,
  ): Promise<M[N]> {
    if (this.#failure) return Promise.reject(this.#failure);
    const test = (args: unknown[]) => {
      try {
        return predicate(...(args as M[N]));
      } catch {
        return false; // a predicate reading a field another kind lacks simply does not match
      }
    };
    const earlier = this.#entries.find((e) => !e.consumed && e.name === name && test(e.args));
    if (earlier) {
      earlier.consumed = true;
      return Promise.resolve(earlier.args as M[N]);
    }
    return new Promise<M[N]>((resolve, reject) => {
      const waiter: Waiter = {
        name,
        test,
        resolve: (args) => {
          clearTimeout(timer);
          resolve(args as M[N]);
        },
        reject: (err) => {
          clearTimeout(timer);
          reject(err);
        },
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        reject(
          new Error(
            `${this.label}: no '${name}' callback matching ${describe(predicate)} within ${timeoutMs} ms; ` +
              `'${name}' callbacks received: ${this.#summary(name)}`,
          ),
        );
      }, timeoutMs);
      this.#waiters.add(waiter);
    });
  }

  /** The argument lists of every `name` callback received so far, in order. */
  received<N extends keyof M & string>(name: N): M[N][] {
    return this.#entries.filter((e) => e.name === name).map((e) => e.args as M[N]);
  }

  /** Fails every pending and later wait, e.g. because the client process died. */
  fail(err: Error): void {
    this.#failure ??= err;
    for (const waiter of this.#waiters) waiter.reject(err);
    this.#waiters.clear();
  }

  #summary(name: string): string {
    const seen = this.#entries.filter((e) => e.name === name).map((e) => {
      const first = e.args[0] as { kind?: unknown } | undefined;
      const kind = typeof first === "object" && first !== null && "kind" in first ? String(first.kind) : "";
      return kind || JSON.stringify(e.args).slice(0, 80);
    });
    return seen.length ? seen.join(", ") : "none";
  }
}

function describe(predicate: { toString(): string }): string {
  const source = predicate.toString().replace(/\s+/g, " ");
  return source.length > 160 ? source.slice(0, 157) + "..." : source;
}
