// Generated from openapi/client-api.yaml by scripts/gen.ts (openapi-typescript 7.13.0).
// Do not edit: change the YAML and run `deno task gen`.

/** The OpenAPI description of the client API, as parsed JSON. */
export const document: Record<string, unknown> = {
  "openapi": "3.1.0",
  "info": {
    "title": "Parley Client API",
    "version": "0.1.0",
    "license": {
      "name": "MIT",
      "identifier": "MIT"
    },
    "summary": "REST operations and socket push payloads used by a VonageClient-compatible chat and voice client.",
    "description": "Parley is an open, Deno-first TypeScript implementation of the Vonage Client SDK API together with\na reference server that speaks the same protocol. This document is the single source of truth for\nthat protocol as far as JSON shapes go.\n\n**What is in here**\n\n* `paths`: every REST operation the client performs against `apiUrl`. The paths are the older\n  `/v0.3` (and a few `/v0.2`) paths that the official `@vonage/client-sdk` 2.3.1 calls, not the\n  public `/v1` Conversation API. `POST /v2/rtc/metrics` lives on the websocket host.\n* `components/schemas`: the resources and request bodies of those operations, plus the payloads the\n  server pushes over the socket.io connection (`SessionSuccess`, `LoginError`, `PushedEvent`,\n  `CustomPushedEvent`, `AnyPushedEvent`) and the one message the client emits (`SessionLogout`).\n  OpenAPI cannot describe a socket, so those schemas are not attached to any path.\n\n**HTTP conventions**\n\n* Requests and responses are JSON. The official client sends `Content-Type: application/json` even\n  on GET and DELETE requests that have no body; servers must accept that.\n* Any status below 400 counts as success. Operations that return nothing answer `204 No Content`;\n  clients must also accept `200` with an empty body or `{}` (the official client accepts exactly\n  those two forms and nothing else for these operations).\n* Every 4xx/5xx answer carries a `Problem` body. Readers ignore keys they do not know, both in REST\n  responses and in socket payloads, so servers may add fields freely; enum values, however, are\n  matched exactly and case-sensitively.\n* The official client does not percent-encode ids or query values. Parley clients do. Servers should\n  therefore decode path segments and query values once, and hand out ids and cursors that are safe\n  in a URL without encoding.\n* Fields listed as `required` in response schemas are exactly the ones whose absence makes the\n  official client reject the answer; everything else is optional on the wire even when the reference\n  server always sends it.\n\n**Socket protocol (summary)**\n\nThe client opens a socket.io v4 connection (websocket transport only) on path `/v2/rtc` and logs in\nthrough the handshake query (`token`, optionally `session_id`, plus client identification on the first\nconnect). The server answers with a `session:success` event (`SessionSuccess`) or one of the login\nerror events (`LoginError`). Afterwards the server emits one socket.io event per conversation or call\nevent: the socket.io event name is the event `type`, and the single argument is an object with the\nremaining envelope keys. The schemas here describe that object *after* the event name has been merged\nin as `type`, which is also the exact form used inside `pending_events`.\n\n**Notes for validators**\n\n* Discriminated unions carry an explicit `discriminator.mapping`, which code generators need\n  (openapi-typescript invents tag values from schema names when the mapping is missing). ajv's\n  `discriminator` keyword rejects `mapping`; remove every `discriminator.mapping` before compiling\n  with `discriminator: true` (each branch states its tag with `const` or `enum`, so nothing is lost),\n  or compile with `discriminator: false`.\n* `format: date-time` is used on timestamps; add ajv-formats (or ignore formats) when compiling.\n* Custom event types (`custom:<name>`) are matched with a `pattern`, which no discriminator can\n  express. They are therefore kept out of the discriminated unions: see `CustomPushedEvent`,\n  `CreateEventRequest` and `RestEvent`.\n"
  },
  "servers": [
    {
      "url": "http://127.0.0.1:3000",
      "description": "Placeholder for a locally started reference server; a client uses its configured `apiUrl` instead."
    }
  ],
  "security": [
    {
      "bearerAuth": []
    }
  ],
  "tags": [
    {
      "name": "session",
      "description": "Session maintenance over REST (login itself happens on the socket)."
    },
    {
      "name": "conversations",
      "description": "Creating, reading, updating and deleting conversations, and listing a user's conversations."
    },
    {
      "name": "users",
      "description": "Reading users."
    },
    {
      "name": "members",
      "description": "Memberships of users in conversations (invite, join, answer, leave)."
    },
    {
      "name": "events",
      "description": "Sending, listing and deleting conversation events (messages, receipts, custom and ephemeral events, call audio controls)."
    },
    {
      "name": "voice",
      "description": "Call signalling (legs, knocking, SDP exchange)."
    },
    {
      "name": "telemetry",
      "description": "Side-channel reports the client sends after reconnecting."
    }
  ],
  "paths": {
    "/v0.2/sessions/{session_id}": {
      "put": {
        "operationId": "refreshSession",
        "tags": [
          "session"
        ],
        "summary": "Swap the token of a live session",
        "description": "Replaces the token associated with an open session. The new JWT travels in the `Authorization`\nheader; the body carries no information (the official client sends the two-character JSON string\n`\"\"`). Later REST calls and socket reconnects use the new token. Used by `refreshSession(token)`.\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/SessionId"
          }
        ],
        "requestBody": {
          "required": true,
          "description": "A JSON string, normally empty.",
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/RefreshSessionRequest"
              },
              "example": ""
            }
          }
        },
        "responses": {
          "200": {
            "description": "The session now uses the token from the `Authorization` header.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SessionRef"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/ServerError"
          }
        }
      }
    },
    "/v0.3/conversations": {
      "post": {
        "operationId": "createConversation",
        "tags": [
          "conversations"
        ],
        "summary": "Create a conversation",
        "description": "Creates a conversation. Every field is optional; the server picks a unique `name` when none is\ngiven. The official client sends `{}` when called without parameters and leaves out\n`properties` when none of its members were given. Used by `createConversation(params)`, which\nresolves the new `id`.\n",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateConversationRequest"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The conversation was created.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CreatedConversation"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/ServerError"
          }
        }
      }
    },
    "/v0.3/conversations/{conversation_id}": {
      "get": {
        "operationId": "getConversation",
        "tags": [
          "conversations"
        ],
        "summary": "Read a conversation by id or by name",
        "description": "Returns one conversation. The path segment may be the conversation id **or** its unique name;\nthe server tries both. When the caller is a member, `_embedded.member` holds that membership.\nFor call conversations the answer must include `media_state`, which `getCallLegs` relies on.\nThe official client also calls this right after some pushed events (`member:joined`,\n`rtc:transfer`, call invites) and, before a session exists, without any `Authorization` header,\nwhich this contract answers with 401.\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/ConversationIdOrName"
          }
        ],
        "responses": {
          "200": {
            "description": "The conversation.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Conversation"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/ServerError"
          }
        }
      },
      "patch": {
        "operationId": "updateConversation",
        "tags": [
          "conversations"
        ],
        "summary": "Change some fields of a conversation",
        "description": "Partial update with three-way semantics per key: a key that is absent keeps the stored value,\na key with a value replaces it, and a key set to JSON `null` clears it. `name` cannot be cleared.\n`\"properties\": null` clears both `custom_sort_key` and `custom_data` and leaves `ttl` alone\n(the official client sends it when both are reset and `ttl` is not mentioned). `ttl: 0` means the\nconversation has no time-to-live (the official client sends `0` when asked to clear it). `{}` is\nvalid and changes nothing. Answers the complete updated conversation.\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/ConversationId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/UpdateConversationRequest"
              },
              "examples": {
                "rename": {
                  "summary": "Set a new display name",
                  "value": {
                    "display_name": "Support team"
                  }
                },
                "clearDisplayName": {
                  "summary": "Clear the display name",
                  "value": {
                    "display_name": null
                  }
                },
                "clearCustomFields": {
                  "summary": "Clear custom sort key and custom data, keep ttl",
                  "value": {
                    "properties": null
                  }
                },
                "noTtl": {
                  "summary": "Remove the time-to-live",
                  "value": {
                    "properties": {
                      "ttl": 0
                    }
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The conversation after the update.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Conversation"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/ServerError"
          }
        }
      },
      "delete": {
        "operationId": "deleteConversation",
        "tags": [
          "conversations"
        ],
        "summary": "Delete a conversation",
        "description": "Deletes a conversation with its members and events. Answers `204` with no body. Clients must also\naccept `200` with an empty body or `{}`; the official client rejects any other body (even `null`).\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/ConversationId"
          }
        ],
        "responses": {
          "204": {
            "description": "The conversation was deleted."
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/ServerError"
          }
        }
      }
    },
    "/v0.3/users/{user_id}/conversations": {
      "get": {
        "operationId": "listUserConversations",
        "tags": [
          "conversations"
        ],
        "summary": "List the conversations a user belongs to",
        "description": "One page of the conversations in which the user has a membership. The official client always\npasses the session's own `user_id` (from `session:success`). Each item carries\n`_embedded.member` with the user's membership. `custom_data` is included only when\n`include_custom_data=true`. Used by `getConversations(params)`.\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/UserId"
          },
          {
            "$ref": "#/components/parameters/Order"
          },
          {
            "$ref": "#/components/parameters/PageSize"
          },
          {
            "$ref": "#/components/parameters/Cursor"
          },
          {
            "$ref": "#/components/parameters/IncludeCustomData"
          },
          {
            "$ref": "#/components/parameters/OrderBy"
          }
        ],
        "responses": {
          "200": {
            "description": "A page of conversations.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ConversationsPage"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/ServerError"
          }
        }
      }
    },
    "/v0.3/users/{user_id}": {
      "get": {
        "operationId": "getUser",
        "tags": [
          "users"
        ],
        "summary": "Read a user by id or by name",
        "description": "Returns one user. The path segment may be the user id **or** the user name; the server tries\nboth. Used by the inherited `getUser(idOrName)`.\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/UserIdOrName"
          }
        ],
        "responses": {
          "200": {
            "description": "The user.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/User"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/ServerError"
          }
        }
      }
    },
    "/v0.3/conversations/{conversation_id}/members": {
      "get": {
        "operationId": "listMembers",
        "tags": [
          "members"
        ],
        "summary": "List the members of a conversation",
        "description": "One page of memberships, in any state. Used by `getConversationMembers(cid, params)`.\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/ConversationId"
          },
          {
            "$ref": "#/components/parameters/Order"
          },
          {
            "$ref": "#/components/parameters/PageSize"
          },
          {
            "$ref": "#/components/parameters/Cursor"
          }
        ],
        "responses": {
          "200": {
            "description": "A page of members.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/MembersPage"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/ServerError"
          }
        }
      },
      "post": {
        "operationId": "createMember",
        "tags": [
          "members"
        ],
        "summary": "Invite a user, or join as the calling user",
        "description": "One path for two actions, told apart by `state`: `\"invited\"` invites the user named in\n`user.name` (`inviteToConversation(cid, userName)`), `\"joined\"` makes the calling user a joined\nmember (`joinConversation(cid)`). The server pushes `member:invited` or `member:joined` to the\nconversation. Answers the id of the membership.\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/ConversationId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateMemberRequest"
              },
              "examples": {
                "invite": {
                  "summary": "Invite a user by name",
                  "value": {
                    "originating_session": "SES-1",
                    "state": "invited",
                    "user": {
                      "name": "alice"
                    },
                    "channel": {
                      "type": "app",
                      "from": {
                        "type": "app"
                      },
                      "to": {
                        "type": "app"
                      }
                    }
                  }
                },
                "join": {
                  "summary": "Join as the session user",
                  "value": {
                    "originating_session": "SES-1",
                    "channel": {
                      "type": "app"
                    },
                    "user": {
                      "id": "USR-1",
                      "name": "bob"
                    },
                    "state": "joined"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The membership exists in the requested state.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/MemberRef"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/ServerError"
          }
        }
      }
    },
    "/v0.3/conversations/{conversation_id}/members/me": {
      "get": {
        "operationId": "getMyMember",
        "tags": [
          "members"
        ],
        "summary": "Read the calling user's own membership",
        "description": "Returns the membership of the user identified by the token. The official client calls this\nbefore every send, delete and leave to learn its member id, and never caches the answer, so it\nshould be cheap. Answers 404 (`conversation:error:member-not-found`) when the user has no\nmembership in the conversation.\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/ConversationId"
          }
        ],
        "responses": {
          "200": {
            "description": "The caller's membership.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Member"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/ServerError"
          }
        }
      }
    },
    "/v0.3/conversations/{conversation_id}/members/{member_id}": {
      "get": {
        "operationId": "getMember",
        "tags": [
          "members"
        ],
        "summary": "Read one membership",
        "description": "Returns one member of the conversation. Used by the inherited `getConversationMember(cid, mid)`.",
        "parameters": [
          {
            "$ref": "#/components/parameters/ConversationId"
          },
          {
            "$ref": "#/components/parameters/MemberId"
          }
        ],
        "responses": {
          "200": {
            "description": "The member.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Member"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/ServerError"
          }
        }
      },
      "put": {
        "operationId": "updateMember",
        "tags": [
          "members"
        ],
        "summary": "Accept an invitation (answer a call)",
        "description": "Moves an invited membership to `joined`. The official client does this when the user answers an\nincoming call, right before sending its SDP answer with `sendRtcAnswer`. The server pushes\n`member:joined`.\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/ConversationId"
          },
          {
            "$ref": "#/components/parameters/MemberId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/UpdateMemberRequest"
              },
              "example": {
                "originating_session": "SES-1",
                "channel": {
                  "type": "app"
                },
                "from": "MEM-2",
                "state": "joined"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The membership is now joined.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/MemberRef"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/ServerError"
          }
        }
      }
    },
    "/v0.2/conversations/{conversation_id}/members/{member_id}": {
      "delete": {
        "operationId": "deleteMember",
        "tags": [
          "members"
        ],
        "summary": "Leave a conversation, hang up or reject a call",
        "description": "Ends a membership: the member's state becomes `LEFT` and the server pushes `member:left` (and,\nfor a call leg, `rtc:hangup`). Note the older `/v0.2` prefix. Used by `leaveConversation(cid)`\n(no query), `hangup(callId, reasonText, reasonCode)` (reason only when given) and\n`reject(callId)` (`reason_code=REMOTE_REJECT&reason_text=call-rejected-by-callee`). When a reason\nis given the official client adds `from`; a missing half of the reason is simply left out. Answers\n`204`; clients must also accept `200` with an empty body or `{}`.\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/ConversationId"
          },
          {
            "$ref": "#/components/parameters/MemberId"
          },
          {
            "$ref": "#/components/parameters/ReasonCode"
          },
          {
            "$ref": "#/components/parameters/ReasonText"
          },
          {
            "$ref": "#/components/parameters/FromMember"
          }
        ],
        "responses": {
          "204": {
            "description": "The member has left."
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "500": {
            "$ref": "#/components/responses/ServerError"
          }
        }
      }
    },
    "/v0.3/conversations/{conversation_id}/events": {
      "get": {
        "operationId": "listEvents",
        "tags": [
          "events"
        ],
        "summary": "List stored events of a conversation",
        "description": "One page of stored events. With `filter_group_type=ChatEvents&filter_group_version=3` only the\ntypes of `RestEvent` appear: that is how the official client asks for the set it can parse (it\nfails the entire page on any other type, and on a `message` whose `message_type` it does not\nknow); it always sends both, and always sends `exclude_deleted_events`. Without\n`filter_group_type`, every stored type is listed (`StoredEvent`: receipts such as\n`message:seen` and `message:delivered`, `audio:*`, `rtc:hangup`, ...; never `ephemeral`, which\nis not stored), so every id of the conversation can be found. Parley clients leave the filter\nout and pass `start_id` to back-fill the events they missed. Used by\n`getConversationEvents(cid, params)` (with the filter).\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/ConversationId"
          },
          {
            "$ref": "#/components/parameters/Order"
          },
          {
            "$ref": "#/components/parameters/PageSize"
          },
          {
            "$ref": "#/components/parameters/Cursor"
          },
          {
            "$ref": "#/components/parameters/FilterGroupType"
          },
          {
            "$ref": "#/components/parameters/FilterGroupVersion"
          },
          {
            "$ref": "#/components/parameters/EventTypeFilter"
          },
          {
            "$ref": "#/components/parameters/ExcludeDeletedEvents"
          },
          {
            "$ref": "#/components/parameters/StartId"
          }
        ],
        "responses": {
          "200": {
            "description": "A page of events.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/EventsPage"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/ServerError"
          }
        }
      },
      "post": {
        "operationId": "createEvent",
        "tags": [
          "events"
        ],
        "summary": "Send an event to a conversation",
        "description": "Records an event and pushes it to the conversation's members over the socket (ephemeral events\nare pushed but not stored). One path for every creatable type, see `CreateEventRequest`. The\nofficial client first calls `getMyMember` and puts the result in `from`.\n\nThe answer depends on the type: chat types need `timestamp` (that string is what the `send*`\nmethods resolve), `audio:mute:*`, `audio:earmuff:*` and `audio:dtmf` need `id`, and `audio:say`\nneeds the full `AudioSayEventCreated`. The reference server always sends `id` (except for\nephemeral events, which have none) and `timestamp`. After every pushed `message` the official\nclient automatically posts a `message:delivered` for it, including for its own messages.\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/ConversationId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateEventRequest"
              },
              "examples": {
                "text": {
                  "summary": "A text message",
                  "value": {
                    "cid": "CON-1",
                    "from": "MEM-1",
                    "type": "message",
                    "body": {
                      "text": "hi",
                      "message_type": "text"
                    }
                  }
                },
                "seen": {
                  "summary": "A read receipt",
                  "value": {
                    "cid": "CON-1",
                    "from": "MEM-1",
                    "type": "message:seen",
                    "body": {
                      "event_id": 7
                    }
                  }
                },
                "custom": {
                  "summary": "A custom event",
                  "value": {
                    "cid": "CON-1",
                    "from": "MEM-1",
                    "type": "custom:typing",
                    "body": {
                      "on": true
                    }
                  }
                },
                "say": {
                  "summary": "Text-to-speech into a call",
                  "value": {
                    "type": "audio:say",
                    "from": "MEM-1",
                    "originating_session": "SES-1",
                    "body": {
                      "text": "Hello",
                      "level": 1,
                      "loop": 1,
                      "queue": true,
                      "voice_name": "amy",
                      "ssml": true
                    }
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The event was accepted.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CreateEventResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/ServerError"
          }
        }
      }
    },
    "/v0.3/conversations/{conversation_id}/events/{event_id}": {
      "delete": {
        "operationId": "deleteEvent",
        "tags": [
          "events"
        ],
        "summary": "Delete a stored event",
        "description": "Deletes an event (typically a message or a custom event). The server pushes `event:delete` with\nthe deleted id; a deleted message keeps its place in the history with `body.timestamp.deleted`\nset. `from` carries the caller's member id. Answers `204`; clients must also accept `200` with an\nempty body or `{}`. Used by `deleteEvent(eventId, cid)`.\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/ConversationId"
          },
          {
            "$ref": "#/components/parameters/EventId"
          },
          {
            "$ref": "#/components/parameters/FromMember"
          }
        ],
        "responses": {
          "204": {
            "description": "The event was deleted."
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/ServerError"
          }
        }
      }
    },
    "/v0.3/legs": {
      "post": {
        "operationId": "createLeg",
        "tags": [
          "voice"
        ],
        "summary": "Start an outbound call leg",
        "description": "First step of `serverCall(context)`: the client sends its SDP offer and receives the answer SDP\nand the leg id (`rtc_id`), which becomes the call id. The call is then placed with\n`createKnocking`.\n",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateLegRequest"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The leg exists; apply `sdp` as the remote description.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/LegCreated"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/ServerError"
          }
        }
      }
    },
    "/v0.3/legs/{leg_id}": {
      "get": {
        "operationId": "getLeg",
        "tags": [
          "voice"
        ],
        "summary": "Read one call leg",
        "description": "Returns one leg. Used by the inherited `getLeg(legId)`.",
        "parameters": [
          {
            "$ref": "#/components/parameters/LegId"
          }
        ],
        "responses": {
          "200": {
            "description": "The leg.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Leg"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/ServerError"
          }
        }
      }
    },
    "/v0.3/conversations/{conversation_id}/legs": {
      "get": {
        "operationId": "listLegs",
        "tags": [
          "voice"
        ],
        "summary": "List the legs of a call conversation",
        "description": "One page of the legs of the call held in this conversation. `getCallLegs(callId)` first reads the\nconversation (which must carry `media_state`) and then this list; it ORs each leg's media state\nwith the conversation's.\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/ConversationId"
          },
          {
            "$ref": "#/components/parameters/Order"
          },
          {
            "$ref": "#/components/parameters/PageSize"
          },
          {
            "$ref": "#/components/parameters/Cursor"
          }
        ],
        "responses": {
          "200": {
            "description": "A page of legs.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/LegsPage"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/ServerError"
          }
        }
      }
    },
    "/v0.3/knocking": {
      "post": {
        "operationId": "createKnocking",
        "tags": [
          "voice"
        ],
        "summary": "Place an outbound call for an existing leg",
        "description": "Second step of `serverCall(context)`: asks the server to connect the leg created by `createLeg`\n(`channel.id` = `rtc_id`) to a destination. The server creates the call conversation and must\nthen push `member:joined` for the caller with `body.channel.id` equal to the `rtc_id`; the\nofficial client waits about 10 s for that push before failing with `voice:error:media_timeout`.\nThe official client always describes the destination as a phone endpoint (`number` is the\ncontext's `to`, or empty) and passes the whole call context as `properties.custom_data`.\n",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateKnockingRequest"
              },
              "example": {
                "originating_session": "SES-1",
                "channel": {
                  "type": "app",
                  "to": {
                    "type": "phone",
                    "number": "bob"
                  },
                  "from": {
                    "type": "app",
                    "user": "alice"
                  },
                  "id": "5f0c2f9e-1d3c-4a7e-9a55-0c6b1e8d2a11"
                },
                "properties": {
                  "custom_data": {
                    "to": "bob"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The call is being placed.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/KnockingRef"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/ServerError"
          }
        }
      }
    },
    "/v0.3/knocking/{knocking_id}": {
      "delete": {
        "operationId": "deleteKnocking",
        "tags": [
          "voice"
        ],
        "summary": "Cancel an outbound call that has not been answered",
        "description": "Withdraws a knocking created by `createKnocking`. The official client strips a leading\n`knocker:` from the id before building the path. Answers `204`; clients must also accept `200`\nwith an empty body or `{}`.\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/KnockingId"
          }
        ],
        "responses": {
          "204": {
            "description": "The knocking was cancelled."
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/ServerError"
          }
        }
      }
    },
    "/v0.3/conversations/{conversation_id}/rtc/{rtc_id}/answer": {
      "post": {
        "operationId": "sendRtcAnswer",
        "tags": [
          "voice"
        ],
        "summary": "Send the SDP answer for an incoming call",
        "description": "Second step of answering a call (after `updateMember`): delivers the callee's SDP answer for the\nleg `rtc_id`, the call id from the `member:invited` push.\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/ConversationId"
          },
          {
            "$ref": "#/components/parameters/RtcId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/RtcAnswerRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The answer was accepted.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RtcRef"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/ServerError"
          }
        }
      }
    },
    "/v0.3/conversations/{conversation_id}/rtc/{rtc_id}/offer": {
      "post": {
        "operationId": "sendRtcOffer",
        "tags": [
          "voice"
        ],
        "summary": "Send a new SDP offer to reconnect call media",
        "description": "Renegotiates the media of an existing leg, for example after a network change. The response only\nacknowledges the offer; the remote SDP arrives later as an `rtc:answer` push for the same\n`rtc_id`.\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/ConversationId"
          },
          {
            "$ref": "#/components/parameters/RtcId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/RtcOfferRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The offer was accepted.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RtcRef"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/ServerError"
          }
        }
      }
    },
    "/v2/rtc/metrics": {
      "post": {
        "operationId": "reportMetrics",
        "tags": [
          "telemetry"
        ],
        "summary": "Report how long a socket reconnection took",
        "description": "Sent by the official client after each successful automatic socket reconnection, to the\nwebsocket host (`websocketUrl` with `wss` replaced by `https`) on this fixed path, whatever\n`websocketPath` is. A server that mounts socket.io on `/v2/rtc` must route this request before the\nsocket.io handler. The client only logs failures. The bearer token is sent when the client has\none; servers may accept the report without it. Answers `204`; clients must also accept `200` with\nan empty body or `{}`.\n",
        "security": [
          {
            "bearerAuth": []
          },
          {}
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/MetricsRequest"
              },
              "example": {
                "body": {
                  "sessionId": "SES-1",
                  "metrics": [
                    {
                      "name": "TIME_TO_RECONNECT_SUCCESS",
                      "time": 11,
                      "attempt": 1
                    }
                  ]
                }
              }
            }
          }
        },
        "responses": {
          "204": {
            "description": "The report was received."
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/ServerError"
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "bearerAuth": {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT",
        "description": "An RS256-signed JWT in the `Authorization` header. The official client writes the scheme word in\nlower case (`bearer <JWT>`), so servers must compare it case-insensitively. The same token is\npassed as `token` in the socket handshake query.\n\nClaims:\n\n* `application_id` (required): the application the token belongs to; it scopes which users and\n  conversations are visible.\n* `iat`: issue time, in seconds since the epoch.\n* `jti`: a unique token id.\n* `exp`: expiry, in seconds since the epoch. The hosted service defaults to 15 minutes and allows\n  at most 24 hours.\n* `sub`: the user **name** the token acts for. Tokens without `sub` are application (admin)\n  tokens and cannot open a client session.\n* `acl`: an object `{ \"paths\": { \"<pattern>\": {} } }` naming the API paths the token may use,\n  for example `/*/conversations/**`, `/*/users/**`, `/*/sessions/**`, `/*/legs/**`,\n  `/*/knocking/**`.\n\nA missing, malformed or wrongly signed token gets 401 `system:error:invalid-token`, an expired one\n401 `system:error:expired-token`, and a path outside the `acl` 403 `system:error:permission`.\n"
      }
    },
    "parameters": {
      "SessionId": {
        "name": "session_id",
        "in": "path",
        "required": true,
        "description": "Session id, as returned in `session:success` (`body.id`).",
        "schema": {
          "type": "string",
          "minLength": 1
        }
      },
      "ConversationId": {
        "name": "conversation_id",
        "in": "path",
        "required": true,
        "description": "Conversation id (the reference server issues `CON-<uuid>`).",
        "schema": {
          "type": "string",
          "minLength": 1
        }
      },
      "ConversationIdOrName": {
        "name": "conversation_id",
        "in": "path",
        "required": true,
        "description": "Conversation id or conversation name. The server first looks for a conversation with this id and\nthen for one with this name.\n",
        "schema": {
          "type": "string",
          "minLength": 1
        }
      },
      "UserId": {
        "name": "user_id",
        "in": "path",
        "required": true,
        "description": "User id (the reference server issues `USR-<uuid>`); the official client passes the `user_id` from `session:success`.",
        "schema": {
          "type": "string",
          "minLength": 1
        }
      },
      "UserIdOrName": {
        "name": "user_id",
        "in": "path",
        "required": true,
        "description": "User id or user name. The server first looks for a user with this id and then for one with this name.",
        "schema": {
          "type": "string",
          "minLength": 1
        }
      },
      "MemberId": {
        "name": "member_id",
        "in": "path",
        "required": true,
        "description": "Member id (the reference server issues `MEM-<uuid>`).",
        "schema": {
          "type": "string",
          "minLength": 1
        }
      },
      "EventId": {
        "name": "event_id",
        "in": "path",
        "required": true,
        "description": "Event id, the same integer as the event's `id`.",
        "schema": {
          "type": "integer",
          "minimum": 1
        }
      },
      "LegId": {
        "name": "leg_id",
        "in": "path",
        "required": true,
        "description": "Leg id (a bare UUID on the reference server); for calls it equals the call id.",
        "schema": {
          "type": "string",
          "minLength": 1
        }
      },
      "KnockingId": {
        "name": "knocking_id",
        "in": "path",
        "required": true,
        "description": "Knocking id as returned by `createKnocking`, without any `knocker:` prefix.",
        "schema": {
          "type": "string",
          "minLength": 1
        }
      },
      "RtcId": {
        "name": "rtc_id",
        "in": "path",
        "required": true,
        "description": "Leg id of the call leg whose media is negotiated (the call id).",
        "schema": {
          "type": "string",
          "minLength": 1
        }
      },
      "Order": {
        "name": "order",
        "in": "query",
        "required": false,
        "description": "Sort direction of the page. The official client always writes upper case; lower case is accepted\nas well and means the same.\n",
        "schema": {
          "type": "string",
          "enum": [
            "ASC",
            "DESC",
            "asc",
            "desc"
          ],
          "default": "ASC"
        }
      },
      "PageSize": {
        "name": "page_size",
        "in": "query",
        "required": false,
        "description": "Maximum number of items in the page. The official client forwards whatever the caller passed, so\nvalues above 100 reach the server and get 400 `http:error:validation-fail`.\n",
        "schema": {
          "type": "integer",
          "minimum": 1,
          "maximum": 100,
          "default": 10
        }
      },
      "Cursor": {
        "name": "cursor",
        "in": "query",
        "required": false,
        "description": "Opaque position token copied from the `cursor` query value of `_links.next.href` or\n`_links.prev.href` of a previous page; never built by clients. Servers only issue URL-safe\ncursors (such as unpadded base64url), because the official client sends the value back exactly as\nit found it in the href and loses cursors containing `=` or `&`. An unknown or damaged cursor gets\n400 `paginator-builder:error:invalid-cursor`.\n",
        "schema": {
          "type": "string",
          "minLength": 1
        }
      },
      "IncludeCustomData": {
        "name": "include_custom_data",
        "in": "query",
        "required": false,
        "description": "When true, each conversation in the page includes `properties.custom_data`. The official client sends it only as `true`.",
        "schema": {
          "type": "boolean",
          "default": false
        }
      },
      "OrderBy": {
        "name": "order_by",
        "in": "query",
        "required": false,
        "description": "Key the conversations are sorted by.",
        "schema": {
          "type": "string",
          "enum": [
            "created",
            "custom_sort_key"
          ],
          "default": "created"
        }
      },
      "FilterGroupType": {
        "name": "filter_group_type",
        "in": "query",
        "required": false,
        "description": "Names a predefined group of event types. `ChatEvents` (always sent by the official client)\nselects the types a `RestEvent` can have. Without it every stored event type is listed.\n",
        "schema": {
          "type": "string",
          "enum": [
            "ChatEvents"
          ]
        }
      },
      "FilterGroupVersion": {
        "name": "filter_group_version",
        "in": "query",
        "required": false,
        "description": "Version of the event group named by `filter_group_type`; the official client always sends 3.",
        "schema": {
          "type": "integer",
          "enum": [
            3
          ]
        }
      },
      "EventTypeFilter": {
        "name": "event_type",
        "in": "query",
        "required": false,
        "description": "Comma-separated list of event types to return, for example `message,member:joined` or\n`custom:typing`. Entries are exact type names. The official client sends the list without\nencoding and only when it is not empty. Its documentation allows at most five entries; this\ncontract does not enforce a limit.\n",
        "schema": {
          "type": "string",
          "minLength": 1
        },
        "example": "message,member:joined"
      },
      "ExcludeDeletedEvents": {
        "name": "exclude_deleted_events",
        "in": "query",
        "required": false,
        "description": "When true, deleted messages and custom events are left out of the page; when false they appear\nwith `body.timestamp.deleted` set. The official client always sends it (`true` unless the caller\nasked for deleted events).\n",
        "schema": {
          "type": "boolean",
          "default": false
        }
      },
      "StartId": {
        "name": "start_id",
        "in": "query",
        "required": false,
        "description": "Only events whose id is greater than or equal to this value are returned, whatever the `order`.\nParley clients pass the last id they delivered plus one to fill gaps after a reconnect.\n",
        "schema": {
          "type": "integer",
          "minimum": 0
        }
      },
      "ReasonCode": {
        "name": "reason_code",
        "in": "query",
        "required": false,
        "description": "Machine-readable reason for ending the membership, for example `REMOTE_REJECT` when a call is\nrejected. Carried into `member:left` as `body.reason.code`.\n",
        "schema": {
          "type": "string",
          "minLength": 1
        }
      },
      "ReasonText": {
        "name": "reason_text",
        "in": "query",
        "required": false,
        "description": "Human-readable reason for ending the membership, for example `call-rejected-by-callee`. Carried\ninto `member:left` as `body.reason.text`.\n",
        "schema": {
          "type": "string",
          "minLength": 1
        }
      },
      "FromMember": {
        "name": "from",
        "in": "query",
        "required": false,
        "description": "Member id of the caller on whose behalf the request is made.",
        "schema": {
          "type": "string",
          "minLength": 1
        }
      }
    },
    "responses": {
      "BadRequest": {
        "description": "The request does not match this contract (400 `http:error:validation-fail`, with one\n`invalid_parameters` entry per problem) or carries an invalid cursor\n(`paginator-builder:error:invalid-cursor`).\n",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "Unauthorized": {
        "description": "No token, an invalid token (`system:error:invalid-token`) or an expired one\n(`system:error:expired-token`). The official client turns every 401 into an\n`internal:auth:authorization_error` whose message includes the raw body.\n",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "Forbidden": {
        "description": "The token is valid but may not do this (`system:error:permission`), for example reading a\nconversation the user is not part of, or sending to a conversation without being joined.\n",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "NotFound": {
        "description": "Something named in the path or body does not exist, for example\n`conversation:error:not-found`, `conversation:error:member-not-found`, `user:error:not-found` or\n`event:error:not-found`.\n",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "Conflict": {
        "description": "The request clashes with the current state, for example `conversation:error:duplicate-name`,\n`conversation:error:member-already-joined`, `conversation:error:member-already-invited`,\n`conversation:error:maximum-number-of-members` or `conversation:error:invalid-state`.\n",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "PayloadTooLarge": {
        "description": "The body, or the custom data it carries, is larger than the server accepts\n(`custom-data:error:max-data-sum-limit-exceeded`, `ephemeral:error:max-data-limit`).\n",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "ServerError": {
        "description": "The server failed (`system:error:internal-error`). The official client reports any status of 500\nor above as `internal:error:service_no_available` (503 as a network error).\n",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      }
    },
    "schemas": {
      "Problem": {
        "type": "object",
        "description": "Error body of every 4xx and 5xx answer, shaped like Vonage's problem details. The reference\nserver always fills the five string fields. Clients should still read them defensively: the\nofficial client treats all of them as optional, uses `code` as the error code and `detail`\n(falling back to `message`) as the error message, and appends `invalid_parameters` to the\nmessage when present.\n\n`code` is an open set: new codes may appear at any time, so readers must not reject unknown\nvalues. The codes this contract knows, with the status they come with, are listed in\n`x-known-codes`.\n\nThe following values are *not* server codes but appear as `VonageError.code` on the client side\n(login and socket failures): `session:error:empty-token`, `session:error:server-forced-disconnect`,\n`session:error:timeout`, `session:error:internal-failure`, `session:error:no-active-session`,\n`session:error:already-active-session`, `session:error:invalid-token`,\n`session:error:expired-token`, `user:error:invalid-user`, `system:error:permission`,\n`session:error:invalid-session`, `session:error:max-open-sessions-permitted`,\n`session:error:websocket-transport-invalid`, `session:disconnect:client-disconnect`,\n`session:disconnect:ping-timeout`, `session:disconnect:websocket-transport-closed`.\n",
        "x-known-codes": [
          {
            "code": "http:error:validation-fail",
            "status": 400,
            "meaning": "The request does not match this contract; see `invalid_parameters`."
          },
          {
            "code": "paginator-builder:error:invalid-cursor",
            "status": 400,
            "meaning": "The `cursor` query value was not issued by this server or is damaged."
          },
          {
            "code": "system:error:invalid-token",
            "status": 401,
            "meaning": "The bearer token is missing, malformed or not signed by the application's key."
          },
          {
            "code": "system:error:expired-token",
            "status": 401,
            "meaning": "The bearer token's `exp` has passed."
          },
          {
            "code": "system:error:permission",
            "status": 403,
            "meaning": "The token may not perform this request."
          },
          {
            "code": "conversation:error:not-found",
            "status": 404,
            "meaning": "No conversation has this id (or name, where names are accepted)."
          },
          {
            "code": "conversation:error:member-not-found",
            "status": 404,
            "meaning": "No such member in the conversation, or the caller has no membership there."
          },
          {
            "code": "user:error:not-found",
            "status": 404,
            "meaning": "No user has this id or name."
          },
          {
            "code": "event:error:not-found",
            "status": 404,
            "meaning": "No event has this id in the conversation."
          },
          {
            "code": "voice:error:no_call_found",
            "status": 404,
            "meaning": "No call (leg, knocking or rtc session) matches the given id."
          },
          {
            "code": "conversation:error:duplicate-name",
            "status": 409,
            "meaning": "Another conversation already uses this name."
          },
          {
            "code": "conversation:error:member-already-joined",
            "status": 409,
            "meaning": "The user is already a joined member."
          },
          {
            "code": "conversation:error:member-already-invited",
            "status": 409,
            "meaning": "The user already has a pending invitation."
          },
          {
            "code": "conversation:error:maximum-number-of-members",
            "status": 409,
            "meaning": "The conversation cannot take more members."
          },
          {
            "code": "conversation:error:invalid-state",
            "status": 409,
            "meaning": "The membership or conversation is not in a state that allows this change (for example answering an invitation that was withdrawn)."
          },
          {
            "code": "custom-data:error:max-data-sum-limit-exceeded",
            "status": 413,
            "meaning": "The custom data attached to the resource exceeds the allowed size."
          },
          {
            "code": "ephemeral:error:max-data-limit",
            "status": 413,
            "meaning": "The body of an ephemeral event exceeds the allowed size."
          },
          {
            "code": "system:error:internal-error",
            "status": 500,
            "meaning": "Unexpected server failure."
          }
        ],
        "properties": {
          "type": {
            "type": "string",
            "description": "A URL (or other URI) naming the problem type; it usually ends with the code."
          },
          "title": {
            "type": "string",
            "description": "Short summary of the problem type, the same for every occurrence."
          },
          "code": {
            "type": "string",
            "description": "Machine-readable problem code, for example `conversation:error:not-found`. Open set; see `x-known-codes`."
          },
          "detail": {
            "type": "string",
            "description": "Explanation of this occurrence that a person can act on."
          },
          "instance": {
            "type": "string",
            "description": "Identifier of this occurrence, for example a request id, useful when reporting a problem."
          },
          "invalid_parameters": {
            "type": "array",
            "description": "One entry per rejected input; present with `http:error:validation-fail`.",
            "items": {
              "$ref": "#/components/schemas/InvalidParameter"
            }
          },
          "message": {
            "type": "string",
            "description": "Older alternative to `detail`; the official client reads it when `detail` is absent. Not sent by the reference server."
          }
        },
        "required": [
          "type",
          "title",
          "code",
          "detail",
          "instance"
        ]
      },
      "InvalidParameter": {
        "type": "object",
        "description": "One input that failed validation.",
        "properties": {
          "name": {
            "type": "string",
            "description": "Where the bad input is, for example `body.text` or `page_size`."
          },
          "reason": {
            "type": "string",
            "description": "Why it was rejected."
          }
        },
        "required": [
          "name",
          "reason"
        ]
      },
      "RefreshSessionRequest": {
        "type": "string",
        "description": "A JSON string with no meaning; the new token is taken from the `Authorization` header. The\nofficial client sends `\"\"`; other strings are accepted and ignored.\n"
      },
      "SessionRef": {
        "type": "object",
        "description": "Confirms which session now uses the new token.",
        "properties": {
          "session_id": {
            "type": "string",
            "description": "Id of the session, the same as in the path."
          }
        },
        "required": [
          "session_id"
        ]
      },
      "Timestamps": {
        "type": "object",
        "description": "Life-cycle times of a conversation or user. All times are ISO 8601 strings in UTC.",
        "properties": {
          "created": {
            "type": "string",
            "format": "date-time",
            "description": "When the resource was created."
          },
          "updated": {
            "type": "string",
            "format": "date-time",
            "description": "When the resource was last changed."
          },
          "destroyed": {
            "type": "string",
            "format": "date-time",
            "description": "When the resource was deleted, if it was."
          }
        }
      },
      "MemberTimestamps": {
        "type": "object",
        "description": "When a membership reached each state. ISO 8601 strings in UTC.",
        "properties": {
          "invited": {
            "type": "string",
            "format": "date-time",
            "description": "When the user was invited."
          },
          "joined": {
            "type": "string",
            "format": "date-time",
            "description": "When the member joined."
          },
          "left": {
            "type": "string",
            "format": "date-time",
            "description": "When the member left."
          }
        }
      },
      "MediaState": {
        "type": "object",
        "description": "Which media features are active, for a call conversation or one of its legs. All six flags are\nrequired; the official client rejects `getCallLegs` when the conversation lacks this object.\n",
        "properties": {
          "mute": {
            "type": "boolean",
            "description": "Audio from the leg (or every leg) is muted."
          },
          "earmuff": {
            "type": "boolean",
            "description": "The leg (or every leg) cannot hear the others."
          },
          "play_stream": {
            "type": "boolean",
            "description": "An audio stream is being played into the call."
          },
          "tts": {
            "type": "boolean",
            "description": "Text-to-speech is being played into the call."
          },
          "recording": {
            "type": "boolean",
            "description": "The call is being recorded."
          },
          "transcribing": {
            "type": "boolean",
            "description": "The call is being transcribed."
          }
        },
        "required": [
          "mute",
          "earmuff",
          "play_stream",
          "tts",
          "recording",
          "transcribing"
        ]
      },
      "ChannelType": {
        "type": "string",
        "description": "Kind of channel a member or leg uses. Lower case, matched exactly: the official client rejects\na whole response containing any other value.\n",
        "enum": [
          "app",
          "phone",
          "pstn",
          "sip",
          "vbc",
          "websocket",
          "sms",
          "mms",
          "whatsapp",
          "viber",
          "messenger"
        ]
      },
      "Endpoint": {
        "type": "object",
        "description": "One end of a channel. Which keys matter depends on `type`: `app` uses `user` (a user name),\n`phone` uses `number`, `sip` uses `uri` (plus optional `username` and `password`), `websocket`\nuses `uri`. Member channels read over REST may instead carry only `id` and/or `number`.\n",
        "properties": {
          "type": {
            "$ref": "#/components/schemas/ChannelType",
            "description": "Kind of endpoint."
          },
          "user": {
            "type": "string",
            "description": "User name, for `app` endpoints."
          },
          "number": {
            "type": "string",
            "description": "Phone number (or, for the official client's outbound calls, the free-form call target), for `phone` endpoints."
          },
          "uri": {
            "type": "string",
            "description": "Target URI, for `sip` and `websocket` endpoints."
          },
          "username": {
            "type": "string",
            "description": "SIP user name, for `sip` endpoints."
          },
          "password": {
            "type": "string",
            "description": "SIP password, for `sip` endpoints."
          },
          "id": {
            "type": "string",
            "description": "Opaque endpoint id, as found on member channels."
          }
        }
      },
      "Channel": {
        "type": "object",
        "description": "How a member is connected: channel kind, and for voice the leg (`id`) and the two endpoints.\nUsed in member resources, member and call events, and member requests.\n",
        "properties": {
          "type": {
            "$ref": "#/components/schemas/ChannelType",
            "description": "Kind of channel."
          },
          "id": {
            "type": "string",
            "description": "Leg id of a voice channel; for app calls this is the call id."
          },
          "knocking_id": {
            "type": "string",
            "description": "Knocking that created this channel, for outbound calls."
          },
          "leg_ids": {
            "type": "array",
            "description": "All legs attached to this channel.",
            "items": {
              "type": "string",
              "description": "A leg id."
            }
          },
          "from": {
            "$ref": "#/components/schemas/Endpoint",
            "description": "The calling side."
          },
          "to": {
            "$ref": "#/components/schemas/Endpoint",
            "description": "The called side."
          }
        },
        "required": [
          "type"
        ]
      },
      "Link": {
        "type": "object",
        "description": "A hyperlink.",
        "properties": {
          "href": {
            "type": "string",
            "description": "URL of the linked page. Only the `cursor` query value in it is meaningful to clients; the\nhost part is ignored.\n"
          }
        },
        "required": [
          "href"
        ]
      },
      "PageLinks": {
        "type": "object",
        "description": "Navigation links of a page; may be `{}`. The cursor for the next or previous page is the\n`cursor` query value inside `next.href` or `prev.href`. Cursors are opaque and URL-safe (see the\n`Cursor` parameter); a missing link means there is no page in that direction.\n",
        "properties": {
          "self": {
            "$ref": "#/components/schemas/Link",
            "description": "This page."
          },
          "next": {
            "$ref": "#/components/schemas/Link",
            "description": "The following page, if any."
          },
          "prev": {
            "$ref": "#/components/schemas/Link",
            "description": "The preceding page, if any."
          }
        }
      },
      "ConversationsPage": {
        "type": "object",
        "description": "A page of conversations. Both top-level keys are required, even when the list is empty.",
        "properties": {
          "page_size": {
            "type": "integer",
            "description": "Page size that was applied. Informational."
          },
          "_embedded": {
            "type": "object",
            "description": "The items of the page.",
            "properties": {
              "conversations": {
                "type": "array",
                "description": "Conversations in the requested order, each with the user's membership in `_embedded.member`.",
                "items": {
                  "$ref": "#/components/schemas/Conversation"
                }
              }
            },
            "required": [
              "conversations"
            ]
          },
          "_links": {
            "$ref": "#/components/schemas/PageLinks",
            "description": "Links to neighbouring pages."
          }
        },
        "required": [
          "_embedded",
          "_links"
        ]
      },
      "MembersPage": {
        "type": "object",
        "description": "A page of members. Both top-level keys are required, even when the list is empty.",
        "properties": {
          "page_size": {
            "type": "integer",
            "description": "Page size that was applied. Informational."
          },
          "_embedded": {
            "type": "object",
            "description": "The items of the page.",
            "properties": {
              "members": {
                "type": "array",
                "description": "Members in the requested order.",
                "items": {
                  "$ref": "#/components/schemas/Member"
                }
              }
            },
            "required": [
              "members"
            ]
          },
          "_links": {
            "$ref": "#/components/schemas/PageLinks",
            "description": "Links to neighbouring pages."
          }
        },
        "required": [
          "_embedded",
          "_links"
        ]
      },
      "EventsPage": {
        "type": "object",
        "description": "A page of stored events. Both top-level keys are required, even when the list is empty. With\n`filter_group_type=ChatEvents` only `RestEvent` types appear; without it, any `StoredEvent`.\n",
        "properties": {
          "page_size": {
            "type": "integer",
            "description": "Page size that was applied. Informational."
          },
          "_embedded": {
            "type": "object",
            "description": "The items of the page.",
            "properties": {
              "events": {
                "type": "array",
                "description": "Events in the requested order.",
                "items": {
                  "$ref": "#/components/schemas/StoredEvent"
                }
              }
            },
            "required": [
              "events"
            ]
          },
          "_links": {
            "$ref": "#/components/schemas/PageLinks",
            "description": "Links to neighbouring pages."
          }
        },
        "required": [
          "_embedded",
          "_links"
        ]
      },
      "LegsPage": {
        "type": "object",
        "description": "A page of call legs. Both top-level keys are required, even when the list is empty.",
        "properties": {
          "page_size": {
            "type": "integer",
            "description": "Page size that was applied. Informational."
          },
          "_embedded": {
            "type": "object",
            "description": "The items of the page.",
            "properties": {
              "legs": {
                "type": "array",
                "description": "Legs in the requested order.",
                "items": {
                  "$ref": "#/components/schemas/Leg"
                }
              }
            },
            "required": [
              "legs"
            ]
          },
          "_links": {
            "$ref": "#/components/schemas/PageLinks",
            "description": "Links to neighbouring pages."
          }
        },
        "required": [
          "_embedded",
          "_links"
        ]
      },
      "ConversationState": {
        "type": "string",
        "description": "Life-cycle state of a conversation. Upper case, matched exactly.",
        "enum": [
          "ACTIVE",
          "INACTIVE",
          "DELETED"
        ]
      },
      "ConversationProperties": {
        "type": "object",
        "description": "Optional settings and application data of a conversation.",
        "properties": {
          "ttl": {
            "type": "integer",
            "minimum": 0,
            "maximum": 2147483647,
            "description": "Seconds an empty conversation is kept before it is removed; 0 means it is kept indefinitely."
          },
          "custom_sort_key": {
            "type": "string",
            "description": "Application-chosen key for `order_by=custom_sort_key`."
          },
          "custom_data": {
            "type": "object",
            "additionalProperties": true,
            "description": "Free JSON object stored for the application. Must be an object, never a string."
          }
        }
      },
      "Conversation": {
        "type": "object",
        "description": "A conversation as read by `getConversation`, `updateConversation` and in conversation pages.\n`id`, `name` and `timestamp` are required (`timestamp` may be `{}`).\n",
        "properties": {
          "id": {
            "type": "string",
            "description": "Conversation id."
          },
          "name": {
            "type": "string",
            "description": "Unique name within the application."
          },
          "display_name": {
            "type": "string",
            "description": "Name meant for people."
          },
          "image_url": {
            "type": "string",
            "description": "URL of an image representing the conversation."
          },
          "state": {
            "$ref": "#/components/schemas/ConversationState",
            "description": "Life-cycle state."
          },
          "timestamp": {
            "$ref": "#/components/schemas/Timestamps",
            "description": "Creation, update and deletion times."
          },
          "properties": {
            "$ref": "#/components/schemas/ConversationProperties",
            "description": "Settings and application data."
          },
          "_embedded": {
            "type": "object",
            "description": "Data about the caller, present when the caller is a member.",
            "properties": {
              "member": {
                "$ref": "#/components/schemas/OwnMembership",
                "description": "The caller's membership in this conversation."
              }
            },
            "required": [
              "member"
            ]
          },
          "media_state": {
            "$ref": "#/components/schemas/MediaState",
            "description": "Media state of the call held in this conversation; required for `getCallLegs` to work."
          }
        },
        "required": [
          "id",
          "name",
          "timestamp"
        ]
      },
      "OwnMembership": {
        "type": "object",
        "description": "The caller's own membership, embedded in a conversation.",
        "properties": {
          "id": {
            "type": "string",
            "description": "Member id."
          },
          "state": {
            "$ref": "#/components/schemas/MemberState",
            "description": "State of the membership."
          }
        },
        "required": [
          "id",
          "state"
        ]
      },
      "CreatedConversation": {
        "type": "object",
        "description": "Answer of `createConversation`. The official client needs `id`, `name` and `state`; the\nreference server also sends the remaining conversation fields.\n",
        "properties": {
          "id": {
            "type": "string",
            "description": "Id of the new conversation."
          },
          "name": {
            "type": "string",
            "description": "Its name, generated by the server when none was given."
          },
          "state": {
            "$ref": "#/components/schemas/ConversationState",
            "description": "Life-cycle state, `ACTIVE` for a new conversation."
          },
          "display_name": {
            "type": "string",
            "description": "Name meant for people."
          },
          "image_url": {
            "type": "string",
            "description": "URL of an image representing the conversation."
          },
          "timestamp": {
            "$ref": "#/components/schemas/Timestamps",
            "description": "Creation time."
          },
          "properties": {
            "$ref": "#/components/schemas/ConversationProperties",
            "description": "Settings and application data as stored."
          }
        },
        "required": [
          "id",
          "name",
          "state"
        ]
      },
      "CreateConversationRequest": {
        "type": "object",
        "description": "Body of `createConversation`. All keys are optional; absent keys are simply not set. Unknown keys\nare ignored.\n",
        "properties": {
          "name": {
            "type": "string",
            "minLength": 1,
            "maxLength": 100,
            "description": "Unique name within the application; generated when absent."
          },
          "display_name": {
            "type": "string",
            "maxLength": 50,
            "description": "Name meant for people."
          },
          "image_url": {
            "type": "string",
            "maxLength": 2048,
            "description": "URL of an image representing the conversation."
          },
          "properties": {
            "$ref": "#/components/schemas/ConversationProperties",
            "description": "Settings and application data."
          }
        }
      },
      "UpdateConversationRequest": {
        "type": "object",
        "description": "Body of `updateConversation`. For every key: absent keeps the stored value, a value replaces\nit, JSON `null` clears it. `name` can be changed but not cleared. Unknown keys are ignored.\n",
        "properties": {
          "name": {
            "type": "string",
            "minLength": 1,
            "maxLength": 100,
            "description": "New unique name. Cannot be `null`."
          },
          "display_name": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 50,
            "description": "New name meant for people, or `null` to remove it."
          },
          "image_url": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 2048,
            "description": "New image URL, or `null` to remove it."
          },
          "properties": {
            "description": "Changes to the settings, or `null` to clear both `custom_sort_key` and `custom_data` at once\n(`ttl` is then kept).\n",
            "anyOf": [
              {
                "$ref": "#/components/schemas/ConversationPropertiesUpdate"
              },
              {
                "type": "null"
              }
            ]
          }
        }
      },
      "ConversationPropertiesUpdate": {
        "type": "object",
        "description": "Per-key changes to `ConversationProperties`, with the same absent / value / `null` rules.",
        "properties": {
          "ttl": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 0,
            "maximum": 2147483647,
            "description": "New time-to-live in seconds; `0` or `null` removes it."
          },
          "custom_sort_key": {
            "type": [
              "string",
              "null"
            ],
            "description": "New sort key, or `null` to remove it."
          },
          "custom_data": {
            "type": [
              "object",
              "null"
            ],
            "additionalProperties": true,
            "description": "Replacement custom data (the whole object is replaced), or `null` to remove it."
          }
        }
      },
      "User": {
        "type": "object",
        "description": "A user of the application. Only `id` and `name` are required, also inside events.",
        "properties": {
          "id": {
            "type": "string",
            "description": "User id."
          },
          "name": {
            "type": "string",
            "description": "Unique user name; the `sub` claim of the user's tokens."
          },
          "display_name": {
            "type": "string",
            "description": "Name meant for people."
          },
          "image_url": {
            "type": "string",
            "description": "URL of the user's picture."
          },
          "channels": {
            "$ref": "#/components/schemas/UserChannels",
            "description": "Ways the user can be reached."
          },
          "timestamp": {
            "$ref": "#/components/schemas/Timestamps",
            "description": "Creation, update and deletion times."
          },
          "properties": {
            "type": "object",
            "description": "Application data of the user.",
            "properties": {
              "custom_data": {
                "type": "object",
                "additionalProperties": true,
                "description": "Free JSON object stored for the application."
              }
            }
          }
        },
        "required": [
          "id",
          "name"
        ]
      },
      "UserChannels": {
        "type": "object",
        "description": "Contact points of a user, grouped by channel kind.",
        "properties": {
          "app": {
            "type": "array",
            "description": "In-app (client SDK) endpoints.",
            "items": {
              "$ref": "#/components/schemas/Endpoint"
            }
          },
          "phone": {
            "type": "array",
            "description": "Phone endpoints.",
            "items": {
              "$ref": "#/components/schemas/Endpoint"
            }
          },
          "pstn": {
            "type": "array",
            "description": "PSTN numbers.",
            "items": {
              "$ref": "#/components/schemas/Endpoint"
            }
          },
          "sip": {
            "type": "array",
            "description": "SIP endpoints.",
            "items": {
              "$ref": "#/components/schemas/Endpoint"
            }
          },
          "vbc": {
            "type": "array",
            "description": "Vonage Business Communications extensions.",
            "items": {
              "$ref": "#/components/schemas/Endpoint"
            }
          },
          "websocket": {
            "type": "array",
            "description": "Websocket endpoints.",
            "items": {
              "$ref": "#/components/schemas/Endpoint"
            }
          },
          "sms": {
            "type": "array",
            "description": "SMS numbers.",
            "items": {
              "$ref": "#/components/schemas/Endpoint"
            }
          },
          "mms": {
            "type": "array",
            "description": "MMS numbers.",
            "items": {
              "$ref": "#/components/schemas/Endpoint"
            }
          },
          "whatsapp": {
            "type": "array",
            "description": "WhatsApp numbers.",
            "items": {
              "$ref": "#/components/schemas/Endpoint"
            }
          },
          "viber": {
            "type": "array",
            "description": "Viber accounts.",
            "items": {
              "$ref": "#/components/schemas/Endpoint"
            }
          },
          "messenger": {
            "type": "array",
            "description": "Facebook Messenger accounts.",
            "items": {
              "$ref": "#/components/schemas/Endpoint"
            }
          }
        }
      },
      "MemberState": {
        "type": "string",
        "description": "State of a membership in responses. Upper case, matched exactly (requests use lower case).",
        "enum": [
          "INVITED",
          "JOINED",
          "LEFT",
          "UNKNOWN"
        ]
      },
      "Member": {
        "type": "object",
        "description": "A user's membership in a conversation. `id` and `state` are required.",
        "properties": {
          "id": {
            "type": "string",
            "description": "Member id."
          },
          "state": {
            "$ref": "#/components/schemas/MemberState",
            "description": "Current state."
          },
          "_embedded": {
            "type": "object",
            "description": "The user behind the membership.",
            "properties": {
              "user": {
                "$ref": "#/components/schemas/User",
                "description": "The member's user."
              }
            },
            "required": [
              "user"
            ]
          },
          "channel": {
            "$ref": "#/components/schemas/Channel",
            "description": "How the member is connected."
          },
          "timestamp": {
            "$ref": "#/components/schemas/MemberTimestamps",
            "description": "When the member reached each state."
          }
        },
        "required": [
          "id",
          "state"
        ]
      },
      "MemberRef": {
        "type": "object",
        "description": "Identifies a membership that was created or changed.",
        "properties": {
          "id": {
            "type": "string",
            "description": "Member id."
          }
        },
        "required": [
          "id"
        ]
      },
      "CreateMemberRequest": {
        "description": "Body of `createMember`: either an invitation (`state: \"invited\"`) or a join by the caller\n(`state: \"joined\"`). Note the lower-case states, unlike responses.\n",
        "oneOf": [
          {
            "$ref": "#/components/schemas/InviteMemberRequest"
          },
          {
            "$ref": "#/components/schemas/JoinMemberRequest"
          }
        ],
        "discriminator": {
          "propertyName": "state",
          "mapping": {
            "invited": "#/components/schemas/InviteMemberRequest",
            "joined": "#/components/schemas/JoinMemberRequest"
          }
        }
      },
      "InviteMemberRequest": {
        "type": "object",
        "description": "Invites the user named in `user.name`. The server pushes `member:invited`.",
        "properties": {
          "state": {
            "type": "string",
            "const": "invited",
            "description": "Selects an invitation."
          },
          "user": {
            "type": "object",
            "description": "The user to invite.",
            "properties": {
              "name": {
                "type": "string",
                "minLength": 1,
                "description": "Name of the invited user."
              },
              "id": {
                "type": "string",
                "description": "Id of the invited user, if the caller knows it; the user is identified by `name`."
              }
            },
            "required": [
              "name"
            ]
          },
          "channel": {
            "$ref": "#/components/schemas/Channel",
            "description": "Channel of the invitation; the official client sends `app` with `app` endpoints. Defaults to `app`."
          },
          "originating_session": {
            "type": "string",
            "description": "Session id of the caller, from `session:success`."
          }
        },
        "required": [
          "state",
          "user"
        ]
      },
      "JoinMemberRequest": {
        "type": "object",
        "description": "Makes the calling user a joined member. The server pushes `member:joined`.",
        "properties": {
          "state": {
            "type": "string",
            "const": "joined",
            "description": "Selects a join."
          },
          "user": {
            "$ref": "#/components/schemas/JoiningUser",
            "description": "The joining user, which must be the user of the token."
          },
          "channel": {
            "$ref": "#/components/schemas/Channel",
            "description": "Channel of the new member; the official client sends `{\"type\": \"app\"}`. Defaults to `app`."
          },
          "originating_session": {
            "type": "string",
            "description": "Session id of the caller, from `session:success`."
          }
        },
        "required": [
          "state",
          "user"
        ]
      },
      "JoiningUser": {
        "description": "Identifies the user joining a conversation by id, by name, or both (the official client sends\nboth, from `session:success`).\n",
        "anyOf": [
          {
            "type": "object",
            "description": "Identified by id.",
            "properties": {
              "id": {
                "type": "string",
                "minLength": 1,
                "description": "User id."
              },
              "name": {
                "type": "string",
                "minLength": 1,
                "description": "User name."
              }
            },
            "required": [
              "id"
            ]
          },
          {
            "type": "object",
            "description": "Identified by name.",
            "properties": {
              "id": {
                "type": "string",
                "minLength": 1,
                "description": "User id."
              },
              "name": {
                "type": "string",
                "minLength": 1,
                "description": "User name."
              }
            },
            "required": [
              "name"
            ]
          }
        ]
      },
      "UpdateMemberRequest": {
        "type": "object",
        "description": "Body of `updateMember`. Only the move from invited to joined is defined.",
        "properties": {
          "state": {
            "type": "string",
            "const": "joined",
            "description": "New state (lower case)."
          },
          "channel": {
            "$ref": "#/components/schemas/Channel",
            "description": "Channel the member joins with; the official client sends `{\"type\": \"app\"}`."
          },
          "from": {
            "type": "string",
            "description": "Member id of the caller, here the invited member itself."
          },
          "originating_session": {
            "type": "string",
            "description": "Session id of the caller, from `session:success`."
          }
        },
        "required": [
          "state"
        ]
      },
      "Leg": {
        "type": "object",
        "description": "One call leg. All keys except `media_state` are required by the official client.\n",
        "properties": {
          "id": {
            "type": "string",
            "description": "Leg id."
          },
          "conversation_id": {
            "type": "string",
            "description": "Conversation that holds the call."
          },
          "status": {
            "type": "string",
            "description": "Current status of the leg, for example `ringing`, `answered` or `completed`."
          },
          "start_time": {
            "type": "string",
            "description": "When the leg started (ISO 8601)."
          },
          "end_time": {
            "type": "string",
            "description": "When the leg ended (ISO 8601). The key must be present; the reference server sends an empty\nstring while the leg is still up.\n"
          },
          "direction": {
            "type": "string",
            "description": "`inbound` for legs that called in to the application, `outbound` for legs it placed.",
            "examples": [
              "inbound",
              "outbound"
            ]
          },
          "type": {
            "type": "string",
            "description": "Kind of leg, for example `app` or `phone`."
          },
          "from": {
            "$ref": "#/components/schemas/Endpoint",
            "description": "The calling side."
          },
          "to": {
            "$ref": "#/components/schemas/Endpoint",
            "description": "The called side."
          },
          "media_state": {
            "$ref": "#/components/schemas/MediaState",
            "description": "Media state of this leg."
          }
        },
        "required": [
          "id",
          "conversation_id",
          "status",
          "start_time",
          "end_time",
          "direction",
          "type",
          "from",
          "to"
        ]
      },
      "CreateLegRequest": {
        "type": "object",
        "description": "Body of `createLeg`, carrying the caller's SDP offer.",
        "properties": {
          "originating_session": {
            "type": "string",
            "description": "Session id of the caller, from `session:success`."
          },
          "body": {
            "type": "object",
            "description": "Media negotiation data.",
            "properties": {
              "offer": {
                "$ref": "#/components/schemas/SdpOffer",
                "description": "The caller's offer."
              }
            },
            "required": [
              "offer"
            ]
          }
        },
        "required": [
          "body"
        ]
      },
      "SdpOffer": {
        "type": "object",
        "description": "A WebRTC session description of type offer.",
        "properties": {
          "type": {
            "type": "string",
            "const": "offer",
            "description": "Always `offer`; the official client sends it when creating a leg and omits it when renegotiating."
          },
          "sdp": {
            "type": "string",
            "minLength": 1,
            "description": "The SDP text."
          }
        },
        "required": [
          "sdp"
        ]
      },
      "LegCreated": {
        "type": "object",
        "description": "Answer of `createLeg`. Both keys are required.",
        "properties": {
          "rtc_id": {
            "type": "string",
            "description": "Id of the new leg; it becomes the call id."
          },
          "sdp": {
            "type": "string",
            "description": "The server's SDP answer, applied by the client as the remote description."
          }
        },
        "required": [
          "rtc_id",
          "sdp"
        ]
      },
      "CreateKnockingRequest": {
        "type": "object",
        "description": "Body of `createKnocking`.",
        "properties": {
          "originating_session": {
            "type": "string",
            "description": "Session id of the caller, from `session:success`."
          },
          "channel": {
            "$ref": "#/components/schemas/KnockingChannel",
            "description": "Which leg to connect, and to where."
          },
          "properties": {
            "type": "object",
            "description": "Extra data for the call.",
            "properties": {
              "custom_data": {
                "type": "object",
                "additionalProperties": true,
                "description": "The context object the application passed to `serverCall`, or `{}`."
              }
            }
          }
        },
        "required": [
          "channel"
        ]
      },
      "KnockingChannel": {
        "type": "object",
        "description": "The leg to connect and the endpoints of the call.",
        "properties": {
          "type": {
            "$ref": "#/components/schemas/ChannelType",
            "description": "Channel kind of the caller, `app` for client SDK calls."
          },
          "id": {
            "type": "string",
            "minLength": 1,
            "description": "The `rtc_id` returned by `createLeg`."
          },
          "from": {
            "$ref": "#/components/schemas/Endpoint",
            "description": "The caller, `{\"type\": \"app\", \"user\": \"<user name>\"}`."
          },
          "to": {
            "$ref": "#/components/schemas/Endpoint",
            "description": "The destination. The official client always sends `{\"type\": \"phone\", \"number\": <context.to or\n\"\">}`, even when the target is an app user name.\n"
          }
        },
        "required": [
          "type",
          "id"
        ]
      },
      "KnockingRef": {
        "type": "object",
        "description": "Answer of `createKnocking`.",
        "properties": {
          "id": {
            "type": "string",
            "description": "Knocking id, usable with `deleteKnocking`."
          }
        },
        "required": [
          "id"
        ]
      },
      "RtcAnswerRequest": {
        "type": "object",
        "description": "Body of `sendRtcAnswer`.",
        "properties": {
          "originating_session": {
            "type": "string",
            "description": "Session id of the caller, from `session:success`."
          },
          "from": {
            "type": "string",
            "description": "Member id of the answering (previously invited) member."
          },
          "body": {
            "type": "object",
            "description": "Media negotiation data.",
            "properties": {
              "answer": {
                "type": "string",
                "minLength": 1,
                "description": "The callee's SDP answer text."
              }
            },
            "required": [
              "answer"
            ]
          }
        },
        "required": [
          "body"
        ]
      },
      "RtcOfferRequest": {
        "type": "object",
        "description": "Body of `sendRtcOffer`.",
        "properties": {
          "originating_session": {
            "type": "string",
            "description": "Session id of the caller, from `session:success`."
          },
          "from": {
            "type": "string",
            "description": "Member id of the caller's member in the call conversation."
          },
          "body": {
            "type": "object",
            "description": "Media negotiation data.",
            "properties": {
              "offer": {
                "$ref": "#/components/schemas/SdpOffer",
                "description": "The new offer."
              }
            },
            "required": [
              "offer"
            ]
          }
        },
        "required": [
          "body"
        ]
      },
      "RtcRef": {
        "type": "object",
        "description": "Acknowledges an SDP answer or offer.",
        "properties": {
          "id": {
            "type": "string",
            "description": "Identifier the server assigned to the negotiation step; clients only check that it is present."
          }
        },
        "required": [
          "id"
        ]
      },
      "MetricsRequest": {
        "type": "object",
        "description": "Body of `reportMetrics`.",
        "properties": {
          "body": {
            "type": "object",
            "description": "The report.",
            "properties": {
              "sessionId": {
                "type": "string",
                "description": "Session id of the reporting client (note the camel case)."
              },
              "metrics": {
                "type": "array",
                "description": "Measurements.",
                "items": {
                  "$ref": "#/components/schemas/Metric"
                }
              }
            },
            "required": [
              "sessionId",
              "metrics"
            ]
          }
        },
        "required": [
          "body"
        ]
      },
      "Metric": {
        "type": "object",
        "description": "One measurement.",
        "properties": {
          "name": {
            "type": "string",
            "description": "What was measured; the official client reports `TIME_TO_RECONNECT_SUCCESS`.",
            "examples": [
              "TIME_TO_RECONNECT_SUCCESS"
            ]
          },
          "time": {
            "type": "integer",
            "minimum": 0,
            "description": "Measured duration, apparently in milliseconds from the successful attempt's start to the connection."
          },
          "attempt": {
            "type": "integer",
            "minimum": 0,
            "description": "Number of the reconnection attempt that succeeded."
          }
        },
        "required": [
          "name",
          "time"
        ]
      },
      "MessageBody": {
        "description": "Body of a `message` event. `message_type` selects the shape and is required in every variant,\ntogether with the key named after it (`text`, `custom`, `image`, ...). A deleted message keeps\nthat key (for text an empty string is fine) and has `timestamp.deleted` set. An unknown\n`message_type` makes the official client fail the whole events page it appears in.\n",
        "oneOf": [
          {
            "$ref": "#/components/schemas/MessageTextBody"
          },
          {
            "$ref": "#/components/schemas/MessageCustomBody"
          },
          {
            "$ref": "#/components/schemas/MessageImageBody"
          },
          {
            "$ref": "#/components/schemas/MessageVideoBody"
          },
          {
            "$ref": "#/components/schemas/MessageAudioBody"
          },
          {
            "$ref": "#/components/schemas/MessageFileBody"
          },
          {
            "$ref": "#/components/schemas/MessageVcardBody"
          },
          {
            "$ref": "#/components/schemas/MessageLocationBody"
          },
          {
            "$ref": "#/components/schemas/MessageTemplateBody"
          }
        ],
        "discriminator": {
          "propertyName": "message_type",
          "mapping": {
            "text": "#/components/schemas/MessageTextBody",
            "custom": "#/components/schemas/MessageCustomBody",
            "image": "#/components/schemas/MessageImageBody",
            "video": "#/components/schemas/MessageVideoBody",
            "audio": "#/components/schemas/MessageAudioBody",
            "file": "#/components/schemas/MessageFileBody",
            "vcard": "#/components/schemas/MessageVcardBody",
            "location": "#/components/schemas/MessageLocationBody",
            "template": "#/components/schemas/MessageTemplateBody"
          }
        }
      },
      "MessageTimestamps": {
        "type": "object",
        "description": "Server-kept times of a message, found next to `message_type` in stored messages.",
        "properties": {
          "created": {
            "type": "string",
            "format": "date-time",
            "description": "When the message was sent."
          },
          "updated": {
            "type": "string",
            "format": "date-time",
            "description": "When the message was last changed."
          },
          "deleted": {
            "type": "string",
            "format": "date-time",
            "description": "When the message was deleted; its presence marks the message as deleted."
          }
        }
      },
      "MediaLink": {
        "type": "object",
        "description": "Location of an attached file.",
        "properties": {
          "url": {
            "type": "string",
            "minLength": 1,
            "description": "Absolute URL of the file."
          }
        },
        "required": [
          "url"
        ]
      },
      "MessageTextBody": {
        "type": "object",
        "description": "A plain text message.",
        "properties": {
          "message_type": {
            "type": "string",
            "const": "text",
            "description": "Selects a text message."
          },
          "text": {
            "type": "string",
            "description": "The text. Any characters are allowed; an empty string only appears in deleted messages."
          },
          "timestamp": {
            "$ref": "#/components/schemas/MessageTimestamps",
            "description": "Server-kept times."
          }
        },
        "required": [
          "message_type",
          "text"
        ]
      },
      "MessageCustomBody": {
        "type": "object",
        "description": "A message whose content is an application-defined JSON object.",
        "properties": {
          "message_type": {
            "type": "string",
            "const": "custom",
            "description": "Selects a custom message."
          },
          "custom": {
            "type": "object",
            "additionalProperties": true,
            "description": "The application's object."
          },
          "timestamp": {
            "$ref": "#/components/schemas/MessageTimestamps",
            "description": "Server-kept times."
          }
        },
        "required": [
          "message_type",
          "custom"
        ]
      },
      "MessageImageBody": {
        "type": "object",
        "description": "A message pointing at an image.",
        "properties": {
          "message_type": {
            "type": "string",
            "const": "image",
            "description": "Selects an image message."
          },
          "image": {
            "$ref": "#/components/schemas/MediaLink",
            "description": "The image."
          },
          "timestamp": {
            "$ref": "#/components/schemas/MessageTimestamps",
            "description": "Server-kept times."
          }
        },
        "required": [
          "message_type",
          "image"
        ]
      },
      "MessageVideoBody": {
        "type": "object",
        "description": "A message pointing at a video.",
        "properties": {
          "message_type": {
            "type": "string",
            "const": "video",
            "description": "Selects a video message."
          },
          "video": {
            "$ref": "#/components/schemas/MediaLink",
            "description": "The video."
          },
          "timestamp": {
            "$ref": "#/components/schemas/MessageTimestamps",
            "description": "Server-kept times."
          }
        },
        "required": [
          "message_type",
          "video"
        ]
      },
      "MessageAudioBody": {
        "type": "object",
        "description": "A message pointing at an audio file.",
        "properties": {
          "message_type": {
            "type": "string",
            "const": "audio",
            "description": "Selects an audio message."
          },
          "audio": {
            "$ref": "#/components/schemas/MediaLink",
            "description": "The audio file."
          },
          "timestamp": {
            "$ref": "#/components/schemas/MessageTimestamps",
            "description": "Server-kept times."
          }
        },
        "required": [
          "message_type",
          "audio"
        ]
      },
      "MessageFileBody": {
        "type": "object",
        "description": "A message pointing at a file of any kind.",
        "properties": {
          "message_type": {
            "type": "string",
            "const": "file",
            "description": "Selects a file message."
          },
          "file": {
            "$ref": "#/components/schemas/MediaLink",
            "description": "The file."
          },
          "timestamp": {
            "$ref": "#/components/schemas/MessageTimestamps",
            "description": "Server-kept times."
          }
        },
        "required": [
          "message_type",
          "file"
        ]
      },
      "MessageVcardBody": {
        "type": "object",
        "description": "A message pointing at a vCard contact file.",
        "properties": {
          "message_type": {
            "type": "string",
            "const": "vcard",
            "description": "Selects a vCard message."
          },
          "vcard": {
            "$ref": "#/components/schemas/MediaLink",
            "description": "The vCard file."
          },
          "timestamp": {
            "$ref": "#/components/schemas/MessageTimestamps",
            "description": "Server-kept times."
          }
        },
        "required": [
          "message_type",
          "vcard"
        ]
      },
      "MessageLocationBody": {
        "type": "object",
        "description": "A message sharing a place.",
        "properties": {
          "message_type": {
            "type": "string",
            "const": "location",
            "description": "Selects a location message."
          },
          "location": {
            "$ref": "#/components/schemas/Location",
            "description": "The place."
          },
          "timestamp": {
            "$ref": "#/components/schemas/MessageTimestamps",
            "description": "Server-kept times."
          }
        },
        "required": [
          "message_type",
          "location"
        ]
      },
      "Location": {
        "type": "object",
        "description": "A geographic position. Coordinates travel as decimal **strings** (for example `\"51.5072\"`), which\nis what the official client sends and the only form it can read back; Parley clients convert\nnumbers to strings before sending. `name` and `address` are optional here, although the official\nclient refuses to send a location without them.\n",
        "properties": {
          "latitude": {
            "$ref": "#/components/schemas/Coordinate",
            "description": "Latitude in decimal degrees, north positive."
          },
          "longitude": {
            "$ref": "#/components/schemas/Coordinate",
            "description": "Longitude in decimal degrees, east positive."
          },
          "name": {
            "type": "string",
            "description": "Name of the place."
          },
          "address": {
            "type": "string",
            "description": "Postal address of the place."
          }
        },
        "required": [
          "latitude",
          "longitude"
        ]
      },
      "Coordinate": {
        "type": "string",
        "description": "A decimal number written as a string, optionally signed, without exponent.",
        "pattern": "^[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)$",
        "examples": [
          "51.5072",
          "-0.1276"
        ]
      },
      "MessageTemplateBody": {
        "type": "object",
        "description": "A message built from a pre-approved template (used for WhatsApp).",
        "properties": {
          "message_type": {
            "type": "string",
            "const": "template",
            "description": "Selects a template message."
          },
          "template": {
            "type": "object",
            "description": "The template and its values.",
            "properties": {
              "name": {
                "type": "string",
                "minLength": 1,
                "description": "Name of the template."
              },
              "parameters": {
                "type": "array",
                "description": "Values for the template's placeholders, in order.",
                "items": {
                  "type": "string",
                  "description": "One placeholder value."
                }
              }
            },
            "required": [
              "name"
            ]
          },
          "whatsapp": {
            "type": "object",
            "description": "WhatsApp delivery settings; a sibling of `template`, not nested in it.",
            "properties": {
              "policy": {
                "type": "string",
                "description": "How the template language is chosen, for example `deterministic` or `fallback`."
              },
              "locale": {
                "type": "string",
                "description": "Template language, for example `en_GB`."
              }
            }
          },
          "timestamp": {
            "$ref": "#/components/schemas/MessageTimestamps",
            "description": "Server-kept times."
          }
        },
        "required": [
          "message_type",
          "template"
        ]
      },
      "MessageState": {
        "type": "object",
        "description": "Delivery state of a stored message per member, only in events pages. Each map goes from member\nid to the time that member reached the state. The official client derives each member's current\nstate from the latest of these times.\n",
        "properties": {
          "seen_by": {
            "$ref": "#/components/schemas/MemberTimeMap",
            "description": "Members who have seen the message."
          },
          "delivered_to": {
            "$ref": "#/components/schemas/MemberTimeMap",
            "description": "Members whose client received the message."
          },
          "submitted_to": {
            "$ref": "#/components/schemas/MemberTimeMap",
            "description": "Members for whom the message was handed to an outside channel."
          },
          "rejected_by": {
            "$ref": "#/components/schemas/MemberTimeMap",
            "description": "Members for whom an outside channel refused the message."
          },
          "undeliverable_to": {
            "$ref": "#/components/schemas/MemberTimeMap",
            "description": "Members who could not be reached."
          }
        }
      },
      "MemberTimeMap": {
        "type": "object",
        "description": "Map from member id to an ISO 8601 time.",
        "additionalProperties": {
          "type": "string",
          "format": "date-time",
          "description": "When the member reached the state."
        }
      },
      "EventRefBody": {
        "type": "object",
        "description": "Body naming another event, used by `event:delete` and by the receipt events.",
        "properties": {
          "event_id": {
            "type": "integer",
            "minimum": 1,
            "description": "Id of the event this one refers to (the deleted or acknowledged event)."
          }
        },
        "required": [
          "event_id"
        ]
      },
      "RtcIdBody": {
        "type": "object",
        "description": "Body of the mute and earmuff events.",
        "properties": {
          "rtc_id": {
            "type": "string",
            "minLength": 1,
            "description": "Leg the change applies to."
          }
        },
        "required": [
          "rtc_id"
        ]
      },
      "DtmfBody": {
        "type": "object",
        "description": "Body of `audio:dtmf`.",
        "properties": {
          "digit": {
            "type": "string",
            "pattern": "^[0-9A-Da-d*#pP]+$",
            "description": "All keys pressed, in order (digits, `*`, `#`, the letters `A` to `D`, and `p` for a pause). Despite the name it may hold several keys."
          },
          "channel": {
            "$ref": "#/components/schemas/Channel",
            "description": "Leg the tones belong to (`id` = leg id)."
          }
        },
        "required": [
          "digit",
          "channel"
        ]
      },
      "AudioSayRequestBody": {
        "type": "object",
        "description": "Text-to-speech request. The official client always sends every key; only `text` is needed.",
        "properties": {
          "text": {
            "type": "string",
            "minLength": 1,
            "description": "What to say, plain text or SSML."
          },
          "level": {
            "type": "number",
            "minimum": -1,
            "maximum": 1,
            "description": "Volume from -1 to 1; the official client sends whole numbers only (default 1).",
            "default": 1
          },
          "loop": {
            "type": "integer",
            "minimum": 0,
            "description": "How many times to repeat; 0 repeats until stopped.",
            "default": 1
          },
          "queue": {
            "type": "boolean",
            "description": "Wait for speech already playing instead of interrupting it.",
            "default": true
          },
          "voice_name": {
            "type": "string",
            "description": "Voice to use.",
            "default": "amy"
          },
          "ssml": {
            "type": "boolean",
            "description": "Whether `text` is SSML.",
            "default": true
          }
        },
        "required": [
          "text"
        ]
      },
      "AudioSayEventBody": {
        "type": "object",
        "description": "Body of a pushed `audio:say` event.",
        "properties": {
          "say_id": {
            "type": "string",
            "description": "Id of this text-to-speech playback, repeated in `audio:say:done`."
          },
          "text": {
            "type": "string",
            "description": "What is being said."
          },
          "level": {
            "type": "number",
            "description": "Volume from -1 to 1."
          },
          "loop": {
            "type": "integer",
            "description": "Number of repetitions; 0 means until stopped."
          },
          "queue": {
            "type": "boolean",
            "description": "Whether it waited for earlier speech."
          },
          "voice_name": {
            "type": "string",
            "description": "Voice used."
          },
          "ssml": {
            "type": "boolean",
            "description": "Whether `text` is SSML."
          }
        },
        "required": [
          "say_id"
        ]
      },
      "AudioSayDoneBody": {
        "type": "object",
        "description": "Body of `audio:say:done`.",
        "properties": {
          "say_id": {
            "type": "string",
            "description": "Id of the playback that finished."
          }
        },
        "required": [
          "say_id"
        ]
      },
      "ConversationSummary": {
        "type": "object",
        "description": "Short description of the conversation a `member:invited` event invites to.",
        "properties": {
          "conversation_id": {
            "type": "string",
            "description": "Conversation id."
          },
          "name": {
            "type": "string",
            "description": "Conversation name."
          },
          "display_name": {
            "type": "string",
            "description": "Name meant for people."
          }
        },
        "required": [
          "conversation_id",
          "name"
        ]
      },
      "AudioSettings": {
        "type": "object",
        "description": "Audio state of a member.",
        "properties": {
          "enabled": {
            "type": "boolean",
            "description": "Audio is on for the member; `true` on the invitation of an incoming call."
          },
          "earmuffed": {
            "type": "boolean",
            "description": "The member cannot hear the others."
          },
          "muted": {
            "type": "boolean",
            "description": "The member cannot be heard."
          }
        },
        "required": [
          "enabled"
        ]
      },
      "MemberMedia": {
        "type": "object",
        "description": "Media state of a member. `audio_settings` must be present but may be `null`.",
        "properties": {
          "audio_settings": {
            "description": "Audio state, or `null` when the member has no audio.",
            "anyOf": [
              {
                "$ref": "#/components/schemas/AudioSettings"
              },
              {
                "type": "null"
              }
            ]
          }
        },
        "required": [
          "audio_settings"
        ]
      },
      "MemberLeftReason": {
        "type": "object",
        "description": "Why a member left.",
        "properties": {
          "code": {
            "type": "string",
            "description": "Machine-readable reason, for example `REMOTE_REJECT`, `remote_no_answer` or `LOCAL_HANGUP`."
          },
          "text": {
            "type": "string",
            "description": "Human-readable reason."
          }
        }
      },
      "MemberInvitedBody": {
        "type": "object",
        "description": "Body of `member:invited`. For an incoming call it also carries `sdp` (the caller's offer),\n`channel.id` (the call id), `channel.from` (the caller) and `media.audio_settings.enabled: true`,\nand `user` is the callee.\n",
        "properties": {
          "conversation": {
            "$ref": "#/components/schemas/ConversationSummary",
            "description": "The conversation the user is invited to."
          },
          "member_id": {
            "type": "string",
            "description": "Id of the invited membership."
          },
          "user": {
            "$ref": "#/components/schemas/User",
            "description": "The invited user."
          },
          "media": {
            "$ref": "#/components/schemas/MemberMedia",
            "description": "Media state of the invitation."
          },
          "channel": {
            "$ref": "#/components/schemas/Channel",
            "description": "Channel of the invitation."
          },
          "invited_by": {
            "type": "string",
            "description": "Who sent the invitation. Informational."
          },
          "sdp": {
            "type": "string",
            "description": "SDP offer of an incoming call."
          }
        },
        "required": [
          "conversation",
          "member_id",
          "user",
          "media",
          "channel"
        ]
      },
      "MemberJoinedBody": {
        "type": "object",
        "description": "Body of `member:joined`. For calls `channel.id` is the leg id; the push for the caller's own\nmember is what completes an outbound call.\n",
        "properties": {
          "member_id": {
            "type": "string",
            "description": "Id of the membership."
          },
          "user": {
            "$ref": "#/components/schemas/User",
            "description": "The member's user."
          },
          "channel": {
            "$ref": "#/components/schemas/Channel",
            "description": "How the member is connected."
          }
        },
        "required": [
          "member_id",
          "user",
          "channel"
        ]
      },
      "MemberLeftBody": {
        "type": "object",
        "description": "Body of `member:left`. For calls `channel.id` is the leg id.",
        "properties": {
          "member_id": {
            "type": "string",
            "description": "Id of the membership."
          },
          "user": {
            "$ref": "#/components/schemas/User",
            "description": "The member's user."
          },
          "channel": {
            "$ref": "#/components/schemas/Channel",
            "description": "How the member was connected."
          },
          "reason": {
            "$ref": "#/components/schemas/MemberLeftReason",
            "description": "Why the member left, from `reason_code` and `reason_text` of `deleteMember` or from the call flow."
          }
        },
        "required": [
          "member_id",
          "user",
          "channel"
        ]
      },
      "MemberMediaBody": {
        "type": "object",
        "description": "Body of `member:media`.",
        "properties": {
          "channel": {
            "$ref": "#/components/schemas/Channel",
            "description": "The member's channel."
          },
          "media": {
            "$ref": "#/components/schemas/MemberMedia",
            "description": "New media state."
          },
          "audio": {
            "type": "boolean",
            "description": "Whether the member has audio."
          }
        },
        "required": [
          "channel"
        ]
      },
      "RtcHangupBody": {
        "type": "object",
        "description": "Body of `rtc:hangup`. Every key is required.",
        "properties": {
          "channel": {
            "$ref": "#/components/schemas/Channel",
            "description": "The leg that ended (`id` = leg id)."
          },
          "bandwidth": {
            "$ref": "#/components/schemas/Bandwidth",
            "description": "Traffic of the leg."
          },
          "reason": {
            "$ref": "#/components/schemas/HangupReason",
            "description": "Why the leg ended."
          },
          "quality": {
            "$ref": "#/components/schemas/CallQuality",
            "description": "Audio quality figures."
          },
          "direction": {
            "type": "string",
            "description": "`inbound` or `outbound`, seen from the application."
          }
        },
        "required": [
          "channel",
          "bandwidth",
          "reason",
          "quality",
          "direction"
        ]
      },
      "Bandwidth": {
        "type": "object",
        "description": "Bytes moved on a leg.",
        "properties": {
          "bytes_in": {
            "type": "integer",
            "minimum": 0,
            "description": "Bytes received."
          },
          "bytes_out": {
            "type": "integer",
            "minimum": 0,
            "description": "Bytes sent."
          }
        },
        "required": [
          "bytes_in",
          "bytes_out"
        ]
      },
      "HangupReason": {
        "type": "object",
        "description": "Why a leg ended. `code` decides the reason the client reports: `LOCAL_HANGUP`, `LOCAL_CANCEL`,\n`RING_TIMER`, or a `REMOTE_*` value; `sip_code` 487 on an unanswered invitation means it timed out.\n",
        "properties": {
          "text": {
            "type": "string",
            "description": "Human-readable reason."
          },
          "code": {
            "type": "string",
            "description": "Machine-readable reason."
          },
          "sip_code": {
            "type": "integer",
            "description": "SIP status code of the hangup."
          }
        },
        "required": [
          "text",
          "code",
          "sip_code"
        ]
      },
      "CallQuality": {
        "type": "object",
        "description": "Audio quality figures of a finished leg. The reference server sends all of them.",
        "properties": {
          "mos_score": {
            "type": "number",
            "description": "Mean opinion score."
          },
          "quality_percentage": {
            "type": "number",
            "description": "Quality as a percentage."
          },
          "jitter_min_var": {
            "type": "number",
            "description": "Smallest jitter variation."
          },
          "jitter_max_var": {
            "type": "number",
            "description": "Largest jitter variation."
          },
          "jitter_loss_rate": {
            "type": "number",
            "description": "Packet loss rate attributed to jitter."
          },
          "jitter_burst_rate": {
            "type": "number",
            "description": "Burst loss rate attributed to jitter."
          },
          "flaw_total": {
            "type": "integer",
            "description": "Number of detected flaws."
          },
          "packet_cnt": {
            "type": "integer",
            "description": "Number of packets."
          },
          "packet_loss_perc": {
            "type": "number",
            "description": "Lost packets as a percentage."
          }
        }
      },
      "LegStatus": {
        "type": "string",
        "description": "Status of a leg in `leg:status:update`, lower case and matched exactly.",
        "enum": [
          "ringing",
          "answered",
          "completed"
        ]
      },
      "LegStatusUpdateBody": {
        "type": "object",
        "description": "Body of `leg:status:update`. Every key is required.",
        "properties": {
          "direction": {
            "type": "string",
            "description": "`inbound` or `outbound`."
          },
          "leg_id": {
            "type": "string",
            "description": "The leg whose status changed."
          },
          "status": {
            "$ref": "#/components/schemas/LegStatus",
            "description": "New status."
          },
          "type": {
            "type": "string",
            "description": "Kind of leg, for example `app` or `phone`."
          },
          "statusHistory": {
            "type": "array",
            "description": "Earlier statuses of the leg, oldest first (note the camel case).",
            "items": {
              "$ref": "#/components/schemas/LegStatusHistoryEntry"
            }
          }
        },
        "required": [
          "direction",
          "leg_id",
          "status",
          "type",
          "statusHistory"
        ]
      },
      "LegStatusHistoryEntry": {
        "type": "object",
        "description": "One past status of a leg.",
        "properties": {
          "status": {
            "type": "string",
            "description": "The status."
          },
          "date": {
            "type": "string",
            "format": "date-time",
            "description": "When the leg reached it."
          }
        }
      },
      "RtcAnswerBody": {
        "type": "object",
        "description": "Body of `rtc:answer`.",
        "properties": {
          "rtc_id": {
            "type": "string",
            "description": "Leg the answer belongs to."
          },
          "answer": {
            "type": "string",
            "description": "Remote SDP answer to apply."
          }
        },
        "required": [
          "rtc_id",
          "answer"
        ]
      },
      "RtcTransferBody": {
        "type": "object",
        "description": "Body of `rtc:transfer`.",
        "properties": {
          "was_member": {
            "type": "string",
            "description": "Member id the leg had in the old conversation."
          },
          "user_id": {
            "type": "string",
            "description": "User whose leg moved."
          },
          "transferred_from": {
            "type": "string",
            "description": "Conversation id the leg moved away from."
          },
          "channel": {
            "$ref": "#/components/schemas/Channel",
            "description": "The moved leg (`id` = leg id)."
          }
        },
        "required": [
          "was_member",
          "user_id",
          "transferred_from",
          "channel"
        ]
      },
      "CreateEventRequest": {
        "description": "Body of `createEvent`: every event type a client may create. Known types are a discriminated\nunion (`KnownCreateEventRequest`); custom types (`custom:<name>`) are matched by pattern in\n`CreateCustomEventRequest`, because a pattern cannot take part in a discriminator. The two\nnever overlap. All variants accept the extra keys the official client sends (`cid`, `from`,\n`to`, `originating_session`); other unknown keys are ignored.\n",
        "oneOf": [
          {
            "$ref": "#/components/schemas/KnownCreateEventRequest"
          },
          {
            "$ref": "#/components/schemas/CreateCustomEventRequest"
          }
        ]
      },
      "KnownCreateEventRequest": {
        "description": "Every creatable event type except custom ones, discriminated by `type`.",
        "oneOf": [
          {
            "$ref": "#/components/schemas/CreateMessageEventRequest"
          },
          {
            "$ref": "#/components/schemas/CreateReceiptEventRequest"
          },
          {
            "$ref": "#/components/schemas/CreateEphemeralEventRequest"
          },
          {
            "$ref": "#/components/schemas/CreateAudioSayEventRequest"
          },
          {
            "$ref": "#/components/schemas/CreateAudioToggleEventRequest"
          },
          {
            "$ref": "#/components/schemas/CreateAudioDtmfEventRequest"
          }
        ],
        "discriminator": {
          "propertyName": "type",
          "mapping": {
            "message": "#/components/schemas/CreateMessageEventRequest",
            "message:seen": "#/components/schemas/CreateReceiptEventRequest",
            "message:delivered": "#/components/schemas/CreateReceiptEventRequest",
            "ephemeral": "#/components/schemas/CreateEphemeralEventRequest",
            "audio:say": "#/components/schemas/CreateAudioSayEventRequest",
            "audio:mute:on": "#/components/schemas/CreateAudioToggleEventRequest",
            "audio:mute:off": "#/components/schemas/CreateAudioToggleEventRequest",
            "audio:earmuff:on": "#/components/schemas/CreateAudioToggleEventRequest",
            "audio:earmuff:off": "#/components/schemas/CreateAudioToggleEventRequest",
            "audio:dtmf": "#/components/schemas/CreateAudioDtmfEventRequest"
          }
        }
      },
      "CreateMessageEventRequest": {
        "type": "object",
        "description": "Sends a chat message of any kind.",
        "properties": {
          "type": {
            "type": "string",
            "const": "message",
            "description": "Event type."
          },
          "cid": {
            "type": "string",
            "description": "Conversation id, the same as in the path. Sent by the official client for chat events; ignored."
          },
          "from": {
            "type": "string",
            "description": "Member id of the sender. When present it must be the caller's own membership."
          },
          "to": {
            "type": "string",
            "description": "Member id the event is aimed at, for call controls."
          },
          "originating_session": {
            "type": "string",
            "description": "Session id of the caller, from `session:success`."
          },
          "body": {
            "$ref": "#/components/schemas/MessageBody",
            "description": "The message content."
          }
        },
        "required": [
          "type",
          "body"
        ]
      },
      "CreateReceiptEventRequest": {
        "type": "object",
        "description": "Reports that the caller has seen, or its client has received, a message. The official client posts `message:delivered` automatically for every pushed message.",
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "message:seen",
              "message:delivered"
            ],
            "description": "Event type."
          },
          "cid": {
            "type": "string",
            "description": "Conversation id, the same as in the path. Sent by the official client for chat events; ignored."
          },
          "from": {
            "type": "string",
            "description": "Member id of the sender. When present it must be the caller's own membership."
          },
          "to": {
            "type": "string",
            "description": "Member id the event is aimed at, for call controls."
          },
          "originating_session": {
            "type": "string",
            "description": "Session id of the caller, from `session:success`."
          },
          "body": {
            "$ref": "#/components/schemas/EventRefBody",
            "description": "The acknowledged message event."
          }
        },
        "required": [
          "type",
          "body"
        ]
      },
      "CreateEphemeralEventRequest": {
        "type": "object",
        "description": "Sends an application object to the members that are online right now. It gets no id and is never stored or listed.",
        "properties": {
          "type": {
            "type": "string",
            "const": "ephemeral",
            "description": "Event type."
          },
          "cid": {
            "type": "string",
            "description": "Conversation id, the same as in the path. Sent by the official client for chat events; ignored."
          },
          "from": {
            "type": "string",
            "description": "Member id of the sender. When present it must be the caller's own membership."
          },
          "to": {
            "type": "string",
            "description": "Member id the event is aimed at, for call controls."
          },
          "originating_session": {
            "type": "string",
            "description": "Session id of the caller, from `session:success`."
          },
          "body": {
            "type": "object",
            "additionalProperties": true,
            "description": "The application's object, forwarded as is."
          }
        },
        "required": [
          "type",
          "body"
        ]
      },
      "CreateAudioSayEventRequest": {
        "type": "object",
        "description": "Plays text-to-speech into a call.",
        "properties": {
          "type": {
            "type": "string",
            "const": "audio:say",
            "description": "Event type."
          },
          "cid": {
            "type": "string",
            "description": "Conversation id, the same as in the path. Sent by the official client for chat events; ignored."
          },
          "from": {
            "type": "string",
            "description": "Member id of the sender. When present it must be the caller's own membership."
          },
          "to": {
            "type": "string",
            "description": "Member id the event is aimed at, for call controls."
          },
          "originating_session": {
            "type": "string",
            "description": "Session id of the caller, from `session:success`."
          },
          "body": {
            "$ref": "#/components/schemas/AudioSayRequestBody",
            "description": "What to say and how."
          }
        },
        "required": [
          "type",
          "body"
        ]
      },
      "CreateAudioToggleEventRequest": {
        "type": "object",
        "description": "Mutes or unmutes a leg, or switches its earmuff (cannot hear the others) on or off. The official client sets both `from` and `to` to its own member id.",
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "audio:mute:on",
              "audio:mute:off",
              "audio:earmuff:on",
              "audio:earmuff:off"
            ],
            "description": "Event type."
          },
          "cid": {
            "type": "string",
            "description": "Conversation id, the same as in the path. Sent by the official client for chat events; ignored."
          },
          "from": {
            "type": "string",
            "description": "Member id of the sender. When present it must be the caller's own membership."
          },
          "to": {
            "type": "string",
            "description": "Member id the event is aimed at, for call controls."
          },
          "originating_session": {
            "type": "string",
            "description": "Session id of the caller, from `session:success`."
          },
          "body": {
            "$ref": "#/components/schemas/RtcIdBody",
            "description": "The leg to change."
          }
        },
        "required": [
          "type",
          "body"
        ]
      },
      "CreateAudioDtmfEventRequest": {
        "type": "object",
        "description": "Sends DTMF tones on a leg.",
        "properties": {
          "type": {
            "type": "string",
            "const": "audio:dtmf",
            "description": "Event type."
          },
          "cid": {
            "type": "string",
            "description": "Conversation id, the same as in the path. Sent by the official client for chat events; ignored."
          },
          "from": {
            "type": "string",
            "description": "Member id of the sender. When present it must be the caller's own membership."
          },
          "to": {
            "type": "string",
            "description": "Member id the event is aimed at, for call controls."
          },
          "originating_session": {
            "type": "string",
            "description": "Session id of the caller, from `session:success`."
          },
          "body": {
            "$ref": "#/components/schemas/DtmfBody",
            "description": "The keys and the leg."
          }
        },
        "required": [
          "type",
          "body"
        ]
      },
      "CreateCustomEventRequest": {
        "type": "object",
        "description": "Sends an application-defined event that is stored and pushed like any other. Its type must start\nwith `custom:` (the official client adds the prefix when missing). Kept outside the discriminated\nunion because its type is a pattern, not a fixed value.\n",
        "properties": {
          "type": {
            "type": "string",
            "pattern": "^custom:.+",
            "maxLength": 100,
            "description": "`custom:` followed by the application's event name.",
            "examples": [
              "custom:typing"
            ]
          },
          "cid": {
            "type": "string",
            "description": "Conversation id, the same as in the path. Sent by the official client for chat events; ignored."
          },
          "from": {
            "type": "string",
            "description": "Member id of the sender. When present it must be the caller's own membership."
          },
          "to": {
            "type": "string",
            "description": "Member id the event is aimed at, for call controls."
          },
          "originating_session": {
            "type": "string",
            "description": "Session id of the caller, from `session:success`."
          },
          "body": {
            "type": "object",
            "additionalProperties": true,
            "description": "The application's object, stored and forwarded as is."
          }
        },
        "required": [
          "type",
          "body"
        ]
      },
      "CreateEventResponse": {
        "description": "Answer of `createEvent`: `AudioSayEventCreated` for `audio:say`, `CreatedEvent` for every\nother type.\n",
        "anyOf": [
          {
            "$ref": "#/components/schemas/AudioSayEventCreated"
          },
          {
            "$ref": "#/components/schemas/CreatedEvent"
          }
        ]
      },
      "CreatedEvent": {
        "type": "object",
        "description": "The stored event. The official client needs `timestamp` for chat types and `id` for\n`audio:mute:*`, `audio:earmuff:*` and `audio:dtmf`; ephemeral events have no `id`.\n",
        "properties": {
          "id": {
            "type": "integer",
            "minimum": 1,
            "description": "Id of the new event; absent for ephemeral events."
          },
          "type": {
            "type": "string",
            "description": "Event type as stored."
          },
          "timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "When the server recorded the event (ISO 8601); the `send*` methods resolve this string."
          },
          "body": {
            "type": "object",
            "additionalProperties": true,
            "description": "Body as stored."
          }
        },
        "required": [
          "timestamp"
        ]
      },
      "AudioSayEventCreated": {
        "type": "object",
        "description": "Answer of `createEvent` for `audio:say`. Every key is required.",
        "properties": {
          "id": {
            "type": "integer",
            "minimum": 1,
            "description": "Id of the new event."
          },
          "type": {
            "type": "string",
            "const": "audio:say",
            "description": "Event type."
          },
          "timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "When the server recorded the event (ISO 8601)."
          },
          "body": {
            "type": "object",
            "description": "The accepted playback.",
            "properties": {
              "say_id": {
                "type": "string",
                "description": "Id of the playback, repeated in `audio:say:done`."
              },
              "text": {
                "type": "string",
                "description": "What is being said."
              },
              "level": {
                "type": "number",
                "description": "Volume from -1 to 1."
              },
              "loop": {
                "type": "integer",
                "description": "Number of repetitions; 0 means until stopped."
              }
            },
            "required": [
              "say_id",
              "text",
              "level",
              "loop"
            ]
          }
        },
        "required": [
          "id",
          "type",
          "timestamp",
          "body"
        ]
      },
      "SessionSuccess": {
        "type": "object",
        "description": "Payload of the `session:success` socket event, the server's answer to a successful login through\nthe handshake query. It must arrive within 5 seconds of connecting or the official client gives\nup (`session:error:timeout`). `body.id` becomes the session id the client resolves and later\nsends as `originating_session`; `body.user_id` and `body.name` are the identity the client uses\nin REST paths and bodies. Sending it again after a reconnect is harmless.\n",
        "properties": {
          "body": {
            "type": "object",
            "description": "The session.",
            "properties": {
              "id": {
                "type": "string",
                "description": "Session id (new, or the `session_id` the client asked to resume)."
              },
              "user_id": {
                "type": "string",
                "description": "Id of the logged-in user."
              },
              "name": {
                "type": "string",
                "description": "Name of the logged-in user (the token's `sub`)."
              },
              "api_key": {
                "type": "string",
                "description": "Account key of the application; any string is accepted."
              },
              "pending_events": {
                "type": "array",
                "description": "Events queued for this user while no session was open. Each includes its `type`. They are\ndelivered to the application before the login completes.\n",
                "items": {
                  "$ref": "#/components/schemas/AnyPushedEvent"
                }
              }
            },
            "required": [
              "id",
              "user_id",
              "name",
              "api_key"
            ]
          },
          "id": {
            "type": "integer",
            "description": "Optional envelope id; must be an integer when present."
          },
          "cid": {
            "type": "string",
            "description": "Unused envelope key."
          },
          "from": {
            "type": "string",
            "description": "Unused envelope key."
          }
        },
        "required": [
          "body"
        ]
      },
      "LoginError": {
        "type": "object",
        "additionalProperties": true,
        "description": "Payload of a login failure event; it may be `{}`, only the event name matters. The client\ndisconnects after any of them. Event names and how the official client reports them:\n\n* `system:error:expired-token`: expired token (`session:error:expired-token`).\n* `system:error:invalid-token`, `user:error:invalid-user`: bad token or unknown user\n  (`session:error:invalid-token`).\n* `session:error:max-open-sessions`: too many sessions for the user\n  (`session:error:max-open-sessions-permitted`).\n* `session:invalid`, `session:error:invalid`: the requested `session_id` cannot be resumed\n  (`session:error:invalid-session`).\n* `system:error:permission`: the token may not open a session (`system:error:permission`).\n\n`session:terminated`, `session:logged-out` and `session:update-token:success` are understood by\nthe official client but neither complete nor fail a login.\n"
      },
      "SessionLogout": {
        "type": "object",
        "description": "Payload of `session:logout`, the only event a client emits on the socket (when deleting its\nsession). No acknowledgement is expected; the client disconnects right after.\n",
        "properties": {
          "tid": {
            "type": "string",
            "description": "Random transaction id (a UUID)."
          },
          "body": {
            "type": "object",
            "description": "Always `{}`."
          }
        },
        "required": [
          "body"
        ]
      },
      "EventEmbedded": {
        "type": "object",
        "description": "Who sent an event. When `from_user` is present the client attributes the event to that user\n(and `from_member`); otherwise it treats the event as coming from the system.\n",
        "properties": {
          "from_member": {
            "$ref": "#/components/schemas/EmbeddedMember",
            "description": "The sending membership."
          },
          "from_user": {
            "$ref": "#/components/schemas/EmbeddedUser",
            "description": "The sending user."
          }
        }
      },
      "EmbeddedMember": {
        "type": "object",
        "description": "Short form of the sending membership.",
        "properties": {
          "id": {
            "type": "string",
            "description": "Member id."
          },
          "name": {
            "type": "string",
            "description": "User name of the member."
          },
          "display_name": {
            "type": "string",
            "description": "Display name of the member's user."
          }
        },
        "required": [
          "id"
        ]
      },
      "EmbeddedUser": {
        "type": "object",
        "description": "Short form of the sending user.",
        "properties": {
          "id": {
            "type": "string",
            "description": "User id."
          },
          "name": {
            "type": "string",
            "description": "User name."
          },
          "display_name": {
            "type": "string",
            "description": "Name meant for people."
          },
          "image_url": {
            "type": "string",
            "description": "URL of the user's picture."
          },
          "custom_data": {
            "type": "object",
            "additionalProperties": true,
            "description": "Application data of the user."
          }
        },
        "required": [
          "id",
          "name"
        ]
      },
      "PushedEventEnvelope": {
        "type": "object",
        "description": "Keys shared by every pushed event, useful to read a socket payload before knowing its type. On\nthe socket the `type` is the socket.io event name and the payload holds the other keys; this\nschema (like every pushed event schema) describes the payload with the name merged in. Which\nkeys are required depends on the type; see the individual event schemas.\n",
        "properties": {
          "type": {
            "type": "string",
            "description": "Event type, equal to the socket.io event name."
          },
          "id": {
            "type": [
              "integer",
              "null"
            ],
            "description": "Event id, increasing within the conversation; absent for ephemeral events."
          },
          "cid": {
            "type": [
              "string",
              "null"
            ],
            "description": "Conversation id."
          },
          "from": {
            "type": "string",
            "description": "Member id of the sender. Informational only; clients use `_embedded`."
          },
          "timestamp": {
            "type": "string",
            "description": "When the server recorded the event (ISO 8601). Not checked by the official client."
          },
          "body": {
            "type": "object",
            "additionalProperties": true,
            "description": "Type-specific content."
          },
          "_embedded": {
            "description": "Who sent the event.",
            "anyOf": [
              {
                "$ref": "#/components/schemas/EventEmbedded"
              },
              {
                "type": "null"
              }
            ]
          },
          "application_id": {
            "type": "string",
            "description": "Application the conversation belongs to."
          }
        },
        "required": [
          "type"
        ]
      },
      "PushedEvent": {
        "description": "Every pushed event with a fixed type, discriminated by `type` (checks such as\n`e.type === \"message\"` narrow in TypeScript). Custom events are kept apart in\n`CustomPushedEvent`: their type is a pattern, which cannot appear in a discriminator mapping,\nand a member typed as plain `string` would stop the narrowing. The type generator (scripts/gen.ts)\ntypes their `type` as the template `` `custom:${string}` ``; `AnyPushedEvent` unites both for\nvalidation. Unknown types are dropped silently by clients.\n",
        "oneOf": [
          {
            "$ref": "#/components/schemas/MemberInvitedPushedEvent"
          },
          {
            "$ref": "#/components/schemas/MemberJoinedPushedEvent"
          },
          {
            "$ref": "#/components/schemas/MemberLeftPushedEvent"
          },
          {
            "$ref": "#/components/schemas/MessagePushedEvent"
          },
          {
            "$ref": "#/components/schemas/EventDeletePushedEvent"
          },
          {
            "$ref": "#/components/schemas/MessageSeenPushedEvent"
          },
          {
            "$ref": "#/components/schemas/MessageDeliveredPushedEvent"
          },
          {
            "$ref": "#/components/schemas/MessageSubmittedPushedEvent"
          },
          {
            "$ref": "#/components/schemas/MessageRejectedPushedEvent"
          },
          {
            "$ref": "#/components/schemas/MessageUndeliverablePushedEvent"
          },
          {
            "$ref": "#/components/schemas/EphemeralPushedEvent"
          },
          {
            "$ref": "#/components/schemas/RtcHangupPushedEvent"
          },
          {
            "$ref": "#/components/schemas/LegStatusUpdatePushedEvent"
          },
          {
            "$ref": "#/components/schemas/RtcAnswerPushedEvent"
          },
          {
            "$ref": "#/components/schemas/RtcTransferPushedEvent"
          },
          {
            "$ref": "#/components/schemas/MemberMediaPushedEvent"
          },
          {
            "$ref": "#/components/schemas/AudioMuteOnPushedEvent"
          },
          {
            "$ref": "#/components/schemas/AudioMuteOffPushedEvent"
          },
          {
            "$ref": "#/components/schemas/AudioEarmuffOnPushedEvent"
          },
          {
            "$ref": "#/components/schemas/AudioEarmuffOffPushedEvent"
          },
          {
            "$ref": "#/components/schemas/AudioDtmfPushedEvent"
          },
          {
            "$ref": "#/components/schemas/AudioSayPushedEvent"
          },
          {
            "$ref": "#/components/schemas/AudioSayDonePushedEvent"
          }
        ],
        "discriminator": {
          "propertyName": "type",
          "mapping": {
            "member:invited": "#/components/schemas/MemberInvitedPushedEvent",
            "member:joined": "#/components/schemas/MemberJoinedPushedEvent",
            "member:left": "#/components/schemas/MemberLeftPushedEvent",
            "message": "#/components/schemas/MessagePushedEvent",
            "event:delete": "#/components/schemas/EventDeletePushedEvent",
            "message:seen": "#/components/schemas/MessageSeenPushedEvent",
            "message:delivered": "#/components/schemas/MessageDeliveredPushedEvent",
            "message:submitted": "#/components/schemas/MessageSubmittedPushedEvent",
            "message:rejected": "#/components/schemas/MessageRejectedPushedEvent",
            "message:undeliverable": "#/components/schemas/MessageUndeliverablePushedEvent",
            "ephemeral": "#/components/schemas/EphemeralPushedEvent",
            "rtc:hangup": "#/components/schemas/RtcHangupPushedEvent",
            "leg:status:update": "#/components/schemas/LegStatusUpdatePushedEvent",
            "rtc:answer": "#/components/schemas/RtcAnswerPushedEvent",
            "rtc:transfer": "#/components/schemas/RtcTransferPushedEvent",
            "member:media": "#/components/schemas/MemberMediaPushedEvent",
            "audio:mute:on": "#/components/schemas/AudioMuteOnPushedEvent",
            "audio:mute:off": "#/components/schemas/AudioMuteOffPushedEvent",
            "audio:earmuff:on": "#/components/schemas/AudioEarmuffOnPushedEvent",
            "audio:earmuff:off": "#/components/schemas/AudioEarmuffOffPushedEvent",
            "audio:dtmf": "#/components/schemas/AudioDtmfPushedEvent",
            "audio:say": "#/components/schemas/AudioSayPushedEvent",
            "audio:say:done": "#/components/schemas/AudioSayDonePushedEvent"
          }
        }
      },
      "AnyPushedEvent": {
        "description": "Any pushed conversation or call event, custom ones included. Used for `pending_events`.",
        "oneOf": [
          {
            "$ref": "#/components/schemas/PushedEvent"
          },
          {
            "$ref": "#/components/schemas/CustomPushedEvent"
          }
        ]
      },
      "MemberInvitedPushedEvent": {
        "type": "object",
        "description": "Pushed `member:invited`. A user was invited. With `body.sdp` and the other call keys (see `MemberInvitedBody`) it is an incoming call for `body.user`, and the official client raises `callInvite`.",
        "properties": {
          "type": {
            "type": "string",
            "const": "member:invited",
            "description": "Event type; on the socket, the event name."
          },
          "id": {
            "type": "integer",
            "minimum": 1,
            "description": "Event id, increasing within the conversation."
          },
          "cid": {
            "type": "string",
            "description": "Conversation id."
          },
          "from": {
            "type": "string",
            "description": "Member id of the sender. Informational only."
          },
          "timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "When the server recorded the event (ISO 8601)."
          },
          "application_id": {
            "type": "string",
            "description": "Application the conversation belongs to."
          },
          "_embedded": {
            "$ref": "#/components/schemas/EventEmbedded",
            "description": "Who sent the event."
          },
          "body": {
            "$ref": "#/components/schemas/MemberInvitedBody",
            "description": "The invitation."
          }
        },
        "required": [
          "type",
          "id",
          "cid",
          "timestamp",
          "body"
        ]
      },
      "MemberJoinedPushedEvent": {
        "type": "object",
        "description": "Pushed `member:joined`. A member joined. For calls this also tells the caller that the outbound call is connected (`body.channel.id` = call id).",
        "properties": {
          "type": {
            "type": "string",
            "const": "member:joined",
            "description": "Event type; on the socket, the event name."
          },
          "id": {
            "type": "integer",
            "minimum": 1,
            "description": "Event id, increasing within the conversation."
          },
          "cid": {
            "type": "string",
            "description": "Conversation id."
          },
          "from": {
            "type": "string",
            "description": "Member id of the sender. Informational only."
          },
          "timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "When the server recorded the event (ISO 8601)."
          },
          "application_id": {
            "type": "string",
            "description": "Application the conversation belongs to."
          },
          "_embedded": {
            "$ref": "#/components/schemas/EventEmbedded",
            "description": "Who sent the event."
          },
          "body": {
            "$ref": "#/components/schemas/MemberJoinedBody",
            "description": "The new member."
          }
        },
        "required": [
          "type",
          "id",
          "cid",
          "timestamp",
          "body"
        ]
      },
      "MemberLeftPushedEvent": {
        "type": "object",
        "description": "Pushed `member:left`. A member left, hung up or rejected.",
        "properties": {
          "type": {
            "type": "string",
            "const": "member:left",
            "description": "Event type; on the socket, the event name."
          },
          "id": {
            "type": "integer",
            "minimum": 1,
            "description": "Event id, increasing within the conversation."
          },
          "cid": {
            "type": "string",
            "description": "Conversation id."
          },
          "from": {
            "type": "string",
            "description": "Member id of the sender. Informational only."
          },
          "timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "When the server recorded the event (ISO 8601)."
          },
          "application_id": {
            "type": "string",
            "description": "Application the conversation belongs to."
          },
          "_embedded": {
            "$ref": "#/components/schemas/EventEmbedded",
            "description": "Who sent the event."
          },
          "body": {
            "$ref": "#/components/schemas/MemberLeftBody",
            "description": "The departed member."
          }
        },
        "required": [
          "type",
          "id",
          "cid",
          "timestamp",
          "body"
        ]
      },
      "MessagePushedEvent": {
        "type": "object",
        "description": "Pushed `message`. A chat message. The official client answers each one with a `message:delivered` event.",
        "properties": {
          "type": {
            "type": "string",
            "const": "message",
            "description": "Event type; on the socket, the event name."
          },
          "id": {
            "type": "integer",
            "minimum": 1,
            "description": "Event id, increasing within the conversation."
          },
          "cid": {
            "type": "string",
            "description": "Conversation id."
          },
          "from": {
            "type": "string",
            "description": "Member id of the sender. Informational only."
          },
          "timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "When the server recorded the event (ISO 8601)."
          },
          "application_id": {
            "type": "string",
            "description": "Application the conversation belongs to."
          },
          "_embedded": {
            "$ref": "#/components/schemas/EventEmbedded",
            "description": "Who sent the event."
          },
          "body": {
            "$ref": "#/components/schemas/MessageBody",
            "description": "The message content."
          }
        },
        "required": [
          "type",
          "id",
          "cid",
          "timestamp",
          "body"
        ]
      },
      "EventDeletePushedEvent": {
        "type": "object",
        "description": "Pushed `event:delete`. An event was deleted.",
        "properties": {
          "type": {
            "type": "string",
            "const": "event:delete",
            "description": "Event type; on the socket, the event name."
          },
          "id": {
            "type": "integer",
            "minimum": 1,
            "description": "Event id, increasing within the conversation."
          },
          "cid": {
            "type": "string",
            "description": "Conversation id."
          },
          "from": {
            "type": "string",
            "description": "Member id of the sender. Informational only."
          },
          "timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "When the server recorded the event (ISO 8601)."
          },
          "application_id": {
            "type": "string",
            "description": "Application the conversation belongs to."
          },
          "_embedded": {
            "$ref": "#/components/schemas/EventEmbedded",
            "description": "Who sent the event."
          },
          "body": {
            "$ref": "#/components/schemas/EventRefBody",
            "description": "The deleted event."
          }
        },
        "required": [
          "type",
          "id",
          "cid",
          "timestamp",
          "body"
        ]
      },
      "MessageSeenPushedEvent": {
        "type": "object",
        "description": "Pushed `message:seen`. A member has seen a message.",
        "properties": {
          "type": {
            "type": "string",
            "const": "message:seen",
            "description": "Event type; on the socket, the event name."
          },
          "id": {
            "type": "integer",
            "minimum": 1,
            "description": "Event id, increasing within the conversation."
          },
          "cid": {
            "type": "string",
            "description": "Conversation id."
          },
          "from": {
            "type": "string",
            "description": "Member id of the sender. Informational only."
          },
          "timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "When the server recorded the event (ISO 8601)."
          },
          "application_id": {
            "type": "string",
            "description": "Application the conversation belongs to."
          },
          "_embedded": {
            "$ref": "#/components/schemas/EventEmbedded",
            "description": "Who sent the event."
          },
          "body": {
            "$ref": "#/components/schemas/EventRefBody",
            "description": "The seen message."
          }
        },
        "required": [
          "type",
          "id",
          "cid",
          "timestamp",
          "body"
        ]
      },
      "MessageDeliveredPushedEvent": {
        "type": "object",
        "description": "Pushed `message:delivered`. A message reached a member's client.",
        "properties": {
          "type": {
            "type": "string",
            "const": "message:delivered",
            "description": "Event type; on the socket, the event name."
          },
          "id": {
            "type": "integer",
            "minimum": 1,
            "description": "Event id, increasing within the conversation."
          },
          "cid": {
            "type": "string",
            "description": "Conversation id."
          },
          "from": {
            "type": "string",
            "description": "Member id of the sender. Informational only."
          },
          "timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "When the server recorded the event (ISO 8601)."
          },
          "application_id": {
            "type": "string",
            "description": "Application the conversation belongs to."
          },
          "_embedded": {
            "$ref": "#/components/schemas/EventEmbedded",
            "description": "Who sent the event."
          },
          "body": {
            "$ref": "#/components/schemas/EventRefBody",
            "description": "The delivered message."
          }
        },
        "required": [
          "type",
          "id",
          "cid",
          "timestamp",
          "body"
        ]
      },
      "MessageSubmittedPushedEvent": {
        "type": "object",
        "description": "Pushed `message:submitted`. A message was handed to an outside channel for a member.",
        "properties": {
          "type": {
            "type": "string",
            "const": "message:submitted",
            "description": "Event type; on the socket, the event name."
          },
          "id": {
            "type": "integer",
            "minimum": 1,
            "description": "Event id, increasing within the conversation."
          },
          "cid": {
            "type": "string",
            "description": "Conversation id."
          },
          "from": {
            "type": "string",
            "description": "Member id of the sender. Informational only."
          },
          "timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "When the server recorded the event (ISO 8601)."
          },
          "application_id": {
            "type": "string",
            "description": "Application the conversation belongs to."
          },
          "_embedded": {
            "$ref": "#/components/schemas/EventEmbedded",
            "description": "Who sent the event."
          },
          "body": {
            "$ref": "#/components/schemas/EventRefBody",
            "description": "The submitted message."
          }
        },
        "required": [
          "type",
          "id",
          "cid",
          "timestamp",
          "body"
        ]
      },
      "MessageRejectedPushedEvent": {
        "type": "object",
        "description": "Pushed `message:rejected`. An outside channel refused a message for a member.",
        "properties": {
          "type": {
            "type": "string",
            "const": "message:rejected",
            "description": "Event type; on the socket, the event name."
          },
          "id": {
            "type": "integer",
            "minimum": 1,
            "description": "Event id, increasing within the conversation."
          },
          "cid": {
            "type": "string",
            "description": "Conversation id."
          },
          "from": {
            "type": "string",
            "description": "Member id of the sender. Informational only."
          },
          "timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "When the server recorded the event (ISO 8601)."
          },
          "application_id": {
            "type": "string",
            "description": "Application the conversation belongs to."
          },
          "_embedded": {
            "$ref": "#/components/schemas/EventEmbedded",
            "description": "Who sent the event."
          },
          "body": {
            "$ref": "#/components/schemas/EventRefBody",
            "description": "The rejected message."
          }
        },
        "required": [
          "type",
          "id",
          "cid",
          "timestamp",
          "body"
        ]
      },
      "MessageUndeliverablePushedEvent": {
        "type": "object",
        "description": "Pushed `message:undeliverable`. A message could not be delivered to a member.",
        "properties": {
          "type": {
            "type": "string",
            "const": "message:undeliverable",
            "description": "Event type; on the socket, the event name."
          },
          "id": {
            "type": "integer",
            "minimum": 1,
            "description": "Event id, increasing within the conversation."
          },
          "cid": {
            "type": "string",
            "description": "Conversation id."
          },
          "from": {
            "type": "string",
            "description": "Member id of the sender. Informational only."
          },
          "timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "When the server recorded the event (ISO 8601)."
          },
          "application_id": {
            "type": "string",
            "description": "Application the conversation belongs to."
          },
          "_embedded": {
            "$ref": "#/components/schemas/EventEmbedded",
            "description": "Who sent the event."
          },
          "body": {
            "$ref": "#/components/schemas/EventRefBody",
            "description": "The undeliverable message."
          }
        },
        "required": [
          "type",
          "id",
          "cid",
          "timestamp",
          "body"
        ]
      },
      "EphemeralPushedEvent": {
        "type": "object",
        "description": "Pushed `ephemeral`. An application object sent to the members online at that moment; it has no id and is not stored.",
        "properties": {
          "type": {
            "type": "string",
            "const": "ephemeral",
            "description": "Event type; on the socket, the event name."
          },
          "id": {
            "type": "integer",
            "minimum": 1,
            "description": "Event id, when the server assigned one."
          },
          "cid": {
            "type": "string",
            "description": "Conversation id."
          },
          "from": {
            "type": "string",
            "description": "Member id of the sender. Informational only."
          },
          "timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "When the server recorded the event (ISO 8601)."
          },
          "application_id": {
            "type": "string",
            "description": "Application the conversation belongs to."
          },
          "_embedded": {
            "$ref": "#/components/schemas/EventEmbedded",
            "description": "Who sent the event."
          },
          "body": {
            "type": "object",
            "additionalProperties": true,
            "description": "The application's object, as sent."
          }
        },
        "required": [
          "type",
          "cid",
          "timestamp",
          "body"
        ]
      },
      "RtcHangupPushedEvent": {
        "type": "object",
        "description": "Pushed `rtc:hangup`. A call leg ended. The official client reports `callHangup` (or `callInviteCancel` for an unanswered invitation) only on this event.",
        "properties": {
          "type": {
            "type": "string",
            "const": "rtc:hangup",
            "description": "Event type; on the socket, the event name."
          },
          "id": {
            "type": "integer",
            "minimum": 1,
            "description": "Event id, increasing within the conversation."
          },
          "cid": {
            "type": "string",
            "description": "Conversation id."
          },
          "from": {
            "type": "string",
            "description": "Member id of the sender. Informational only."
          },
          "timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "When the server recorded the event (ISO 8601)."
          },
          "application_id": {
            "type": "string",
            "description": "Application the conversation belongs to."
          },
          "_embedded": {
            "$ref": "#/components/schemas/EventEmbedded",
            "description": "Who sent the event."
          },
          "body": {
            "$ref": "#/components/schemas/RtcHangupBody",
            "description": "The ended leg with its statistics."
          }
        },
        "required": [
          "type",
          "id",
          "cid",
          "body"
        ]
      },
      "LegStatusUpdatePushedEvent": {
        "type": "object",
        "description": "Pushed `leg:status:update`. A leg of a call changed status. The official client reports it only when `cid` belongs to a known call and `_embedded.from_user.id` is present and is not the session's own user. `id` and `cid` must be present but may be `null`.",
        "properties": {
          "type": {
            "type": "string",
            "const": "leg:status:update",
            "description": "Event type; on the socket, the event name."
          },
          "id": {
            "type": [
              "integer",
              "null"
            ],
            "description": "Event id, or `null`."
          },
          "cid": {
            "type": [
              "string",
              "null"
            ],
            "description": "Conversation id of the call, or `null`."
          },
          "from": {
            "type": "string",
            "description": "Member id of the sender. Informational only."
          },
          "timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "When the server recorded the event (ISO 8601)."
          },
          "application_id": {
            "type": "string",
            "description": "Application the conversation belongs to."
          },
          "_embedded": {
            "$ref": "#/components/schemas/EventEmbedded",
            "description": "Who sent the event."
          },
          "body": {
            "$ref": "#/components/schemas/LegStatusUpdateBody",
            "description": "The new status."
          }
        },
        "required": [
          "type",
          "id",
          "cid",
          "body"
        ]
      },
      "RtcAnswerPushedEvent": {
        "type": "object",
        "description": "Pushed `rtc:answer`. The remote SDP answer for a leg, for example after `sendRtcOffer`.",
        "properties": {
          "type": {
            "type": "string",
            "const": "rtc:answer",
            "description": "Event type; on the socket, the event name."
          },
          "id": {
            "type": "integer",
            "minimum": 1,
            "description": "Event id, when the server assigned one."
          },
          "cid": {
            "type": "string",
            "description": "Conversation id."
          },
          "from": {
            "type": "string",
            "description": "Member id of the sender. Informational only."
          },
          "timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "When the server recorded the event (ISO 8601)."
          },
          "application_id": {
            "type": "string",
            "description": "Application the conversation belongs to."
          },
          "_embedded": {
            "$ref": "#/components/schemas/EventEmbedded",
            "description": "Who sent the event."
          },
          "body": {
            "$ref": "#/components/schemas/RtcAnswerBody",
            "description": "The answer."
          }
        },
        "required": [
          "type",
          "cid",
          "body"
        ]
      },
      "RtcTransferPushedEvent": {
        "type": "object",
        "description": "Pushed `rtc:transfer`. A call leg moved to another conversation. `cid` is the new conversation and `from` the leg's new member id, both of which the client adopts for its call.",
        "properties": {
          "type": {
            "type": "string",
            "const": "rtc:transfer",
            "description": "Event type; on the socket, the event name."
          },
          "id": {
            "type": "integer",
            "minimum": 1,
            "description": "Event id, increasing within the conversation."
          },
          "cid": {
            "type": "string",
            "description": "Conversation id."
          },
          "from": {
            "type": "string",
            "description": "Member id of the sender. Informational only."
          },
          "timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "When the server recorded the event (ISO 8601)."
          },
          "application_id": {
            "type": "string",
            "description": "Application the conversation belongs to."
          },
          "_embedded": {
            "$ref": "#/components/schemas/EventEmbedded",
            "description": "Who sent the event."
          },
          "body": {
            "$ref": "#/components/schemas/RtcTransferBody",
            "description": "The moved leg."
          }
        },
        "required": [
          "type",
          "id",
          "cid",
          "from",
          "body"
        ]
      },
      "MemberMediaPushedEvent": {
        "type": "object",
        "description": "Pushed `member:media`. A member's media state changed. `_embedded` must be present but may be `null`.",
        "properties": {
          "type": {
            "type": "string",
            "const": "member:media",
            "description": "Event type; on the socket, the event name."
          },
          "id": {
            "type": "integer",
            "minimum": 1,
            "description": "Event id, increasing within the conversation."
          },
          "cid": {
            "type": "string",
            "description": "Conversation id."
          },
          "from": {
            "type": "string",
            "description": "Member id of the sender. Informational only."
          },
          "timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "When the server recorded the event (ISO 8601)."
          },
          "application_id": {
            "type": "string",
            "description": "Application the conversation belongs to."
          },
          "_embedded": {
            "description": "Who caused the event, or `null`.",
            "anyOf": [
              {
                "$ref": "#/components/schemas/EventEmbedded"
              },
              {
                "type": "null"
              }
            ]
          },
          "body": {
            "$ref": "#/components/schemas/MemberMediaBody",
            "description": "The new media state."
          }
        },
        "required": [
          "type",
          "id",
          "cid",
          "body",
          "_embedded"
        ]
      },
      "AudioMuteOnPushedEvent": {
        "type": "object",
        "description": "Pushed `audio:mute:on`. A leg was muted.",
        "properties": {
          "type": {
            "type": "string",
            "const": "audio:mute:on",
            "description": "Event type; on the socket, the event name."
          },
          "id": {
            "type": "integer",
            "minimum": 1,
            "description": "Event id, increasing within the conversation."
          },
          "cid": {
            "type": "string",
            "description": "Conversation id."
          },
          "from": {
            "type": "string",
            "description": "Member id of the sender. Informational only."
          },
          "timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "When the server recorded the event (ISO 8601)."
          },
          "application_id": {
            "type": "string",
            "description": "Application the conversation belongs to."
          },
          "_embedded": {
            "$ref": "#/components/schemas/EventEmbedded",
            "description": "Who sent the event."
          },
          "body": {
            "$ref": "#/components/schemas/RtcIdBody",
            "description": "The muted leg."
          }
        },
        "required": [
          "type",
          "id",
          "cid",
          "body"
        ]
      },
      "AudioMuteOffPushedEvent": {
        "type": "object",
        "description": "Pushed `audio:mute:off`. A leg was unmuted.",
        "properties": {
          "type": {
            "type": "string",
            "const": "audio:mute:off",
            "description": "Event type; on the socket, the event name."
          },
          "id": {
            "type": "integer",
            "minimum": 1,
            "description": "Event id, increasing within the conversation."
          },
          "cid": {
            "type": "string",
            "description": "Conversation id."
          },
          "from": {
            "type": "string",
            "description": "Member id of the sender. Informational only."
          },
          "timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "When the server recorded the event (ISO 8601)."
          },
          "application_id": {
            "type": "string",
            "description": "Application the conversation belongs to."
          },
          "_embedded": {
            "$ref": "#/components/schemas/EventEmbedded",
            "description": "Who sent the event."
          },
          "body": {
            "$ref": "#/components/schemas/RtcIdBody",
            "description": "The unmuted leg."
          }
        },
        "required": [
          "type",
          "id",
          "cid",
          "body"
        ]
      },
      "AudioEarmuffOnPushedEvent": {
        "type": "object",
        "description": "Pushed `audio:earmuff:on`. A leg can no longer hear the others.",
        "properties": {
          "type": {
            "type": "string",
            "const": "audio:earmuff:on",
            "description": "Event type; on the socket, the event name."
          },
          "id": {
            "type": "integer",
            "minimum": 1,
            "description": "Event id, increasing within the conversation."
          },
          "cid": {
            "type": "string",
            "description": "Conversation id."
          },
          "from": {
            "type": "string",
            "description": "Member id of the sender. Informational only."
          },
          "timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "When the server recorded the event (ISO 8601)."
          },
          "application_id": {
            "type": "string",
            "description": "Application the conversation belongs to."
          },
          "_embedded": {
            "$ref": "#/components/schemas/EventEmbedded",
            "description": "Who sent the event."
          },
          "body": {
            "$ref": "#/components/schemas/RtcIdBody",
            "description": "The earmuffed leg."
          }
        },
        "required": [
          "type",
          "id",
          "cid",
          "body"
        ]
      },
      "AudioEarmuffOffPushedEvent": {
        "type": "object",
        "description": "Pushed `audio:earmuff:off`. A leg can hear the others again.",
        "properties": {
          "type": {
            "type": "string",
            "const": "audio:earmuff:off",
            "description": "Event type; on the socket, the event name."
          },
          "id": {
            "type": "integer",
            "minimum": 1,
            "description": "Event id, increasing within the conversation."
          },
          "cid": {
            "type": "string",
            "description": "Conversation id."
          },
          "from": {
            "type": "string",
            "description": "Member id of the sender. Informational only."
          },
          "timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "When the server recorded the event (ISO 8601)."
          },
          "application_id": {
            "type": "string",
            "description": "Application the conversation belongs to."
          },
          "_embedded": {
            "$ref": "#/components/schemas/EventEmbedded",
            "description": "Who sent the event."
          },
          "body": {
            "$ref": "#/components/schemas/RtcIdBody",
            "description": "The leg."
          }
        },
        "required": [
          "type",
          "id",
          "cid",
          "body"
        ]
      },
      "AudioDtmfPushedEvent": {
        "type": "object",
        "description": "Pushed `audio:dtmf`. DTMF tones were sent on a leg.",
        "properties": {
          "type": {
            "type": "string",
            "const": "audio:dtmf",
            "description": "Event type; on the socket, the event name."
          },
          "id": {
            "type": "integer",
            "minimum": 1,
            "description": "Event id, increasing within the conversation."
          },
          "cid": {
            "type": "string",
            "description": "Conversation id."
          },
          "from": {
            "type": "string",
            "description": "Member id of the sender. Informational only."
          },
          "timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "When the server recorded the event (ISO 8601)."
          },
          "application_id": {
            "type": "string",
            "description": "Application the conversation belongs to."
          },
          "_embedded": {
            "$ref": "#/components/schemas/EventEmbedded",
            "description": "Who sent the event."
          },
          "body": {
            "$ref": "#/components/schemas/DtmfBody",
            "description": "The keys and the leg."
          }
        },
        "required": [
          "type",
          "id",
          "cid",
          "body"
        ]
      },
      "AudioSayPushedEvent": {
        "type": "object",
        "description": "Pushed `audio:say`. Text-to-speech started playing into a call. No application callback.",
        "properties": {
          "type": {
            "type": "string",
            "const": "audio:say",
            "description": "Event type; on the socket, the event name."
          },
          "id": {
            "type": "integer",
            "minimum": 1,
            "description": "Event id, increasing within the conversation."
          },
          "cid": {
            "type": "string",
            "description": "Conversation id."
          },
          "from": {
            "type": "string",
            "description": "Member id of the sender. Informational only."
          },
          "timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "When the server recorded the event (ISO 8601)."
          },
          "application_id": {
            "type": "string",
            "description": "Application the conversation belongs to."
          },
          "_embedded": {
            "$ref": "#/components/schemas/EventEmbedded",
            "description": "Who sent the event."
          },
          "body": {
            "$ref": "#/components/schemas/AudioSayEventBody",
            "description": "The playback."
          }
        },
        "required": [
          "type",
          "id",
          "cid",
          "body"
        ]
      },
      "AudioSayDonePushedEvent": {
        "type": "object",
        "description": "Pushed `audio:say:done`. A text-to-speech playback finished. No application callback.",
        "properties": {
          "type": {
            "type": "string",
            "const": "audio:say:done",
            "description": "Event type; on the socket, the event name."
          },
          "id": {
            "type": "integer",
            "minimum": 1,
            "description": "Event id, increasing within the conversation."
          },
          "cid": {
            "type": "string",
            "description": "Conversation id."
          },
          "from": {
            "type": "string",
            "description": "Member id of the sender. Informational only."
          },
          "timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "When the server recorded the event (ISO 8601)."
          },
          "application_id": {
            "type": "string",
            "description": "Application the conversation belongs to."
          },
          "_embedded": {
            "$ref": "#/components/schemas/EventEmbedded",
            "description": "Who sent the event."
          },
          "body": {
            "$ref": "#/components/schemas/AudioSayDoneBody",
            "description": "The finished playback."
          }
        },
        "required": [
          "type",
          "id",
          "cid",
          "body"
        ]
      },
      "CustomPushedEvent": {
        "type": "object",
        "description": "Pushed custom event (`custom:<name>`), delivered to applications as kind `custom` with the full\ntype as `eventType`. Not part of `PushedEvent`, because its type is a pattern and cannot be a\ndiscriminator mapping key; the type generator (scripts/gen.ts) types it as `` `custom:${string}` ``.\n",
        "properties": {
          "type": {
            "type": "string",
            "pattern": "^custom:.+",
            "description": "`custom:` followed by the application's event name; on the socket, the event name."
          },
          "id": {
            "type": "integer",
            "minimum": 1,
            "description": "Event id, increasing within the conversation."
          },
          "cid": {
            "type": "string",
            "description": "Conversation id."
          },
          "from": {
            "type": "string",
            "description": "Member id of the sender. Informational only."
          },
          "timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "When the server recorded the event (ISO 8601)."
          },
          "application_id": {
            "type": "string",
            "description": "Application the conversation belongs to."
          },
          "_embedded": {
            "$ref": "#/components/schemas/EventEmbedded",
            "description": "Who sent the event."
          },
          "body": {
            "type": "object",
            "additionalProperties": true,
            "description": "The application's object, as sent."
          }
        },
        "required": [
          "type",
          "id",
          "cid",
          "timestamp",
          "body"
        ]
      },
      "StoredEvent": {
        "description": "An item of an events page listed without `filter_group_type`: a `RestEvent`, or a stored event\nof another type (a receipt, `audio:*`, `rtc:hangup`, ...) with the same envelope. Clients that\nback-fill by id use the envelope (`id`, `type`) and map the types they know.\n",
        "anyOf": [
          {
            "$ref": "#/components/schemas/RestEvent"
          },
          {
            "$ref": "#/components/schemas/OtherStoredEvent"
          }
        ]
      },
      "OtherStoredEvent": {
        "type": "object",
        "description": "A stored event whose type is not one of `RestEvent`'s, in the same envelope.",
        "properties": {
          "type": {
            "type": "string",
            "description": "Event type, e.g. `message:seen` or `audio:say`."
          },
          "id": {
            "type": "integer",
            "minimum": 1,
            "description": "Event id, increasing within the conversation."
          },
          "timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "When the server recorded the event (ISO 8601)."
          },
          "from": {
            "type": "string",
            "description": "Member id of the sender. Informational only."
          },
          "conversation_id": {
            "type": "string",
            "description": "Conversation id; clients fall back to the requested conversation when absent."
          },
          "_embedded": {
            "$ref": "#/components/schemas/EventEmbedded",
            "description": "Who sent the event."
          },
          "body": {
            "type": "object",
            "description": "Type-specific content, as in the event's push."
          }
        },
        "required": [
          "type",
          "id",
          "timestamp",
          "body"
        ]
      },
      "RestEvent": {
        "description": "An item of an events page. **Only these types may appear**: `member:invited`, `member:joined`,\n`member:left`, `message`, `event:delete` and `custom:<name>`. Any other type (receipts,\n`ephemeral`, `audio:*`, ...) or a message with an unknown `message_type` makes the official client\nfail the entire page. Not discriminated, because the custom variant is matched by pattern; the\nvariants still exclude each other through their `type`.\n",
        "oneOf": [
          {
            "$ref": "#/components/schemas/MemberInvitedRestEvent"
          },
          {
            "$ref": "#/components/schemas/MemberJoinedRestEvent"
          },
          {
            "$ref": "#/components/schemas/MemberLeftRestEvent"
          },
          {
            "$ref": "#/components/schemas/MessageRestEvent"
          },
          {
            "$ref": "#/components/schemas/EventDeleteRestEvent"
          },
          {
            "$ref": "#/components/schemas/CustomRestEvent"
          }
        ]
      },
      "MemberInvitedRestEvent": {
        "type": "object",
        "description": "Stored `member:invited`. A stored invitation.",
        "properties": {
          "type": {
            "type": "string",
            "const": "member:invited",
            "description": "Event type."
          },
          "id": {
            "type": "integer",
            "minimum": 1,
            "description": "Event id, increasing within the conversation."
          },
          "timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "When the server recorded the event (ISO 8601)."
          },
          "from": {
            "type": "string",
            "description": "Member id of the sender. Informational only."
          },
          "conversation_id": {
            "type": "string",
            "description": "Conversation id; clients fall back to the requested conversation when absent."
          },
          "_embedded": {
            "$ref": "#/components/schemas/EventEmbedded",
            "description": "Who sent the event."
          },
          "body": {
            "$ref": "#/components/schemas/MemberInvitedBody",
            "description": "The invitation."
          }
        },
        "required": [
          "type",
          "id",
          "timestamp",
          "body"
        ]
      },
      "MemberJoinedRestEvent": {
        "type": "object",
        "description": "Stored `member:joined`. A stored join.",
        "properties": {
          "type": {
            "type": "string",
            "const": "member:joined",
            "description": "Event type."
          },
          "id": {
            "type": "integer",
            "minimum": 1,
            "description": "Event id, increasing within the conversation."
          },
          "timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "When the server recorded the event (ISO 8601)."
          },
          "from": {
            "type": "string",
            "description": "Member id of the sender. Informational only."
          },
          "conversation_id": {
            "type": "string",
            "description": "Conversation id; clients fall back to the requested conversation when absent."
          },
          "_embedded": {
            "$ref": "#/components/schemas/EventEmbedded",
            "description": "Who sent the event."
          },
          "body": {
            "$ref": "#/components/schemas/MemberJoinedBody",
            "description": "The new member."
          }
        },
        "required": [
          "type",
          "id",
          "timestamp",
          "body"
        ]
      },
      "MemberLeftRestEvent": {
        "type": "object",
        "description": "Stored `member:left`. A stored departure.",
        "properties": {
          "type": {
            "type": "string",
            "const": "member:left",
            "description": "Event type."
          },
          "id": {
            "type": "integer",
            "minimum": 1,
            "description": "Event id, increasing within the conversation."
          },
          "timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "When the server recorded the event (ISO 8601)."
          },
          "from": {
            "type": "string",
            "description": "Member id of the sender. Informational only."
          },
          "conversation_id": {
            "type": "string",
            "description": "Conversation id; clients fall back to the requested conversation when absent."
          },
          "_embedded": {
            "$ref": "#/components/schemas/EventEmbedded",
            "description": "Who sent the event."
          },
          "body": {
            "$ref": "#/components/schemas/MemberLeftBody",
            "description": "The departed member."
          }
        },
        "required": [
          "type",
          "id",
          "timestamp",
          "body"
        ]
      },
      "MessageRestEvent": {
        "type": "object",
        "description": "Stored `message`. A stored message, with per-member delivery state.",
        "properties": {
          "type": {
            "type": "string",
            "const": "message",
            "description": "Event type."
          },
          "id": {
            "type": "integer",
            "minimum": 1,
            "description": "Event id, increasing within the conversation."
          },
          "timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "When the server recorded the event (ISO 8601)."
          },
          "from": {
            "type": "string",
            "description": "Member id of the sender. Informational only."
          },
          "conversation_id": {
            "type": "string",
            "description": "Conversation id; clients fall back to the requested conversation when absent."
          },
          "_embedded": {
            "$ref": "#/components/schemas/EventEmbedded",
            "description": "Who sent the event."
          },
          "body": {
            "$ref": "#/components/schemas/MessageBody",
            "description": "The message content."
          },
          "state": {
            "$ref": "#/components/schemas/MessageState",
            "description": "Which members have seen, received, ... the message, and when."
          }
        },
        "required": [
          "type",
          "id",
          "timestamp",
          "body"
        ]
      },
      "EventDeleteRestEvent": {
        "type": "object",
        "description": "Stored `event:delete`. A stored deletion notice.",
        "properties": {
          "type": {
            "type": "string",
            "const": "event:delete",
            "description": "Event type."
          },
          "id": {
            "type": "integer",
            "minimum": 1,
            "description": "Event id, increasing within the conversation."
          },
          "timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "When the server recorded the event (ISO 8601)."
          },
          "from": {
            "type": "string",
            "description": "Member id of the sender. Informational only."
          },
          "conversation_id": {
            "type": "string",
            "description": "Conversation id; clients fall back to the requested conversation when absent."
          },
          "_embedded": {
            "$ref": "#/components/schemas/EventEmbedded",
            "description": "Who sent the event."
          },
          "body": {
            "$ref": "#/components/schemas/EventRefBody",
            "description": "The deleted event."
          }
        },
        "required": [
          "type",
          "id",
          "timestamp",
          "body"
        ]
      },
      "CustomRestEvent": {
        "type": "object",
        "description": "Stored custom event (`custom:<name>`). Matched by pattern, like `CustomPushedEvent`.",
        "properties": {
          "type": {
            "type": "string",
            "pattern": "^custom:.+",
            "description": "`custom:` followed by the application's event name."
          },
          "id": {
            "type": "integer",
            "minimum": 1,
            "description": "Event id, increasing within the conversation."
          },
          "timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "When the server recorded the event (ISO 8601)."
          },
          "from": {
            "type": "string",
            "description": "Member id of the sender. Informational only."
          },
          "conversation_id": {
            "type": "string",
            "description": "Conversation id; clients fall back to the requested conversation when absent."
          },
          "_embedded": {
            "$ref": "#/components/schemas/EventEmbedded",
            "description": "Who sent the event."
          },
          "body": {
            "type": "object",
            "additionalProperties": true,
            "description": "The application's object, as sent."
          }
        },
        "required": [
          "type",
          "id",
          "timestamp",
          "body"
        ]
      }
    }
  }
};
