// The one helper of every test folder for "record the callbacks a client receives, and wait for one
// with a deadline" (no sleeps). It serves our VonageClient (tests/_client_fixture.ts, the voice and fault
// fixtures), the official SDK driven in Node (tests/interop), and raw socket.io clients
// (tests/_server_helpers.ts): anything that reports callbacks as a name and an argument list.
// Portable: no Deno APIs, so it runs on the npm build in Node too.

/** The default bound of every wait, in milliseconds. */
export const WAIT_MS = 5_000;

/** Callback argument lists by event name, e.g. `{ conversationEvent: [ConversationEvent] }`. */
export type EventMap = Record<string, unknown[]>;

interface Entry {
  name: string;
  args: unknown[];
  /** Handed out by {@link CallbackLog.nextEvent} already. */
  taken: boolean;
}

/** What a client's callbacks received, in order, with bounded waits for what is still to come. */
export class CallbackLog<M extends EventMap> {
  readonly #entries: Entry[] = [];
  /** Re-checked after every record; each removes itself once satisfied or timed out. */
  readonly #waiters = new Set<() => void>();
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
  ): CallbackLog<M> {
    const log = new CallbackLog<M>(label);
    const on = target.on.bind(target) as (name: string, callback: (...args: unknown[]) => void) => unknown;
    for (const name of names) on(name, (...args) => log.record(name, args));
    return log;
  }

  /** Adds one callback invocation and wakes the waits. */
  record(name: string, args: unknown[]): void {
    this.#entries.push({ name, args, taken: false });
    for (const waiter of [...this.#waiters]) waiter();
  }

  /** The argument lists of every `name` callback received so far, in order. */
  received<N extends keyof M & string>(name: N): M[N][] {
    return this.#entries.filter((e) => e.name === name).map((e) => e.args as M[N]);
  }

  /** The names of the callbacks received so far (only those not handed out, with `untaken`). */
  names(untaken = false): string[] {
    return this.#entries.filter((e) => !untaken || !e.taken).map((e) => e.name);
  }

  /**
   * Resolves with what `found()` returns once that is not `undefined`, checked now and after every
   * callback; rejects after `timeoutMs` with `what` and a summary of what did arrive.
   */
  until<T>(found: () => T | undefined, what: string, timeoutMs: number = WAIT_MS): Promise<T> {
    if (this.#failure) return Promise.reject(this.#failure);
    const now = found();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise<T>((resolve, reject) => {
      const waiter = () => {
        if (this.#failure) return settle(() => reject(this.#failure));
        const value = found();
        if (value !== undefined) settle(() => resolve(value));
      };
      const settle = (done: () => void) => {
        clearTimeout(timer);
        this.#waiters.delete(waiter);
        done();
      };
      const timer = setTimeout(() => {
        settle(() =>
          reject(new Error(`${this.label}: no ${what} within ${timeoutMs} ms; received: ${this.#summary()}`))
        );
      }, timeoutMs);
      this.#waiters.add(waiter);
    });
  }

  /**
   * The argument list of the first not-yet-taken `name` callback that satisfies `predicate`,
   * received earlier or within `timeoutMs`. Each callback is handed out once, so two waits for
   * equal events get two different ones.
   */
  nextEvent<N extends keyof M & string>(
    name: N,
    predicate: (...args: M[N]) => boolean = () => true,
    timeoutMs: number = WAIT_MS,
  ): Promise<M[N]> {
    const test = (args: unknown[]) => {
      try {
        return predicate(...(args as M[N]));
      } catch {
        return false; // a predicate reading a field another kind lacks simply does not match
      }
    };
    const take = () => {
      const entry = this.#entries.find((e) => !e.taken && e.name === name && test(e.args));
      if (!entry) return undefined;
      entry.taken = true;
      return entry.args as M[N];
    };
    return this.until(take, `'${name}' callback matching ${describe(predicate)}`, timeoutMs);
  }

  /** Fails every pending and later wait, e.g. because the client process died. */
  fail(err: Error): void {
    this.#failure ??= err;
    for (const waiter of [...this.#waiters]) waiter();
  }

  #summary(): string {
    const seen = this.#entries.map((e) => {
      const first = e.args[0] as { kind?: unknown } | undefined;
      const kind = typeof first === "object" && first !== null && "kind" in first
        ? `(${String(first.kind)})`
        : "";
      return e.name + kind;
    });
    return seen.length ? seen.join(", ") : "nothing";
  }
}

function describe(predicate: { toString(): string }): string {
  const source = predicate.toString().replace(/\s+/g, " ");
  return source.length > 160 ? source.slice(0, 157) + "..." : source;
}
