/**
 * The public vocabulary of calls: the enums voice callbacks receive, call legs and their pages, and
 * the parameters of `say` and `getCallLegs`. Named and shaped as in the official SDK; each enum is
 * both a value (`LegStatus.Answered`) and the union type of its values.
 *
 * @module
 */
import { enumOf, pascal } from "../enum_of.ts";
import type { PresentingOrder } from "./enums.ts";
import type { Nullable, PageCursors } from "./types.ts";

/** Status of a call leg, passed to `legStatusUpdate` callbacks. */
export const LegStatus: {
  /** The leg's user is being rung. */
  readonly Ringing: "RINGING";
  /** The leg's user answered. */
  readonly Answered: "ANSWERED";
  /** The leg ended. */
  readonly Completed: "COMPLETED";
} = enumOf("RINGING ANSWERED COMPLETED", pascal);
/** One of the values of {@link LegStatus}. */
export type LegStatus = typeof LegStatus[keyof typeof LegStatus];

/** Why a call ended, passed to `callHangup` callbacks. */
export const HangupReason: {
  /** The other side hung up. */
  readonly RemoteHangup: "REMOTE_HANGUP";
  /** The other side rejected the call. */
  readonly RemoteReject: "REMOTE_REJECT";
  /** The other side did not answer in time. */
  readonly RemoteNoAnswerTimeout: "REMOTE_NO_ANSWER_TIMEOUT";
  /** This client hung up. */
  readonly LocalHangup: "LOCAL_HANGUP";
  /** The call's media could not be set up or was lost. */
  readonly MediaTimeout: "MEDIA_TIMEOUT";
} = enumOf("REMOTE_HANGUP REMOTE_REJECT REMOTE_NO_ANSWER_TIMEOUT LOCAL_HANGUP MEDIA_TIMEOUT", pascal);
/** One of the values of {@link HangupReason}. */
export type HangupReason = typeof HangupReason[keyof typeof HangupReason];

/** Why an incoming call went away before it was answered here, passed to `callInviteCancel` callbacks. */
export const CancelReason: {
  /** The caller gave up. */
  readonly RemoteCancel: "RemoteCancel";
  /** The user rejected it on another device. */
  readonly RejectedElsewhere: "RejectedElsewhere";
  /** Nobody answered in time. */
  readonly RemoteTimeout: "RemoteTimeout";
  /** The user answered it on another device. */
  readonly AnsweredElsewhere: "AnsweredElsewhere";
} = enumOf("RemoteCancel RejectedElsewhere RemoteTimeout AnsweredElsewhere");
/** One of the values of {@link CancelReason}. */
export type CancelReason = typeof CancelReason[keyof typeof CancelReason];

/** Why a call's media went away, passed to `callMediaDisconnect` callbacks. */
export const CallDisconnectReason: {
  /** The network changed or failed and the media could not be brought back. */
  readonly NetworkChange: "networkChange";
} = { NetworkChange: "networkChange" };
/** One of the values of {@link CallDisconnectReason}. */
export type CallDisconnectReason = typeof CallDisconnectReason[keyof typeof CallDisconnectReason];

/**
 * Audio statistics of a connected call, from the peer connection's `getStats()`, passed to
 * `rtcStatsUpdate` callbacks about once a second. Counters run from the start of the call; jitter
 * and round-trip time are in seconds, as WebRTC reports them.
 */
export interface RtcStats {
  /** Audio packets received. */
  audioRecvPackets: number;
  /** Audio packets the other side sent that never arrived. */
  audioRecvPacketsLost: number;
  /** Audio bytes received. */
  audioRecvBytes: number;
  /** Jitter of the received audio. */
  audioRecvJitter: number;
  /** Audio packets sent. */
  audioSentPackets: number;
  /** Audio bytes sent. */
  audioSentBytes: number;
  /** Audio packets sent that the other side reports lost. */
  audioSentPacketsLost: number;
  /** Round-trip time to the other side. */
  audioRtt: number;
  /** Jitter the other side reports for the audio it receives from here. */
  audioSentJitter: number;
}

