/**
 * The speech thread: eSpeak-NG (WebAssembly) turns text into PCM at the bridge's 48 kHz. It runs in a
 * worker (see speech.ts) because loading the engine (24 MB of voice data) and synthesising a
 * sentence take from a quarter to a whole second, which on the server's thread would stall every
 * call's audio. Vonage's voice names are Amazon Polly's; eSpeak has other voices, so a name picks the
 * language its Polly voice speaks, and unknown names fall back to British English (the voice of the
 * default name, `amy`).
 *
 * Messages in: `{ id, text, voiceName, level }`; out: `{ id, pcm }` or `{ id, error }`.
 *
 * @module
 */
import { parentPort } from "node:worker_threads";
import { loadEspeak } from "./deps.ts";
import { SAMPLE_RATE } from "./opus.ts";

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
    const { default: init } = await loadEspeak();
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
async function synthesize(text: string, voiceName: string, level: number): Promise<Int16Array> {
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
  return resample(pcm, worker.get_samplerate(), SAMPLE_RATE, gain);
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

parentPort?.on("message", async ({ id, text, voiceName, level }) => {
  try {
    const pcm = await synthesize(text, voiceName, level);
    parentPort!.postMessage({ id, pcm }, [pcm.buffer as ArrayBuffer]);
  } catch (err) {
    parentPort!.postMessage({ id, error: String(err) });
  }
});
