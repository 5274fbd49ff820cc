// A reference server in a process of its own (`server.ts` as a program), so a test can kill it with
// SIGKILL and start it again over the same state.
import type { ReferenceServer } from "../../server.ts";

const serverTs = new URL("../../server.ts", import.meta.url).pathname;

/** A server process and the dev tokens it printed. */
export interface ServerProcess {
  readonly url: string;
  /** With PostgreSQL: its node name (as in the `sessions` table). */
  readonly node: string | undefined;
  /** Tokens printed at start, by user name. */
  readonly tokens: Record<string, string>;
  /** Stands in for a {@link ReferenceServer} where tests only need `url` and `token()`. */
  readonly reference: ReferenceServer;
  /** Sends a signal and waits for the process to end. */
  kill(signal: Deno.Signal): Promise<void>;
}

/** Starts `server.ts` with `args` and waits until it printed a token for each of `users`. */
export async function spawnServer(args: string[], users: string[]): Promise<ServerProcess> {
  return await launchServer(args, users).ready;
}

/** Starts `server.ts` with `args`; `ready` resolves once it printed a token for each of `users`. */
export function launchServer(
  args: string[],
  users: string[],
): { ready: Promise<ServerProcess>; kill(signal: Deno.Signal): Promise<void> } {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-all", serverTs, ...args, ...users.flatMap((u) => ["--user", u])],
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  const kill = async (signal: Deno.Signal) => {
    try {
      child.kill(signal);
    } catch { /* already gone */ }
    await child.status;
  };
  return { ready: ready(child, users, kill), kill };
}

async function ready(
  child: Deno.ChildProcess,
  users: string[],
  kill: (signal: Deno.Signal) => Promise<void>,
): Promise<ServerProcess> {
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let output = "";
  const ready = () => users.every((u) => new RegExp(`^ {2}${u}: \\S+$`, "m").test(output));
  const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  while (!ready()) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`the server ended before it was ready:\n${output}`);
    output += value;
  }
  clearTimeout(timer);
  // Keep draining its output so it never blocks on a full pipe.
  const drained = (async () => {
    while (!(await reader.read()).done);
  })();
  const url = /listening on (http:\/\/\S+)/.exec(output)![1]!;
  const tokens = Object.fromEntries(
    users.map((u) => [u, new RegExp(`^ {2}${u}: (\\S+)$`, "m").exec(output)![1]!]),
  );
  const reference = {
    url,
    token: (name: string) =>
      Promise.resolve(tokens[name] ?? Promise.reject(new Error(`no token for ${name}`))),
  } as unknown as ReferenceServer;
  return {
    url,
    node: /\(node (\d+) of/.exec(output)?.[1],
    tokens,
    reference,
    async kill(signal) {
      await kill(signal);
      await drained.catch(() => {});
    },
  };
}
