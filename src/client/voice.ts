/**
 * Call control: the voice methods of `VonageClient`, with the REST sequences of wire-protocol.md
 * §3.5. Calls are tracked by the {@link CallRegistry}; media comes from the configured
 * {@link MediaAdapter}. Arguments are checked, and the call looked up, before any request: an
 * unknown call id rejects with `voice:error:no_call_found`, a call not in a state for the action with
 * `voice:error:invalid_call_action`.
 *
 * @module
 */
import type { WireAnyPushedEvent, WireCreateEvent } from "../wire.ts";
import { CallMedia, type CallMediaHost, MEDIA_TIMING, mediaError, type MediaTiming } from "./call_media.ts";
import { type Call, CallRegistry } from "./calls.ts";
import type { Emitter, VonageEvent } from "./emitter.ts";
import { invalidArgument } from "./failures.ts";
import type { Http } from "./http.ts";
import { LEG, LEG_CREATED, LEGS_PAGE, MEDIA_STATE, toLeg, toLegsPage } from "./legs.ts";
import type { MediaAdapter } from "./media.ts";
import type { SessionInfo } from "./session.ts";
import type { Json, Nullable } from "./types.ts";
import { checkCustomData, checkId, pageQuery } from "./validate.ts";
import type { CallSayParams, GetCallLegsParameters, Leg, LegsPage } from "./voice_types.ts";

/** How long `serverCall` waits for the server to connect the call (as the official SDK). */
export const CALL_SETUP_TIMEOUT_MS = 10_000;

