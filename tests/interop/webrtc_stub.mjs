// Stand-ins for the WebRTC globals the official SDK needs for calls in Node (wire-protocol.md §13):
// RTCPeerConnection, RTCSessionDescription, navigator.mediaDevices.getUserMedia and Audio. Enough for
// call signalling; no media flows. official_driver.mjs imports this file before the SDK when
// PARLEY_WEBRTC_STUB=1. Written for these tests; a peer connection here connects as soon as it has
// both descriptions, and gathers one host candidate.

/** A minimal audio-only SDP of the given type, marked inactive; parseable by any SDP parser, carrying no real keys. */
function sdp(type) {
  return [
    "v=0",
    `o=- ${Date.now()} 2 IN IP4 127.0.0.1`,
    "s=-",
    "t=0 0",
    "a=group:BUNDLE 0",
    "a=msid-semantic: WMS",
    "m=audio 9 UDP/TLS/RTP/SAVPF 111",
    "c=IN IP4 0.0.0.0",
    "a=rtcp:9 IN IP4 0.0.0.0",
    "a=ice-ufrag:stub",
    "a=ice-pwd:stubstubstubstubstubstub",
    `a=fingerprint:sha-256 ${Array(32).fill("AB").join(":")}`,
    `a=setup:${type === "offer" ? "actpass" : "active"}`,
    "a=mid:0",
    // No media flows, and the SDP says so: the reference server then gives the leg no peer connection.
    "a=inactive",
    "a=rtcp-mux",
    "a=rtpmap:111 opus/48000/2",
    "",
  ].join("\r\n");
}

class RTCSessionDescription {
  constructor({ type, sdp }) {
    this.type = type;
    this.sdp = sdp;
  }
  toJSON() {
    return { type: this.type, sdp: this.sdp };
  }
}

class MediaStreamTrack {
  kind = "audio";
  enabled = true;
  readyState = "live";
  stop() {
    this.readyState = "ended";
  }
}

class MediaStream {
  #tracks;
  constructor(tracks = []) {
    this.#tracks = tracks;
  }
  getTracks() {
    return [...this.#tracks];
  }
  getAudioTracks() {
    return this.getTracks();
  }
}

class RTCPeerConnection {
  localDescription = null;
  remoteDescription = null;
  connectionState = "new";
  iceGatheringState = "new";
  signalingState = "stable";
  onicecandidate = null;
  onconnectionstatechange = null;
  ontrack = null;
  #transceivers = [];

  addTrack(track) {
    const transceiver = { sender: { track }, receiver: { track: new MediaStreamTrack() } };
    this.#transceivers.push(transceiver);
    return transceiver.sender;
  }
  getTransceivers() {
    return [...this.#transceivers];
  }
  getSenders() {
    return this.#transceivers.map((t) => t.sender);
  }
  getReceivers() {
    return this.#transceivers.map((t) => t.receiver);
  }
  createOffer() {
    return Promise.resolve({ type: "offer", sdp: sdp("offer") });
  }
  createAnswer() {
    return Promise.resolve({ type: "answer", sdp: sdp("answer") });
  }
  setLocalDescription(description) {
    this.localDescription = new RTCSessionDescription(description);
    // Candidates come after the caller had a chance to set onicecandidate, as in a browser.
    setTimeout(() => {
      this.iceGatheringState = "complete";
      this.onicecandidate?.({
        candidate: { candidate: "candidate:1 1 udp 2122260223 127.0.0.1 9 typ host" },
      });
      this.onicecandidate?.({ candidate: null });
    }, 0);
    this.#connectWhenReady();
    return Promise.resolve();
  }
  setRemoteDescription(description) {
    this.remoteDescription = new RTCSessionDescription(description);
    this.#connectWhenReady();
    return Promise.resolve();
  }
  getStats() {
    return Promise.resolve(new Map());
  }
  close() {
    this.connectionState = "closed";
    this.signalingState = "closed";
  }
  #connectWhenReady() {
    if (!this.localDescription || !this.remoteDescription || this.connectionState !== "new") return;
    this.connectionState = "connecting";
    setTimeout(() => {
      if (this.connectionState !== "connecting") return;
      this.connectionState = "connected";
      this.onconnectionstatechange?.();
      const tracks = this.getReceivers().map((r) => r.track);
      this.ontrack?.({ track: tracks[0], streams: [new MediaStream(tracks)] });
    }, 0);
  }
}

class Audio {
  srcObject = null;
  autoplay = false;
  play() {
    return Promise.resolve();
  }
  pause() {}
}

const mediaDevices = {
  getUserMedia: () => Promise.resolve(new MediaStream([new MediaStreamTrack()])),
};

Object.assign(globalThis, { RTCPeerConnection, RTCSessionDescription, MediaStream, MediaStreamTrack, Audio });
// Node 21+ has a navigator of its own; Node 20 has none.
if (globalThis.navigator) {
  Object.defineProperty(globalThis.navigator, "mediaDevices", { value: mediaDevices });
} else globalThis.navigator = { mediaDevices };
