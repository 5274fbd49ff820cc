// The voice layer against a scripted server: serverCall gives up with voice:error:media_timeout when
// the call is never joined, and cleans up; each call's microphone follows the config of its start;
// getCallLegs needs the call's media state.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Emitter, type VonageEvent } from "../../src/client/emitter.ts";
import { Http } from "../../src/client/http.ts";
import type { MediaAdapter } from "../../src/client/media.ts";
import { Voice } from "../../src/client/voice.ts";
import { recordingLogger } from "./_log.ts";
import { pushed, T } from "./_push.ts";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

function voice(answer: (request: Request) => Response, setupTimeoutMs = 30) {
  const settings = { rtcStatsTelemetry: true, autoReconnectMedia: false, noiseSuppression: true };
  const { logger } = recordingLogger();
  const paths: string[] = [];
  const http = new Http(
    {
      apiUrl: "http://api.test",
      requestTimeoutMs: 1_000,
      fetch: (request) => {
        paths.push(`${request.method} ${new URL(request.url).pathname}`);
        return Promise.resolve(answer(request));
      },
    },
    () => "TOKEN",
    logger,
  );
  let closed = 0;
  const microphones: unknown[] = [];
  const media: MediaAdapter = {
    connect: (_onState, microphone) => {
      microphones.push(microphone);
      return Promise.resolve({
        createOffer: () => Promise.resolve("v=0"),
        applyAnswer: () => Promise.resolve(),
        createAnswer: () => Promise.resolve("v=0"),
        mute() {},
        earmuff() {},
        close: () => void closed++,
      });
    },
  };
  const layer = new Voice({
    http: () => http,
    session: () => ({ id: "SES-1", userId: "USR-1", userName: "alice", pendingEvents: [] }),
    media: () => media,
    me: () => "USR-1",
    config: () => settings,
    emitter: new Emitter<VonageEvent>(logger),
  }, setupTimeoutMs);
  return { layer, paths, closed: () => closed, settings, microphones };
}

describe("Voice", () => {
  it("serverCall rejects with voice:error:media_timeout when the server never joins the call", async () => {
    const { layer, paths, closed } = voice((request) =>
      new URL(request.url).pathname === "/v0.3/legs"
        ? json(201, { rtc_id: "LEG-1", sdp: "v=0" })
        : json(201, {
          id: "KNO-1",
        })
    );
    await assert.rejects(layer.serverCall({ to: "bob" }), {
      type: "INTERNAL_ERROR",
      code: "voice:error:media_timeout",
      message: /Call LEG-1 was not connected in time/,
    });
    assert.deepEqual(paths, ["POST /v0.3/legs", "POST /v0.3/knocking"]);
    assert.equal(closed(), 1, "the media is closed");
    await assert.rejects(layer.hangup("LEG-1"), { code: "voice:error:no_call_found" });
  });

  it("serverCall hands on the server's refusal and closes the media", async () => {
    const { layer, closed } = voice(() => json(403, { code: "system:error:permission", detail: "no" }));
    await assert.rejects(layer.serverCall(), { type: "CS_ERROR", code: "system:error:permission" });
    assert.equal(closed(), 1);
  });

  it("each call opens the microphone with the noiseSuppression of the config in use when it starts", async () => {
    const { layer, settings, microphones } = voice(() => json(403, { code: "system:error:permission" }));
    await assert.rejects(layer.serverCall(), { code: "system:error:permission" });
    settings.noiseSuppression = false;
    await assert.rejects(layer.serverCall(), { code: "system:error:permission" });
    assert.deepEqual(microphones, [{ noiseSuppression: true }, { noiseSuppression: false }]);
  });

  it("getCallLegs rejects with voice:error:no_call_media_found when the conversation has no media state", async () => {
    const { layer } = voice((request) => {
      const path = new URL(request.url).pathname;
      if (path === "/v0.3/legs") return json(201, { rtc_id: "LEG-1", sdp: "v=0" });
      if (path === "/v0.3/knocking") {
        queueMicrotask(() =>
          layer.receive(pushed("member:joined", {
            id: 1,
            cid: "CON-1",
            timestamp: T,
            body: {
              member_id: "MEM-1",
              user: { id: "USR-1", name: "alice" },
              channel: { type: "app", id: "LEG-1" },
            },
          }))
        );
        return json(201, { id: "KNO-1" });
      }
      return json(200, { id: "CON-1", name: "call", timestamp: {} });
    }, 1_000);
    assert.equal(await layer.serverCall(), "LEG-1");
    await assert.rejects(layer.getCallLegs("LEG-1"), { code: "voice:error:no_call_media_found" });
  });
});
