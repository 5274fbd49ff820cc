/**
 * A V8 CPU profiler attached to another process through its inspector, and a summary of what it
 * sampled (self time by function and by area): how the bench scripts show where a server's CPU went.
 *
 * @module
 */
import { basename } from "node:path";

/** The server's V8 CPU profiler, through the inspector the server process was started with. */
export class Profiler {
  #socket: WebSocket;
  #id = 0;
  #replies = new Map<number, (result: Record<string, unknown>) => void>();

  private constructor(socket: WebSocket) {
    this.#socket = socket;
    socket.onmessage = (e) => {
      const message = JSON.parse(e.data);
      this.#replies.get(message.id)?.(message.result);
    };
  }

  /** Connects to the inspector listening on `port` (a process started with `--inspect=127.0.0.1:PORT`). */
  static async attach(port: number): Promise<Profiler> {
    const [target] = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
    const socket = new WebSocket(target.webSocketDebuggerUrl);
    await new Promise((resolve, reject) => (socket.onopen = resolve, socket.onerror = reject));
    const profiler = new Profiler(socket);
    await profiler.#call("Profiler.enable");
    await profiler.#call("Profiler.setSamplingInterval", { interval: 1000 });
    return profiler;
  }

  /** Starts sampling. */
  start = () => this.#call("Profiler.start");

  /**
   * Stops sampling; answers the self time by function and by area, heaviest first, under `title`.
   * With `saveAs`, the whole profile is written there too (`.cpuprofile`: Chrome DevTools opens it).
   */
  async stop(title = "server", saveAs?: string): Promise<string> {
    const { profile } = await this.#call("Profiler.stop") as { profile: CpuProfile };
    this.#socket.close();
    if (saveAs) await Deno.writeTextFile(saveAs, JSON.stringify(profile));
    return summarize(title, profile);
  }

  #call(method: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const id = ++this.#id;
    this.#socket.send(JSON.stringify({ id, method, params }));
    return new Promise((resolve) => this.#replies.set(id, resolve));
  }
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time of a CPU profile, by function and by area (npm packages, our server, the runtime, GC, idle). */
function summarize(title: string, profile: CpuProfile): string {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const frame = nodes.get(id)!;
    const file = frame.url === "" ? "" : basename(new URL(frame.url).pathname);
    const name = `${frame.functionName || "(anonymous)"} ${file}${file ? `:${frame.lineNumber + 1}` : ""}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    byArea.set(
      area(frame.url, frame.functionName),
      (byArea.get(area(frame.url, frame.functionName)) ?? 0) + ms,
    );
    total += ms;
  });
  const top = (map: Map<string, number>, n: number) =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, n)
      .map(([what, ms]) => `  ${(100 * ms / total).toFixed(1).padStart(5)} %  ${what}`).join("\n");
  return `${title} CPU profile (${(total / 1000).toFixed(1)} s sampled), by area:\n${top(byArea, 12)}\n` +
    `by function:\n${top(byFunction, 25)}`;
}

function area(url: string, functionName: string): string {
  if (url === "") return functionName; // (garbage collector), (idle), (program), native code
  const npm = url.match(/(?:node_modules|registry\.npmjs\.org)\/(?:\.deno\/)?(@[^/]+\/[^/@]+|[^/@]+)/);
  if (npm) return `npm ${npm[1]}`;
  const ours = url.match(/\/src\/(server\/[^/]+|client|[^/]+)/);
  if (ours) return `ours src/${ours[1]}`;
  if (url.startsWith("ext:")) return `runtime ${url}`;
  return basename(url);
}
