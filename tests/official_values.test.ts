// Values the official SDK exports besides the client, as code written for it uses them: Topic (the
// topic of a log line), ClientInitConfig and convertInitConfig, and the noiseSuppression config key.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  ClientConfig,
  ClientInitConfig,
  convertInitConfig,
  createVonageLogger,
  LoggingLevel,
  Topic,
  Topics,
  VonageClient,
} from "../mod.ts";

describe("official values", () => {
  it("Topic: name and tag, copy, equals, toString", () => {
    const topic = new Topic(Topics.WS, "ws");
    assert.equal(topic.name, "WS");
    assert.equal(topic.tag, "ws");
    assert.ok(topic.copy().equals(topic));
    assert.equal(topic.copy(Topics.HTTP).name, "HTTP");
    assert.equal(topic.equals({ name: "WS", tag: "ws" }), false);
    assert.equal(String(topic), "Topic(name=WS, tag=ws)");
  });

  it("custom loggers receive Topic values", async () => {
    const topics: unknown[] = [];
    const logger = createVonageLogger("test", (_level, topic) => topics.push(topic), LoggingLevel.Debug);
    const client = new VonageClient({
      customLoggers: [logger],
      disableInternalLogger: true,
      loggingLevel: "Debug",
    });
    client.setConfig({ apiUrl: "http://127.0.0.1:9", websocketUrl: "http://127.0.0.1:9" });
    await assert.rejects(client.createSession("not-a-token"));
    assert.ok(topics.length > 0, "the client logged");
    assert.ok(topics.every((t) => t instanceof Topic), JSON.stringify(topics));
  });

  it("ClientInitConfig: a region's defaults plus logging, taken by the constructor", () => {
    const config = new ClientInitConfig(LoggingLevel.Debug, "EU");
    assert.equal(config.loggingLevel, "Debug");
    assert.equal(config.region, "EU");
    assert.equal(config.apiUrl, new ClientConfig("EU").apiUrl);
    assert.deepEqual(config.customLoggers, []);
    assert.equal(config.disableInternalLogger, false);
    config.disableInternalLogger = true;
    assert.ok(new VonageClient(config) instanceof VonageClient);
    const plain = convertInitConfig(config);
    assert.notEqual(plain, config);
    assert.equal(plain.region, "EU");
  });

  it("noiseSuppression: on by default, accepted by setConfig", () => {
    assert.equal(new ClientConfig().noiseSuppression, true);
    const client = new VonageClient({ disableInternalLogger: true });
    client.setConfig({ noiseSuppression: false });
  });
});
