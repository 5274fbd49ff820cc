/**
 * Text to speech for `say` and NCCO `talk`, off the server's thread: a worker (speech_worker.ts) runs
 * eSpeak-NG, started on the first request and ended by {@link Speech.close}.
 *
 * @module
 */
import { Worker } from "node:worker_threads";

/** The worker's file next to this one (TypeScript under Deno, JavaScript in the npm build). */
const WORKER_URL = new URL(
  import.meta.url.endsWith(".ts") ? "./speech_worker.ts" : "./speech_worker.js",
  import.meta.url,
);

/** A speech synthesiser running on its own thread. */
export class Speech {
  #worker: Worker | undefined;
  #pending = new Map<number, { resolve: (pcm: Int16Array) => void; reject: (err: Error) => void }>();
  #next = 0;

  /**
   * Speaks `text` in the voice `voiceName` at `level` (-1 … 1, 0 normal); resolves mono PCM at
   * 48 kHz.
   */
  synthesize(text: string, voiceName: string, level: number): Promise<Int16Array> {
    const worker = this.#worker ??= this.#start();
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.postMessage({ id, text, voiceName, level });
    });
  }

  /** Ends the worker; requests in progress are refused. */
  close(): void {
    void this.#worker?.terminate();
    this.#worker = undefined;
    this.#fail(new Error("speech stopped"));
  }

  #start(): Worker {
    const worker = new Worker(WORKER_URL);
    worker.unref();
    worker.on("message", ({ id, pcm, error }: { id: number; pcm?: Int16Array; error?: string }) => {
      const waiting = this.#pending.get(id);
      this.#pending.delete(id);
      if (pcm) waiting?.resolve(pcm);
      else waiting?.reject(new Error(error));
    });
    worker.on("error", (err: Error) => {
      this.#worker = undefined;
      this.#fail(err);
    });
    return worker;
  }

  #fail(err: Error): void {
    for (const { reject } of this.#pending.values()) reject(err);
    this.#pending.clear();
  }
}
