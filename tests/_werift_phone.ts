// A program, not a test: a phone in a process of its own, for the browser test of a Node client
// (tests/browser/werift_node.ts). scripts/build_npm.ts transpiles it with the portable tests, so in
// Node it runs our client from the npm build, werift plugged into its `media` option (_werift.ts).
//
// Environment: PARLEY_URL (the reference server), PARLEY_TOKEN (its user's token), PARLEY_SEND_HZ
// (its microphone's tone), PARLEY_HEAR_HZ (the tone to wait for). It logs in, answers the first call
// it is offered, waits until it hears the tone, hangs up when a line `hangup` arrives on its standard
// input, and reports each step as one JSON line on its standard output.
import process from "node:process";
import { createInterface } from "node:readline";
import { VonageClient, webRtcMedia } from "../mod.ts";
import { WeriftToneStack } from "./_werift.ts";

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`werift phone: ${name} is not set`);
  return value;
};
const sendHz = Number(env("PARLEY_SEND_HZ")), hearHz = Number(env("PARLEY_HEAR_HZ"));
const report = (step: string, details: Record<string, unknown> = {}) =>
  process.stdout.write(JSON.stringify({ step, ...details }) + "\n");

/** Resolves what `check` answers once it answers something, polling every 100 ms; rejects after `ms`. */
async function within<T>(what: string, ms: number, check: () => T | undefined): Promise<T> {
  const end = performance.now() + ms;
  for (let found = check();; found = check()) {
    if (found !== undefined) return found;
    if (performance.now() > end) throw new Error(`werift phone: no ${what} within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const stack = new WeriftToneStack(sendHz);
const client = new VonageClient({
  apiUrl: env("PARLEY_URL"),
  websocketUrl: env("PARLEY_URL"),
  disableInternalLogger: true,
  media: webRtcMedia(stack),
});
let invite: string | undefined;
let hangup: { reason: string; packets: number } | undefined;
client.on("callInvite", (callId) => invite ??= callId);
client.on("callHangup", (_callId, quality, reason) => hangup = { reason, packets: quality.packet_cnt });
const commands = createInterface({ input: process.stdin });
const hangupAsked = new Promise<void>((resolve) =>
  commands.on("line", (line) => line === "hangup" && resolve())
);

try {
  await client.createSession(env("PARLEY_TOKEN"));
  report("ready", { node: process.versions.node });
  const callId = await within("call", 10_000, () => invite);
  await client.answer(callId);
  report("answered", { callId, peerConnection: client.getPeerConnection(callId) !== undefined });

  const since = performance.now();
  const levels = () => ({ [hearHz]: stack.level(hearHz, since), [sendHz]: stack.level(sendHz, since) });
  await within(`${hearHz} Hz`, 10_000, () => {
    const heard = levels();
    return heard[hearHz]! > 0.05 && heard[hearHz]! > 4 * heard[sendHz]! ? true : undefined;
  });
  report("heard", { levels: levels() });

  await hangupAsked;
  await client.hangup(callId);
  const ended = await within("callHangup", 5_000, () => hangup);
  report("hungUp", { ...ended, micsStopped: stack.mics.map((track) => track.stopped) });
  await client.deleteSession();
} catch (err) {
  report("failed", { error: String(err) });
  process.exitCode = 1;
} finally {
  commands.close();
}
// werift's timers and sockets may outlive the session: the program is done.
process.exit();
