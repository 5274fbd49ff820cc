// Type-level tests of the voice API: the browser's own WebRTC classes fit `webRtcMedia` (so a stack such
// as node-webrtc with the same shape does too), voice callbacks are typed with their official argument
// lists, and `say` takes a text or CallSayParams (`deno check` fails if an @ts-expect-error is not needed).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  CallDisconnectReason,
  type CallSayParams,
  type HangupReason,
  type LegStatus,
  type RTCQuality,
  type RtcStats,
  VonageClient,
  type VonageError,
  webRtcMedia,
  type WebRtcStack,
} from "../../mod.ts";

describe("voice types", () => {
  it("the DOM's RTCPeerConnection and getUserMedia fit a WebRtcStack", () => {
    const stack = (): WebRtcStack => ({
      RTCPeerConnection,
      getUserMedia: (constraints) => navigator.mediaDevices.getUserMedia(constraints),
    });
    assert.equal(typeof stack, "function");
    assert.equal(typeof webRtcMedia(undefined).connect, "function");
  });

  it("voice callbacks and methods carry the official types", () => {
    const client = new VonageClient({ disableInternalLogger: true });
    client.on("callHangup", (callId: string, quality: RTCQuality, reason: HangupReason) => {
      void [callId, quality.mos_score, reason];
    });
    client.on("legStatusUpdate", (_callId, _legId, status: LegStatus) => void status);
    // @ts-expect-error callInvite passes strings, not a number
    client.on("callInvite", (_callId: number) => {});
    const params: CallSayParams = {
      text: "hi",
      level: 0.5,
      loop: 2,
      queue: false,
      voiceName: "amy",
      ssml: false,
    };
    const says = [() => client.say("c", "text"), () => client.say("c", params)];
    // @ts-expect-error say needs a text
    const bad = () => client.say("c", { level: 1 });
    assert.equal(says.length + [bad].length, 3);
  });

  it("the media API carries the official types", () => {
    const client = new VonageClient({ disableInternalLogger: true });
    const pc: RTCPeerConnection | undefined = client.getPeerConnection("c");
    const audio: HTMLAudioElement | undefined = client.getAudioOutputElement();
    const reconnect: (legId: string) => Promise<void> = (legId) => client.reconnectCall(legId);
    client.on("callMediaDisconnect", (_callId: string, reason: CallDisconnectReason) => void reason);
    client.on("callMediaError", (_callId: string, error: VonageError) => void error.code);
    client.on("rtcStatsUpdate", (stats: RtcStats, _callId: string) => void stats.audioRecvPackets);
    client.on("callMediaReconnecting", (_callId: string) => {});
    client.on("callMediaReconnection", (_callId: string) => {});
    // @ts-expect-error rtcStatsUpdate passes the stats first
    client.on("rtcStatsUpdate", (_callId: string) => {});
    assert.equal(CallDisconnectReason.NetworkChange, "networkChange");
    assert.deepEqual([pc, audio, typeof reconnect], [undefined, undefined, "function"]);
  });
});
