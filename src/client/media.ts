/**
 * Call media behind one small interface, so calls work wherever the signalling does. A
 * {@link MediaAdapter} makes one {@link MediaConnection} per call: the SDP offer or answer, the
 * remote answer, mute and earmuff, and the end.
 *
 * - In browsers the default is {@link webRtcMedia}: an `RTCPeerConnection` with the microphone
 *   (`navigator.mediaDevices.getUserMedia`), the remote audio played through an `Audio` element.
 * - Where the runtime has no WebRTC (Deno, Node) the default is {@link signallingOnly}: calls are
 *   placed, answered and controlled as usual, with a placeholder SDP and no audio.
 * - Another WebRTC stack (e.g. `@roamhq/wrtc` in Node) plugs in as `webRtcMedia({ RTCPeerConnection,
 *   getUserMedia })`; anything else can implement {@link MediaAdapter}.
 *
 * @module
 */

/** One call's media. */
export interface MediaConnection {
  /** An outbound call's local SDP offer. */
  createOffer(): Promise<string>;
  /** Applies the remote SDP answer to the offer. */
  applyAnswer(sdp: string): Promise<void>;
  /** An inbound call's local SDP answer to the caller's `offer`. */
  createAnswer(offer: string): Promise<string>;
  /** Stops (`true`) or resumes sending local audio. */
  mute(muted: boolean): void;
  /** Stops (`true`) or resumes playing remote audio. */
  earmuff(earmuffed: boolean): void;
  /** Ends the media (the call is over). */
  close(): void;
}

/** Makes the media of each call; the client option `media`. */
export interface MediaAdapter {
  /** Media for a new call (may ask for the microphone). */
  connect(): Promise<MediaConnection>;
}

/** A media track, as far as calls use one. */
export interface TrackLike {
  /** Whether the track carries audio. */
  enabled: boolean;
  /** Ends the track. */
  stop(): void;
}

/** A media stream, as far as calls use one. */
export interface StreamLike {
  /** Its tracks. */
  getTracks(): TrackLike[];
}

/** A session description, as far as calls use one. */
export interface DescriptionLike {
  /** Calls use `offer` and `answer`. */
  type?: "offer" | "answer" | "pranswer" | "rollback";
  /** The SDP text. */
  sdp?: string;
}

/** The parts of `RTCPeerConnection` calls use (browsers' and node-webrtc's fit). */
export interface PeerConnectionLike {
  /** The applied local description. */
  readonly localDescription: { sdp?: string | undefined } | null;
  /** `new`, `gathering` or `complete`. */
  readonly iceGatheringState: string;
  /** Adds a local track. */
  addTrack(track: TrackLike, stream: StreamLike): unknown;
  /** Makes an offer. */
  createOffer(): Promise<DescriptionLike>;
  /** Makes an answer to the remote offer. */
  createAnswer(): Promise<DescriptionLike>;
  /** Applies a local description. */
  setLocalDescription(description: DescriptionLike): Promise<void>;
  /** Applies a remote description. */
  setRemoteDescription(description: DescriptionLike): Promise<void>;
  /** Senders of local tracks. */
  getSenders(): { readonly track: TrackLike | null }[];
  /** Receivers of remote tracks. */
  getReceivers(): { readonly track: TrackLike | null }[];
  /** Listens to `track` and `icegatheringstatechange`. */
  addEventListener(type: string, listener: (event: { streams?: readonly unknown[] }) => void): void;
  /** Ends the connection. */
  close(): void;
}

/** A WebRTC implementation: the peer connection class and microphone access. */
export interface WebRtcStack {
  /** The `RTCPeerConnection` class. */
  RTCPeerConnection: new () => PeerConnectionLike;
  /** Opens the microphone, like `navigator.mediaDevices.getUserMedia`. */
  getUserMedia(constraints: { audio: boolean; video: boolean }): Promise<StreamLike>;
}

/** Longest wait for ICE candidates before an SDP is sent with those found so far. */
const ICE_WAIT_MS = 2_000;

/** An audio-only SDP that offers or answers no media; the reference server accepts it. */
const PLACEHOLDER_SDP = [
  "v=0",
  "o=- 0 1 IN IP4 0.0.0.0",
  "s=-",
  "t=0 0",
  "m=audio 9 UDP/TLS/RTP/SAVPF 111",
  "c=IN IP4 0.0.0.0",
  "a=mid:0",
  "a=inactive",
  "a=rtpmap:111 opus/48000/2",
  "",
].join("\r\n");

/** Calls without media: a placeholder SDP each way, nothing to mute. */
export const signallingOnly: MediaAdapter = {
  connect: () =>
    Promise.resolve({
      createOffer: () => Promise.resolve(PLACEHOLDER_SDP),
      applyAnswer: () => Promise.resolve(),
      createAnswer: () => Promise.resolve(PLACEHOLDER_SDP),
      mute() {},
      earmuff() {},
      close() {},
    }),
};

type Global = {
  RTCPeerConnection?: WebRtcStack["RTCPeerConnection"];
  navigator?: { mediaDevices?: { getUserMedia?: WebRtcStack["getUserMedia"] } };
  Audio?: new () => { srcObject: unknown; autoplay: boolean; pause(): void };
};

/** Calls over WebRTC with `stack` (default: the runtime's own, as in browsers). */
export function webRtcMedia(stack?: WebRtcStack): MediaAdapter {
  const g = globalThis as Global;
  const rtc: WebRtcStack = stack ?? {
    RTCPeerConnection: g.RTCPeerConnection!,
    getUserMedia: (constraints) => g.navigator!.mediaDevices!.getUserMedia!(constraints),
  };
  return {
    async connect() {
      const stream = await rtc.getUserMedia({ audio: true, video: false });
      const pc = new rtc.RTCPeerConnection();
      for (const track of stream.getTracks()) pc.addTrack(track, stream);
      let audio: InstanceType<NonNullable<Global["Audio"]>> | undefined;
      pc.addEventListener("track", ({ streams }) => {
        if (g.Audio && streams?.[0]) {
          audio = new g.Audio();
          audio.srcObject = streams[0];
          audio.autoplay = true;
        }
      });
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
      const enable = (ends: { readonly track: TrackLike | null }[], on: boolean) => {
        for (const { track } of ends) if (track) track.enabled = on;
      };
      return {
        createOffer: async () => local(await pc.createOffer()),
        applyAnswer: (sdp) => pc.setRemoteDescription({ type: "answer", sdp }),
        createAnswer: async (sdp) => {
          await pc.setRemoteDescription({ type: "offer", sdp });
          return local(await pc.createAnswer());
        },
        mute: (muted) => enable(pc.getSenders(), !muted),
        earmuff: (earmuffed) => enable(pc.getReceivers(), !earmuffed),
        close() {
          pc.close();
          for (const track of stream.getTracks()) track.stop();
          audio?.pause();
        },
      };
    },
  };
}

/** WebRTC where the runtime has it (browsers), signalling only elsewhere. */
export function defaultMedia(): MediaAdapter {
  const g = globalThis as Global;
  return g.RTCPeerConnection && g.navigator?.mediaDevices?.getUserMedia ? webRtcMedia() : signallingOnly;
}
