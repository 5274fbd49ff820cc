/**
 * One call's media over WebRTC: a peer connection with the microphone's track, the remote audio
 * played through an `Audio` element (where there is one), mute and earmuff on the tracks, the
 * connection state reported, statistics, and ICE restarts. Loaded with the first call (see media.ts).
 *
 * @module
 */
import type {
  DescriptionLike,
  MediaConnection,
  MediaConnectionState,
  PeerConfiguration,
  TrackLike,
  WebRtcStack,
} from "./media.ts";

/** Longest wait for ICE candidates before an SDP is sent with those found so far. */
const ICE_WAIT_MS = 2_000;

type AudioElement = { srcObject: unknown; autoplay: boolean; pause(): void };
type Global = {
  RTCPeerConnection?: WebRtcStack["RTCPeerConnection"];
  navigator?: { mediaDevices?: { getUserMedia?: WebRtcStack["getUserMedia"] } };
  Audio?: new () => AudioElement;
};

/** Opens the microphone and a peer connection with `stack` (default: the runtime's own). */
export async function openWebRtc(
  stack: WebRtcStack | null | undefined,
  configuration: PeerConfiguration | undefined,
  onState?: (state: MediaConnectionState) => void,
): Promise<MediaConnection> {
  const g = globalThis as Global;
  const rtc: WebRtcStack = stack ?? {
    RTCPeerConnection: g.RTCPeerConnection!,
    getUserMedia: (constraints) => g.navigator!.mediaDevices!.getUserMedia!(constraints),
  };
  const stream = await rtc.getUserMedia({ audio: true, video: false });
  const pc = new rtc.RTCPeerConnection(configuration ?? {});
  for (const track of stream.getTracks()) pc.addTrack(track, stream);
  let audio: AudioElement | undefined;
  pc.addEventListener("track", ({ streams }) => {
    if (g.Audio && streams?.[0]) {
      audio ??= new g.Audio();
      audio.srcObject = streams[0];
      audio.autoplay = true;
    }
  });
  pc.addEventListener("connectionstatechange", () => onState?.(pc.connectionState as MediaConnectionState));

  // The server takes no trickled candidates: send the SDP once gathering is done (or has waited long enough).
  const local = async (description: DescriptionLike) => {
    await pc.setLocalDescription(description);
    await new Promise<void>((done) => {
      const timer = setTimeout(done, ICE_WAIT_MS);
      const check = () => pc.iceGatheringState === "complete" && (clearTimeout(timer), done());
      pc.addEventListener("icegatheringstatechange", check);
      check();
    });
    return pc.localDescription?.sdp ?? "";
  };
  const enable = (ends: { readonly track: TrackLike | null | undefined }[], on: boolean) => {
    for (const { track } of ends) if (track) track.enabled = on;
  };
  return {
    createOffer: async () => local(await pc.createOffer()),
    applyAnswer: (sdp) => pc.setRemoteDescription({ type: "answer", sdp }),
    createAnswer: async (sdp) => {
      await pc.setRemoteDescription({ type: "offer", sdp });
      return local(await pc.createAnswer());
    },
    restartOffer: async () => local(await pc.createOffer({ iceRestart: true })),
    getStats: () => pc.getStats ? pc.getStats() : Promise.resolve(new Map()),
    mute: (muted) => enable(pc.getSenders(), !muted),
    earmuff: (earmuffed) => enable(pc.getReceivers(), !earmuffed),
    close() {
      pc.close();
      for (const track of stream.getTracks()) track.stop();
      audio?.pause();
    },
    peerConnection: pc,
    get audioElement() {
      return audio;
    },
  };
}
