import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { ClientConfig, resolveConfig } from "../../src/client/config.ts";
import { VonageError } from "../../src/errors.ts";
import { SDK_VERSION } from "../../src/client/version.ts";

describe("resolveConfig()", () => {
  it("fills every key from the region's defaults (US when absent)", () => {
    const us = resolveConfig({});
    assert.equal(us.region, "US");
    assert.equal(us.apiUrl, "https://api-us.vonage.com");
    assert.equal(us.websocketUrl, "https://ws-us.vonage.com");
    assert.equal(us.websocketPath, "/v2/rtc");
    assert.equal(us.rtcStatsTelemetry, true);
    assert.equal(us.autoReconnectMedia, false);
    assert.equal(us.emergencyPrimaryRegion, "https://api-us-3.vonage.com");
    assert.equal(us.emergencySecondaryRegion, "https://api-us-4.vonage.com");
    assert.equal(us.requestTimeoutMs, 30_000);
    const eu = resolveConfig({ region: "EU" });
    assert.equal(eu.apiUrl, "https://api-eu.vonage.com");
    assert.equal(resolveConfig({ region: "AP" }).websocketUrl, "https://ws-ap.vonage.com");
  });

  it("explicit keys win verbatim; the rest are defaults again (each call replaces the whole config)", () => {
    const local = resolveConfig({ region: "EU", apiUrl: "http://127.0.0.1:1", websocketUrl: "wss://x" });
    assert.equal(local.apiUrl, "http://127.0.0.1:1");
    assert.equal(local.websocketUrl, "wss://x");
    assert.equal(local.emergencyPrimaryRegion, "https://api-eu-3.vonage.com");
    assert.equal(resolveConfig({ region: "EU" }).apiUrl, "https://api-eu.vonage.com");
  });

  it("a ClientConfig instance passes through", () => {
    const config = new ClientConfig("AP");
    config.websocketPath = "/custom";
    config.requestTimeoutMs = 5;
    const resolved = resolveConfig(config);
    assert.equal(resolved.websocketPath, "/custom");
    assert.equal(resolved.apiUrl, "https://api-ap.vonage.com");
    assert.equal(resolved.requestTimeoutMs, 5);
  });

  it("refuses an unknown region and a bad timeout", () => {
    assert.throws(() => resolveConfig({ region: "MARS" as "US" }), (e: unknown) => {
      return e instanceof VonageError && /Unknown region "MARS": use "US", "EU" or "AP"/.test(e.message);
    });
    assert.throws(() => resolveConfig({ requestTimeoutMs: 0 }), /requestTimeoutMs must be a positive number/);
  });
});

describe("SDK_VERSION", () => {
  it("equals deno.json's version", async () => {
    const config = JSON.parse(await Deno.readTextFile(new URL("../../deno.json", import.meta.url)));
    assert.equal(SDK_VERSION, config.version);
  });
});
