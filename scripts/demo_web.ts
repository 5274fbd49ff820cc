/**
 * `deno task demo:web`: the reference server with its state in a data directory, and a chat web
 * app on our script-tag build (demo/: plain HTML, CSS and TypeScript) served next to it.
 *
 *   deno task demo:web [--port 8080] [--data ./parley-demo-data]
 *
 * Open the printed address in two browser windows (or a normal and a private one) and sign in as
 * two users. The page gets the server's address from `/config` and a dev token from
 * `/token?user=NAME` (dev mode: anyone may be anyone; loopback only).
 *
 * @module
 */
import { join } from "node:path";
import { type ReferenceServer, startServer } from "../server.ts";
import { bundleScriptTag, SCRIPT_TAG } from "./size.ts";

const root = new URL("../", import.meta.url);

/** A running demo: the reference server and the web app's own server. */
export interface Demo {
  /** The chat page. */
  url: string;
  /** The reference server the page talks to. */
  server: ReferenceServer;
  /** Sizes in bytes of what the page loads besides our script-tag build: app.js, index.html, style.css. */
  appBytes: number;
  close(): Promise<void>;
}

/** Options of {@link startDemo}. */
export interface DemoOptions {
  /** Port of the web app (default: a free one). The reference server takes a free port of its own. */
  port?: number;
  /** Where the reference server keeps its state (SQLite); default: a fresh temporary directory. */
  dataDir?: string;
}

/** Compiles demo/app.ts and the script-tag build, starts the reference server and serves the page. */
export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const build = await Deno.makeTempDir({ prefix: "parley-demo-web-" });
  const dataDir = options.dataDir ?? join(build, "data");
  await bundleScriptTag(join(build, SCRIPT_TAG));
  const { code } = await new Deno.Command(Deno.execPath(), {
    args: ["bundle", "--quiet", "--platform", "browser", "-o", join(build, "app.js"), "demo/app.ts"],
    cwd: root,
    stderr: "inherit",
  }).output();
  if (code !== 0) throw new Error("deno bundle demo/app.ts failed");

  const server = await startServer({ port: 0, host: "127.0.0.1", dataDir });
  const files: Record<string, [string, string]> = {
    "/": [new URL("demo/index.html", root).pathname, "text/html"],
    "/style.css": [new URL("demo/style.css", root).pathname, "text/css"],
    "/app.js": [join(build, "app.js"), "text/javascript"],
    [`/${SCRIPT_TAG}`]: [join(build, SCRIPT_TAG), "text/javascript"],
  };
  let appBytes = 0;
  for (const path of ["/", "/style.css", "/app.js"]) appBytes += (await Deno.stat(files[path]![0])).size;

  const web = Deno.serve(
    { hostname: "127.0.0.1", port: options.port ?? 0, onListen() {} },
    async (request) => {
      const { pathname, searchParams } = new URL(request.url);
      if (pathname === "/config") return Response.json({ url: server.url });
      if (pathname === "/token") {
        const user = searchParams.get("user") ?? "";
        if (!/^[A-Za-z0-9_.-]{1,40}$/.test(user)) return new Response("bad user name", { status: 400 });
        return new Response(await server.token(user, { ttlSeconds: 24 * 3600 }));
      }
      const file = files[pathname];
      if (!file) return new Response("not found", { status: 404 });
      return new Response(await Deno.readFile(file[0]), { headers: { "content-type": file[1] } });
    },
  );
  return {
    url: `http://127.0.0.1:${web.addr.port}/`,
    server,
    appBytes,
    async close() {
      await web.shutdown();
      await server.close();
      await Deno.remove(build, { recursive: true }).catch(() => {});
    },
  };
}

if (import.meta.main) {
  const args = Deno.args;
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const demo = await startDemo({
    port: Number(value("--port") ?? 8080),
    dataDir: value("--data") ?? "parley-demo-data",
  });
  console.log(`Parley chat: ${demo.url}`);
  console.log(`  reference server ${demo.server.url}, state in ${value("--data") ?? "parley-demo-data"}/`);
  console.log("  open it in two windows and sign in as two users; Ctrl+C stops");
  Deno.addSignalListener("SIGINT", () => demo.close().then(() => Deno.exit(0)));
}
