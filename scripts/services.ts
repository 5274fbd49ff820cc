/**
 * Throwaway services for tests and benchmarks, on loopback only: a PostgreSQL cluster in a temporary
 * directory, installed from Debian first when missing (`apt-get update` and `apt-get install`, as
 * root). PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user
 * (created by the Debian package) and its programs run through `runuser`.
 *
 * @module
 */
import { createServer } from "node:net";

/** Where Debian puts PostgreSQL's server programs (the newest major version installed). */
async function postgresBin(): Promise<string | undefined> {
  try {
    const versions: number[] = [];
    for await (const entry of Deno.readDir("/usr/lib/postgresql")) {
      if (/^\d+$/.test(entry.name)) versions.push(Number(entry.name));
    }
    const newest = versions.sort((a, b) => b - a)[0];
    return newest === undefined ? undefined : `/usr/lib/postgresql/${newest}/bin`;
  } catch {
    return undefined;
  }
}

/** Runs a command; throws with its output when it fails. */
async function run(cmd: string, args: string[], options: { env?: Record<string, string> } = {}) {
  const out = await new Deno.Command(cmd, { args, stdout: "piped", stderr: "piped", ...options }).output();
  const text = new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
  if (!out.success) throw new Error(`${cmd} ${args.join(" ")} failed (${out.code}):\n${text}`);
  return text;
}

const isRoot = () => Deno.uid?.() === 0;

/**
 * Installs Debian packages when a program they provide is missing. Needs root (CI machines start
 * empty and run the gate as root); elsewhere, says what to install.
 */
export async function ensureDebianPackages(packages: string[], present: () => Promise<boolean>) {
  if (await present()) return;
  if (!isRoot()) {
    throw new Error(`missing ${packages.join(", ")}: install with apt-get install ${packages.join(" ")}`);
  }
  const env = { DEBIAN_FRONTEND: "noninteractive" };
  await run("apt-get", ["update"], { env });
  await run("apt-get", ["install", "-y", "--no-install-recommends", ...packages], { env });
  if (!await present()) throw new Error(`installing ${packages.join(", ")} did not provide what is needed`);
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/** A running throwaway PostgreSQL. */
export interface PostgresInstance {
  /** `postgres://` URL of its database. */
  readonly url: string;
  /** Stops it immediately (connections are cut), keeping its data. */
  stop(): Promise<void>;
  /** Starts it again after {@link stop}. */
  start(): Promise<void>;
  /** Stops it and deletes its data. */
  destroy(): Promise<void>;
  /** The process id of its postmaster (whose children are the backends), while it runs. */
  pid(): Promise<number>;
}

/** Installs PostgreSQL if needed and starts a fresh cluster on a free loopback port. */
export async function startPostgres(): Promise<PostgresInstance> {
  await ensureDebianPackages(["postgresql"], async () => (await postgresBin()) !== undefined);
  const bin = (await postgresBin())!;
  const dir = await Deno.makeTempDir({ prefix: "parley-pg-" });
  const data = `${dir}/data`;
  const port = await freePort();
  const asOwner = async (program: string, args: string[]) =>
    isRoot()
      ? await run("runuser", ["-u", "postgres", "--", `${bin}/${program}`, ...args])
      : await run(`${bin}/${program}`, args);
  if (isRoot()) await run("chown", ["postgres:", dir]);
  await asOwner("initdb", ["-D", data, "-U", "parley", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  const options = [
    `-p ${port}`,
    "-c listen_addresses=127.0.0.1",
    `-c unix_socket_directories=${dir}`,
    "-c max_connections=200",
  ].join(" ");
  const start = async () => {
    await asOwner("pg_ctl", ["-D", data, "-o", options, "-l", `${dir}/log`, "-w", "-t", "30", "start"]);
  };
  const stop = async () => {
    await asOwner("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
  };
  await start();
  let running = true;
  return {
    url: `postgres://parley@127.0.0.1:${port}/postgres`,
    async stop() {
      await stop();
      running = false;
    },
    async start() {
      await start();
      running = true;
    },
    async destroy() {
      if (running) await stop().catch(() => {});
      running = false;
      await Deno.remove(dir, { recursive: true });
    },
    async pid() {
      return Number((await Deno.readTextFile(`${data}/postmaster.pid`)).split("\n")[0]);
    },
  };
}

/** A running HAProxy. */
export interface LoadBalancer {
  /** Its frontend, e.g. `http://127.0.0.1:4567`. */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Installs HAProxy if needed and starts it on a free loopback port in front of `ports` (round robin,
 * no sticky sessions, websocket upgrades passed through). A server counts as up while it accepts
 * connections (checked every 200 ms), so a node that died gets no more requests.
 */
export async function startHaproxy(ports: number[]): Promise<LoadBalancer> {
  const present = async () => {
    try {
      return (await new Deno.Command("haproxy", { args: ["-v"], stdout: "null", stderr: "null" }).output())
        .success;
    } catch {
      return false;
    }
  };
  await ensureDebianPackages(["haproxy"], present);
  const port = await freePort();
  const dir = await Deno.makeTempDir({ prefix: "parley-haproxy-" });
  const config = `${dir}/haproxy.cfg`;
  await Deno.writeTextFile(
    config,
    [
      "global",
      "  maxconn 4096",
      "defaults",
      "  mode http",
      "  timeout connect 1s",
      "  timeout client 60s",
      "  timeout server 60s",
      "  timeout tunnel 1h",
      "  retries 2",
      "  option redispatch",
      "frontend parley",
      `  bind 127.0.0.1:${port}`,
      "  default_backend nodes",
      "backend nodes",
      "  balance roundrobin",
      ...ports.map((p, i) => `  server node${i} 127.0.0.1:${p} check inter 200 fall 1 rise 1`),
      "",
    ].join("\n"),
  );
  const child = new Deno.Command("haproxy", { args: ["-db", "-f", config], stdout: "null", stderr: "piped" })
    .spawn();
  const errors = child.stderr.pipeTo(new WritableStream());
  // Ready once the frontend accepts connections.
  for (let i = 0;; i++) {
    try {
      (await Deno.connect({ hostname: "127.0.0.1", port })).close();
      break;
    } catch (err) {
      if (i > 100) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      try {
        child.kill("SIGTERM");
      } catch { /* already gone */ }
      await child.status;
      await errors.catch(() => {});
      await Deno.remove(dir, { recursive: true });
    },
  };
}
