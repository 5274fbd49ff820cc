// Drives one UNMODIFIED official `@vonage/client-sdk` VonageClient in Node, for the interop tests.
//
//   node official_driver.mjs <serverUrl>      (env PARLEY_OFFICIAL_SDK = the npm --prefix folder)
//
// With PARLEY_WEBRTC_STUB=1 it first installs stand-ins for the WebRTC globals calls need
// (webrtc_stub.mjs).
//
// Protocol: JSON lines. stdin takes requests `{id, method, args}`; stdout carries replies
// `{id, ok: true, value}` / `{id, ok: false, error: {type, code, message}}`, one `{ready}` line
// at start, and every SDK callback as `{event, args}`. Arguments may hold tagged objects that stand
// for values JSON cannot carry: {$some: x} → some(x), {$none: true} → none(), {$url: s} → new URL(s),
// {$undefined: true} → undefined.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createInterface } from "node:readline";
import process from "node:process";
import { pathToFileURL } from "node:url";

// The SDK logs with console.*; stdout belongs to the protocol, so every log goes to stderr.
for (const level of ["log", "info", "debug", "warn", "trace"]) console[level] = console.error;

const EVENTS = [
  "conversationEvent",
  "sessionError",
  "reconnecting",
  "reconnection",
  "callInvite",
  "callInviteCancel",
  "callHangup",
  "legStatusUpdate",
  "callTransfer",
  "mute",
  "earmuff",
  "dtmf",
  "callMediaReconnecting",
  "callMediaReconnection",
  "callMediaDisconnect",
  "callMediaError",
  "rtcStatsUpdate",
];

const serverUrl = process.argv[2];
const prefix = process.env.PARLEY_OFFICIAL_SDK;
if (!serverUrl || !prefix) {
  console.error("usage: PARLEY_OFFICIAL_SDK=<npm prefix> node official_driver.mjs <serverUrl>");
  process.exit(2);
}

if (process.env.PARLEY_WEBRTC_STUB === "1") await import("./webrtc_stub.mjs");

// Load the package's own ESM entry, as an application importing it would.
const pkgDir = join(prefix, "node_modules", "@vonage", "client-sdk");
const pkg = JSON.parse(await readFile(join(pkgDir, "package.json"), "utf8"));
const sdk = await import(pathToFileURL(join(pkgDir, pkg.exports["."].import)).href);

const client = new sdk.VonageClient();
client.setConfig({ apiUrl: serverUrl, websocketUrl: serverUrl, rtcStatsTelemetry: false });

function send(message) {
  let line;
  try {
    line = JSON.stringify(message, replacer());
  } catch (err) {
    // Some SDK results are internal Kotlin objects; report what can be read of them.
    line = JSON.stringify({
      ...message,
      value: { $unserializable: String(message.value) },
      why: String(err),
    });
  }
  process.stdout.write(line + "\n");
}

// JSON for SDK values: errors keep type/code/message, cycles and bigints do not throw.
function replacer() {
  const seen = new WeakSet();
  return (_key, value) => {
    if (value instanceof Error) return errorOf(value);
    if (typeof value === "bigint") return Number(value);
    if (value instanceof URL) return value.href;
    if (typeof value === "object" && value !== null) {
      if (seen.has(value)) return "[Circular]";
      seen.add(value);
    }
    return value;
  };
}

function errorOf(err) {
  if (!(err instanceof Error)) return { type: null, code: null, message: String(err) };
  return { type: err.type ?? null, code: err.code ?? null, message: err.message, name: err.name };
}

function decode(value) {
  if (Array.isArray(value)) return value.map(decode);
  if (typeof value !== "object" || value === null) return value;
  if ("$some" in value) return sdk.some(decode(value.$some));
  if ("$none" in value) return sdk.none();
  if ("$url" in value) return new URL(value.$url);
  if ("$undefined" in value) return undefined;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v)]));
}

for (const name of EVENTS) {
  client.on(name, (...args) => send({ event: name, args }));
}

async function handle({ id, method, args = [] }) {
  try {
    if (typeof client[method] !== "function") throw new Error(`the SDK has no method ${method}`);
    const value = await client[method](...decode(args));
    send({ id, ok: true, value });
  } catch (err) {
    send({ id, ok: false, error: errorOf(err) });
  }
}

const lines = createInterface({ input: process.stdin });
lines.on("line", (line) => {
  if (line.trim()) handle(JSON.parse(line));
});
// The test closes stdin (or kills us) when it is done with this client.
lines.on("close", () => process.exit(0));

send({ ready: { version: pkg.version } });
