/**
 * One leg's peer connection, terminated by the server: ICE on the announced address, DTLS-SRTP,
 * Opus only. It answers a client's offer or makes an offer of its own, hands each received Opus
 * payload to `onAudio`, sends what the bridge gives it under its own sequence numbers and timestamps,
 * and reports a failure once: ICE or DTLS failed, or no media arrived within the timeout.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import "./consent_timeout.ts";
import "./dtls_flight_datagrams.ts";
import "./dtls_retransmissions.ts";
import "./lean_events.ts";
import "./rtp_header_codec.ts";
import "./rtp_receiver_handle.ts";
import "./rtp_sender_dispatch.ts";
import "./srtp_ciphers.ts";
import "./udp_receive_buffer.ts";
import {
  MediaStreamTrack,
  type RTCIceServer,
  RTCPeerConnection,
  RTCRtpCodecParameters,
  type RTCRtpSender,
  RtpHeader,
  RtpPacket,
} from "./deps.ts";
import { FRAME_SAMPLES } from "./opus.ts";
import { LegStats } from "./stats.ts";

/** Why a leg's media failed, as its `rtc:hangup` says it. */
export type MediaFailure = "ice-failed" | "dtls-failed" | "media-timeout";

/** How endpoints are made. */
export interface EndpointConfig {
  /** The one address ICE gathers host candidates on and announces. */
  address: string;
  /** STUN/TURN servers for server-reflexive and relayed candidates. */
  iceServers: RTCIceServer[];
  /** Longest wait, once both descriptions are set, for the first packet from the client. */
  mediaTimeoutMs: number;
}

const OPUS_PAYLOAD_TYPE = 111;

/** A server-side peer connection carrying one leg's audio. */
export class Endpoint {
  readonly stats = new LegStats();
  /** Called with each Opus payload the client sends. */
  onAudio: (payload: Uint8Array) => void = () => {};
  /** Called once if the media fails. */
  onFailure: (reason: MediaFailure) => void = () => {};
  readonly #pc: RTCPeerConnection;
  readonly #track = new MediaStreamTrack({ kind: "audio" });
  #sender: RTCRtpSender | undefined;
  readonly #timeoutMs: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #seq = Math.floor(Math.random() * 0x10000);
  #timestamp = Math.floor(Math.random() * 0x1_0000_0000);
  #connected = false;
  #done = false;
  #settle: (connected: boolean) => void = () => {};
  /** Resolves `true` once ICE and DTLS are up, `false` if the endpoint ends before. */
  readonly ready: Promise<boolean> = new Promise((resolve) => this.#settle = resolve);

  constructor(config: EndpointConfig) {
    this.#timeoutMs = config.mediaTimeoutMs;
    this.#pc = new RTCPeerConnection({
      // Host candidates on the announced address only: works on a loopback-only machine too.
      iceUseIpv4: false,
      iceUseIpv6: false,
      iceAdditionalHostAddresses: [config.address],
      iceInterfaceAddresses: { udp4: config.address },
      iceServers: config.iceServers,
      codecs: {
        audio: [
          new RTCRtpCodecParameters({
            mimeType: "audio/opus",
            clockRate: 48_000,
            channels: 2,
            payloadType: OPUS_PAYLOAD_TYPE,
          }),
        ],
      },
    });
    this.#pc.onTrack.subscribe((track) => {
      track.onReceiveRtp.subscribe((rtp) => {
        if (this.#done) return;
        this.stats.received(rtp.header.sequenceNumber, rtp.header.timestamp, rtp.serializeSize);
        if (this.#timer !== undefined) {
          clearTimeout(this.#timer);
          this.#timer = undefined;
        }
        this.onAudio(rtp.payload);
      });
    });
    this.#pc.connectionStateChange.subscribe((state) => {
      if (state === "connected") {
        this.#connected = true;
        this.#settle(true);
      }
      if (state === "failed") {
        this.#fail(this.#pc.iceConnectionState === "failed" ? "ice-failed" : "dtls-failed");
      }
    });
  }

  /** Answers the client's offer; resolves the answer SDP with every candidate in it. */
  async answer(offer: string): Promise<string> {
    await this.#pc.setRemoteDescription({ type: "offer", sdp: offer });
    for (const transceiver of this.#pc.getTransceivers()) {
      if (transceiver.kind !== "audio") continue;
      transceiver.setDirection("sendrecv");
      await transceiver.sender.replaceTrack(this.#track);
      this.#sender = transceiver.sender;
      break;
    }
    await this.#pc.setLocalDescription(await this.#pc.createAnswer());
    this.#armTimeout();
    return await this.#gathered();
  }

  /** Makes the server's own offer (for a callee); resolves its SDP with every candidate in it. */
  async offer(): Promise<string> {
    this.#sender = this.#pc.addTransceiver(this.#track, { direction: "sendrecv" }).sender;
    await this.#pc.setLocalDescription(await this.#pc.createOffer());
    return await this.#gathered();
  }

  /** Applies the callee's answer to {@link offer}. */
  async accept(answer: string): Promise<void> {
    await this.#pc.setRemoteDescription({ type: "answer", sdp: answer });
    this.#armTimeout();
  }

  /**
   * Sends one Opus frame covering `samples` samples (RTP timestamps run on, whoever the source).
   * Straight to the sender: through the track, werift would copy the packet and go through two
   * events and an extra promise for each one, for nothing here (the track has no other reader).
   */
  send(payload: Uint8Array, samples = FRAME_SAMPLES): void {
    this.#timestamp = (this.#timestamp + samples) >>> 0;
    this.#seq = (this.#seq + 1) & 0xffff;
    if (!this.#connected || this.#done || !this.#sender) return;
    const header = new RtpHeader({
      payloadType: OPUS_PAYLOAD_TYPE,
      sequenceNumber: this.#seq,
      timestamp: this.#timestamp,
    });
    const packet = new RtpPacket(header, Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength));
    this.stats.sent(packet.serializeSize);
    this.#sender.sendRtp(packet).catch(() => {});
  }

  /** Whether ICE and DTLS are up. */
  get connected(): boolean {
    return this.#connected && !this.#done;
  }

  /**
   * Test-only (`ServerFaults.cutMedia`): drops every packet of this leg from now on, both ways, as a
   * network change on the client's side does; the peer connection itself is not told. werift keeps
   * its UDP sockets private, hence the cast.
   */
  cut(): void {
    type Wire = { protocols: { transport: { onData: () => void; send: () => Promise<void> } }[] };
    for (const { connection } of this.#pc.iceTransports) {
      for (const { transport } of (connection as unknown as Wire).protocols) {
        transport.onData = () => {};
        transport.send = () => Promise.resolve();
      }
    }
  }

  /** Stops the media and frees the sockets. */
  close(): void {
    if (this.#done) return;
    this.#done = true;
    this.#settle(false);
    clearTimeout(this.#timer);
    this.#pc.close().catch(() => {});
  }

  #armTimeout(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#fail("media-timeout"), this.#timeoutMs);
  }

  #fail(reason: MediaFailure): void {
    if (this.#done) return;
    this.close();
    this.onFailure(reason);
  }

  async #gathered(): Promise<string> {
    if (this.#pc.iceGatheringState !== "complete") {
      await this.#pc.iceGatheringStateChange.watch((state) => state === "complete");
    }
    return this.#pc.localDescription!.sdp;
  }
}
