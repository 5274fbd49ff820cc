/**
 * `VonageClient`: the facade. Method names, argument orders and results follow the official
 * `@vonage/client-sdk` 2.3.1; the work is done by the files next to this one: http (REST calls),
 * connection and session (the socket), inbox (pushed events to callbacks), memberships, resources
 * and events (wire shapes to public ones), update and validate (arguments to wire shapes).
 *
 * @module
 */
import { VonageError } from "../errors.ts";
import type { WireCreateConversation, WireCreateEvent, WireMessageBody } from "../wire.ts";
import type { BackoffPolicy } from "./backoff.ts";
import type { ClientConfigObject, ClientInitConfigObject } from "./config.ts";
import { type ClientConfig, resolveConfig } from "./config.ts";
import { Connection, type ConnectionState, type ConnectionStateChange } from "./connection.ts";
import type { EventsPage, PersistentConversationEvent } from "./conversation_event.ts";
import { Emitter, type VonageEvent, type VonageEventName } from "./emitter.ts";
import type { PresentingOrder, SessionErrorReason } from "./enums.ts";
import { toEventsPage } from "./events.ts";
import { invalidArgument, noActiveSession } from "./failures.ts";
import { Http } from "./http.ts";
import { Inbox } from "./inbox.ts";
import { Logger } from "./logger.ts";
import { Memberships } from "./memberships.ts";
import { defaultMedia } from "./media.ts";
import { eachItem } from "./paging.ts";
import { toConversation, toConversationsPage, toMember, toMembersPage, toUser } from "./resources.ts";
import { type SessionEnd, type SessionInfo, SocketSession } from "./session.ts";
import type {
  Conversation,
  ConversationsPage,
  CreateConversationParameters,
  CustomData,
  GetConversationEventsParameters,
  GetConversationMembersParameters,
  GetConversationsParameters,
  Json,
  Location,
  Member,
  MembersPage,
  Nullable,
  Template,
  UpdateConversationParameters,
  User,
  Whatsapp,
} from "./types.ts";
import { checkTtl, toUpdateBody } from "./update.ts";
import {
  checkCustomData,
  checkEventId,
  checkId,
  checkLocation,
  checkOrderBy,
  checkString,
  checkUrl,
  pageQuery,
} from "./validate.ts";
import { VoiceLoader } from "./voice_loader.ts";
import {
  CONVERSATION,
  CONVERSATIONS_PAGE,
  EVENTS_PAGE,
  MEMBER,
  MEMBERS_PAGE,
  type Shape,
  USER,
} from "./wire_readers.ts";
import type { CallSayParams, GetCallLegsParameters, Leg, LegsPage } from "./voice_types.ts";

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An event to send, before the client adds `cid` and the caller's member id. */
type OutgoingEvent = DistributiveOmit<WireCreateEvent, "cid" | "from">;

/**
 * A client of the Vonage Client SDK API: sessions, conversations, members, messages, receipts,
 * custom and ephemeral events.
 *
 * @example Log in and say hello
 * ```ts ignore
 * import { VonageClient } from "@parley/client";
 * const client = new VonageClient({ apiUrl: "http://127.0.0.1:3000", websocketUrl: "http://127.0.0.1:3000" });
 * client.on("conversationEvent", (event) => {
 *   if (event.kind === "message:text") console.log(event.body.text);
 * });
 * await client.createSession(token);
 * const id = await client.createConversation({ displayName: "Support" });
 * await client.joinConversation(id);
 * await client.sendMessageTextEvent(id, "Hello!");
 * ```
 */
export class VonageClient {
  readonly #logger: Logger;
  readonly #emitter: Emitter<VonageEvent>;
  readonly #memberships: Memberships;
  readonly #inbox: Inbox;
  readonly #voice: VoiceLoader;
  readonly #connection: Connection;
  #config!: ClientConfig;
  #http!: Http;
  #session: SessionInfo | undefined;
  #token: string | null = null;

