// Generated from openapi/client-api.yaml by scripts/gen.ts (openapi-typescript 7.13.0).
// Do not edit: change the YAML and run `deno task gen`.

export interface paths {
    "/v0.2/sessions/{session_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Swap the token of a live session
         * @description Replaces the token associated with an open session. The new JWT travels in the `Authorization`
         *     header; the body carries no information (the official client sends the two-character JSON string
         *     `""`). Later REST calls and socket reconnects use the new token. Used by `refreshSession(token)`.
         */
        put: operations["refreshSession"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v0.3/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a conversation
         * @description Creates a conversation. Every field is optional; the server picks a unique `name` when none is
         *     given. The official client sends `{}` when called without parameters and leaves out
         *     `properties` when none of its members were given. Used by `createConversation(params)`, which
         *     resolves the new `id`.
         */
        post: operations["createConversation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v0.3/conversations/{conversation_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a conversation by id or by name
         * @description Returns one conversation. The path segment may be the conversation id **or** its unique name;
         *     the server tries both. When the caller is a member, `_embedded.member` holds that membership.
         *     For call conversations the answer must include `media_state`, which `getCallLegs` relies on.
         *     The official client also calls this right after some pushed events (`member:joined`,
         *     `rtc:transfer`, call invites) and, before a session exists, without any `Authorization` header,
         *     which this contract answers with 401.
         */
        get: operations["getConversation"];
        put?: never;
        post?: never;
        /**
         * Delete a conversation
         * @description Deletes a conversation with its members and events. Answers `204` with no body. Clients must also
         *     accept `200` with an empty body or `{}`; the official client rejects any other body (even `null`).
         */
        delete: operations["deleteConversation"];
        options?: never;
        head?: never;
        /**
         * Change some fields of a conversation
         * @description Partial update with three-way semantics per key: a key that is absent keeps the stored value,
         *     a key with a value replaces it, and a key set to JSON `null` clears it. `name` cannot be cleared.
         *     `"properties": null` clears both `custom_sort_key` and `custom_data` and leaves `ttl` alone
         *     (the official client sends it when both are reset and `ttl` is not mentioned). `ttl: 0` means the
         *     conversation has no time-to-live (the official client sends `0` when asked to clear it). `{}` is
         *     valid and changes nothing. Answers the complete updated conversation.
         */
        patch: operations["updateConversation"];
        trace?: never;
    };
    "/v0.3/users/{user_id}/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the conversations a user belongs to
         * @description One page of the conversations in which the user has a membership. The official client always
         *     passes the session's own `user_id` (from `session:success`). Each item carries
         *     `_embedded.member` with the user's membership. `custom_data` is included only when
         *     `include_custom_data=true`. Used by `getConversations(params)`.
         */
        get: operations["listUserConversations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v0.3/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a user by id or by name
         * @description Returns one user. The path segment may be the user id **or** the user name; the server tries
         *     both. Used by the inherited `getUser(idOrName)`.
         */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v0.3/conversations/{conversation_id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the members of a conversation
         * @description One page of memberships, in any state. Used by `getConversationMembers(cid, params)`.
         */
        get: operations["listMembers"];
        put?: never;
        /**
         * Invite a user, or join as the calling user
         * @description One path for two actions, told apart by `state`: `"invited"` invites the user named in
         *     `user.name` (`inviteToConversation(cid, userName)`), `"joined"` makes the calling user a joined
         *     member (`joinConversation(cid)`). The server pushes `member:invited` or `member:joined` to the
         *     conversation. Answers the id of the membership.
         */
        post: operations["createMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v0.3/conversations/{conversation_id}/members/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the calling user's own membership
         * @description Returns the membership of the user identified by the token. The official client calls this
         *     before every send, delete and leave to learn its member id, and never caches the answer, so it
         *     should be cheap. Answers 404 (`conversation:error:member-not-found`) when the user has no
         *     membership in the conversation.
         */
        get: operations["getMyMember"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v0.3/conversations/{conversation_id}/members/{member_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read one membership
         * @description Returns one member of the conversation. Used by the inherited `getConversationMember(cid, mid)`.
         */
        get: operations["getMember"];
        /**
         * Accept an invitation (answer a call)
         * @description Moves an invited membership to `joined`. The official client does this when the user answers an
         *     incoming call, right before sending its SDP answer with `sendRtcAnswer`. The server pushes
         *     `member:joined`.
         */
        put: operations["updateMember"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v0.2/conversations/{conversation_id}/members/{member_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Leave a conversation, hang up or reject a call
         * @description Ends a membership: the member's state becomes `LEFT` and the server pushes `member:left` (and,
         *     for a call leg, `rtc:hangup`). Note the older `/v0.2` prefix. Used by `leaveConversation(cid)`
         *     (no query), `hangup(callId, reasonText, reasonCode)` (reason only when given) and
         *     `reject(callId)` (`reason_code=REMOTE_REJECT&reason_text=call-rejected-by-callee`). When a reason
         *     is given the official client adds `from`; a missing half of the reason is simply left out. Answers
         *     `204`; clients must also accept `200` with an empty body or `{}`.
         */
        delete: operations["deleteMember"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v0.3/conversations/{conversation_id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List stored events of a conversation
         * @description One page of stored events. With `filter_group_type=ChatEvents&filter_group_version=3` only the
         *     types of `RestEvent` appear: that is how the official client asks for the set it can parse (it
         *     fails the entire page on any other type, and on a `message` whose `message_type` it does not
         *     know); it always sends both, and always sends `exclude_deleted_events`. Without
         *     `filter_group_type`, every stored type is listed (`StoredEvent`: receipts such as
         *     `message:seen` and `message:delivered`, `audio:*`, `rtc:hangup`, ...; never `ephemeral`, which
         *     is not stored), so every id of the conversation can be found. Parley clients leave the filter
         *     out and pass `start_id` to back-fill the events they missed. Used by
         *     `getConversationEvents(cid, params)` (with the filter).
         */
        get: operations["listEvents"];
        put?: never;
        /**
         * Send an event to a conversation
         * @description Records an event and pushes it to the conversation's members over the socket (ephemeral events
         *     are pushed but not stored). One path for every creatable type, see `CreateEventRequest`. The
         *     official client first calls `getMyMember` and puts the result in `from`.
         *
         *     The answer depends on the type: chat types need `timestamp` (that string is what the `send*`
         *     methods resolve), `audio:mute:*`, `audio:earmuff:*` and `audio:dtmf` need `id`, and `audio:say`
         *     needs the full `AudioSayEventCreated`. The reference server always sends `id` (except for
         *     ephemeral events, which have none) and `timestamp`. After every pushed `message` the official
         *     client automatically posts a `message:delivered` for it, including for its own messages.
         */
        post: operations["createEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v0.3/conversations/{conversation_id}/events/{event_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a stored event
         * @description Deletes an event (typically a message or a custom event). The server pushes `event:delete` with
         *     the deleted id; a deleted message keeps its place in the history with `body.timestamp.deleted`
         *     set. `from` carries the caller's member id. Answers `204`; clients must also accept `200` with an
         *     empty body or `{}`. Used by `deleteEvent(eventId, cid)`.
         */
        delete: operations["deleteEvent"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v0.3/legs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start an outbound call leg
         * @description First step of `serverCall(context)`: the client sends its SDP offer and receives the answer SDP
         *     and the leg id (`rtc_id`), which becomes the call id. The call is then placed with
         *     `createKnocking`.
         */
        post: operations["createLeg"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v0.3/legs/{leg_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read one call leg
         * @description Returns one leg. Used by the inherited `getLeg(legId)`.
         */
        get: operations["getLeg"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v0.3/conversations/{conversation_id}/legs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the legs of a call conversation
         * @description One page of the legs of the call held in this conversation. `getCallLegs(callId)` first reads the
         *     conversation (which must carry `media_state`) and then this list; it ORs each leg's media state
         *     with the conversation's.
         */
        get: operations["listLegs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v0.3/knocking": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Place an outbound call for an existing leg
         * @description Second step of `serverCall(context)`: asks the server to connect the leg created by `createLeg`
         *     (`channel.id` = `rtc_id`) to a destination. The server creates the call conversation and must
         *     then push `member:joined` for the caller with `body.channel.id` equal to the `rtc_id`; the
         *     official client waits about 10 s for that push before failing with `voice:error:media_timeout`.
         *     The official client always describes the destination as a phone endpoint (`number` is the
         *     context's `to`, or empty) and passes the whole call context as `properties.custom_data`.
         */
        post: operations["createKnocking"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v0.3/knocking/{knocking_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Cancel an outbound call that has not been answered
         * @description Withdraws a knocking created by `createKnocking`. The official client strips a leading
         *     `knocker:` from the id before building the path. Answers `204`; clients must also accept `200`
         *     with an empty body or `{}`.
         */
        delete: operations["deleteKnocking"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v0.3/conversations/{conversation_id}/rtc/{rtc_id}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send the SDP answer for an incoming call
         * @description Second step of answering a call (after `updateMember`): delivers the callee's SDP answer for the
         *     leg `rtc_id`, the call id from the `member:invited` push.
         */
        post: operations["sendRtcAnswer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v0.3/conversations/{conversation_id}/rtc/{rtc_id}/offer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a new SDP offer to reconnect call media
         * @description Renegotiates the media of an existing leg, for example after a network change. The response only
         *     acknowledges the offer; the remote SDP arrives later as an `rtc:answer` push for the same
         *     `rtc_id`.
         */
        post: operations["sendRtcOffer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/rtc/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report how long a socket reconnection took
         * @description Sent by the official client after each successful automatic socket reconnection, to the
         *     websocket host (`websocketUrl` with `wss` replaced by `https`) on this fixed path, whatever
         *     `websocketPath` is. A server that mounts socket.io on `/v2/rtc` must route this request before the
         *     socket.io handler. The client only logs failures. The bearer token is sent when the client has
         *     one; servers may accept the report without it. Answers `204`; clients must also accept `200` with
         *     an empty body or `{}`.
         */
        post: operations["reportMetrics"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description Error body of every 4xx and 5xx answer, shaped like Vonage's problem details. The reference
         *     server always fills the five string fields. Clients should still read them defensively: the
         *     official client treats all of them as optional, uses `code` as the error code and `detail`
         *     (falling back to `message`) as the error message, and appends `invalid_parameters` to the
         *     message when present.
         *
         *     `code` is an open set: new codes may appear at any time, so readers must not reject unknown
         *     values. The codes this contract knows, with the status they come with, are listed in
         *     `x-known-codes`.
         *
         *     The following values are *not* server codes but appear as `VonageError.code` on the client side
         *     (login and socket failures): `session:error:empty-token`, `session:error:server-forced-disconnect`,
         *     `session:error:timeout`, `session:error:internal-failure`, `session:error:no-active-session`,
         *     `session:error:already-active-session`, `session:error:invalid-token`,
         *     `session:error:expired-token`, `user:error:invalid-user`, `system:error:permission`,
         *     `session:error:invalid-session`, `session:error:max-open-sessions-permitted`,
         *     `session:error:websocket-transport-invalid`, `session:disconnect:client-disconnect`,
         *     `session:disconnect:ping-timeout`, `session:disconnect:websocket-transport-closed`.
         */
        Problem: {
            /** @description A URL (or other URI) naming the problem type; it usually ends with the code. */
            type: string;
            /** @description Short summary of the problem type, the same for every occurrence. */
            title: string;
            /** @description Machine-readable problem code, for example `conversation:error:not-found`. Open set; see `x-known-codes`. */
            code: string;
            /** @description Explanation of this occurrence that a person can act on. */
            detail: string;
            /** @description Identifier of this occurrence, for example a request id, useful when reporting a problem. */
            instance: string;
            /** @description One entry per rejected input; present with `http:error:validation-fail`. */
            invalid_parameters?: components["schemas"]["InvalidParameter"][];
            /** @description Older alternative to `detail`; the official client reads it when `detail` is absent. Not sent by the reference server. */
            message?: string;
        };
        /** @description One input that failed validation. */
        InvalidParameter: {
            /** @description Where the bad input is, for example `body.text` or `page_size`. */
            name: string;
            /** @description Why it was rejected. */
            reason: string;
        };
        /**
         * @description A JSON string with no meaning; the new token is taken from the `Authorization` header. The
         *     official client sends `""`; other strings are accepted and ignored.
         */
        RefreshSessionRequest: string;
        /** @description Confirms which session now uses the new token. */
        SessionRef: {
            /** @description Id of the session, the same as in the path. */
            session_id: string;
        };
        /** @description Life-cycle times of a conversation or user. All times are ISO 8601 strings in UTC. */
        Timestamps: {
            /**
             * Format: date-time
             * @description When the resource was created.
             */
            created?: string;
            /**
             * Format: date-time
             * @description When the resource was last changed.
             */
            updated?: string;
            /**
             * Format: date-time
             * @description When the resource was deleted, if it was.
             */
            destroyed?: string;
        };
        /** @description When a membership reached each state. ISO 8601 strings in UTC. */
        MemberTimestamps: {
            /**
             * Format: date-time
             * @description When the user was invited.
             */
            invited?: string;
            /**
             * Format: date-time
             * @description When the member joined.
             */
            joined?: string;
            /**
             * Format: date-time
             * @description When the member left.
             */
            left?: string;
        };
        /**
         * @description Which media features are active, for a call conversation or one of its legs. All six flags are
         *     required; the official client rejects `getCallLegs` when the conversation lacks this object.
         */
        MediaState: {
            /** @description Audio from the leg (or every leg) is muted. */
            mute: boolean;
            /** @description The leg (or every leg) cannot hear the others. */
            earmuff: boolean;
            /** @description An audio stream is being played into the call. */
            play_stream: boolean;
            /** @description Text-to-speech is being played into the call. */
            tts: boolean;
            /** @description The call is being recorded. */
            recording: boolean;
            /** @description The call is being transcribed. */
            transcribing: boolean;
        };
        /**
         * @description Kind of channel a member or leg uses. Lower case, matched exactly: the official client rejects
         *     a whole response containing any other value.
         * @enum {string}
         */
        ChannelType: "app" | "phone" | "pstn" | "sip" | "vbc" | "websocket" | "sms" | "mms" | "whatsapp" | "viber" | "messenger";
        /**
         * @description One end of a channel. Which keys matter depends on `type`: `app` uses `user` (a user name),
         *     `phone` uses `number`, `sip` uses `uri` (plus optional `username` and `password`), `websocket`
         *     uses `uri`. Member channels read over REST may instead carry only `id` and/or `number`.
         */
        Endpoint: {
            /** @description Kind of endpoint. */
            type?: components["schemas"]["ChannelType"];
            /** @description User name, for `app` endpoints. */
            user?: string;
            /** @description Phone number (or, for the official client's outbound calls, the free-form call target), for `phone` endpoints. */
            number?: string;
            /** @description Target URI, for `sip` and `websocket` endpoints. */
            uri?: string;
            /** @description SIP user name, for `sip` endpoints. */
            username?: string;
            /** @description SIP password, for `sip` endpoints. */
            password?: string;
            /** @description Opaque endpoint id, as found on member channels. */
            id?: string;
        };
        /**
         * @description How a member is connected: channel kind, and for voice the leg (`id`) and the two endpoints.
         *     Used in member resources, member and call events, and member requests.
         */
        Channel: {
            /** @description Kind of channel. */
            type: components["schemas"]["ChannelType"];
            /** @description Leg id of a voice channel; for app calls this is the call id. */
            id?: string;
            /** @description Knocking that created this channel, for outbound calls. */
            knocking_id?: string;
            /** @description All legs attached to this channel. */
            leg_ids?: string[];
            /** @description The calling side. */
            from?: components["schemas"]["Endpoint"];
            /** @description The called side. */
            to?: components["schemas"]["Endpoint"];
        };
        /** @description A hyperlink. */
        Link: {
            /**
             * @description URL of the linked page. Only the `cursor` query value in it is meaningful to clients; the
             *     host part is ignored.
             */
            href: string;
        };
        /**
         * @description Navigation links of a page; may be `{}`. The cursor for the next or previous page is the
         *     `cursor` query value inside `next.href` or `prev.href`. Cursors are opaque and URL-safe (see the
         *     `Cursor` parameter); a missing link means there is no page in that direction.
         */
        PageLinks: {
            /** @description This page. */
            self?: components["schemas"]["Link"];
            /** @description The following page, if any. */
            next?: components["schemas"]["Link"];
            /** @description The preceding page, if any. */
            prev?: components["schemas"]["Link"];
        };
        /** @description A page of conversations. Both top-level keys are required, even when the list is empty. */
        ConversationsPage: {
            /** @description Page size that was applied. Informational. */
            page_size?: number;
            /** @description The items of the page. */
            _embedded: {
                /** @description Conversations in the requested order, each with the user's membership in `_embedded.member`. */
                conversations: components["schemas"]["Conversation"][];
            };
            /** @description Links to neighbouring pages. */
            _links: components["schemas"]["PageLinks"];
        };
        /** @description A page of members. Both top-level keys are required, even when the list is empty. */
        MembersPage: {
            /** @description Page size that was applied. Informational. */
            page_size?: number;
            /** @description The items of the page. */
            _embedded: {
                /** @description Members in the requested order. */
                members: components["schemas"]["Member"][];
            };
            /** @description Links to neighbouring pages. */
            _links: components["schemas"]["PageLinks"];
        };
        /**
         * @description A page of stored events. Both top-level keys are required, even when the list is empty. With
         *     `filter_group_type=ChatEvents` only `RestEvent` types appear; without it, any `StoredEvent`.
         */
        EventsPage: {
            /** @description Page size that was applied. Informational. */
            page_size?: number;
            /** @description The items of the page. */
            _embedded: {
                /** @description Events in the requested order. */
                events: components["schemas"]["StoredEvent"][];
            };
            /** @description Links to neighbouring pages. */
            _links: components["schemas"]["PageLinks"];
        };
        /** @description A page of call legs. Both top-level keys are required, even when the list is empty. */
        LegsPage: {
            /** @description Page size that was applied. Informational. */
            page_size?: number;
            /** @description The items of the page. */
            _embedded: {
                /** @description Legs in the requested order. */
                legs: components["schemas"]["Leg"][];
            };
            /** @description Links to neighbouring pages. */
            _links: components["schemas"]["PageLinks"];
        };
        /**
         * @description Life-cycle state of a conversation. Upper case, matched exactly.
         * @enum {string}
         */
        ConversationState: "ACTIVE" | "INACTIVE" | "DELETED";
        /** @description Optional settings and application data of a conversation. */
        ConversationProperties: {
            /** @description Seconds an empty conversation is kept before it is removed; 0 means it is kept indefinitely. */
            ttl?: number;
            /** @description Application-chosen key for `order_by=custom_sort_key`. */
            custom_sort_key?: string;
            /** @description Free JSON object stored for the application. Must be an object, never a string. */
            custom_data?: {
                [key: string]: unknown;
            };
        };
        /**
         * @description A conversation as read by `getConversation`, `updateConversation` and in conversation pages.
         *     `id`, `name` and `timestamp` are required (`timestamp` may be `{}`).
         */
        Conversation: {
            /** @description Conversation id. */
            id: string;
            /** @description Unique name within the application. */
            name: string;
            /** @description Name meant for people. */
            display_name?: string;
            /** @description URL of an image representing the conversation. */
            image_url?: string;
            /** @description Life-cycle state. */
            state?: components["schemas"]["ConversationState"];
            /** @description Creation, update and deletion times. */
            timestamp: components["schemas"]["Timestamps"];
            /** @description Settings and application data. */
            properties?: components["schemas"]["ConversationProperties"];
            /** @description Data about the caller, present when the caller is a member. */
            _embedded?: {
                /** @description The caller's membership in this conversation. */
                member: components["schemas"]["OwnMembership"];
            };
            /** @description Media state of the call held in this conversation; required for `getCallLegs` to work. */
            media_state?: components["schemas"]["MediaState"];
        };
        /** @description The caller's own membership, embedded in a conversation. */
        OwnMembership: {
            /** @description Member id. */
            id: string;
            /** @description State of the membership. */
            state: components["schemas"]["MemberState"];
        };
        /**
         * @description Answer of `createConversation`. The official client needs `id`, `name` and `state`; the
         *     reference server also sends the remaining conversation fields.
         */
        CreatedConversation: {
            /** @description Id of the new conversation. */
            id: string;
            /** @description Its name, generated by the server when none was given. */
            name: string;
            /** @description Life-cycle state, `ACTIVE` for a new conversation. */
            state: components["schemas"]["ConversationState"];
            /** @description Name meant for people. */
            display_name?: string;
            /** @description URL of an image representing the conversation. */
            image_url?: string;
            /** @description Creation time. */
            timestamp?: components["schemas"]["Timestamps"];
            /** @description Settings and application data as stored. */
            properties?: components["schemas"]["ConversationProperties"];
        };
        /**
         * @description Body of `createConversation`. All keys are optional; absent keys are simply not set. Unknown keys
         *     are ignored.
         */
        CreateConversationRequest: {
            /** @description Unique name within the application; generated when absent. */
            name?: string;
            /** @description Name meant for people. */
            display_name?: string;
            /** @description URL of an image representing the conversation. */
            image_url?: string;
            /** @description Settings and application data. */
            properties?: components["schemas"]["ConversationProperties"];
        };
        /**
         * @description Body of `updateConversation`. For every key: absent keeps the stored value, a value replaces
         *     it, JSON `null` clears it. `name` can be changed but not cleared. Unknown keys are ignored.
         */
        UpdateConversationRequest: {
            /** @description New unique name. Cannot be `null`. */
            name?: string;
            /** @description New name meant for people, or `null` to remove it. */
            display_name?: string | null;
            /** @description New image URL, or `null` to remove it. */
            image_url?: string | null;
            /**
             * @description Changes to the settings, or `null` to clear both `custom_sort_key` and `custom_data` at once
             *     (`ttl` is then kept).
             */
            properties?: components["schemas"]["ConversationPropertiesUpdate"] | null;
        };
        /** @description Per-key changes to `ConversationProperties`, with the same absent / value / `null` rules. */
        ConversationPropertiesUpdate: {
            /** @description New time-to-live in seconds; `0` or `null` removes it. */
            ttl?: number | null;
            /** @description New sort key, or `null` to remove it. */
            custom_sort_key?: string | null;
            /** @description Replacement custom data (the whole object is replaced), or `null` to remove it. */
            custom_data?: {
                [key: string]: unknown;
            } | null;
        };
        /** @description A user of the application. Only `id` and `name` are required, also inside events. */
        User: {
            /** @description User id. */
            id: string;
            /** @description Unique user name; the `sub` claim of the user's tokens. */
            name: string;
            /** @description Name meant for people. */
            display_name?: string;
            /** @description URL of the user's picture. */
            image_url?: string;
            /** @description Ways the user can be reached. */
            channels?: components["schemas"]["UserChannels"];
            /** @description Creation, update and deletion times. */
            timestamp?: components["schemas"]["Timestamps"];
            /** @description Application data of the user. */
            properties?: {
                /** @description Free JSON object stored for the application. */
                custom_data?: {
                    [key: string]: unknown;
                };
            };
        };
        /** @description Contact points of a user, grouped by channel kind. */
        UserChannels: {
            /** @description In-app (client SDK) endpoints. */
            app?: components["schemas"]["Endpoint"][];
            /** @description Phone endpoints. */
            phone?: components["schemas"]["Endpoint"][];
            /** @description PSTN numbers. */
            pstn?: components["schemas"]["Endpoint"][];
            /** @description SIP endpoints. */
            sip?: components["schemas"]["Endpoint"][];
            /** @description Vonage Business Communications extensions. */
            vbc?: components["schemas"]["Endpoint"][];
            /** @description Websocket endpoints. */
            websocket?: components["schemas"]["Endpoint"][];
            /** @description SMS numbers. */
            sms?: components["schemas"]["Endpoint"][];
            /** @description MMS numbers. */
            mms?: components["schemas"]["Endpoint"][];
            /** @description WhatsApp numbers. */
            whatsapp?: components["schemas"]["Endpoint"][];
            /** @description Viber accounts. */
            viber?: components["schemas"]["Endpoint"][];
            /** @description Facebook Messenger accounts. */
            messenger?: components["schemas"]["Endpoint"][];
        };
        /**
         * @description State of a membership in responses. Upper case, matched exactly (requests use lower case).
         * @enum {string}
         */
        MemberState: "INVITED" | "JOINED" | "LEFT" | "UNKNOWN";
        /** @description A user's membership in a conversation. `id` and `state` are required. */
        Member: {
            /** @description Member id. */
            id: string;
            /** @description Current state. */
            state: components["schemas"]["MemberState"];
            /** @description The user behind the membership. */
            _embedded?: {
                /** @description The member's user. */
                user: components["schemas"]["User"];
            };
            /** @description How the member is connected. */
            channel?: components["schemas"]["Channel"];
            /** @description When the member reached each state. */
            timestamp?: components["schemas"]["MemberTimestamps"];
        };
        /** @description Identifies a membership that was created or changed. */
        MemberRef: {
            /** @description Member id. */
            id: string;
        };
        /**
         * @description Body of `createMember`: either an invitation (`state: "invited"`) or a join by the caller
         *     (`state: "joined"`). Note the lower-case states, unlike responses.
         */
        CreateMemberRequest: components["schemas"]["InviteMemberRequest"] | components["schemas"]["JoinMemberRequest"];
        /** @description Invites the user named in `user.name`. The server pushes `member:invited`. */
        InviteMemberRequest: {
            /**
             * @description Selects an invitation. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            state: "invited";
            /** @description The user to invite. */
            user: {
                /** @description Name of the invited user. */
                name: string;
                /** @description Id of the invited user, if the caller knows it; the user is identified by `name`. */
                id?: string;
            };
            /** @description Channel of the invitation; the official client sends `app` with `app` endpoints. Defaults to `app`. */
            channel?: components["schemas"]["Channel"];
            /** @description Session id of the caller, from `session:success`. */
            originating_session?: string;
        };
        /** @description Makes the calling user a joined member. The server pushes `member:joined`. */
        JoinMemberRequest: {
            /**
             * @description Selects a join. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            state: "joined";
            /** @description The joining user, which must be the user of the token. */
            user: components["schemas"]["JoiningUser"];
            /** @description Channel of the new member; the official client sends `{"type": "app"}`. Defaults to `app`. */
            channel?: components["schemas"]["Channel"];
            /** @description Session id of the caller, from `session:success`. */
            originating_session?: string;
        };
        /**
         * @description Identifies the user joining a conversation by id, by name, or both (the official client sends
         *     both, from `session:success`).
         */
        JoiningUser: {
            /** @description User id. */
            id: string;
            /** @description User name. */
            name?: string;
        } | {
            /** @description User id. */
            id?: string;
            /** @description User name. */
            name: string;
        };
        /** @description Body of `updateMember`. Only the move from invited to joined is defined. */
        UpdateMemberRequest: {
            /**
             * @description New state (lower case).
             * @constant
             */
            state: "joined";
            /** @description Channel the member joins with; the official client sends `{"type": "app"}`. */
            channel?: components["schemas"]["Channel"];
            /** @description Member id of the caller, here the invited member itself. */
            from?: string;
            /** @description Session id of the caller, from `session:success`. */
            originating_session?: string;
        };
        /** @description One call leg. All keys except `media_state` are required by the official client. */
        Leg: {
            /** @description Leg id. */
            id: string;
            /** @description Conversation that holds the call. */
            conversation_id: string;
            /** @description Current status of the leg, for example `ringing`, `answered` or `completed`. */
            status: string;
            /** @description When the leg started (ISO 8601). */
            start_time: string;
            /**
             * @description When the leg ended (ISO 8601). The key must be present; the reference server sends an empty
             *     string while the leg is still up.
             */
            end_time: string;
            /**
             * @description `inbound` for legs that called in to the application, `outbound` for legs it placed.
             * @example inbound
             * @example outbound
             */
            direction: string;
            /** @description Kind of leg, for example `app` or `phone`. */
            type: string;
            /** @description The calling side. */
            from: components["schemas"]["Endpoint"];
            /** @description The called side. */
            to: components["schemas"]["Endpoint"];
            /** @description Media state of this leg. */
            media_state?: components["schemas"]["MediaState"];
        };
        /** @description Body of `createLeg`, carrying the caller's SDP offer. */
        CreateLegRequest: {
            /** @description Session id of the caller, from `session:success`. */
            originating_session?: string;
            /** @description Media negotiation data. */
            body: {
                /** @description The caller's offer. */
                offer: components["schemas"]["SdpOffer"];
            };
        };
        /** @description A WebRTC session description of type offer. */
        SdpOffer: {
            /**
             * @description Always `offer`; the official client sends it when creating a leg and omits it when renegotiating.
             * @constant
             */
            type?: "offer";
            /** @description The SDP text. */
            sdp: string;
        };
        /** @description Answer of `createLeg`. Both keys are required. */
        LegCreated: {
            /** @description Id of the new leg; it becomes the call id. */
            rtc_id: string;
            /** @description The server's SDP answer, applied by the client as the remote description. */
            sdp: string;
        };
        /** @description Body of `createKnocking`. */
        CreateKnockingRequest: {
            /** @description Session id of the caller, from `session:success`. */
            originating_session?: string;
            /** @description Which leg to connect, and to where. */
            channel: components["schemas"]["KnockingChannel"];
            /** @description Extra data for the call. */
            properties?: {
                /** @description The context object the application passed to `serverCall`, or `{}`. */
                custom_data?: {
                    [key: string]: unknown;
                };
            };
        };
        /** @description The leg to connect and the endpoints of the call. */
        KnockingChannel: {
            /** @description Channel kind of the caller, `app` for client SDK calls. */
            type: components["schemas"]["ChannelType"];
            /** @description The `rtc_id` returned by `createLeg`. */
            id: string;
            /** @description The caller, `{"type": "app", "user": "<user name>"}`. */
            from?: components["schemas"]["Endpoint"];
            /**
             * @description The destination. The official client always sends `{"type": "phone", "number": <context.to or
             *     "">}`, even when the target is an app user name.
             */
            to?: components["schemas"]["Endpoint"];
        };
        /** @description Answer of `createKnocking`. */
        KnockingRef: {
            /** @description Knocking id, usable with `deleteKnocking`. */
            id: string;
        };
        /** @description Body of `sendRtcAnswer`. */
        RtcAnswerRequest: {
            /** @description Session id of the caller, from `session:success`. */
            originating_session?: string;
            /** @description Member id of the answering (previously invited) member. */
            from?: string;
            /** @description Media negotiation data. */
            body: {
                /** @description The callee's SDP answer text. */
                answer: string;
            };
        };
        /** @description Body of `sendRtcOffer`. */
        RtcOfferRequest: {
            /** @description Session id of the caller, from `session:success`. */
            originating_session?: string;
            /** @description Member id of the caller's member in the call conversation. */
            from?: string;
            /** @description Media negotiation data. */
            body: {
                /** @description The new offer. */
                offer: components["schemas"]["SdpOffer"];
            };
        };
        /** @description Acknowledges an SDP answer or offer. */
        RtcRef: {
            /** @description Identifier the server assigned to the negotiation step; clients only check that it is present. */
            id: string;
        };
        /** @description Body of `reportMetrics`. */
        MetricsRequest: {
            /** @description The report. */
            body: {
                /** @description Session id of the reporting client (note the camel case). */
                sessionId: string;
                /** @description Measurements. */
                metrics: components["schemas"]["Metric"][];
            };
        };
        /** @description One measurement. */
        Metric: {
            /**
             * @description What was measured; the official client reports `TIME_TO_RECONNECT_SUCCESS`.
             * @example TIME_TO_RECONNECT_SUCCESS
             */
            name: string;
            /** @description Measured duration, apparently in milliseconds from the successful attempt's start to the connection. */
            time: number;
            /** @description Number of the reconnection attempt that succeeded. */
            attempt?: number;
        };
        /**
         * @description Body of a `message` event. `message_type` selects the shape and is required in every variant,
         *     together with the key named after it (`text`, `custom`, `image`, ...). A deleted message keeps
         *     that key (for text an empty string is fine) and has `timestamp.deleted` set. An unknown
         *     `message_type` makes the official client fail the whole events page it appears in.
         */
        MessageBody: components["schemas"]["MessageTextBody"] | components["schemas"]["MessageCustomBody"] | components["schemas"]["MessageImageBody"] | components["schemas"]["MessageVideoBody"] | components["schemas"]["MessageAudioBody"] | components["schemas"]["MessageFileBody"] | components["schemas"]["MessageVcardBody"] | components["schemas"]["MessageLocationBody"] | components["schemas"]["MessageTemplateBody"];
        /** @description Server-kept times of a message, found next to `message_type` in stored messages. */
        MessageTimestamps: {
            /**
             * Format: date-time
             * @description When the message was sent.
             */
            created?: string;
            /**
             * Format: date-time
             * @description When the message was last changed.
             */
            updated?: string;
            /**
             * Format: date-time
             * @description When the message was deleted; its presence marks the message as deleted.
             */
            deleted?: string;
        };
        /** @description Location of an attached file. */
        MediaLink: {
            /** @description Absolute URL of the file. */
            url: string;
        };
        /** @description A plain text message. */
        MessageTextBody: {
            /**
             * @description Selects a text message. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            message_type: "text";
            /** @description The text. Any characters are allowed; an empty string only appears in deleted messages. */
            text: string;
            /** @description Server-kept times. */
            timestamp?: components["schemas"]["MessageTimestamps"];
        };
        /** @description A message whose content is an application-defined JSON object. */
        MessageCustomBody: {
            /**
             * @description Selects a custom message. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            message_type: "custom";
            /** @description The application's object. */
            custom: {
                [key: string]: unknown;
            };
            /** @description Server-kept times. */
            timestamp?: components["schemas"]["MessageTimestamps"];
        };
        /** @description A message pointing at an image. */
        MessageImageBody: {
            /**
             * @description Selects an image message. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            message_type: "image";
            /** @description The image. */
            image: components["schemas"]["MediaLink"];
            /** @description Server-kept times. */
            timestamp?: components["schemas"]["MessageTimestamps"];
        };
        /** @description A message pointing at a video. */
        MessageVideoBody: {
            /**
             * @description Selects a video message. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            message_type: "video";
            /** @description The video. */
            video: components["schemas"]["MediaLink"];
            /** @description Server-kept times. */
            timestamp?: components["schemas"]["MessageTimestamps"];
        };
        /** @description A message pointing at an audio file. */
        MessageAudioBody: {
            /**
             * @description Selects an audio message. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            message_type: "audio";
            /** @description The audio file. */
            audio: components["schemas"]["MediaLink"];
            /** @description Server-kept times. */
            timestamp?: components["schemas"]["MessageTimestamps"];
        };
        /** @description A message pointing at a file of any kind. */
        MessageFileBody: {
            /**
             * @description Selects a file message. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            message_type: "file";
            /** @description The file. */
            file: components["schemas"]["MediaLink"];
            /** @description Server-kept times. */
            timestamp?: components["schemas"]["MessageTimestamps"];
        };
        /** @description A message pointing at a vCard contact file. */
        MessageVcardBody: {
            /**
             * @description Selects a vCard message. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            message_type: "vcard";
            /** @description The vCard file. */
            vcard: components["schemas"]["MediaLink"];
            /** @description Server-kept times. */
            timestamp?: components["schemas"]["MessageTimestamps"];
        };
        /** @description A message sharing a place. */
        MessageLocationBody: {
            /**
             * @description Selects a location message. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            message_type: "location";
            /** @description The place. */
            location: components["schemas"]["Location"];
            /** @description Server-kept times. */
            timestamp?: components["schemas"]["MessageTimestamps"];
        };
        /**
         * @description A geographic position. Coordinates travel as decimal **strings** (for example `"51.5072"`), which
         *     is what the official client sends and the only form it can read back; Parley clients convert
         *     numbers to strings before sending. `name` and `address` are optional here, although the official
         *     client refuses to send a location without them.
         */
        Location: {
            /** @description Latitude in decimal degrees, north positive. */
            latitude: components["schemas"]["Coordinate"];
            /** @description Longitude in decimal degrees, east positive. */
            longitude: components["schemas"]["Coordinate"];
            /** @description Name of the place. */
            name?: string;
            /** @description Postal address of the place. */
            address?: string;
        };
        /**
         * @description A decimal number written as a string, optionally signed, without exponent.
         * @example 51.5072
         * @example -0.1276
         */
        Coordinate: string;
        /** @description A message built from a pre-approved template (used for WhatsApp). */
        MessageTemplateBody: {
            /**
             * @description Selects a template message. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            message_type: "template";
            /** @description The template and its values. */
            template: {
                /** @description Name of the template. */
                name: string;
                /** @description Values for the template's placeholders, in order. */
                parameters?: string[];
            };
            /** @description WhatsApp delivery settings; a sibling of `template`, not nested in it. */
            whatsapp?: {
                /** @description How the template language is chosen, for example `deterministic` or `fallback`. */
                policy?: string;
                /** @description Template language, for example `en_GB`. */
                locale?: string;
            };
            /** @description Server-kept times. */
            timestamp?: components["schemas"]["MessageTimestamps"];
        };
        /**
         * @description Delivery state of a stored message per member, only in events pages. Each map goes from member
         *     id to the time that member reached the state. The official client derives each member's current
         *     state from the latest of these times.
         */
        MessageState: {
            /** @description Members who have seen the message. */
            seen_by?: components["schemas"]["MemberTimeMap"];
            /** @description Members whose client received the message. */
            delivered_to?: components["schemas"]["MemberTimeMap"];
            /** @description Members for whom the message was handed to an outside channel. */
            submitted_to?: components["schemas"]["MemberTimeMap"];
            /** @description Members for whom an outside channel refused the message. */
            rejected_by?: components["schemas"]["MemberTimeMap"];
            /** @description Members who could not be reached. */
            undeliverable_to?: components["schemas"]["MemberTimeMap"];
        };
        /** @description Map from member id to an ISO 8601 time. */
        MemberTimeMap: {
            [key: string]: string;
        };
        /** @description Body naming another event, used by `event:delete` and by the receipt events. */
        EventRefBody: {
            /** @description Id of the event this one refers to (the deleted or acknowledged event). */
            event_id: number;
        };
        /** @description Body of the mute and earmuff events. */
        RtcIdBody: {
            /** @description Leg the change applies to. */
            rtc_id: string;
        };
        /** @description Body of `audio:dtmf`. */
        DtmfBody: {
            /** @description All keys pressed, in order (digits, `*`, `#`, the letters `A` to `D`, and `p` for a pause). Despite the name it may hold several keys. */
            digit: string;
            /** @description Leg the tones belong to (`id` = leg id). */
            channel: components["schemas"]["Channel"];
        };
        /** @description Text-to-speech request. The official client always sends every key; only `text` is needed. */
        AudioSayRequestBody: {
            /** @description What to say, plain text or SSML. */
            text: string;
            /**
             * @description Volume from -1 to 1; the official client sends whole numbers only (default 1).
             * @default 1
             */
            level: number;
            /**
             * @description How many times to repeat; 0 repeats until stopped.
             * @default 1
             */
            loop: number;
            /**
             * @description Wait for speech already playing instead of interrupting it.
             * @default true
             */
            queue: boolean;
            /**
             * @description Voice to use.
             * @default amy
             */
            voice_name: string;
            /**
             * @description Whether `text` is SSML.
             * @default true
             */
            ssml: boolean;
        };
        /** @description Body of a pushed `audio:say` event. */
        AudioSayEventBody: {
            /** @description Id of this text-to-speech playback, repeated in `audio:say:done`. */
            say_id: string;
            /** @description What is being said. */
            text?: string;
            /** @description Volume from -1 to 1. */
            level?: number;
            /** @description Number of repetitions; 0 means until stopped. */
            loop?: number;
            /** @description Whether it waited for earlier speech. */
            queue?: boolean;
            /** @description Voice used. */
            voice_name?: string;
            /** @description Whether `text` is SSML. */
            ssml?: boolean;
        };
        /** @description Body of `audio:say:done`. */
        AudioSayDoneBody: {
            /** @description Id of the playback that finished. */
            say_id: string;
        };
        /** @description Short description of the conversation a `member:invited` event invites to. */
        ConversationSummary: {
            /** @description Conversation id. */
            conversation_id: string;
            /** @description Conversation name. */
            name: string;
            /** @description Name meant for people. */
            display_name?: string;
        };
        /** @description Audio state of a member. */
        AudioSettings: {
            /** @description Audio is on for the member; `true` on the invitation of an incoming call. */
            enabled: boolean;
            /** @description The member cannot hear the others. */
            earmuffed?: boolean;
            /** @description The member cannot be heard. */
            muted?: boolean;
        };
        /** @description Media state of a member. `audio_settings` must be present but may be `null`. */
        MemberMedia: {
            /** @description Audio state, or `null` when the member has no audio. */
            audio_settings: components["schemas"]["AudioSettings"] | null;
        };
        /** @description Why a member left. */
        MemberLeftReason: {
            /** @description Machine-readable reason, for example `REMOTE_REJECT`, `remote_no_answer` or `LOCAL_HANGUP`. */
            code?: string;
            /** @description Human-readable reason. */
            text?: string;
        };
        /**
         * @description Body of `member:invited`. For an incoming call it also carries `sdp` (the caller's offer),
         *     `channel.id` (the call id), `channel.from` (the caller) and `media.audio_settings.enabled: true`,
         *     and `user` is the callee.
         */
        MemberInvitedBody: {
            /** @description The conversation the user is invited to. */
            conversation: components["schemas"]["ConversationSummary"];
            /** @description Id of the invited membership. */
            member_id: string;
            /** @description The invited user. */
            user: components["schemas"]["User"];
            /** @description Media state of the invitation. */
            media: components["schemas"]["MemberMedia"];
            /** @description Channel of the invitation. */
            channel: components["schemas"]["Channel"];
            /** @description Who sent the invitation. Informational. */
            invited_by?: string;
            /** @description SDP offer of an incoming call. */
            sdp?: string;
        };
        /**
         * @description Body of `member:joined`. For calls `channel.id` is the leg id; the push for the caller's own
         *     member is what completes an outbound call.
         */
        MemberJoinedBody: {
            /** @description Id of the membership. */
            member_id: string;
            /** @description The member's user. */
            user: components["schemas"]["User"];
            /** @description How the member is connected. */
            channel: components["schemas"]["Channel"];
        };
        /** @description Body of `member:left`. For calls `channel.id` is the leg id. */
        MemberLeftBody: {
            /** @description Id of the membership. */
            member_id: string;
            /** @description The member's user. */
            user: components["schemas"]["User"];
            /** @description How the member was connected. */
            channel: components["schemas"]["Channel"];
            /** @description Why the member left, from `reason_code` and `reason_text` of `deleteMember` or from the call flow. */
            reason?: components["schemas"]["MemberLeftReason"];
        };
        /** @description Body of `member:media`. */
        MemberMediaBody: {
            /** @description The member's channel. */
            channel: components["schemas"]["Channel"];
            /** @description New media state. */
            media?: components["schemas"]["MemberMedia"];
            /** @description Whether the member has audio. */
            audio?: boolean;
        };
        /** @description Body of `rtc:hangup`. Every key is required. */
        RtcHangupBody: {
            /** @description The leg that ended (`id` = leg id). */
            channel: components["schemas"]["Channel"];
            /** @description Traffic of the leg. */
            bandwidth: components["schemas"]["Bandwidth"];
            /** @description Why the leg ended. */
            reason: components["schemas"]["HangupReason"];
            /** @description Audio quality figures. */
            quality: components["schemas"]["CallQuality"];
            /** @description `inbound` or `outbound`, seen from the application. */
            direction: string;
        };
        /** @description Bytes moved on a leg. */
        Bandwidth: {
            /** @description Bytes received. */
            bytes_in: number;
            /** @description Bytes sent. */
            bytes_out: number;
        };
        /**
         * @description Why a leg ended. `code` decides the reason the client reports: `LOCAL_HANGUP`, `LOCAL_CANCEL`,
         *     `RING_TIMER`, or a `REMOTE_*` value; `sip_code` 487 on an unanswered invitation means it timed out.
         */
        HangupReason: {
            /** @description Human-readable reason. */
            text: string;
            /** @description Machine-readable reason. */
            code: string;
            /** @description SIP status code of the hangup. */
            sip_code: number;
        };
        /** @description Audio quality figures of a finished leg. The reference server sends all of them. */
        CallQuality: {
            /** @description Mean opinion score. */
            mos_score?: number;
            /** @description Quality as a percentage. */
            quality_percentage?: number;
            /** @description Smallest jitter variation. */
            jitter_min_var?: number;
            /** @description Largest jitter variation. */
            jitter_max_var?: number;
            /** @description Packet loss rate attributed to jitter. */
            jitter_loss_rate?: number;
            /** @description Burst loss rate attributed to jitter. */
            jitter_burst_rate?: number;
            /** @description Number of detected flaws. */
            flaw_total?: number;
            /** @description Number of packets. */
            packet_cnt?: number;
            /** @description Lost packets as a percentage. */
            packet_loss_perc?: number;
        };
        /**
         * @description Status of a leg in `leg:status:update`, lower case and matched exactly.
         * @enum {string}
         */
        LegStatus: "ringing" | "answered" | "completed";
        /** @description Body of `leg:status:update`. Every key is required. */
        LegStatusUpdateBody: {
            /** @description `inbound` or `outbound`. */
            direction: string;
            /** @description The leg whose status changed. */
            leg_id: string;
            /** @description New status. */
            status: components["schemas"]["LegStatus"];
            /** @description Kind of leg, for example `app` or `phone`. */
            type: string;
            /** @description Earlier statuses of the leg, oldest first (note the camel case). */
            statusHistory: components["schemas"]["LegStatusHistoryEntry"][];
        };
        /** @description One past status of a leg. */
        LegStatusHistoryEntry: {
            /** @description The status. */
            status?: string;
            /**
             * Format: date-time
             * @description When the leg reached it.
             */
            date?: string;
        };
        /** @description Body of `rtc:answer`. */
        RtcAnswerBody: {
            /** @description Leg the answer belongs to. */
            rtc_id: string;
            /** @description Remote SDP answer to apply. */
            answer: string;
        };
        /** @description Body of `rtc:transfer`. */
        RtcTransferBody: {
            /** @description Member id the leg had in the old conversation. */
            was_member: string;
            /** @description User whose leg moved. */
            user_id: string;
            /** @description Conversation id the leg moved away from. */
            transferred_from: string;
            /** @description The moved leg (`id` = leg id). */
            channel: components["schemas"]["Channel"];
        };
        /**
         * @description Body of `createEvent`: every event type a client may create. Known types are a discriminated
         *     union (`KnownCreateEventRequest`); custom types (`custom:<name>`) are matched by pattern in
         *     `CreateCustomEventRequest`, because a pattern cannot take part in a discriminator. The two
         *     never overlap. All variants accept the extra keys the official client sends (`cid`, `from`,
         *     `to`, `originating_session`); other unknown keys are ignored.
         */
        CreateEventRequest: components["schemas"]["KnownCreateEventRequest"] | components["schemas"]["CreateCustomEventRequest"];
        /** @description Every creatable event type except custom ones, discriminated by `type`. */
        KnownCreateEventRequest: components["schemas"]["CreateMessageEventRequest"] | components["schemas"]["CreateReceiptEventRequest"] | components["schemas"]["CreateEphemeralEventRequest"] | components["schemas"]["CreateAudioSayEventRequest"] | components["schemas"]["CreateAudioToggleEventRequest"] | components["schemas"]["CreateAudioDtmfEventRequest"];
        /** @description Sends a chat message of any kind. */
        CreateMessageEventRequest: {
            /**
             * @description Event type. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "message";
            /** @description Conversation id, the same as in the path. Sent by the official client for chat events; ignored. */
            cid?: string;
            /** @description Member id of the sender. When present it must be the caller's own membership. */
            from?: string;
            /** @description Member id the event is aimed at, for call controls. */
            to?: string;
            /** @description Session id of the caller, from `session:success`. */
            originating_session?: string;
            /** @description The message content. */
            body: components["schemas"]["MessageBody"];
        };
        /** @description Reports that the caller has seen, or its client has received, a message. The official client posts `message:delivered` automatically for every pushed message. */
        CreateReceiptEventRequest: {
            /**
             * @description Event type. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "message:seen" | "message:delivered";
            /** @description Conversation id, the same as in the path. Sent by the official client for chat events; ignored. */
            cid?: string;
            /** @description Member id of the sender. When present it must be the caller's own membership. */
            from?: string;
            /** @description Member id the event is aimed at, for call controls. */
            to?: string;
            /** @description Session id of the caller, from `session:success`. */
            originating_session?: string;
            /** @description The acknowledged message event. */
            body: components["schemas"]["EventRefBody"];
        };
        /** @description Sends an application object to the members that are online right now. It gets no id and is never stored or listed. */
        CreateEphemeralEventRequest: {
            /**
             * @description Event type. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "ephemeral";
            /** @description Conversation id, the same as in the path. Sent by the official client for chat events; ignored. */
            cid?: string;
            /** @description Member id of the sender. When present it must be the caller's own membership. */
            from?: string;
            /** @description Member id the event is aimed at, for call controls. */
            to?: string;
            /** @description Session id of the caller, from `session:success`. */
            originating_session?: string;
            /** @description The application's object, forwarded as is. */
            body: {
                [key: string]: unknown;
            };
        };
        /** @description Plays text-to-speech into a call. */
        CreateAudioSayEventRequest: {
            /**
             * @description Event type. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "audio:say";
            /** @description Conversation id, the same as in the path. Sent by the official client for chat events; ignored. */
            cid?: string;
            /** @description Member id of the sender. When present it must be the caller's own membership. */
            from?: string;
            /** @description Member id the event is aimed at, for call controls. */
            to?: string;
            /** @description Session id of the caller, from `session:success`. */
            originating_session?: string;
            /** @description What to say and how. */
            body: components["schemas"]["AudioSayRequestBody"];
        };
        /** @description Mutes or unmutes a leg, or switches its earmuff (cannot hear the others) on or off. The official client sets both `from` and `to` to its own member id. */
        CreateAudioToggleEventRequest: {
            /**
             * @description Event type. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "audio:mute:on" | "audio:mute:off" | "audio:earmuff:on" | "audio:earmuff:off";
            /** @description Conversation id, the same as in the path. Sent by the official client for chat events; ignored. */
            cid?: string;
            /** @description Member id of the sender. When present it must be the caller's own membership. */
            from?: string;
            /** @description Member id the event is aimed at, for call controls. */
            to?: string;
            /** @description Session id of the caller, from `session:success`. */
            originating_session?: string;
            /** @description The leg to change. */
            body: components["schemas"]["RtcIdBody"];
        };
        /** @description Sends DTMF tones on a leg. */
        CreateAudioDtmfEventRequest: {
            /**
             * @description Event type. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "audio:dtmf";
            /** @description Conversation id, the same as in the path. Sent by the official client for chat events; ignored. */
            cid?: string;
            /** @description Member id of the sender. When present it must be the caller's own membership. */
            from?: string;
            /** @description Member id the event is aimed at, for call controls. */
            to?: string;
            /** @description Session id of the caller, from `session:success`. */
            originating_session?: string;
            /** @description The keys and the leg. */
            body: components["schemas"]["DtmfBody"];
        };
        /**
         * @description Sends an application-defined event that is stored and pushed like any other. Its type must start
         *     with `custom:` (the official client adds the prefix when missing). Kept outside the discriminated
         *     union because its type is a pattern, not a fixed value.
         */
        CreateCustomEventRequest: {
            /**
             * @description `custom:` followed by the application's event name.
             * @example custom:typing
             */
            type: `custom:${string}`;
            /** @description Conversation id, the same as in the path. Sent by the official client for chat events; ignored. */
            cid?: string;
            /** @description Member id of the sender. When present it must be the caller's own membership. */
            from?: string;
            /** @description Member id the event is aimed at, for call controls. */
            to?: string;
            /** @description Session id of the caller, from `session:success`. */
            originating_session?: string;
            /** @description The application's object, stored and forwarded as is. */
            body: {
                [key: string]: unknown;
            };
        };
        /**
         * @description Answer of `createEvent`: `AudioSayEventCreated` for `audio:say`, `CreatedEvent` for every
         *     other type.
         */
        CreateEventResponse: components["schemas"]["AudioSayEventCreated"] | components["schemas"]["CreatedEvent"];
        /**
         * @description The stored event. The official client needs `timestamp` for chat types and `id` for
         *     `audio:mute:*`, `audio:earmuff:*` and `audio:dtmf`; ephemeral events have no `id`.
         */
        CreatedEvent: {
            /** @description Id of the new event; absent for ephemeral events. */
            id?: number;
            /** @description Event type as stored. */
            type?: string;
            /**
             * Format: date-time
             * @description When the server recorded the event (ISO 8601); the `send*` methods resolve this string.
             */
            timestamp: string;
            /** @description Body as stored. */
            body?: {
                [key: string]: unknown;
            };
        };
        /** @description Answer of `createEvent` for `audio:say`. Every key is required. */
        AudioSayEventCreated: {
            /** @description Id of the new event. */
            id: number;
            /**
             * @description Event type.
             * @constant
             */
            type: "audio:say";
            /**
             * Format: date-time
             * @description When the server recorded the event (ISO 8601).
             */
            timestamp: string;
            /** @description The accepted playback. */
            body: {
                /** @description Id of the playback, repeated in `audio:say:done`. */
                say_id: string;
                /** @description What is being said. */
                text: string;
                /** @description Volume from -1 to 1. */
                level: number;
                /** @description Number of repetitions; 0 means until stopped. */
                loop: number;
            };
        };
        /**
         * @description Payload of the `session:success` socket event, the server's answer to a successful login through
         *     the handshake query. It must arrive within 5 seconds of connecting or the official client gives
         *     up (`session:error:timeout`). `body.id` becomes the session id the client resolves and later
         *     sends as `originating_session`; `body.user_id` and `body.name` are the identity the client uses
         *     in REST paths and bodies. Sending it again after a reconnect is harmless.
         */
        SessionSuccess: {
            /** @description The session. */
            body: {
                /** @description Session id (new, or the `session_id` the client asked to resume). */
                id: string;
                /** @description Id of the logged-in user. */
                user_id: string;
                /** @description Name of the logged-in user (the token's `sub`). */
                name: string;
                /** @description Account key of the application; any string is accepted. */
                api_key: string;
                /**
                 * @description Events queued for this user while no session was open. Each includes its `type`. They are
                 *     delivered to the application before the login completes.
                 */
                pending_events?: components["schemas"]["AnyPushedEvent"][];
            };
            /** @description Optional envelope id; must be an integer when present. */
            id?: number;
            /** @description Unused envelope key. */
            cid?: string;
            /** @description Unused envelope key. */
            from?: string;
        };
        /**
         * @description Payload of a login failure event; it may be `{}`, only the event name matters. The client
         *     disconnects after any of them. Event names and how the official client reports them:
         *
         *     * `system:error:expired-token`: expired token (`session:error:expired-token`).
         *     * `system:error:invalid-token`, `user:error:invalid-user`: bad token or unknown user
         *       (`session:error:invalid-token`).
         *     * `session:error:max-open-sessions`: too many sessions for the user
         *       (`session:error:max-open-sessions-permitted`).
         *     * `session:invalid`, `session:error:invalid`: the requested `session_id` cannot be resumed
         *       (`session:error:invalid-session`).
         *     * `system:error:permission`: the token may not open a session (`system:error:permission`).
         *
         *     `session:terminated`, `session:logged-out` and `session:update-token:success` are understood by
         *     the official client but neither complete nor fail a login.
         */
        LoginError: {
            [key: string]: unknown;
        };
        /**
         * @description Payload of `session:logout`, the only event a client emits on the socket (when deleting its
         *     session). No acknowledgement is expected; the client disconnects right after.
         */
        SessionLogout: {
            /** @description Random transaction id (a UUID). */
            tid?: string;
            /** @description Always `{}`. */
            body: Record<string, never>;
        };
        /**
         * @description Who sent an event. When `from_user` is present the client attributes the event to that user
         *     (and `from_member`); otherwise it treats the event as coming from the system.
         */
        EventEmbedded: {
            /** @description The sending membership. */
            from_member?: components["schemas"]["EmbeddedMember"];
            /** @description The sending user. */
            from_user?: components["schemas"]["EmbeddedUser"];
        };
        /** @description Short form of the sending membership. */
        EmbeddedMember: {
            /** @description Member id. */
            id: string;
            /** @description User name of the member. */
            name?: string;
            /** @description Display name of the member's user. */
            display_name?: string;
        };
        /** @description Short form of the sending user. */
        EmbeddedUser: {
            /** @description User id. */
            id: string;
            /** @description User name. */
            name: string;
            /** @description Name meant for people. */
            display_name?: string;
            /** @description URL of the user's picture. */
            image_url?: string;
            /** @description Application data of the user. */
            custom_data?: {
                [key: string]: unknown;
            };
        };
        /**
         * @description Keys shared by every pushed event, useful to read a socket payload before knowing its type. On
         *     the socket the `type` is the socket.io event name and the payload holds the other keys; this
         *     schema (like every pushed event schema) describes the payload with the name merged in. Which
         *     keys are required depends on the type; see the individual event schemas.
         */
        PushedEventEnvelope: {
            /** @description Event type, equal to the socket.io event name. */
            type: string;
            /** @description Event id, increasing within the conversation; absent for ephemeral events. */
            id?: number | null;
            /** @description Conversation id. */
            cid?: string | null;
            /** @description Member id of the sender. Informational only; clients use `_embedded`. */
            from?: string;
            /** @description When the server recorded the event (ISO 8601). Not checked by the official client. */
            timestamp?: string;
            /** @description Type-specific content. */
            body?: {
                [key: string]: unknown;
            };
            /** @description Who sent the event. */
            _embedded?: components["schemas"]["EventEmbedded"] | null;
            /** @description Application the conversation belongs to. */
            application_id?: string;
        };
        /**
         * @description Every pushed event with a fixed type, discriminated by `type` (checks such as
         *     `e.type === "message"` narrow in TypeScript). Custom events are kept apart in
         *     `CustomPushedEvent`: their type is a pattern, which cannot appear in a discriminator mapping,
         *     and a member typed as plain `string` would stop the narrowing. The type generator (scripts/gen.ts)
         *     types their `type` as the template `` `custom:${string}` ``; `AnyPushedEvent` unites both for
         *     validation. Unknown types are dropped silently by clients.
         */
        PushedEvent: components["schemas"]["MemberInvitedPushedEvent"] | components["schemas"]["MemberJoinedPushedEvent"] | components["schemas"]["MemberLeftPushedEvent"] | components["schemas"]["MessagePushedEvent"] | components["schemas"]["EventDeletePushedEvent"] | components["schemas"]["MessageSeenPushedEvent"] | components["schemas"]["MessageDeliveredPushedEvent"] | components["schemas"]["MessageSubmittedPushedEvent"] | components["schemas"]["MessageRejectedPushedEvent"] | components["schemas"]["MessageUndeliverablePushedEvent"] | components["schemas"]["EphemeralPushedEvent"] | components["schemas"]["RtcHangupPushedEvent"] | components["schemas"]["LegStatusUpdatePushedEvent"] | components["schemas"]["RtcAnswerPushedEvent"] | components["schemas"]["RtcTransferPushedEvent"] | components["schemas"]["MemberMediaPushedEvent"] | components["schemas"]["AudioMuteOnPushedEvent"] | components["schemas"]["AudioMuteOffPushedEvent"] | components["schemas"]["AudioEarmuffOnPushedEvent"] | components["schemas"]["AudioEarmuffOffPushedEvent"] | components["schemas"]["AudioDtmfPushedEvent"] | components["schemas"]["AudioSayPushedEvent"] | components["schemas"]["AudioSayDonePushedEvent"];
        /** @description Any pushed conversation or call event, custom ones included. Used for `pending_events`. */
        AnyPushedEvent: components["schemas"]["PushedEvent"] | components["schemas"]["CustomPushedEvent"];
        /** @description Pushed `member:invited`. A user was invited. With `body.sdp` and the other call keys (see `MemberInvitedBody`) it is an incoming call for `body.user`, and the official client raises `callInvite`. */
        MemberInvitedPushedEvent: {
            /**
             * @description Event type; on the socket, the event name. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "member:invited";
            /** @description Event id, increasing within the conversation. */
            id: number;
            /** @description Conversation id. */
            cid: string;
            /** @description Member id of the sender. Informational only. */
            from?: string;
            /**
             * Format: date-time
             * @description When the server recorded the event (ISO 8601).
             */
            timestamp: string;
            /** @description Application the conversation belongs to. */
            application_id?: string;
            /** @description Who sent the event. */
            _embedded?: components["schemas"]["EventEmbedded"];
            /** @description The invitation. */
            body: components["schemas"]["MemberInvitedBody"];
        };
        /** @description Pushed `member:joined`. A member joined. For calls this also tells the caller that the outbound call is connected (`body.channel.id` = call id). */
        MemberJoinedPushedEvent: {
            /**
             * @description Event type; on the socket, the event name. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "member:joined";
            /** @description Event id, increasing within the conversation. */
            id: number;
            /** @description Conversation id. */
            cid: string;
            /** @description Member id of the sender. Informational only. */
            from?: string;
            /**
             * Format: date-time
             * @description When the server recorded the event (ISO 8601).
             */
            timestamp: string;
            /** @description Application the conversation belongs to. */
            application_id?: string;
            /** @description Who sent the event. */
            _embedded?: components["schemas"]["EventEmbedded"];
            /** @description The new member. */
            body: components["schemas"]["MemberJoinedBody"];
        };
        /** @description Pushed `member:left`. A member left, hung up or rejected. */
        MemberLeftPushedEvent: {
            /**
             * @description Event type; on the socket, the event name. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "member:left";
            /** @description Event id, increasing within the conversation. */
            id: number;
            /** @description Conversation id. */
            cid: string;
            /** @description Member id of the sender. Informational only. */
            from?: string;
            /**
             * Format: date-time
             * @description When the server recorded the event (ISO 8601).
             */
            timestamp: string;
            /** @description Application the conversation belongs to. */
            application_id?: string;
            /** @description Who sent the event. */
            _embedded?: components["schemas"]["EventEmbedded"];
            /** @description The departed member. */
            body: components["schemas"]["MemberLeftBody"];
        };
        /** @description Pushed `message`. A chat message. The official client answers each one with a `message:delivered` event. */
        MessagePushedEvent: {
            /**
             * @description Event type; on the socket, the event name. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "message";
            /** @description Event id, increasing within the conversation. */
            id: number;
            /** @description Conversation id. */
            cid: string;
            /** @description Member id of the sender. Informational only. */
            from?: string;
            /**
             * Format: date-time
             * @description When the server recorded the event (ISO 8601).
             */
            timestamp: string;
            /** @description Application the conversation belongs to. */
            application_id?: string;
            /** @description Who sent the event. */
            _embedded?: components["schemas"]["EventEmbedded"];
            /** @description The message content. */
            body: components["schemas"]["MessageBody"];
        };
        /** @description Pushed `event:delete`. An event was deleted. */
        EventDeletePushedEvent: {
            /**
             * @description Event type; on the socket, the event name. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "event:delete";
            /** @description Event id, increasing within the conversation. */
            id: number;
            /** @description Conversation id. */
            cid: string;
            /** @description Member id of the sender. Informational only. */
            from?: string;
            /**
             * Format: date-time
             * @description When the server recorded the event (ISO 8601).
             */
            timestamp: string;
            /** @description Application the conversation belongs to. */
            application_id?: string;
            /** @description Who sent the event. */
            _embedded?: components["schemas"]["EventEmbedded"];
            /** @description The deleted event. */
            body: components["schemas"]["EventRefBody"];
        };
        /** @description Pushed `message:seen`. A member has seen a message. */
        MessageSeenPushedEvent: {
            /**
             * @description Event type; on the socket, the event name. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "message:seen";
            /** @description Event id, increasing within the conversation. */
            id: number;
            /** @description Conversation id. */
            cid: string;
            /** @description Member id of the sender. Informational only. */
            from?: string;
            /**
             * Format: date-time
             * @description When the server recorded the event (ISO 8601).
             */
            timestamp: string;
            /** @description Application the conversation belongs to. */
            application_id?: string;
            /** @description Who sent the event. */
            _embedded?: components["schemas"]["EventEmbedded"];
            /** @description The seen message. */
            body: components["schemas"]["EventRefBody"];
        };
        /** @description Pushed `message:delivered`. A message reached a member's client. */
        MessageDeliveredPushedEvent: {
            /**
             * @description Event type; on the socket, the event name. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "message:delivered";
            /** @description Event id, increasing within the conversation. */
            id: number;
            /** @description Conversation id. */
            cid: string;
            /** @description Member id of the sender. Informational only. */
            from?: string;
            /**
             * Format: date-time
             * @description When the server recorded the event (ISO 8601).
             */
            timestamp: string;
            /** @description Application the conversation belongs to. */
            application_id?: string;
            /** @description Who sent the event. */
            _embedded?: components["schemas"]["EventEmbedded"];
            /** @description The delivered message. */
            body: components["schemas"]["EventRefBody"];
        };
        /** @description Pushed `message:submitted`. A message was handed to an outside channel for a member. */
        MessageSubmittedPushedEvent: {
            /**
             * @description Event type; on the socket, the event name. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "message:submitted";
            /** @description Event id, increasing within the conversation. */
            id: number;
            /** @description Conversation id. */
            cid: string;
            /** @description Member id of the sender. Informational only. */
            from?: string;
            /**
             * Format: date-time
             * @description When the server recorded the event (ISO 8601).
             */
            timestamp: string;
            /** @description Application the conversation belongs to. */
            application_id?: string;
            /** @description Who sent the event. */
            _embedded?: components["schemas"]["EventEmbedded"];
            /** @description The submitted message. */
            body: components["schemas"]["EventRefBody"];
        };
        /** @description Pushed `message:rejected`. An outside channel refused a message for a member. */
        MessageRejectedPushedEvent: {
            /**
             * @description Event type; on the socket, the event name. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "message:rejected";
            /** @description Event id, increasing within the conversation. */
            id: number;
            /** @description Conversation id. */
            cid: string;
            /** @description Member id of the sender. Informational only. */
            from?: string;
            /**
             * Format: date-time
             * @description When the server recorded the event (ISO 8601).
             */
            timestamp: string;
            /** @description Application the conversation belongs to. */
            application_id?: string;
            /** @description Who sent the event. */
            _embedded?: components["schemas"]["EventEmbedded"];
            /** @description The rejected message. */
            body: components["schemas"]["EventRefBody"];
        };
        /** @description Pushed `message:undeliverable`. A message could not be delivered to a member. */
        MessageUndeliverablePushedEvent: {
            /**
             * @description Event type; on the socket, the event name. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "message:undeliverable";
            /** @description Event id, increasing within the conversation. */
            id: number;
            /** @description Conversation id. */
            cid: string;
            /** @description Member id of the sender. Informational only. */
            from?: string;
            /**
             * Format: date-time
             * @description When the server recorded the event (ISO 8601).
             */
            timestamp: string;
            /** @description Application the conversation belongs to. */
            application_id?: string;
            /** @description Who sent the event. */
            _embedded?: components["schemas"]["EventEmbedded"];
            /** @description The undeliverable message. */
            body: components["schemas"]["EventRefBody"];
        };
        /** @description Pushed `ephemeral`. An application object sent to the members online at that moment; it has no id and is not stored. */
        EphemeralPushedEvent: {
            /**
             * @description Event type; on the socket, the event name. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "ephemeral";
            /** @description Event id, when the server assigned one. */
            id?: number;
            /** @description Conversation id. */
            cid: string;
            /** @description Member id of the sender. Informational only. */
            from?: string;
            /**
             * Format: date-time
             * @description When the server recorded the event (ISO 8601).
             */
            timestamp: string;
            /** @description Application the conversation belongs to. */
            application_id?: string;
            /** @description Who sent the event. */
            _embedded?: components["schemas"]["EventEmbedded"];
            /** @description The application's object, as sent. */
            body: {
                [key: string]: unknown;
            };
        };
        /** @description Pushed `rtc:hangup`. A call leg ended. The official client reports `callHangup` (or `callInviteCancel` for an unanswered invitation) only on this event. */
        RtcHangupPushedEvent: {
            /**
             * @description Event type; on the socket, the event name. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "rtc:hangup";
            /** @description Event id, increasing within the conversation. */
            id: number;
            /** @description Conversation id. */
            cid: string;
            /** @description Member id of the sender. Informational only. */
            from?: string;
            /**
             * Format: date-time
             * @description When the server recorded the event (ISO 8601).
             */
            timestamp?: string;
            /** @description Application the conversation belongs to. */
            application_id?: string;
            /** @description Who sent the event. */
            _embedded?: components["schemas"]["EventEmbedded"];
            /** @description The ended leg with its statistics. */
            body: components["schemas"]["RtcHangupBody"];
        };
        /** @description Pushed `leg:status:update`. A leg of a call changed status. The official client reports it only when `cid` belongs to a known call and `_embedded.from_user.id` is present and is not the session's own user. `id` and `cid` must be present but may be `null`. */
        LegStatusUpdatePushedEvent: {
            /**
             * @description Event type; on the socket, the event name. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "leg:status:update";
            /** @description Event id, or `null`. */
            id: number | null;
            /** @description Conversation id of the call, or `null`. */
            cid: string | null;
            /** @description Member id of the sender. Informational only. */
            from?: string;
            /**
             * Format: date-time
             * @description When the server recorded the event (ISO 8601).
             */
            timestamp?: string;
            /** @description Application the conversation belongs to. */
            application_id?: string;
            /** @description Who sent the event. */
            _embedded?: components["schemas"]["EventEmbedded"];
            /** @description The new status. */
            body: components["schemas"]["LegStatusUpdateBody"];
        };
        /** @description Pushed `rtc:answer`. The remote SDP answer for a leg, for example after `sendRtcOffer`. */
        RtcAnswerPushedEvent: {
            /**
             * @description Event type; on the socket, the event name. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "rtc:answer";
            /** @description Event id, when the server assigned one. */
            id?: number;
            /** @description Conversation id. */
            cid: string;
            /** @description Member id of the sender. Informational only. */
            from?: string;
            /**
             * Format: date-time
             * @description When the server recorded the event (ISO 8601).
             */
            timestamp?: string;
            /** @description Application the conversation belongs to. */
            application_id?: string;
            /** @description Who sent the event. */
            _embedded?: components["schemas"]["EventEmbedded"];
            /** @description The answer. */
            body: components["schemas"]["RtcAnswerBody"];
        };
        /** @description Pushed `rtc:transfer`. A call leg moved to another conversation. `cid` is the new conversation and `from` the leg's new member id, both of which the client adopts for its call. */
        RtcTransferPushedEvent: {
            /**
             * @description Event type; on the socket, the event name. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "rtc:transfer";
            /** @description Event id, increasing within the conversation. */
            id: number;
            /** @description Conversation id. */
            cid: string;
            /** @description Member id of the sender. Informational only. */
            from: string;
            /**
             * Format: date-time
             * @description When the server recorded the event (ISO 8601).
             */
            timestamp?: string;
            /** @description Application the conversation belongs to. */
            application_id?: string;
            /** @description Who sent the event. */
            _embedded?: components["schemas"]["EventEmbedded"];
            /** @description The moved leg. */
            body: components["schemas"]["RtcTransferBody"];
        };
        /** @description Pushed `member:media`. A member's media state changed. `_embedded` must be present but may be `null`. */
        MemberMediaPushedEvent: {
            /**
             * @description Event type; on the socket, the event name. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "member:media";
            /** @description Event id, increasing within the conversation. */
            id: number;
            /** @description Conversation id. */
            cid: string;
            /** @description Member id of the sender. Informational only. */
            from?: string;
            /**
             * Format: date-time
             * @description When the server recorded the event (ISO 8601).
             */
            timestamp?: string;
            /** @description Application the conversation belongs to. */
            application_id?: string;
            /** @description Who caused the event, or `null`. */
            _embedded: components["schemas"]["EventEmbedded"] | null;
            /** @description The new media state. */
            body: components["schemas"]["MemberMediaBody"];
        };
        /** @description Pushed `audio:mute:on`. A leg was muted. */
        AudioMuteOnPushedEvent: {
            /**
             * @description Event type; on the socket, the event name. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "audio:mute:on";
            /** @description Event id, increasing within the conversation. */
            id: number;
            /** @description Conversation id. */
            cid: string;
            /** @description Member id of the sender. Informational only. */
            from?: string;
            /**
             * Format: date-time
             * @description When the server recorded the event (ISO 8601).
             */
            timestamp?: string;
            /** @description Application the conversation belongs to. */
            application_id?: string;
            /** @description Who sent the event. */
            _embedded?: components["schemas"]["EventEmbedded"];
            /** @description The muted leg. */
            body: components["schemas"]["RtcIdBody"];
        };
        /** @description Pushed `audio:mute:off`. A leg was unmuted. */
        AudioMuteOffPushedEvent: {
            /**
             * @description Event type; on the socket, the event name. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "audio:mute:off";
            /** @description Event id, increasing within the conversation. */
            id: number;
            /** @description Conversation id. */
            cid: string;
            /** @description Member id of the sender. Informational only. */
            from?: string;
            /**
             * Format: date-time
             * @description When the server recorded the event (ISO 8601).
             */
            timestamp?: string;
            /** @description Application the conversation belongs to. */
            application_id?: string;
            /** @description Who sent the event. */
            _embedded?: components["schemas"]["EventEmbedded"];
            /** @description The unmuted leg. */
            body: components["schemas"]["RtcIdBody"];
        };
        /** @description Pushed `audio:earmuff:on`. A leg can no longer hear the others. */
        AudioEarmuffOnPushedEvent: {
            /**
             * @description Event type; on the socket, the event name. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "audio:earmuff:on";
            /** @description Event id, increasing within the conversation. */
            id: number;
            /** @description Conversation id. */
            cid: string;
            /** @description Member id of the sender. Informational only. */
            from?: string;
            /**
             * Format: date-time
             * @description When the server recorded the event (ISO 8601).
             */
            timestamp?: string;
            /** @description Application the conversation belongs to. */
            application_id?: string;
            /** @description Who sent the event. */
            _embedded?: components["schemas"]["EventEmbedded"];
            /** @description The earmuffed leg. */
            body: components["schemas"]["RtcIdBody"];
        };
        /** @description Pushed `audio:earmuff:off`. A leg can hear the others again. */
        AudioEarmuffOffPushedEvent: {
            /**
             * @description Event type; on the socket, the event name. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "audio:earmuff:off";
            /** @description Event id, increasing within the conversation. */
            id: number;
            /** @description Conversation id. */
            cid: string;
            /** @description Member id of the sender. Informational only. */
            from?: string;
            /**
             * Format: date-time
             * @description When the server recorded the event (ISO 8601).
             */
            timestamp?: string;
            /** @description Application the conversation belongs to. */
            application_id?: string;
            /** @description Who sent the event. */
            _embedded?: components["schemas"]["EventEmbedded"];
            /** @description The leg. */
            body: components["schemas"]["RtcIdBody"];
        };
        /** @description Pushed `audio:dtmf`. DTMF tones were sent on a leg. */
        AudioDtmfPushedEvent: {
            /**
             * @description Event type; on the socket, the event name. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "audio:dtmf";
            /** @description Event id, increasing within the conversation. */
            id: number;
            /** @description Conversation id. */
            cid: string;
            /** @description Member id of the sender. Informational only. */
            from?: string;
            /**
             * Format: date-time
             * @description When the server recorded the event (ISO 8601).
             */
            timestamp?: string;
            /** @description Application the conversation belongs to. */
            application_id?: string;
            /** @description Who sent the event. */
            _embedded?: components["schemas"]["EventEmbedded"];
            /** @description The keys and the leg. */
            body: components["schemas"]["DtmfBody"];
        };
        /** @description Pushed `audio:say`. Text-to-speech started playing into a call. No application callback. */
        AudioSayPushedEvent: {
            /**
             * @description Event type; on the socket, the event name. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "audio:say";
            /** @description Event id, increasing within the conversation. */
            id: number;
            /** @description Conversation id. */
            cid: string;
            /** @description Member id of the sender. Informational only. */
            from?: string;
            /**
             * Format: date-time
             * @description When the server recorded the event (ISO 8601).
             */
            timestamp?: string;
            /** @description Application the conversation belongs to. */
            application_id?: string;
            /** @description Who sent the event. */
            _embedded?: components["schemas"]["EventEmbedded"];
            /** @description The playback. */
            body: components["schemas"]["AudioSayEventBody"];
        };
        /** @description Pushed `audio:say:done`. A text-to-speech playback finished. No application callback. */
        AudioSayDonePushedEvent: {
            /**
             * @description Event type; on the socket, the event name. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "audio:say:done";
            /** @description Event id, increasing within the conversation. */
            id: number;
            /** @description Conversation id. */
            cid: string;
            /** @description Member id of the sender. Informational only. */
            from?: string;
            /**
             * Format: date-time
             * @description When the server recorded the event (ISO 8601).
             */
            timestamp?: string;
            /** @description Application the conversation belongs to. */
            application_id?: string;
            /** @description Who sent the event. */
            _embedded?: components["schemas"]["EventEmbedded"];
            /** @description The finished playback. */
            body: components["schemas"]["AudioSayDoneBody"];
        };
        /**
         * @description Pushed custom event (`custom:<name>`), delivered to applications as kind `custom` with the full
         *     type as `eventType`. Not part of `PushedEvent`, because its type is a pattern and cannot be a
         *     discriminator mapping key; the type generator (scripts/gen.ts) types it as `` `custom:${string}` ``.
         */
        CustomPushedEvent: {
            /** @description `custom:` followed by the application's event name; on the socket, the event name. */
            type: `custom:${string}`;
            /** @description Event id, increasing within the conversation. */
            id: number;
            /** @description Conversation id. */
            cid: string;
            /** @description Member id of the sender. Informational only. */
            from?: string;
            /**
             * Format: date-time
             * @description When the server recorded the event (ISO 8601).
             */
            timestamp: string;
            /** @description Application the conversation belongs to. */
            application_id?: string;
            /** @description Who sent the event. */
            _embedded?: components["schemas"]["EventEmbedded"];
            /** @description The application's object, as sent. */
            body: {
                [key: string]: unknown;
            };
        };
        /**
         * @description An item of an events page listed without `filter_group_type`: a `RestEvent`, or a stored event
         *     of another type (a receipt, `audio:*`, `rtc:hangup`, ...) with the same envelope. Clients that
         *     back-fill by id use the envelope (`id`, `type`) and map the types they know.
         */
        StoredEvent: components["schemas"]["RestEvent"] | components["schemas"]["OtherStoredEvent"];
        /** @description A stored event whose type is not one of `RestEvent`'s, in the same envelope. */
        OtherStoredEvent: {
            /** @description Event type, e.g. `message:seen` or `audio:say`. */
            type: string;
            /** @description Event id, increasing within the conversation. */
            id: number;
            /**
             * Format: date-time
             * @description When the server recorded the event (ISO 8601).
             */
            timestamp: string;
            /** @description Member id of the sender. Informational only. */
            from?: string;
            /** @description Conversation id; clients fall back to the requested conversation when absent. */
            conversation_id?: string;
            /** @description Who sent the event. */
            _embedded?: components["schemas"]["EventEmbedded"];
            /** @description Type-specific content, as in the event's push. */
            body: Record<string, never>;
        };
        /**
         * @description An item of an events page. **Only these types may appear**: `member:invited`, `member:joined`,
         *     `member:left`, `message`, `event:delete` and `custom:<name>`. Any other type (receipts,
         *     `ephemeral`, `audio:*`, ...) or a message with an unknown `message_type` makes the official client
         *     fail the entire page. Not discriminated, because the custom variant is matched by pattern; the
         *     variants still exclude each other through their `type`.
         */
        RestEvent: components["schemas"]["MemberInvitedRestEvent"] | components["schemas"]["MemberJoinedRestEvent"] | components["schemas"]["MemberLeftRestEvent"] | components["schemas"]["MessageRestEvent"] | components["schemas"]["EventDeleteRestEvent"] | components["schemas"]["CustomRestEvent"];
        /** @description Stored `member:invited`. A stored invitation. */
        MemberInvitedRestEvent: {
            /**
             * @description Event type.
             * @constant
             */
            type: "member:invited";
            /** @description Event id, increasing within the conversation. */
            id: number;
            /**
             * Format: date-time
             * @description When the server recorded the event (ISO 8601).
             */
            timestamp: string;
            /** @description Member id of the sender. Informational only. */
            from?: string;
            /** @description Conversation id; clients fall back to the requested conversation when absent. */
            conversation_id?: string;
            /** @description Who sent the event. */
            _embedded?: components["schemas"]["EventEmbedded"];
            /** @description The invitation. */
            body: components["schemas"]["MemberInvitedBody"];
        };
        /** @description Stored `member:joined`. A stored join. */
        MemberJoinedRestEvent: {
            /**
             * @description Event type.
             * @constant
             */
            type: "member:joined";
            /** @description Event id, increasing within the conversation. */
            id: number;
            /**
             * Format: date-time
             * @description When the server recorded the event (ISO 8601).
             */
            timestamp: string;
            /** @description Member id of the sender. Informational only. */
            from?: string;
            /** @description Conversation id; clients fall back to the requested conversation when absent. */
            conversation_id?: string;
            /** @description Who sent the event. */
            _embedded?: components["schemas"]["EventEmbedded"];
            /** @description The new member. */
            body: components["schemas"]["MemberJoinedBody"];
        };
        /** @description Stored `member:left`. A stored departure. */
        MemberLeftRestEvent: {
            /**
             * @description Event type.
             * @constant
             */
            type: "member:left";
            /** @description Event id, increasing within the conversation. */
            id: number;
            /**
             * Format: date-time
             * @description When the server recorded the event (ISO 8601).
             */
            timestamp: string;
            /** @description Member id of the sender. Informational only. */
            from?: string;
            /** @description Conversation id; clients fall back to the requested conversation when absent. */
            conversation_id?: string;
            /** @description Who sent the event. */
            _embedded?: components["schemas"]["EventEmbedded"];
            /** @description The departed member. */
            body: components["schemas"]["MemberLeftBody"];
        };
        /** @description Stored `message`. A stored message, with per-member delivery state. */
        MessageRestEvent: {
            /**
             * @description Event type.
             * @constant
             */
            type: "message";
            /** @description Event id, increasing within the conversation. */
            id: number;
            /**
             * Format: date-time
             * @description When the server recorded the event (ISO 8601).
             */
            timestamp: string;
            /** @description Member id of the sender. Informational only. */
            from?: string;
            /** @description Conversation id; clients fall back to the requested conversation when absent. */
            conversation_id?: string;
            /** @description Who sent the event. */
            _embedded?: components["schemas"]["EventEmbedded"];
            /** @description The message content. */
            body: components["schemas"]["MessageBody"];
            /** @description Which members have seen, received, ... the message, and when. */
            state?: components["schemas"]["MessageState"];
        };
        /** @description Stored `event:delete`. A stored deletion notice. */
        EventDeleteRestEvent: {
            /**
             * @description Event type.
             * @constant
             */
            type: "event:delete";
            /** @description Event id, increasing within the conversation. */
            id: number;
            /**
             * Format: date-time
             * @description When the server recorded the event (ISO 8601).
             */
            timestamp: string;
            /** @description Member id of the sender. Informational only. */
            from?: string;
            /** @description Conversation id; clients fall back to the requested conversation when absent. */
            conversation_id?: string;
            /** @description Who sent the event. */
            _embedded?: components["schemas"]["EventEmbedded"];
            /** @description The deleted event. */
            body: components["schemas"]["EventRefBody"];
        };
        /** @description Stored custom event (`custom:<name>`). Matched by pattern, like `CustomPushedEvent`. */
        CustomRestEvent: {
            /** @description `custom:` followed by the application's event name. */
            type: `custom:${string}`;
            /** @description Event id, increasing within the conversation. */
            id: number;
            /**
             * Format: date-time
             * @description When the server recorded the event (ISO 8601).
             */
            timestamp: string;
            /** @description Member id of the sender. Informational only. */
            from?: string;
            /** @description Conversation id; clients fall back to the requested conversation when absent. */
            conversation_id?: string;
            /** @description Who sent the event. */
            _embedded?: components["schemas"]["EventEmbedded"];
            /** @description The application's object, as sent. */
            body: {
                [key: string]: unknown;
            };
        };
    };
    responses: {
        /**
         * @description The request does not match this contract (400 `http:error:validation-fail`, with one
         *     `invalid_parameters` entry per problem) or carries an invalid cursor
         *     (`paginator-builder:error:invalid-cursor`).
         */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description No token, an invalid token (`system:error:invalid-token`) or an expired one
         *     (`system:error:expired-token`). The official client turns every 401 into an
         *     `internal:auth:authorization_error` whose message includes the raw body.
         */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description The token is valid but may not do this (`system:error:permission`), for example reading a
         *     conversation the user is not part of, or sending to a conversation without being joined.
         */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description Something named in the path or body does not exist, for example
         *     `conversation:error:not-found`, `conversation:error:member-not-found`, `user:error:not-found` or
         *     `event:error:not-found`.
         */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description The request clashes with the current state, for example `conversation:error:duplicate-name`,
         *     `conversation:error:member-already-joined`, `conversation:error:member-already-invited`,
         *     `conversation:error:maximum-number-of-members` or `conversation:error:invalid-state`.
         */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description The body, or the custom data it carries, is larger than the server accepts
         *     (`custom-data:error:max-data-sum-limit-exceeded`, `ephemeral:error:max-data-limit`).
         */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description The server failed (`system:error:internal-error`). The official client reports any status of 500
         *     or above as `internal:error:service_no_available` (503 as a network error).
         */
        ServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /** @description Session id, as returned in `session:success` (`body.id`). */
        SessionId: string;
        /** @description Conversation id (the reference server issues `CON-<uuid>`). */
        ConversationId: string;
        /**
         * @description Conversation id or conversation name. The server first looks for a conversation with this id and
         *     then for one with this name.
         */
        ConversationIdOrName: string;
        /** @description User id (the reference server issues `USR-<uuid>`); the official client passes the `user_id` from `session:success`. */
        UserId: string;
        /** @description User id or user name. The server first looks for a user with this id and then for one with this name. */
        UserIdOrName: string;
        /** @description Member id (the reference server issues `MEM-<uuid>`). */
        MemberId: string;
        /** @description Event id, the same integer as the event's `id`. */
        EventId: number;
        /** @description Leg id (a bare UUID on the reference server); for calls it equals the call id. */
        LegId: string;
        /** @description Knocking id as returned by `createKnocking`, without any `knocker:` prefix. */
        KnockingId: string;
        /** @description Leg id of the call leg whose media is negotiated (the call id). */
        RtcId: string;
        /**
         * @description Sort direction of the page. The official client always writes upper case; lower case is accepted
         *     as well and means the same.
         */
        Order: "ASC" | "DESC" | "asc" | "desc";
        /**
         * @description Maximum number of items in the page. The official client forwards whatever the caller passed, so
         *     values above 100 reach the server and get 400 `http:error:validation-fail`.
         */
        PageSize: number;
        /**
         * @description Opaque position token copied from the `cursor` query value of `_links.next.href` or
         *     `_links.prev.href` of a previous page; never built by clients. Servers only issue URL-safe
         *     cursors (such as unpadded base64url), because the official client sends the value back exactly as
         *     it found it in the href and loses cursors containing `=` or `&`. An unknown or damaged cursor gets
         *     400 `paginator-builder:error:invalid-cursor`.
         */
        Cursor: string;
        /** @description When true, each conversation in the page includes `properties.custom_data`. The official client sends it only as `true`. */
        IncludeCustomData: boolean;
        /** @description Key the conversations are sorted by. */
        OrderBy: "created" | "custom_sort_key";
        /**
         * @description Names a predefined group of event types. `ChatEvents` (always sent by the official client)
         *     selects the types a `RestEvent` can have. Without it every stored event type is listed.
         */
        FilterGroupType: "ChatEvents";
        /** @description Version of the event group named by `filter_group_type`; the official client always sends 3. */
        FilterGroupVersion: 3;
        /**
         * @description Comma-separated list of event types to return, for example `message,member:joined` or
         *     `custom:typing`. Entries are exact type names. The official client sends the list without
         *     encoding and only when it is not empty. Its documentation allows at most five entries; this
         *     contract does not enforce a limit.
         * @example message,member:joined
         */
        EventTypeFilter: string;
        /**
         * @description When true, deleted messages and custom events are left out of the page; when false they appear
         *     with `body.timestamp.deleted` set. The official client always sends it (`true` unless the caller
         *     asked for deleted events).
         */
        ExcludeDeletedEvents: boolean;
        /**
         * @description Only events whose id is greater than or equal to this value are returned, whatever the `order`.
         *     Parley clients pass the last id they delivered plus one to fill gaps after a reconnect.
         */
        StartId: number;
        /**
         * @description Machine-readable reason for ending the membership, for example `REMOTE_REJECT` when a call is
         *     rejected. Carried into `member:left` as `body.reason.code`.
         */
        ReasonCode: string;
        /**
         * @description Human-readable reason for ending the membership, for example `call-rejected-by-callee`. Carried
         *     into `member:left` as `body.reason.text`.
         */
        ReasonText: string;
        /** @description Member id of the caller on whose behalf the request is made. */
        FromMember: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    refreshSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Session id, as returned in `session:success` (`body.id`). */
                session_id: components["parameters"]["SessionId"];
            };
            cookie?: never;
        };
        /** @description A JSON string, normally empty. */
        requestBody: {
            content: {
                /** @example  */
                "application/json": components["schemas"]["RefreshSessionRequest"];
            };
        };
        responses: {
            /** @description The session now uses the token from the `Authorization` header. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionRef"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["ServerError"];
        };
    };
    createConversation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateConversationRequest"];
            };
        };
        responses: {
            /** @description The conversation was created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedConversation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["ServerError"];
        };
    };
    getConversation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Conversation id or conversation name. The server first looks for a conversation with this id and
                 *     then for one with this name.
                 */
                conversation_id: components["parameters"]["ConversationIdOrName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The conversation. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
        };
    };
    deleteConversation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Conversation id (the reference server issues `CON-<uuid>`). */
                conversation_id: components["parameters"]["ConversationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The conversation was deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
        };
    };
    updateConversation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Conversation id (the reference server issues `CON-<uuid>`). */
                conversation_id: components["parameters"]["ConversationId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateConversationRequest"];
            };
        };
        responses: {
            /** @description The conversation after the update. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["ServerError"];
        };
    };
    listUserConversations: {
        parameters: {
            query?: {
                /**
                 * @description Sort direction of the page. The official client always writes upper case; lower case is accepted
                 *     as well and means the same.
                 */
                order?: components["parameters"]["Order"];
                /**
                 * @description Maximum number of items in the page. The official client forwards whatever the caller passed, so
                 *     values above 100 reach the server and get 400 `http:error:validation-fail`.
                 */
                page_size?: components["parameters"]["PageSize"];
                /**
                 * @description Opaque position token copied from the `cursor` query value of `_links.next.href` or
                 *     `_links.prev.href` of a previous page; never built by clients. Servers only issue URL-safe
                 *     cursors (such as unpadded base64url), because the official client sends the value back exactly as
                 *     it found it in the href and loses cursors containing `=` or `&`. An unknown or damaged cursor gets
                 *     400 `paginator-builder:error:invalid-cursor`.
                 */
                cursor?: components["parameters"]["Cursor"];
                /** @description When true, each conversation in the page includes `properties.custom_data`. The official client sends it only as `true`. */
                include_custom_data?: components["parameters"]["IncludeCustomData"];
                /** @description Key the conversations are sorted by. */
                order_by?: components["parameters"]["OrderBy"];
            };
            header?: never;
            path: {
                /** @description User id (the reference server issues `USR-<uuid>`); the official client passes the `user_id` from `session:success`. */
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of conversations. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationsPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description User id or user name. The server first looks for a user with this id and then for one with this name. */
                user_id: components["parameters"]["UserIdOrName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
        };
    };
    listMembers: {
        parameters: {
            query?: {
                /**
                 * @description Sort direction of the page. The official client always writes upper case; lower case is accepted
                 *     as well and means the same.
                 */
                order?: components["parameters"]["Order"];
                /**
                 * @description Maximum number of items in the page. The official client forwards whatever the caller passed, so
                 *     values above 100 reach the server and get 400 `http:error:validation-fail`.
                 */
                page_size?: components["parameters"]["PageSize"];
                /**
                 * @description Opaque position token copied from the `cursor` query value of `_links.next.href` or
                 *     `_links.prev.href` of a previous page; never built by clients. Servers only issue URL-safe
                 *     cursors (such as unpadded base64url), because the official client sends the value back exactly as
                 *     it found it in the href and loses cursors containing `=` or `&`. An unknown or damaged cursor gets
                 *     400 `paginator-builder:error:invalid-cursor`.
                 */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                /** @description Conversation id (the reference server issues `CON-<uuid>`). */
                conversation_id: components["parameters"]["ConversationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of members. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MembersPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
        };
    };
    createMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Conversation id (the reference server issues `CON-<uuid>`). */
                conversation_id: components["parameters"]["ConversationId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMemberRequest"];
            };
        };
        responses: {
            /** @description The membership exists in the requested state. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberRef"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["ServerError"];
        };
    };
    getMyMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Conversation id (the reference server issues `CON-<uuid>`). */
                conversation_id: components["parameters"]["ConversationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's membership. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
        };
    };
    getMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Conversation id (the reference server issues `CON-<uuid>`). */
                conversation_id: components["parameters"]["ConversationId"];
                /** @description Member id (the reference server issues `MEM-<uuid>`). */
                member_id: components["parameters"]["MemberId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The member. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
        };
    };
    updateMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Conversation id (the reference server issues `CON-<uuid>`). */
                conversation_id: components["parameters"]["ConversationId"];
                /** @description Member id (the reference server issues `MEM-<uuid>`). */
                member_id: components["parameters"]["MemberId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "originating_session": "SES-1",
                 *       "channel": {
                 *         "type": "app"
                 *       },
                 *       "from": "MEM-2",
                 *       "state": "joined"
                 *     }
                 */
                "application/json": components["schemas"]["UpdateMemberRequest"];
            };
        };
        responses: {
            /** @description The membership is now joined. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberRef"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["ServerError"];
        };
    };
    deleteMember: {
        parameters: {
            query?: {
                /**
                 * @description Machine-readable reason for ending the membership, for example `REMOTE_REJECT` when a call is
                 *     rejected. Carried into `member:left` as `body.reason.code`.
                 */
                reason_code?: components["parameters"]["ReasonCode"];
                /**
                 * @description Human-readable reason for ending the membership, for example `call-rejected-by-callee`. Carried
                 *     into `member:left` as `body.reason.text`.
                 */
                reason_text?: components["parameters"]["ReasonText"];
                /** @description Member id of the caller on whose behalf the request is made. */
                from?: components["parameters"]["FromMember"];
            };
            header?: never;
            path: {
                /** @description Conversation id (the reference server issues `CON-<uuid>`). */
                conversation_id: components["parameters"]["ConversationId"];
                /** @description Member id (the reference server issues `MEM-<uuid>`). */
                member_id: components["parameters"]["MemberId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The member has left. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["ServerError"];
        };
    };
    listEvents: {
        parameters: {
            query?: {
                /**
                 * @description Sort direction of the page. The official client always writes upper case; lower case is accepted
                 *     as well and means the same.
                 */
                order?: components["parameters"]["Order"];
                /**
                 * @description Maximum number of items in the page. The official client forwards whatever the caller passed, so
                 *     values above 100 reach the server and get 400 `http:error:validation-fail`.
                 */
                page_size?: components["parameters"]["PageSize"];
                /**
                 * @description Opaque position token copied from the `cursor` query value of `_links.next.href` or
                 *     `_links.prev.href` of a previous page; never built by clients. Servers only issue URL-safe
                 *     cursors (such as unpadded base64url), because the official client sends the value back exactly as
                 *     it found it in the href and loses cursors containing `=` or `&`. An unknown or damaged cursor gets
                 *     400 `paginator-builder:error:invalid-cursor`.
                 */
                cursor?: components["parameters"]["Cursor"];
                /**
                 * @description Names a predefined group of event types. `ChatEvents` (always sent by the official client)
                 *     selects the types a `RestEvent` can have. Without it every stored event type is listed.
                 */
                filter_group_type?: components["parameters"]["FilterGroupType"];
                /** @description Version of the event group named by `filter_group_type`; the official client always sends 3. */
                filter_group_version?: components["parameters"]["FilterGroupVersion"];
                /**
                 * @description Comma-separated list of event types to return, for example `message,member:joined` or
                 *     `custom:typing`. Entries are exact type names. The official client sends the list without
                 *     encoding and only when it is not empty. Its documentation allows at most five entries; this
                 *     contract does not enforce a limit.
                 * @example message,member:joined
                 */
                event_type?: components["parameters"]["EventTypeFilter"];
                /**
                 * @description When true, deleted messages and custom events are left out of the page; when false they appear
                 *     with `body.timestamp.deleted` set. The official client always sends it (`true` unless the caller
                 *     asked for deleted events).
                 */
                exclude_deleted_events?: components["parameters"]["ExcludeDeletedEvents"];
                /**
                 * @description Only events whose id is greater than or equal to this value are returned, whatever the `order`.
                 *     Parley clients pass the last id they delivered plus one to fill gaps after a reconnect.
                 */
                start_id?: components["parameters"]["StartId"];
            };
            header?: never;
            path: {
                /** @description Conversation id (the reference server issues `CON-<uuid>`). */
                conversation_id: components["parameters"]["ConversationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventsPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
        };
    };
    createEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Conversation id (the reference server issues `CON-<uuid>`). */
                conversation_id: components["parameters"]["ConversationId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateEventRequest"];
            };
        };
        responses: {
            /** @description The event was accepted. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateEventResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["ServerError"];
        };
    };
    deleteEvent: {
        parameters: {
            query?: {
                /** @description Member id of the caller on whose behalf the request is made. */
                from?: components["parameters"]["FromMember"];
            };
            header?: never;
            path: {
                /** @description Conversation id (the reference server issues `CON-<uuid>`). */
                conversation_id: components["parameters"]["ConversationId"];
                /** @description Event id, the same integer as the event's `id`. */
                event_id: components["parameters"]["EventId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event was deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
        };
    };
    createLeg: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateLegRequest"];
            };
        };
        responses: {
            /** @description The leg exists; apply `sdp` as the remote description. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LegCreated"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["ServerError"];
        };
    };
    getLeg: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Leg id (a bare UUID on the reference server); for calls it equals the call id. */
                leg_id: components["parameters"]["LegId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The leg. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Leg"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
        };
    };
    listLegs: {
        parameters: {
            query?: {
                /**
                 * @description Sort direction of the page. The official client always writes upper case; lower case is accepted
                 *     as well and means the same.
                 */
                order?: components["parameters"]["Order"];
                /**
                 * @description Maximum number of items in the page. The official client forwards whatever the caller passed, so
                 *     values above 100 reach the server and get 400 `http:error:validation-fail`.
                 */
                page_size?: components["parameters"]["PageSize"];
                /**
                 * @description Opaque position token copied from the `cursor` query value of `_links.next.href` or
                 *     `_links.prev.href` of a previous page; never built by clients. Servers only issue URL-safe
                 *     cursors (such as unpadded base64url), because the official client sends the value back exactly as
                 *     it found it in the href and loses cursors containing `=` or `&`. An unknown or damaged cursor gets
                 *     400 `paginator-builder:error:invalid-cursor`.
                 */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                /** @description Conversation id (the reference server issues `CON-<uuid>`). */
                conversation_id: components["parameters"]["ConversationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of legs. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LegsPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
        };
    };
    createKnocking: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "originating_session": "SES-1",
                 *       "channel": {
                 *         "type": "app",
                 *         "to": {
                 *           "type": "phone",
                 *           "number": "bob"
                 *         },
                 *         "from": {
                 *           "type": "app",
                 *           "user": "alice"
                 *         },
                 *         "id": "5f0c2f9e-1d3c-4a7e-9a55-0c6b1e8d2a11"
                 *       },
                 *       "properties": {
                 *         "custom_data": {
                 *           "to": "bob"
                 *         }
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["CreateKnockingRequest"];
            };
        };
        responses: {
            /** @description The call is being placed. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KnockingRef"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["ServerError"];
        };
    };
    deleteKnocking: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Knocking id as returned by `createKnocking`, without any `knocker:` prefix. */
                knocking_id: components["parameters"]["KnockingId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The knocking was cancelled. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
        };
    };
    sendRtcAnswer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Conversation id (the reference server issues `CON-<uuid>`). */
                conversation_id: components["parameters"]["ConversationId"];
                /** @description Leg id of the call leg whose media is negotiated (the call id). */
                rtc_id: components["parameters"]["RtcId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RtcAnswerRequest"];
            };
        };
        responses: {
            /** @description The answer was accepted. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RtcRef"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["ServerError"];
        };
    };
    sendRtcOffer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Conversation id (the reference server issues `CON-<uuid>`). */
                conversation_id: components["parameters"]["ConversationId"];
                /** @description Leg id of the call leg whose media is negotiated (the call id). */
                rtc_id: components["parameters"]["RtcId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RtcOfferRequest"];
            };
        };
        responses: {
            /** @description The offer was accepted. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RtcRef"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["ServerError"];
        };
    };
    reportMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "body": {
                 *         "sessionId": "SES-1",
                 *         "metrics": [
                 *           {
                 *             "name": "TIME_TO_RECONNECT_SUCCESS",
                 *             "time": 11,
                 *             "attempt": 1
                 *           }
                 *         ]
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["MetricsRequest"];
            };
        };
        responses: {
            /** @description The report was received. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["ServerError"];
        };
    };
}