/** DTMF keys: digits, `*`, `#`, `A` to `D`, and `p` for a pause. */
const DTMF = /^[\dA-Da-d*#pP]+$/;

/** What the voice layer needs from the client; read at each call, so `setConfig` and new sessions apply. */
export interface VoiceHost {
  /** The REST layer. */
  http(): Http;
  /** The session; throws `session:error:no-active-session` without one. */
  session(): SessionInfo;
  /** The media of new calls. */
  media(): MediaAdapter;
  /** The settings the media of calls follow. */
  config(): { rtcStatsTelemetry: boolean; autoReconnectMedia: boolean; noiseSuppression: boolean };
  /** The session user's id, if there is a session. */
  me(): string | undefined;
  /** Where voice callbacks go. */
  emitter: Emitter<VonageEvent>;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type CallEvent = DistributiveOmit<WireCreateEvent, "from" | "originating_session">;

function voiceError(code: string, message: string) {
  return mediaError(`voice:error:${code}`, message);
}

/** The voice methods. */
export class Voice {
  readonly #host: VoiceHost;
  readonly #calls: CallRegistry;
  readonly #setupTimeoutMs: number;
  readonly #timing: MediaTiming;

  /**
   * Creates the voice layer; `setupTimeoutMs` bounds `serverCall`'s wait for the call to be joined,
   * `timing` the media's (both default to the official SDK's).
   */
  constructor(host: VoiceHost, setupTimeoutMs = CALL_SETUP_TIMEOUT_MS, timing = MEDIA_TIMING) {
    this.#host = host;
    this.#setupTimeoutMs = setupTimeoutMs;
    this.#timing = timing;
    this.#calls = new CallRegistry(host.emitter, host.me);
  }

  /** A pushed event (every push passes here, after ordering, before the inbox maps it). */
  receive(push: WireAnyPushedEvent): void {
    this.#calls.receive(push);
  }

  /** Forgets every call and ends its media (the session ended). */
  reset(): void {
    this.#calls.clear();
  }

  /** Places a call through the server; resolves the call id once the server has connected it. */
  async serverCall(context?: Nullable<Json>): Promise<string> {
    const custom = context == null ? {} : checkCustomData(context, "context");
    const session = this.#host.session();
    const http = this.#host.http();
    const media = await this.#openMedia();
    let call: Call | undefined;
    try {
      const sdp = await media.connection.createOffer();
      const leg = await http.call(
        "serverCall",
        (api) =>
          api.POST("/v0.3/legs", {
            body: { originating_session: session.id, body: { offer: { type: "offer", sdp } } },
          }),
        LEG_CREATED,
      );
      const id = leg.rtc_id;
      await media.connection.applyAnswer(leg.sdp);
      call = this.#calls.add(id, false, { media });
      // The `member:joined` that connects the call may arrive before the knocking's answer.
      const joined = new Promise<void>((resolve) => call!.joined = resolve);
      await http.call("serverCall", (api) =>
        api.POST("/v0.3/knocking", {
          body: {
            originating_session: session.id,
            channel: {
              type: "app",
              id,
              from: { type: "app", user: session.userName },
              to: { type: "phone", number: typeof custom.to === "string" ? custom.to : "" },
            },
            properties: { custom_data: custom },
          },
        }));
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        joined,
        new Promise((_, reject) =>
          timer = setTimeout(
            () => reject(voiceError("media_timeout", `Call ${id} was not connected in time`)),
            this.#setupTimeoutMs,
          )
        ),
      ]).finally(() => clearTimeout(timer));
      call.joined = undefined;
      media.watch(id, this.#mediaHost(call));
      return id;
    } catch (err) {
      if (call) this.#calls.remove(call);
      else media.close();
      throw err;
    }
  }

  /** Answers an incoming call (from `callInvite`). */
  async answer(callId: string): Promise<void> {
    const call = this.#invitation(callId);
    const session = this.#host.session();
    const http = this.#host.http();
    const { conversationId: conversation_id, memberId: member_id } = call;
    // Set before the requests: the `member:joined` they cause must not read as answered elsewhere.
    call.live = true;
    try {
      const media = call.media = await this.#openMedia();
      const answer = await media.connection.createAnswer(call.offer);
      await http.call(
        "answer",
        (api) =>
          api.PUT("/v0.3/conversations/{conversation_id}/members/{member_id}", {
            params: { path: { conversation_id, member_id } },
            body: {
              originating_session: session.id,
              channel: { type: "app" },
              from: member_id,
              state: "joined",
            },
          }),
      );
      await http.call(
        "answer",
        (api) =>
          api.POST("/v0.3/conversations/{conversation_id}/rtc/{rtc_id}/answer", {
            params: { path: { conversation_id, rtc_id: call.id } },
            body: { originating_session: session.id, from: member_id, body: { answer } },
          }),
      );
      media.watch(call.id, this.#mediaHost(call));
    } catch (err) {
      call.live = false;
      call.media?.close();
      call.media = undefined;
      throw err;
    }
  }

  /** Declines an incoming call. */
  async reject(callId: string): Promise<void> {
    await this.#leave(this.#invitation(callId), "REMOTE_REJECT", "call-rejected-by-callee");
  }

  /** Hangs up; `callHangup` follows when the server confirms. `reasonText`/`reasonCode` are optional. */
  async hangup(callId: string, reasonText?: string, reasonCode?: string): Promise<void> {
    const call = this.#live(callId);
    for (const [value, what] of [[reasonText, "reasonText"], [reasonCode, "reasonCode"]]) {
      if (value != null && typeof value !== "string") throw invalidArgument(`${what} must be a string`);
    }
    await this.#leave(call, reasonCode || undefined, reasonText || undefined);
  }

  /** Says text into the call (text-to-speech): a string, or {@link CallSayParams}. */
  async say(callId: string, params: string | CallSayParams): Promise<void> {
    const p = typeof params === "string" ? { text: params } : params;
    if (typeof p !== "object" || p === null) throw invalidArgument("say takes a text or { text, ... }");
    const option = <T>(value: unknown, fallback: T, ok: boolean, rule: string): T => {
      if (value == null) return fallback;
      if (!ok) throw invalidArgument(`${rule}, got ${JSON.stringify(value)}`);
      return value as T;
    };
    const { level, loop, queue, voiceName, ssml } = p;
    const body = {
      text: checkId(p.text, "text"),
      level: option(
        level,
        1,
        typeof level === "number" && level >= -1 && level <= 1,
        "level must be from -1 to 1",
      ),
      loop: option(loop, 1, Number.isInteger(loop) && loop! >= 0, "loop must be a whole number, 0 or more"),
      queue: option(queue, true, typeof queue === "boolean", "queue must be a boolean"),
      voice_name: option(
        voiceName,
        "amy",
        typeof voiceName === "string" && voiceName !== "",
        "voiceName must be a name",
      ),
      ssml: option(ssml, true, typeof ssml === "boolean", "ssml must be a boolean"),
    };
    await this.#event(this.#live(callId), { type: "audio:say", body });
  }

  /** Stops sending this side's audio; `mute` callbacks follow. */
  mute(callId: string): Promise<void> {
    return this.#toggle(callId, "mute", true);
  }

  /** Resumes sending this side's audio. */
  unmute(callId: string): Promise<void> {
    return this.#toggle(callId, "mute", false);
  }

  /** Stops playing the other side's audio here; `earmuff` callbacks follow. */
  enableEarmuff(callId: string): Promise<void> {
    return this.#toggle(callId, "earmuff", true);
  }

  /** Resumes playing the other side's audio here. */
  disableEarmuff(callId: string): Promise<void> {
    return this.#toggle(callId, "earmuff", false);
  }

  /** Sends DTMF keys (`0`-`9`, `*`, `#`, `A`-`D`, `p` for a pause) into the call. */
  async sendDTMF(callId: string, digits: string): Promise<void> {
    if (!DTMF.test(checkId(digits, "digits"))) {
      throw invalidArgument(`digits may hold only 0-9, *, #, A-D and p, got ${JSON.stringify(digits)}`);
    }
    const call = this.#live(callId);
    await this.#event(call, {
      type: "audio:dtmf",
      body: { digit: digits, channel: { id: call.id, type: "app" } },
    });
  }

  /** One page of the legs of a call (every party's), with their media state. */
  async getCallLegs(callId: string, parameters?: Nullable<GetCallLegsParameters>): Promise<LegsPage> {
    const query = pageQuery(parameters ?? {});
    const path = { conversation_id: this.#live(callId).conversationId };
    const http = this.#host.http();
    const conversation = await http.call(
      "getCallLegs",
      (api) => api.GET("/v0.3/conversations/{conversation_id}", { params: { path } }),
      { media_state: MEDIA_STATE },
    );
    const callMedia = conversation.media_state;
    if (!callMedia) throw voiceError("no_call_media_found", `No media state for call ${callId}`);
    return toLegsPage(
      await http.call(
        "getCallLegs",
        (api) => api.GET("/v0.3/conversations/{conversation_id}/legs", { params: { path, query } }),
        LEGS_PAGE,
      ),
      callMedia,
    );
  }

  /** Reads one leg by id. */
  async getLeg(legId: string): Promise<Leg> {
    const leg_id = checkId(legId, "legId");
    this.#host.session();
    return toLeg(
      await this.#host.http().call(
        "getLeg",
        (api) => api.GET("/v0.3/legs/{leg_id}", { params: { path: { leg_id } } }),
        LEG,
      ),
    );
  }

  /**
   * Reconnects the media of a call (new ICE and DTLS), e.g. after a network change; resolves once the
   * media is back, rejects with `voice:error:media_timeout` when it is not back within 10 s.
   */
  async reconnectCall(legId: string): Promise<void> {
    const call = this.#live(legId);
    if (!call.media) throw voiceError("invalid_call_action", `Call ${legId} has no media`);
    await call.media.reconnect();
  }

  /** The peer connection of a call, if its media is WebRTC. */
  peerConnection(callId: string): unknown {
    return this.#calls.get(callId)?.media?.connection.peerConnection;
  }

  /** The element playing the audio of the latest call that plays any. */
  audioElement(): unknown {
    return this.#calls.list().map((call) => call.media?.connection.audioElement).findLast(Boolean);
  }

  /** A new call's media, its microphone opened as the config in use now says (`setConfig` counts). */
  #openMedia(): Promise<CallMedia> {
    const adapter = this.#host.media();
    const microphone = { noiseSuppression: this.#host.config().noiseSuppression };
    return CallMedia.open({ connect: (onState) => adapter.connect(onState, microphone) }, this.#timing);
  }

  /** What a call's watched media needs: events, settings, renegotiation, and the end after a failure. */
  #mediaHost(call: Call): CallMediaHost {
    return {
      emitter: this.#host.emitter,
      config: () => this.#host.config(),
      sendOffer: async (sdp) => {
        await this.#host.http().call(
          "reconnectCall",
          (api) =>
            api.POST("/v0.3/conversations/{conversation_id}/rtc/{rtc_id}/offer", {
              params: { path: { conversation_id: call.conversationId, rtc_id: call.id } },
              body: {
                originating_session: this.#host.session().id,
                from: call.memberId,
                body: { offer: { sdp } },
              },
            }),
        );
      },
      end: () => {
        call.mediaFailed = true;
        if (call.ending) return;
        // The server confirms with `rtc:hangup`; without a server to tell, the call ends here.
        this.#leave(call).catch(() => this.#calls.end(call, "MEDIA_TIMEOUT"));
      },
    };
  }

  #call(callId: string): Call {
    const call = this.#calls.get(checkId(callId, "callId"));
    if (!call) throw voiceError("no_call_found", `No call ${callId} (ended, or never here)`);
    return call;
  }

  /** A call that is connected (placed and joined, or answered here) and not being hung up. */
  #live(callId: string): Call {
    const call = this.#call(callId);
    if (!call.live || call.ending) {
      throw voiceError("invalid_call_action", `Call ${callId} is not connected`);
    }
    return call;
  }

  /** An incoming call not answered or rejected yet. */
  #invitation(callId: string): Call {
    const call = this.#call(callId);
    if (!call.inbound || call.live || call.ending) {
      throw voiceError("invalid_call_action", `Call ${callId} is not an unanswered invitation`);
    }
    return call;
  }

  /** Leaves the call's conversation (hangup, reject); the server answers with `rtc:hangup`. */
  async #leave(call: Call, reason_code?: string, reason_text?: string): Promise<void> {
    const query = reason_code || reason_text
      ? { ...reason_code ? { reason_code } : {}, ...reason_text ? { reason_text } : {}, from: call.memberId }
      : {};
    call.ending = true;
    try {
      await this.#host.http().call(
        "hangup",
        (api) =>
          api.DELETE("/v0.2/conversations/{conversation_id}/members/{member_id}", {
            params: { path: { conversation_id: call.conversationId, member_id: call.memberId }, query },
          }),
      );
    } catch (err) {
      call.ending = false;
      throw err;
    }
  }

  async #toggle(callId: string, what: "mute" | "earmuff", on: boolean): Promise<void> {
    const call = this.#live(callId);
    const type = `audio:${what}:${on ? "on" : "off"}` as const;
    await this.#event(call, { type, to: call.memberId, body: { rtc_id: call.id } });
    call.media?.[what](on);
  }

  /** Posts a call event as this client's member of the call. */
  async #event(call: Call, event: CallEvent): Promise<void> {
    const session = this.#host.session();
    const body = { ...event, from: call.memberId, originating_session: session.id } as WireCreateEvent;
    await this.#host.http().call(
      `send ${event.type}`,
      (api) =>
        api.POST("/v0.3/conversations/{conversation_id}/events", {
          params: { path: { conversation_id: call.conversationId } },
          body,
        }),
    );
  }
}
