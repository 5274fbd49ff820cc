import { afterEach, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createVonageLogger, Logger, redact } from "../../src/client/logger.ts";

const JWT = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXBhcnQ";

describe("redact()", () => {
  it("hides JWTs, token= query values and bearer tokens", () => {
    assert.equal(redact(`token is ${JWT} ok`), "token is [redacted] ok");
    assert.equal(
      redact("GET /v2/rtc/?EIO=4&token=abc.def&session_id=S"),
      "GET /v2/rtc/?EIO=4&token=[redacted]&session_id=S",
    );
    assert.equal(redact("Authorization: Bearer opaque-token-123"), "Authorization: Bearer [redacted]");
    assert.equal(redact("bearer xyz"), "bearer [redacted]");
  });

  it("leaves ordinary text alone", () => {
    const text = "conversation CON-1 joined as MEM-2 at 2026-01-01T00:00:00Z";
    assert.equal(redact(text), text);
  });
});

describe("Logger", () => {
  let printed: string[] = [];
  const original = { error: console.error, warn: console.warn, log: console.log };
  beforeEach(() => {
    printed = [];
    console.error = (...a: unknown[]) => printed.push(`E ${a.join(" ")}`);
    console.warn = (...a: unknown[]) => printed.push(`W ${a.join(" ")}`);
    console.log = (...a: unknown[]) => printed.push(`L ${a.join(" ")}`);
  });
  afterEach(() => {
    Object.assign(console, original);
  });

  it("prints at or above loggingLevel (default Error), redacted", () => {
    new Logger().warn("WS", "quiet");
    new Logger().error("WS", `failed with ${JWT}`);
    assert.deepEqual(printed, ["E [parley] Error WS: failed with [redacted]"]);
    new Logger({ loggingLevel: "Debug" }).debug("HTTP", "token=secret");
    assert.equal(printed[1], "L [parley] Debug HTTP: token=[redacted]");
  });

  it("disableInternalLogger silences the console but not custom loggers", () => {
    const got: string[] = [];
    const logger = new Logger({
      disableInternalLogger: true,
      customLoggers: [
        createVonageLogger("c", (level, topic, message) => got.push(`${level}|${topic.name}|${message}`)),
      ],
    });
    logger.error("API", `Bearer ${JWT}`);
    assert.deepEqual(printed, []);
    assert.deepEqual(got, ["Error|API|Bearer [redacted]"]);
  });

  it("custom loggers filter by their own minLogLevel and topics", () => {
    const got: string[] = [];
    const logger = new Logger({
      disableInternalLogger: true,
      customLoggers: [
        createVonageLogger("c", (level, topic) => got.push(`${level}:${topic.name}`), "Info", ["WS"]),
      ],
    });
    logger.debug("WS", "x");
    logger.info("WS", "x");
    logger.info("HTTP", "x");
    logger.error("WS", "x");
    assert.deepEqual(got, ["Info:WS", "Error:WS"]);
  });

  it("a throwing custom logger does not break logging", () => {
    const got: string[] = [];
    const logger = new Logger({
      disableInternalLogger: true,
      customLoggers: [
        createVonageLogger("bad", () => {
          throw new Error("x");
        }),
        createVonageLogger("good", (_l, _t, m) => got.push(m)),
      ],
    });
    logger.error("API", "still here");
    assert.deepEqual(got, ["still here"]);
  });
});