/** Where an incoming call comes from, passed to `callInvite` callbacks. */
export const VoiceChannelType: {
  /** An app user (a client SDK). */
  readonly App: "app";
  /** A phone. */
  readonly Phone: "phone";
  /** A SIP endpoint. */
  readonly Sip: "sip";
  /** A websocket endpoint. */
  readonly Websocket: "websocket";
} = enumOf("app phone sip websocket", pascal);
/** One of the values of {@link VoiceChannelType}. */
export type VoiceChannelType = typeof VoiceChannelType[keyof typeof VoiceChannelType];

/** Audio quality figures of a finished call, passed to `callHangup` callbacks. */
export interface RTCQuality {
  /** Mean opinion score. */
  mos_score: number;
  /** Quality as a percentage. */
  quality_percentage: number;
  /** Smallest jitter variation. */
  jitter_min_var: number;
  /** Largest jitter variation. */
  jitter_max_var: number;
  /** Loss rate attributed to jitter. */
  jitter_loss_rate: number;
  /** Burst loss rate attributed to jitter. */
  jitter_burst_rate: number;
  /** Number of detected flaws. */
  flaw_total: number;
  /** Number of packets. */
  packet_cnt: number;
  /** Lost packets as a percentage. */
  packet_loss_perc: number;
}

/** One end of a leg. */
export interface LegChannel {
  /** Kind of endpoint, e.g. `app` or `phone`. */
  type: string;
  /** User name, for app endpoints. */
  user: string | null;
  /** Number, for phone endpoints. */
  number: string | null;
}

/** Which media features are on, for a leg (merged with its call's). */
export interface MediaState {
  /** Audio from the leg is muted. */
  mute: boolean;
  /** The leg cannot hear the others. */
  earmuff: boolean;
  /** A stream is being played into the call. */
  play_stream: boolean;
  /** The call is being recorded. */
  recording: boolean;
  /** The call is being transcribed. */
  transcribing: boolean;
  /** Text-to-speech is being played into the call. */
  tts: boolean;
}

/** One leg of a call: one party's connection. */
export interface Leg {
  /** Leg id (for app users, their call id). */
  id: string;
  /** Kind of leg, e.g. `app`. */
  type: string;
  /** `inbound` (called in to the application) or `outbound` (placed by it). */
  direction: string;
  /** The conversation holding the call. */
  conversationId: string;
  /** Current status, e.g. `ringing`, `answered`, `completed`. */
  status: string;
  /** When the leg started (ISO 8601). */
  startTime: string;
  /** When it ended (ISO 8601), or empty while it is up. */
  endTime: string;
  /** The calling side. */
  from: LegChannel;
  /** The called side. */
  to: LegChannel;
  /** Media flags, when the server reports them. */
  mediaState: MediaState | null;
}

/** A page of the legs of a call. */
export interface LegsPage extends PageCursors {
  /** The legs. */
  legs: Leg[];
}

/** Parameters of `getCallLegs`. */
export interface GetCallLegsParameters {
  /** `asc` (default) or `desc`. */
  order?: Nullable<PresentingOrder>;
  /** Items per page, 1 to 100. */
  pageSize?: Nullable<number>;
  /** Cursor from a previous page. */
  cursor?: Nullable<string>;
}

/** What `say` says, and how. Only `text` is required. */
export interface CallSayParams {
  /** What to say: plain text, or SSML when `ssml` is true. */
  text: string;
  /** Volume from -1 to 1 (default 1). */
  level?: Nullable<number>;
  /** How many times to say it; 0 repeats until stopped (default 1). */
  loop?: Nullable<number>;
  /** Wait for speech already playing instead of interrupting it (default true). */
  queue?: Nullable<boolean>;
  /** Voice to use (default `amy`). */
  voiceName?: Nullable<string>;
  /** Whether `text` is SSML (default true, as in the official SDK). */
  ssml?: Nullable<boolean>;
}
