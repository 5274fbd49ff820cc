// The page side of the browser tests: a phone that a test drives through `globalThis.phone` (see
// _browser.ts). `?sdk=parley` loads our browser bundle (/parley/mod.js, as `deno task size` builds it),
// `?sdk=official` the official SDK's browser build. It records the client's callbacks, notes every
// microphone the client opens, and listens to a call's received audio with a WebAudio analyser.

const sdk = new URL(location.href).searchParams.get("sdk") ?? "parley";
const lib = await import(sdk === "official" ? "/official/vonageClientSDK.min.mjs" : "/parley/mod.js");

/** Every stream getUserMedia gave the page, to check that hangup releases the microphone. */
const mics = [];
const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
navigator.mediaDevices.getUserMedia = async (constraints) => {
  const stream = await getUserMedia(constraints);
  mics.push(stream);
  return stream;
};

const EVENTS = [
  "callInvite",
  "callHangup",
  "callMediaError",
  "callMediaDisconnect",
  "callMediaReconnecting",
  "callMediaReconnection",
  "legStatusUpdate",
  "rtcStatsUpdate",
  "mute",
  "earmuff",
];

/** Callback arguments as plain data (errors by type, code and message). */
function plain(value) {
  if (value instanceof Error) return { type: value.type, code: value.code, message: value.message };
  return JSON.parse(JSON.stringify(value ?? null));
}

let client;
let loginConfig;
const events = [];
const analysers = new Map();

/** An analyser on the audio a call receives (the remote track of its peer connection, which a reconnect replaces). */
function analyserOf(callId) {
  const pc = client.getPeerConnection(callId);
  if (!pc) throw new Error(`no peer connection for call ${callId}`);
  let entry = analysers.get(callId);
  if (entry?.pc !== pc) {
    entry?.context.close();
    const track = pc.getReceivers().map((r) => r.track).find((t) => t?.kind === "audio");
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 8192;
    analyser.smoothingTimeConstant = 0;
    context.createMediaStreamSource(new MediaStream([track])).connect(analyser);
    entry = { pc, context, analyser };
    analysers.set(callId, entry);
  }
  return entry;
}

globalThis.phone = {
  sdk,
  events,

  /** Logs in to the server at `url`; `relayOnly` makes calls whose ICE can never connect (no TURN server). */
  async login(url, token, { relayOnly = false } = {}) {
    // Configured as the official SDK's own documentation does it: setConfig after the constructor.
    // Its telemetry would post to Vonage's host: off for it, on for ours (rtcStatsUpdate only).
    const config = { apiUrl: url, websocketUrl: url, rtcStatsTelemetry: sdk === "parley" };
    if (relayOnly) config.media = lib.webRtcMedia(null, { iceTransportPolicy: "relay", iceServers: [] });
    client = new lib.VonageClient({ loggingLevel: "Warn" });
    client.setConfig(loginConfig = config);
    for (const name of EVENTS) {
      client.on(name, (...args) => events.push({ name, args: args.map(plain) }));
    }
    await client.createSession(token);
  },

  /** setConfig with the login's keys plus `extra` (setConfig replaces the whole configuration). */
  configure(extra) {
    client.setConfig({ ...loginConfig, ...extra });
  },

  /** Calls a client method. */
  async invoke(method, ...args) {
    return plain(await client[method](...args));
  },

  /** The arguments of the latest `name` callback, or null. */
  last(name) {
    return events.findLast((e) => e.name === name)?.args ?? null;
  },

  /** Resolves the arguments of the first `name` callback from `index` on (polling; bounded by `timeoutMs`). */
  async waitFor(name, timeoutMs, from = 0) {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      const hit = events.slice(from).find((e) => e.name === name);
      if (hit) return hit.args;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(
      `${sdk}: no ${name} within ${timeoutMs} ms; heard ${events.map((e) => e.name).join(", ")}`,
    );
  },

  /**
   * Listens to what call `callId` receives for `ms` and reports, per frequency asked, the loudest level
   * (dBFS) seen within 15 Hz of it, the loudest level in the speech band (300-3400 Hz), and the peak.
   */
  async listen(callId, frequencies, ms = 1200) {
    const { context, analyser } = analyserOf(callId);
    await context.resume();
    const bins = new Float32Array(analyser.frequencyBinCount);
    const loudest = new Float32Array(analyser.frequencyBinCount).fill(-Infinity);
    const end = Date.now() + ms;
    while (Date.now() < end) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      analyser.getFloatFrequencyData(bins);
      for (let i = 0; i < bins.length; i++) loudest[i] = Math.max(loudest[i], bins[i]);
    }
    const hz = context.sampleRate / analyser.fftSize;
    const band = (low, high) => {
      let db = -Infinity;
      for (let i = Math.ceil(low / hz); i <= Math.floor(high / hz); i++) db = Math.max(db, loudest[i]);
      return Math.max(db, -200); // -Infinity does not survive the trip to the test
    };
    let peak = 0;
    for (let i = 1; i < loudest.length; i++) if (loudest[i] > loudest[peak]) peak = i;
    return {
      levels: Object.fromEntries(frequencies.map((f) => [f, band(f - 15, f + 15)])),
      speech: band(300, 3400),
      peakHz: peak * hz,
    };
  },

  /** What call `callId`'s peer connection says of its transport and packets (for failure messages). */
  async transport(callId) {
    const pc = client.getPeerConnection(callId);
    if (!pc) return "no peer connection";
    const parts = [`state ${pc.connectionState}`];
    const reports = [...(await pc.getStats()).values()];
    const byId = new Map(reports.map((r) => [r.id, r]));
    for (const r of reports) {
      if (r.type === "transport") {
        parts.push(
          `dtls ${r.dtlsState} ${r.dtlsRole ?? ""} srtp ${
            r.srtpCipher ?? "-"
          } bytes ${r.bytesSent}/${r.bytesReceived}`,
        );
        const pair = byId.get(r.selectedCandidatePairId);
        const local = byId.get(pair?.localCandidateId), remote = byId.get(pair?.remoteCandidateId);
        if (pair) {
          parts.push(
            `pair ${local?.address}:${local?.port} -> ${remote?.address}:${remote?.port} (${remote?.candidateType})`,
          );
        }
      }
      if (r.type === "inbound-rtp") parts.push(`received ${r.packetsReceived}`);
      if (r.type === "outbound-rtp") parts.push(`sent ${r.packetsSent}`);
    }
    return parts.join(", ");
  },

  /** Whether the client hands out the call's peer connection and an audio output element. */
  media(callId) {
    return {
      peerConnection: client.getPeerConnection(callId) instanceof RTCPeerConnection,
      audioElement: client.getAudioOutputElement() instanceof HTMLAudioElement,
    };
  },

  /** The state of every microphone track the page opened. */
  mics() {
    return mics.flatMap((stream) => stream.getTracks().map((track) => track.readyState));
  },

  /** The audio processing of each microphone track the page opened, as its settings report it. */
  processing() {
    return mics.flatMap((stream) =>
      stream.getTracks().map((track) => {
        const { noiseSuppression, echoCancellation, autoGainControl } = track.getSettings();
        return { noiseSuppression, echoCancellation, autoGainControl };
      })
    );
  },
};
