/**
 * Call media behind one small interface, so calls work wherever the signalling does. A
 * {@link MediaAdapter} makes one {@link MediaConnection} per call: the SDP offer or answer, the
 * remote answer, mute and earmuff, and the end; a WebRTC connection also reports its state, gives
 * its statistics and reconnects, which the voice layer turns into the media events.
 *
 * - In browsers the default is {@link webRtcMedia}: an `RTCPeerConnection` with the microphone
 *   (`navigator.mediaDevices.getUserMedia`), the remote audio played through an `Audio` element.
 * - Where the runtime has no WebRTC (Deno, Node) the default is {@link signallingOnly}: calls are
 *   placed, answered and controlled as usual, with a placeholder SDP and no audio.
 * - Another WebRTC stack (e.g. `werift` or `@roamhq/wrtc`) plugs in as `webRtcMedia({
 *   RTCPeerConnection, getUserMedia })`; anything else can implement {@link MediaAdapter}.
 *
 * The WebRTC code itself (webrtc.ts) loads with the first call, so it adds nothing to what a page
 * loads at start.
 *
 * @module
 */

/** State of a call's media connection: the values of `RTCPeerConnection.connectionState`. */
export type MediaConnectionState = "new" | "connecting" | "connected" | "disconnected" | "failed" | "closed";

/** Statistics reports, as `RTCPeerConnection.getStats()` resolves them (a map of report objects). */
export interface StatsReportLike {
  /** Calls `callback` with each report: its `type`, and the fields of that type. */
  forEach(callback: (report: { type: string }) => void): void;
}

/** One call's media. The optional members are what WebRTC adds; without them a call has no media events. */
export interface MediaConnection {
  /** An outbound call's local SDP offer. */
  createOffer(): Promise<string>;
  /** Applies the remote SDP answer to the last offer. */
  applyAnswer(sdp: string): Promise<void>;
  /** An inbound call's local SDP answer to the caller's `offer`. */
  createAnswer(offer: string): Promise<string>;
  /** Stops (`true`) or resumes sending local audio. */
  mute(muted: boolean): void;
  /** Stops (`true`) or resumes playing remote audio. */
  earmuff(earmuffed: boolean): void;
  /** Ends the media (the call is over): the microphone is released. */
  close(): void;
  /**
   * Media reconnect: an offer with new ICE (and DTLS) credentials, for the same call and microphone; its
   * answer goes to `applyAnswer`. Present on WebRTC connections, which must then report their state.
   */
  reconnectOffer?(): Promise<string>;
  /** The connection's statistics. */
  getStats?(): Promise<StatsReportLike>;
  /** The peer connection, for `VonageClient.getPeerConnection`. */
  readonly peerConnection?: unknown;
  /** The element playing the remote audio, once it plays, for `VonageClient.getAudioOutputElement`. */
  readonly audioElement?: unknown;
}

/** How a call's microphone is opened: the client config's settings when the call starts. */
export interface MicrophoneSettings {
  /** Noise suppression on (`true`) or off; absent, the runtime's default. */
  noiseSuppression?: boolean;
}

/** Makes the media of each call; the client option `media`. */
export interface MediaAdapter {
  /**
   * Media for a new call (may open the microphone, as `microphone` says); `onState` hears each change
   * of its connection state.
   */
  connect(
    onState?: (state: MediaConnectionState) => void,
    microphone?: MicrophoneSettings,
  ): Promise<MediaConnection>;
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

/** The parts of `RTCPeerConnection` calls use (browsers', werift's and node-webrtc's fit). */
export interface PeerConnectionLike {
  /** The applied local description. */
  readonly localDescription: { sdp?: string | undefined } | null;
  /** `new`, `gathering` or `complete`. */
  readonly iceGatheringState: string;
  /** `new`, `connecting`, `connected`, `disconnected`, `failed` or `closed`. */
  readonly connectionState?: string;
  /** Adds a local track. */
  addTrack(track: TrackLike, stream: StreamLike): unknown;
  /** Makes an offer; `iceRestart` asks for new ICE credentials. */
  createOffer(options?: { iceRestart?: boolean }): Promise<DescriptionLike>;
  /** Makes an answer to the remote offer. */
  createAnswer(): Promise<DescriptionLike>;
  /** Applies a local description. */
  setLocalDescription(description: DescriptionLike): Promise<unknown>;
  /** Applies a remote description. */
  setRemoteDescription(description: DescriptionLike): Promise<void>;
  /** Senders of local tracks. */
  getSenders(): { readonly track: TrackLike | null | undefined }[];
  /** Receivers of remote tracks. */
  getReceivers(): { readonly track: TrackLike | null | undefined }[];
  /** Statistics of the connection. */
  getStats?(): Promise<StatsReportLike>;
  /** Listens to `track`, `icegatheringstatechange` and `connectionstatechange`. */
  addEventListener(type: string, listener: (event: { streams?: readonly unknown[] }) => void): void;
  /** Ends the connection. */
  close(): unknown;
}

/** An ICE server (STUN or TURN), as in `RTCConfiguration.iceServers`. */
export interface IceServer {
  /** `stun:host:port`, `turn:host:port?transport=udp`, … */
  urls: string | string[];
  /** TURN user name. */
  username?: string;
  /** TURN password. */
  credential?: string;
}

/** Settings of each call's peer connection (a subset of `RTCConfiguration`). */
export interface PeerConfiguration {
  /** STUN and TURN servers (default none: calls on a LAN or to a server with a public address). */
  iceServers?: IceServer[];
  /** `relay` to use TURN only (default `all`). */
  iceTransportPolicy?: "all" | "relay";
}

/** A WebRTC implementation: the peer connection class and microphone access. */
export interface WebRtcStack {
  /** The `RTCPeerConnection` class. */
  RTCPeerConnection: new (configuration?: PeerConfiguration) => PeerConnectionLike;
  /** Opens the microphone, like `navigator.mediaDevices.getUserMedia` (`audio` is `true` or its settings). */
  getUserMedia(constraints: { audio: boolean | MicrophoneSettings; video: boolean }): Promise<StreamLike>;
}

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
  RTCPeerConnection?: unknown;
  navigator?: { mediaDevices?: { getUserMedia?: unknown } };
};

/**
 * Calls over WebRTC with `stack` (default: the runtime's own, as in browsers), each peer connection
 * made with `configuration` (ICE servers).
 */
export function webRtcMedia(stack?: WebRtcStack | null, configuration?: PeerConfiguration): MediaAdapter {
  return {
    connect: async (onState, microphone) =>
      (await import("./webrtc.ts")).openWebRtc(stack, configuration, onState, microphone),
  };
}

/** WebRTC where the runtime has it (browsers), signalling only elsewhere. */
export function defaultMedia(): MediaAdapter {
  const g = globalThis as Global;
  return g.RTCPeerConnection && g.navigator?.mediaDevices?.getUserMedia ? webRtcMedia() : signallingOnly;
}
