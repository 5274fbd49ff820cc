/**
 * Text to speech for `say` and NCCO `talk`: eSpeak-NG (WebAssembly) turns text into PCM at the
 * bridge's 48 kHz, on a worker thread, because loading the engine (24 MB of voice data) and
 * synthesising a sentence take from a quarter to a whole second, which on the server's thread would
 * stall every call's audio. This file is both sides: {@link Speech} on the server's thread, and the
 * worker that runs it (the same module, started with `workerData.role` `"speech"`), so that it is
 * one module of the package whatever the build. The worker starts on the first request and ends with
 * {@link Speech.close}.
 *
 * Vonage's voice names are Amazon Polly's; eSpeak has other voices, so a name picks the language its
 * Polly voice speaks, and unknown names fall back to British English (the voice of the default name,
 * `amy`).
 *
 * Its one dependency is imported here rather than from deps.ts, so that the worker loads neither
 * werift nor anything else it does not use.
 *
 * @module
 */
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

const ROLE = "speech";

/** A speech synthesiser running on its own thread. */
export class Speech {
  #worker: Worker | undefined;
  #pending = new Map<number, { resolve: (pcm: Int16Array) => void; reject: (err: Error) => void }>();
  #next = 0;

  /**
   * Speaks `text` in the voice `voiceName` at `level` (-1 … 1, 0 normal); resolves mono PCM at
   * `rate` samples a second.
   */
  synthesize(text: string, voiceName: string, level: number, rate: number): Promise<Int16Array> {
    const worker = this.#worker ??= this.#start();
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.postMessage({ id, text, voiceName, level, rate });
    });
  }

  /** Starts the worker and loads the engine, so that the first request does not wait for them. */
  warm(): void {
    if (this.#worker) return;
    this.#worker = this.#start();
    this.#worker.postMessage({ warm: true });
  }

  /** Ends the worker; requests in progress are refused. */
  close(): void {
    void this.#worker?.terminate();
    this.#worker = undefined;
    this.#fail(new Error("speech stopped"));
  }

  #start(): Worker {
    const worker = new Worker(new URL(import.meta.url), { workerData: { role: ROLE } });
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

/** eSpeak's language for each Polly voice name it has one for (lower case). */
const LANGUAGES: Record<string, string> = Object.fromEntries(
  Object.entries({
    "en-gb": "amy emma brian arthur",
    "en-us": "joanna kimberly salli ivy kendra joey justin matthew kevin ruth stephen danielle gregory",
    "en-au": "nicole russell olivia",
    "en-in": "aditi raveena kajal",
    de: "hans marlene vicki daniel",
    fr: "celine mathieu lea remi",
    es: "conchita enrique lucia sergio",
    it: "carla giorgio bianca adriano",
    pt: "ines cristiano",
    "pt-br": "vitoria ricardo camila thiago",
    nl: "lotte ruben laura",
    ja: "mizuki takumi kazuha tomoko",
  }).flatMap(([language, names]) => names.split(" ").map((name) => [name, language])),
);
const DEFAULT_LANGUAGE = "en-gb";

/** Peak level of speech before `level` applies: leaves room for `level` 1 (twice as loud). */
const NORMAL_PEAK = 0.45 * 32767;

interface EspeakWorker {
  set_voice(name: string): number;
  get_samplerate(): number;
  synthesize(text: string, callback: (samples: Int16Array | null) => number): void;
}

let engine: Promise<EspeakWorker> | undefined;

function espeak(): Promise<EspeakWorker> {
  engine ??= (async () => {
    // eSpeak-NG compiled to WebAssembly (GPL-3.0, like eSpeak-NG itself).
    // deno-lint-ignore no-import-prefix
    const { default: init } = await import("npm:@echogarden/espeak-ng-emscripten@^0.3.5");
    const module = await init() as { eSpeakNGWorker: new () => EspeakWorker };
    return new module.eSpeakNGWorker();
  })();
  return engine;
}

/** The eSpeak language for a Vonage voice name. */
function languageOf(voiceName: string): string {
  return LANGUAGES[voiceName.toLowerCase()] ?? DEFAULT_LANGUAGE;
}

/**
 * Speaks `text` in the voice `voiceName` at `level` (-1 quietest … 0 normal … 1 loudest, each step of
 * 1 doubling the amplitude); resolves mono PCM at 48 kHz.
 */
async function synthesize(text: string, voiceName: string, level: number, rate: number): Promise<Int16Array> {
  const worker = await espeak();
  if (worker.set_voice(languageOf(voiceName)) !== 0) worker.set_voice(DEFAULT_LANGUAGE);
  const chunks: Int16Array[] = [];
  worker.synthesize(text, (samples) => {
    if (samples) chunks.push(samples.slice());
    return 0;
  });
  const pcm = concat(chunks);
  let peak = 1;
  for (const s of pcm) peak = Math.max(peak, Math.abs(s));
  const gain = (NORMAL_PEAK / peak) * 2 ** Math.max(-1, Math.min(1, level));
  return resample(pcm, worker.get_samplerate(), rate, gain);
}

function concat(chunks: Int16Array[]): Int16Array {
  const out = new Int16Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Linear-interpolation resampling with a gain; speech has little above eSpeak's 11 kHz Nyquist anyway. */
function resample(input: Int16Array, from: number, to: number, gain: number): Int16Array {
  const out = new Int16Array(Math.floor((input.length * to) / from));
  for (let i = 0; i < out.length; i++) {
    const x = (i * from) / to;
    const j = Math.floor(x);
    const a = input[j] ?? 0;
    const b = input[j + 1] ?? a;
    out[i] = Math.max(-32768, Math.min(32767, Math.round((a + (b - a) * (x - j)) * gain)));
  }
  return out;
}

// The worker's side: requests `{ id, text, voiceName, level }`, answers `{ id, pcm }` or `{ id, error }`.
if (!isMainThread && workerData?.role === ROLE) {
  parentPort!.on("message", async ({ warm, id, text, voiceName, level, rate }) => {
    if (warm) return void espeak().catch(() => {});
    try {
      const pcm = await synthesize(text, voiceName, level, rate);
      parentPort!.postMessage({ id, pcm }, [pcm.buffer as ArrayBuffer]);
    } catch (err) {
      parentPort!.postMessage({ id, error: String(err) });
    }
  });
}
