/**
 * One call's media over WebRTC: a peer connection with the microphone's track, the remote audio
 * played through an `Audio` element (where there is one), mute and earmuff on the tracks, the
 * connection state reported, and statistics. Loaded with the first call (see media.ts).
 *
 * A media reconnect replaces the peer connection with a fresh one (new ICE and DTLS) that keeps
 * the microphone, mute and earmuff: what the official SDK does, so media servers made for it, ours
 * included, answer its offer with a new connection of their own.
 *
 * @module
 */
import type {
  DescriptionLike,
  MediaConnection,
  MediaConnectionState,
  MicrophoneSettings,
  PeerConfiguration,
  PeerConnectionLike,
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
type Ends = { readonly track: TrackLike | null | undefined }[];

/**
 * Opens the microphone (as `microphone` says, else with the runtime's defaults) and a peer connection
 * with `stack` (default: the runtime's own).
 */
export async function openWebRtc(
  stack: WebRtcStack | null | undefined,
  configuration: PeerConfiguration | undefined,
  onState?: (state: MediaConnectionState) => void,
  microphone?: MicrophoneSettings,
): Promise<MediaConnection> {
  const g = globalThis as Global;
  const rtc: WebRtcStack = stack ?? {
    RTCPeerConnection: g.RTCPeerConnection!,
    getUserMedia: (constraints) => g.navigator!.mediaDevices!.getUserMedia!(constraints),
  };
  const stream = await rtc.getUserMedia({ audio: microphone ?? true, video: false });
  let audio: AudioElement | undefined;
  let earmuffed = false;
  const enable = (ends: Ends, on: boolean) => {
    for (const { track } of ends) if (track) track.enabled = on;
  };

  const open = (): PeerConnectionLike => {
    const peer = new rtc.RTCPeerConnection(configuration ?? {});
    peer.addEventListener("track", ({ streams }) => {
      enable(peer.getReceivers(), !earmuffed);
      if (g.Audio && streams?.[0]) {
        audio ??= new g.Audio();
        audio.srcObject = streams[0];
        audio.autoplay = true;
      }
    });
    // A replaced connection's last words (its close) are not the call's.
    peer.addEventListener("connectionstatechange", () => {
      if (peer === pc) onState?.(peer.connectionState as MediaConnectionState);
    });
    return peer;
  };
  let pc = open();
  // The microphone joins an offer before it is made, an answer once the offer has made its transceiver.
  const addMicrophone = () => {
    for (const track of stream.getTracks()) pc.addTrack(track, stream);
  };

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
  return {
    createOffer: async () => (addMicrophone(), local(await pc.createOffer())),
    applyAnswer: (sdp) => pc.setRemoteDescription({ type: "answer", sdp }),
    createAnswer: async (sdp) => {
      await pc.setRemoteDescription({ type: "offer", sdp });
      addMicrophone();
      return local(await pc.createAnswer());
    },
    reconnectOffer: async () => {
      const old = pc;
      pc = open();
      old.close();
      addMicrophone();
      return local(await pc.createOffer());
    },
    getStats: () => pc.getStats ? pc.getStats() : Promise.resolve(new Map()),
    mute: (muted) => enable(pc.getSenders(), !muted),
    earmuff: (on) => enable(pc.getReceivers(), !(earmuffed = on)),
    close() {
      pc.close();
      for (const track of stream.getTracks()) track.stop();
      audio?.pause();
    },
    get peerConnection() {
      return pc;
    },
    get audioElement() {
      return audio;
    },
  };
}