  /** Creates a client; `config` as for {@link setConfig}, plus logging settings. */
  constructor(config: ClientInitConfigObject = {}) {
    const logger = this.#logger = new Logger(config);
    const emitter = this.#emitter = new Emitter(logger);
    const http = () => this.#http;
    const backoff = (): BackoffPolicy => ({
      baseMs: this.#config.reconnectBaseDelayMs,
      capMs: this.#config.reconnectMaxDelayMs,
    });
    this.#memberships = new Memberships(http, () => this.#session?.userId);
    this.#voice = new VoiceLoader({
      http,
      session: () => this.#requireSession(),
      media: () => this.#config.media ?? defaultMedia(),
      me: () => this.#session?.userId,
      config: () => this.#config,
      emitter,
    });
    const inbox = this.#inbox = new Inbox({
      http,
      memberships: this.#memberships,
      calls: this.#voice,
      emitter,
      backoff,
      logger,
    });
    this.#connection = new Connection({
      dial: (handlers) => new SocketSession(this.#config, handlers, logger),
      get backoff() {
        return backoff();
      },
      opened: (info) => this.#session = info,
      pushed: (type, payload) => inbox.receive(type, payload),
      resumed: () => inbox.catchUp(),
      changed: (change) => this.#onConnectionChange(change),
      logger,
    });
    this.setConfig(config);
  }

  /**
   * Parley only: where the session's connection stands (`disconnected`, `connecting`, `connected`,
   * `reconnecting` or `failed`). `connectionStateChange` callbacks hear every change.
   */
  get connectionState(): ConnectionState {
    return this.#connection.state;
  }

  /**
   * Replaces the whole configuration: keys left out take the defaults of `region` (default `US`).
   * Applies to later requests and sessions.
   */
  setConfig(config: ClientConfigObject): void {
    this.#config = resolveConfig(config ?? {});
    this.#http = new Http(this.#config, () => this.#token, this.#logger);
  }

  /** Registers a callback; returns the symbol that {@link off} takes. Callbacks run in registration order. */
  on<K extends VonageEventName>(event: K, callback: VonageEvent[K]): symbol {
    return this.#emitter.on(event, callback);
  }

  /** Removes one callback; `true` when it was registered. */
  off<K extends VonageEventName>(event: K, callbackSymbol: symbol): boolean {
    return this.#emitter.off(event, callbackSymbol);
  }

  /** Removes every callback of `event`. */
  clearCallbacks<K extends VonageEventName>(event: K): void {
    this.#emitter.clear(event);
  }

  // ---- Session ------------------------------------------------------------------------------

  /**
   * Connects and logs in with `token` (a JWT); resolves the session id. Pass a `sessionId` from an
   * earlier session to resume it. Events that were waiting for the user are delivered to
   * `conversationEvent` callbacks before this resolves. A session that is open already is logged
   * out first.
   */
  async createSession(token: string, sessionId?: string | null): Promise<string> {
    if (typeof token !== "string" || token === "") {
      throw new VonageError(
        "SESSION_ERROR",
        "session:error:empty-token",
        "createSession needs a token (a JWT)",
      );
    }
    await this.#endSession();
    // Pending events may need a back-fill (REST) before the login completes.
    this.#token = token;
    try {
      return (await this.#connection.open(token, sessionId ?? null)).id;
    } catch (err) {
      this.#token = null;
      throw err;
    }
  }

  /** Swaps the session's token for `token` (before the old one expires); later reconnects use it too. */
  async refreshSession(token: string): Promise<void> {
    const session = this.#requireSession();
    if (typeof token !== "string" || token === "") {
      throw new VonageError(
        "SESSION_ERROR",
        "session:error:empty-token",
        "refreshSession needs a token (a JWT)",
      );
    }
    // The new token authorizes its own swap; the middleware adds the current one only when none is set.
    await this.#http.call(
      "refreshSession",
      (api) =>
        api.PUT("/v0.2/sessions/{session_id}", {
          params: { path: { session_id: session.id } },
          headers: { Authorization: `Bearer ${token}` },
          body: "",
        }),
      { session_id: "string" },
    );
    this.#token = token;
    this.#connection.setToken(token);
  }

  /** Logs out (`session:logout`) and disconnects. */
  deleteSession(): Promise<void> {
    if (!this.#session) return Promise.reject(noActiveSession());
    return this.#endSession();
  }

  // ---- Conversations ------------------------------------------------------------------------

  /** Reads a conversation by id or by name. */
  async getConversation(conversationIdOrName: string): Promise<Conversation> {
    const conversation_id = checkId(conversationIdOrName, "conversationIdOrName");
    this.#requireSession();
    return toConversation(
      await this.#http.call(
        "getConversation",
        (api) => api.GET("/v0.3/conversations/{conversation_id}", { params: { path: { conversation_id } } }),
        CONVERSATION,
      ),
    );
  }

  /** Creates a conversation; resolves its id. Every parameter is optional. */
  createConversation(parameters?: Nullable<CreateConversationParameters>): Promise<string>;
  /** @deprecated The 1.x form: pass `{ name, displayName }` instead. */
  createConversation(name?: Nullable<string>, displayName?: Nullable<string>): Promise<string>;
  async createConversation(
    parameters?: Nullable<CreateConversationParameters> | string,
    displayName?: Nullable<string>,
  ): Promise<string> {
    const body = toCreateBody(
      parameters == null || typeof parameters === "string" ? { name: parameters, displayName } : parameters,
    );
    this.#requireSession();
    const created = await this.#http.call(
      "createConversation",
      (api) => api.POST("/v0.3/conversations", { body }),
      CREATED,
    );
    return created.id;
  }

  /**
   * Changes some fields of a conversation and resolves it as updated. For each field: leave it
   * out, or pass `none()` or `undefined`, to keep it; pass a value or `some(value)` to set it; pass
   * `null` or `some(null)` to clear it. `name` cannot be cleared.
   */
  async updateConversation(
    conversationId: string,
    parameters: UpdateConversationParameters,
  ): Promise<Conversation> {
    const conversation_id = checkId(conversationId, "conversationId");
    const body = toUpdateBody(parameters);
    this.#requireSession();
    return toConversation(
      await this.#http.call(
        "updateConversation",
        (api) =>
          api.PATCH("/v0.3/conversations/{conversation_id}", { params: { path: { conversation_id } }, body }),
        CONVERSATION,
      ),
    );
  }

  /** Deletes a conversation with its members and events. */
  async deleteConversation(id: string): Promise<void> {
    const conversation_id = checkId(id, "id");
    this.#requireSession();
    await this.#http.call(
      "deleteConversation",
      (api) => api.DELETE("/v0.3/conversations/{conversation_id}", { params: { path: { conversation_id } } }),
    );
    this.#memberships.left(conversation_id);
  }

  /** One page of the conversations the session's user is a member of. */
  getConversations(parameters?: Nullable<GetConversationsParameters>): Promise<ConversationsPage>;
  /** @deprecated The 1.x form: pass `{ order, pageSize, cursor }` instead. */
  getConversations(order: PresentingOrder, pageSize?: number, cursor?: string): Promise<ConversationsPage>;
  async getConversations(
    parameters?: Nullable<GetConversationsParameters> | PresentingOrder,
    pageSize?: number,
    cursor?: string,
  ): Promise<ConversationsPage> {
    const p = positional(parameters, pageSize, cursor);
    const query = pageQuery(p, () => ({
      include_custom_data: p.includeCustomData === true ? true : undefined,
      order_by: checkOrderBy(p.orderBy),
    }));
    const user_id = this.#requireSession().userId;
    return toConversationsPage(
      await this.#http.call(
        "getConversations",
        (api) => api.GET("/v0.3/users/{user_id}/conversations", { params: { path: { user_id }, query } }),
        CONVERSATIONS_PAGE,
      ),
    );
  }

  /**
   * Every conversation of the session's user, across all pages (Parley only). Pages are fetched
   * as the loop consumes them; `pageSize` sets how many per request.
   *
   * @example
   * ```ts ignore
   * for await (const conversation of client.conversations({ pageSize: 100 })) console.log(conversation.name);
   * ```
   */
  conversations(parameters?: Nullable<GetConversationsParameters>): AsyncIterable<Conversation> {
    return eachItem(
      (cursor) => this.getConversations({ ...parameters, cursor }),
      (page) => page.conversations,
      parameters?.cursor,
    );
  }

  // ---- Members ------------------------------------------------------------------------------

  /** One page of the members of a conversation. */
  getConversationMembers(
    id: string,
    parameters?: Nullable<GetConversationMembersParameters>,
  ): Promise<MembersPage>;
  /** @deprecated The 1.x form: pass `{ order, pageSize, cursor }` instead. */
  getConversationMembers(
    id: string,
    order: PresentingOrder,
    pageSize?: number,
    cursor?: string,
  ): Promise<MembersPage>;
  async getConversationMembers(
    id: string,
    parameters?: Nullable<GetConversationMembersParameters> | PresentingOrder,
    pageSize?: number,
    cursor?: string,
  ): Promise<MembersPage> {
    const conversation_id = checkId(id, "id");
    const query = pageQuery(positional(parameters, pageSize, cursor));
    this.#requireSession();
    return toMembersPage(
      await this.#http.call(
        "getConversationMembers",
        (api) =>
          api.GET("/v0.3/conversations/{conversation_id}/members", {
            params: { path: { conversation_id }, query },
          }),
        MEMBERS_PAGE,
      ),
    );
  }

  /** Every member of a conversation, across all pages (Parley only). */
  conversationMembers(
    id: string,
    parameters?: Nullable<GetConversationMembersParameters>,
  ): AsyncIterable<Member> {
    return eachItem(
      (cursor) => this.getConversationMembers(id, { ...parameters, cursor }),
      (page) => page.members,
      parameters?.cursor,
    );
  }

  /** Reads one member of a conversation. */
  async getConversationMember(conversationId: string, memberId: string): Promise<Member> {
    const conversation_id = checkId(conversationId, "conversationId");
    const member_id = checkId(memberId, "memberId");
    this.#requireSession();
    return toMember(
      await this.#http.call(
        "getConversationMember",
        (api) =>
          api.GET("/v0.3/conversations/{conversation_id}/members/{member_id}", {
            params: { path: { conversation_id, member_id } },
          }),
        MEMBER,
      ),
    );
  }

  /** Invites the user named `name`; resolves the new member id. */
  async inviteToConversation(id: string, name: string): Promise<string> {
    const conversation_id = checkId(id, "id");
    const userName = checkId(name, "name");
    const session = this.#requireSession();
    const invited = await this.#http.call(
      "inviteToConversation",
      (api) =>
        api.POST("/v0.3/conversations/{conversation_id}/members", {
          params: { path: { conversation_id } },
          body: {
            originating_session: session.id,
            state: "invited",
            user: { name: userName },
            channel: { type: "app", from: { type: "app" }, to: { type: "app" } },
          },
        }),
      CREATED,
    );
    return invited.id;
  }

  /** Joins a conversation as the session's user; resolves the member id. */
  async joinConversation(id: string): Promise<string> {
    const conversation_id = checkId(id, "id");
    const session = this.#requireSession();
    const joined = await this.#http.call(
      "joinConversation",
      (api) =>
        api.POST("/v0.3/conversations/{conversation_id}/members", {
          params: { path: { conversation_id } },
          body: {
            originating_session: session.id,
            channel: { type: "app" },
            user: { id: session.userId, name: session.userName },
            state: "joined",
          },
        }),
      CREATED,
    );
    this.#memberships.joined(conversation_id, joined.id);
    return joined.id;
  }

  /** Leaves a conversation. */
  async leaveConversation(id: string): Promise<void> {
    const conversation_id = checkId(id, "id");
    this.#requireSession();
    const member_id = await this.#memberships.of(conversation_id);
    await this.#http.call(
      "leaveConversation",
      (api) =>
        api.DELETE("/v0.2/conversations/{conversation_id}/members/{member_id}", {
          params: { path: { conversation_id, member_id } },
        }),
    );
    this.#memberships.left(conversation_id);
  }

  // ---- Events -------------------------------------------------------------------------------

  /** One page of the stored events of a conversation (messages with their per-member delivery state). */
  getConversationEvents(
    id: string,
    parameters?: Nullable<GetConversationEventsParameters>,
  ): Promise<EventsPage>;
  /** @deprecated The 1.x form: pass `{ order, pageSize, cursor }` instead. */
  getConversationEvents(
    id: string,
    order: PresentingOrder,
    pageSize?: number,
    cursor?: string,
  ): Promise<EventsPage>;
  async getConversationEvents(
    id: string,
    parameters?: Nullable<GetConversationEventsParameters> | PresentingOrder,
    pageSize?: number,
    cursor?: string,
  ): Promise<EventsPage> {
    const conversation_id = checkId(id, "id");
    const p = positional(parameters, pageSize, cursor);
    const query = pageQuery(p, () => ({
      filter_group_type: "ChatEvents",
      filter_group_version: 3,
      event_type: eventFilter(p.eventFilter),
      exclude_deleted_events: p.includeDeletedEvents !== true,
      start_id: p.startId == null ? undefined : checkEventId(p.startId, "startId"),
    }));
    this.#requireSession();
    return toEventsPage(
      await this.#http.call(
        "getConversationEvents",
        (api) =>
          api.GET("/v0.3/conversations/{conversation_id}/events", {
            params: { path: { conversation_id }, query },
          }),
        EVENTS_PAGE,
      ),
      conversation_id,
      (_item, reason) => this.#logger.warn("API", `skipped a listed event: ${reason}`),
    );
  }

  /** Every stored event of a conversation, across all pages (Parley only). */
  conversationEvents(
    id: string,
    parameters?: Nullable<GetConversationEventsParameters>,
  ): AsyncIterable<PersistentConversationEvent> {
    return eachItem(
      (cursor) => this.getConversationEvents(id, { ...parameters, cursor }),
      (page) => page.events,
      parameters?.cursor,
    );
  }

  /**
   * Sends a text message; resolves the server's timestamp. Any text is sent as it is (quotes,
   * `<`, `>` and `&` included); `raw` is accepted for compatibility and changes nothing.
   */
  async sendMessageTextEvent(id: string, text: string, _raw = false): Promise<string> {
    const body = { message_type: "text" as const, text: checkString(text, "text") };
    return await this.#send(id, { type: "message", body });
  }

  /** Sends a message holding an application object (or a JSON object string). */
  async sendMessageCustomEvent(id: string, customData: CustomData): Promise<string> {
    const custom = checkCustomData(customData);
    return await this.#send(id, { type: "message", body: { message_type: "custom", custom } });
  }

  /** Sends an image message (`URL` or absolute URL string). */
  async sendMessageImageEvent(id: string, imageUrl: URL | string): Promise<string> {
    return await this.#sendMedia(id, "image", imageUrl, "imageUrl");
  }

  /** Sends a video message (`URL` or absolute URL string). */
  async sendMessageVideoEvent(id: string, videoUrl: URL | string): Promise<string> {
    return await this.#sendMedia(id, "video", videoUrl, "videoUrl");
  }

  /** Sends an audio message (`URL` or absolute URL string). */
  async sendMessageAudioEvent(id: string, audioUrl: URL | string): Promise<string> {
    return await this.#sendMedia(id, "audio", audioUrl, "audioUrl");
  }

  /** Sends a file message (`URL` or absolute URL string). */
  async sendMessageFileEvent(id: string, fileUrl: URL | string): Promise<string> {
    return await this.#sendMedia(id, "file", fileUrl, "fileUrl");
  }

  /** Sends a vCard message (`URL` or absolute URL string). */
  async sendMessageVCardEvent(id: string, vCardUrl: URL | string): Promise<string> {
    return await this.#sendMedia(id, "vcard", vCardUrl, "vCardUrl");
  }

  /** Sends a location; `latitude` and `longitude` are required, `name` and `address` optional. */
  async sendMessageLocationEvent(id: string, location: Location): Promise<string> {
    const place = checkLocation(location);
    return await this.#send(id, { type: "message", body: { message_type: "location", location: place } });
  }

  /** Sends a template message with its WhatsApp settings. */
  async sendMessageTemplateEvent(
    id: string,
    templateObject: Template,
    whatsappObject: Whatsapp,
  ): Promise<string> {
    if (typeof templateObject !== "object" || templateObject === null) {
      throw invalidArgument("templateObject must be an object with a name");
    }
    if (typeof whatsappObject !== "object" || whatsappObject === null) {
      throw invalidArgument("whatsappObject must be an object with policy and locale");
    }
    const template: { name: string; parameters?: string[] } = {
      name: checkId(templateObject.name, "templateObject.name"),
    };
    const parameters = templateObject.parameters;
    if (parameters !== undefined && parameters !== null) {
      if (!Array.isArray(parameters)) {
        throw invalidArgument("templateObject.parameters must be an array of strings");
      }
      template.parameters = parameters.map((p, i) => checkString(p, `templateObject.parameters[${i}]`));
    }
    const whatsapp = {
      policy: checkString(whatsappObject.policy, "whatsappObject.policy"),
      locale: checkString(whatsappObject.locale, "whatsappObject.locale"),
    };
    return await this.#send(id, { type: "message", body: { message_type: "template", template, whatsapp } });
  }

  /**
   * Sends an event only the members online right now receive (typing indicators and the like);
   * it is not stored.
   */
  async sendEphemeralEvent(id: string, customData: CustomData): Promise<string> {
    return await this.#send(id, { type: "ephemeral", body: checkCustomData(customData) });
  }

  /** Sends an application-defined event; `eventType` gets the `custom:` prefix when it lacks it. */
  async sendCustomEvent(id: string, eventType: string, customData: CustomData): Promise<string> {
    const name = checkId(eventType, "eventType");
    const type = (name.startsWith("custom:") ? name : `custom:${name}`) as `custom:${string}`;
    if (type === "custom:") throw invalidArgument("eventType needs a name after custom:, e.g. custom:typing");
    return await this.#send(id, { type, body: checkCustomData(customData) });
  }

  /** Marks the message `id` as seen; resolves the receipt's timestamp. */
  async sendMessageSeenEvent(id: number, conversationId: string): Promise<string> {
    const eventId = checkEventId(id, "id");
    return await this.#send(conversationId, { type: "message:seen", body: { event_id: eventId } });
  }

  /** Deletes the event `id` of a conversation (a deleted message keeps its place, marked deleted). */
  async deleteEvent(id: number, conversationId: string): Promise<void> {
    const event_id = checkEventId(id, "id");
    const conversation_id = checkId(conversationId, "conversationId");
    this.#requireSession();
    const from = await this.#memberships.of(conversation_id);
    await this.#http.call(
      "deleteEvent",
      (api) =>
        api.DELETE("/v0.3/conversations/{conversation_id}/events/{event_id}", {
          params: { path: { conversation_id, event_id }, query: { from } },
        }),
    );
  }

  // ---- Users --------------------------------------------------------------------------------

  /** Reads a user by id or by name. */
  async getUser(userIdOrName: string): Promise<User> {
    const user_id = checkId(userIdOrName, "userIdOrName");
    this.#requireSession();
    return toUser(
      await this.#http.call(
        "getUser",
        (api) => api.GET("/v0.3/users/{user_id}", { params: { path: { user_id } } }),
        USER,
      ),
    );
  }

  // ---- Voice (voice.ts, loaded on first use) ------------------------------------------------

  /**
   * Places a call through the server; resolves the call id once the server has connected it. The
   * server routes the call; the reference server rings the app user named by `context.to`.
   */
  async serverCall(context?: Nullable<Json>): Promise<string> {
    return (await this.#voice.get()).serverCall(context);
  }

  /** Answers an incoming call (its id comes with `callInvite`). */
  async answer(callId: string): Promise<void> {
    return (await this.#voice.get()).answer(callId);
  }

  /** Declines an incoming call. */
  async reject(callId: string): Promise<void> {
    return (await this.#voice.get()).reject(callId);
  }

  /** Hangs up a call; `callHangup` follows. The reason is optional. */
  async hangup(callId: string, reasonText?: string, reasonCode?: string): Promise<void> {
    return (await this.#voice.get()).hangup(callId, reasonText, reasonCode);
  }

  /** Says text into a call (text-to-speech). */
  say(callId: string, text: string): Promise<void>;
  /** Says text into a call, with volume, repetitions, voice and SSML settings. */
  say(callId: string, params: CallSayParams): Promise<void>;
  async say(callId: string, params: string | CallSayParams): Promise<void> {
    return (await this.#voice.get()).say(callId, params);
  }

  /** Mutes this side of a call. */
  async mute(callId: string): Promise<void> {
    return (await this.#voice.get()).mute(callId);
  }

  /** Unmutes this side of a call. */
  async unmute(callId: string): Promise<void> {
    return (await this.#voice.get()).unmute(callId);
  }

  /** Stops hearing the other side of a call. */
  async enableEarmuff(callId: string): Promise<void> {
    return (await this.#voice.get()).enableEarmuff(callId);
  }

  /** Hears the other side of a call again. */
  async disableEarmuff(callId: string): Promise<void> {
    return (await this.#voice.get()).disableEarmuff(callId);
  }

  /** Sends DTMF keys (`0`-`9`, `*`, `#`, `A`-`D`, `p` for a pause) into a call. */
  async sendDTMF(callId: string, digits: string): Promise<void> {
    return (await this.#voice.get()).sendDTMF(callId, digits);
  }

  /** One page of the legs of a call, with their media state. */
  async getCallLegs(callId: string, parameters?: Nullable<GetCallLegsParameters>): Promise<LegsPage> {
    return (await this.#voice.get()).getCallLegs(callId, parameters);
  }

  /** Reads one call leg. */
  async getLeg(legId: string): Promise<Leg> {
    return (await this.#voice.get()).getLeg(legId);
  }

  /** Reconnects a call's media (new ICE and DTLS), e.g. after a network change; resolves once it is back. */
  async reconnectCall(legId: string): Promise<void> {
    return (await this.#voice.get()).reconnectCall(legId);
  }

  /** The `RTCPeerConnection` of a call (its id), while the call has WebRTC media. */
  getPeerConnection(id: string): RTCPeerConnection | undefined {
    return this.#voice.loaded?.peerConnection(id) as RTCPeerConnection | undefined;
  }

  /** The `Audio` element playing the latest call's remote audio, e.g. to pick the output device. */
  getAudioOutputElement(): HTMLAudioElement | undefined {
    return this.#voice.loaded?.audioElement() as HTMLAudioElement | undefined;
  }

  // ---- Internals ----------------------------------------------------------------------------

  #requireSession(): SessionInfo {
    if (!this.#session) throw noActiveSession();
    return this.#session;
  }

  /** Forgets the session at once (later calls need a new one), then logs its socket out. */
  #endSession(): Promise<void> {
    this.#session = undefined;
    this.#token = null;
    this.#memberships.clear();
    this.#inbox.reset();
    this.#voice.reset();
    return this.#connection.end();
  }

  /** Reports a connection change, and the official events it amounts to. */
  #onConnectionChange(change: ConnectionStateChange): void {
    this.#emitter.emit("connectionStateChange", change);
    const { state, previous, reason } = change;
    if (state === "reconnecting" && previous === "connected") this.#emitter.emit("reconnecting");
    else if (state === "connected" && previous === "reconnecting") this.#emitter.emit("reconnection");
    else if (state === "failed") {
      this.#emitter.emit("sessionError", SESSION_ERROR_REASONS[reason as SessionEnd]);
    }
  }

  /** Posts an event as the caller's member; resolves the answer's `timestamp`. */
  async #send(conversationId: string, event: OutgoingEvent): Promise<string> {
    const cid = checkId(conversationId, "conversationId");
    this.#requireSession();
    const from = await this.#memberships.of(cid);
    const body = { ...event, cid, from } as WireCreateEvent;
    const sent = await this.#http.call(
      `send ${event.type}`,
      (api) =>
        api.POST("/v0.3/conversations/{conversation_id}/events", {
          params: { path: { conversation_id: cid } },
          body,
        }),
      { timestamp: "string" },
    );
    return sent.timestamp;
  }

  /** Sends a media message: `{ message_type: kind, [kind]: { url } }`, the URL checked as `what`. */
  async #sendMedia(
    id: string,
    kind: "image" | "video" | "audio" | "file" | "vcard",
    url: URL | string,
    what: string,
  ): Promise<string> {
    const body = { message_type: kind, [kind]: { url: checkUrl(url, what) } } as unknown as WireMessageBody;
    return await this.#send(id, { type: "message", body });
  }
}

/** What the client reads of the answer to a POST that creates a conversation or a member: its id. */
const CREATED: Shape<{ id: string }> = { id: "string" };

/** The official `sessionError` reason of each way a session can fail. */
const SESSION_ERROR_REASONS: Record<SessionEnd, SessionErrorReason> = {
  // The official SDK reports a server-side disconnect as an expired token; a refused token needs
  // the same remedy (a new token and createSession).
  serverDisconnect: "EXPIRED_TOKEN",
  tokenExpired: "EXPIRED_TOKEN",
  tokenRefused: "EXPIRED_TOKEN",
  sessionRefused: "TRANSPORT_CLOSED",
};

/** `createConversation` parameters → POST body; `properties` only when one of its keys is given. */
function toCreateBody(p: CreateConversationParameters): WireCreateConversation {
  if (typeof p !== "object") throw invalidArgument("createConversation takes a parameters object or nothing");
  const body: WireCreateConversation = {};
  if (p.name != null) body.name = checkId(p.name, "name");
  if (p.displayName != null) body.display_name = checkString(p.displayName, "displayName");
  if (p.imageUrl != null) body.image_url = checkString(p.imageUrl, "imageUrl");
  const properties: NonNullable<WireCreateConversation["properties"]> = {};
  if (p.ttl != null) properties.ttl = checkTtl(p.ttl);
  if (p.customSortKey != null) properties.custom_sort_key = checkString(p.customSortKey, "customSortKey");
  if (p.customData != null) properties.custom_data = checkCustomData(p.customData);
  if (Object.keys(properties).length) body.properties = properties;
  return body;
}

/** The 1.x positional paging arguments `(order, pageSize, cursor)`, or the parameters object. */
function positional<T>(p: Nullable<T> | string | undefined, pageSize?: number, cursor?: string): T {
  return (p == null || typeof p === "string" ? { order: p, pageSize, cursor } : p) as T;
}

/** `eventFilter` → the comma-separated `event_type` query value, or nothing when empty. */
function eventFilter(filter: Nullable<string[]>): string | undefined {
  if (filter === undefined || filter === null) return undefined;
  if (!Array.isArray(filter)) {
    throw invalidArgument('eventFilter must be an array of event types, e.g. ["message"]');
  }
  const types = filter.map((type, i) => checkId(type, `eventFilter[${i}]`));
  return types.length ? types.join(",") : undefined;
}
