// The reference server's public surface: startServer, token(), close(), dev and production mode,
// and the routing around the REST API (unknown paths, methods, CORS, the metrics report).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  Api,
  assertInvalid,
  assertProblem,
  claimsOf,
  rsaKeys,
  serverSuite,
  signJwt,
  startServer,
  user,
} from "./_server_helpers.ts";

describe("startServer in dev mode", () => {
  const suite = serverSuite();

  it("listens on 127.0.0.1 on a free port and reports its url", () => {
    const { server } = suite;
    assert.ok(server.port > 0);
    assert.equal(server.url, `http://127.0.0.1:${server.port}`);
  });

  it("mints RS256 tokens with the client claims", async () => {
    const token = await suite.server.token("alice", { ttlSeconds: 120 });
    const [header] = token.split(".");
    assert.equal(JSON.parse(atob(header!.replaceAll("-", "+").replaceAll("_", "/"))).alg, "RS256");
    const claims = claimsOf(token);
    assert.equal(claims.sub, "alice");
    assert.equal(claims.exp - claims.iat, 120);
    assert.equal(typeof claims.application_id, "string");
    assert.equal(typeof claims.jti, "string");
    assert.ok(claims.acl.paths["/*/conversations/**"]);
    assert.notEqual(claimsOf(await suite.server.token("alice")).jti, claims.jti);
  });

  it("defaults to one hour and refuses empty user names", async () => {
    const claims = claimsOf(await suite.server.token("bob"));
    assert.equal(claims.exp - claims.iat, 3600);
    await assert.rejects(suite.server.token(""), /non-empty user name/);
  });

  it("creates users on their first authenticated request", async () => {
    const api = new Api(suite.server.url, await suite.server.token("newcomer"));
    const answer = await api.get("/v0.3/users/newcomer");
    assert.equal(answer.status, 200);
    assert.match(answer.body.id, /^USR-[0-9a-f-]{36}$/);
    assert.equal(answer.body.name, "newcomer");
    const byId = await api.get(`/v0.3/users/${answer.body.id}`);
    assert.deepEqual(byId.body, answer.body);
    assertProblem(await api.get("/v0.3/users/nobody-at-all"), 404, "user:error:not-found");
  });

  it("reads the bearer scheme in any case, and refuses other schemes", async () => {
    const token = await suite.server.token("alice");
    const api = new Api(suite.server.url);
    for (const scheme of ["bearer", "Bearer", "BEARER"]) {
      const answer = await api.request("GET", "/v0.3/users/alice", {
        headers: { authorization: `${scheme} ${token}` },
      });
      assert.equal(answer.status, 200, scheme);
    }
    for (const authorization of [`Basic ${token}`, token, "bearer", "bearer a b"]) {
      const answer = await api.request("GET", "/v0.3/users/alice", { headers: { authorization } });
      assertProblem(answer, 401, "system:error:invalid-token");
    }
  });

  it("answers unknown paths with 404 and wrong methods with 405", async () => {
    const api = new Api(suite.server.url, await suite.server.token("alice"));
    assertProblem(await api.get("/v0.3/nothing-here"), 404, "http:error:not-found");
    assertProblem(await api.get("/"), 404, "http:error:not-found");
    const wrong = await api.request("PATCH", "/v0.3/legs");
    assertProblem(wrong, 405, "http:error:method-not-allowed");
    assert.equal(wrong.headers.get("allow"), "POST");
  });

  it("answers CORS preflights", async () => {
    const res = await fetch(`${suite.server.url}/v0.3/conversations`, { method: "OPTIONS" });
    await res.body?.cancel();
    assert.equal(res.status, 204);
    assert.equal(res.headers.get("access-control-allow-origin"), "*");
    assert.match(res.headers.get("access-control-allow-headers") ?? "", /authorization/);
    assert.match(res.headers.get("access-control-allow-methods") ?? "", /DELETE/);
  });

  it("lets pages of any origin read its answers, refusals included", async () => {
    const alice = await suite.user("alice");
    const answers = [
      await fetch(`${suite.server.url}/v0.3/users/${alice.id}`, {
        headers: { authorization: `Bearer ${alice.token}` },
      }),
      await fetch(`${suite.server.url}/v0.3/nowhere`),
    ];
    assert.deepEqual(answers.map((res) => res.status), [200, 404]);
    for (const res of answers) {
      await res.body?.cancel();
      assert.equal(res.headers.get("access-control-allow-origin"), "*");
    }
  });

  it("takes the metrics report on /v2/rtc/metrics, before socket.io, with or without a token", async () => {
    const report = {
      body: { sessionId: "SES-1", metrics: [{ name: "TIME_TO_RECONNECT_SUCCESS", time: 11, attempt: 1 }] },
    };
    const anonymous = await new Api(suite.server.url).post("/v2/rtc/metrics", report);
    assert.equal(anonymous.status, 204);
    assert.equal(anonymous.text, "");
    const withToken = await new Api(suite.server.url, await suite.server.token("alice")).post(
      "/v2/rtc/metrics",
      report,
    );
    assert.equal(withToken.status, 204);
    assertInvalid(
      await new Api(suite.server.url).post("/v2/rtc/metrics", { body: {} }),
      "body.body.sessionId",
    );
  });

  it("serves socket.io on /v2/rtc over websocket only", async () => {
    const res = await fetch(`${suite.server.url}/v2/rtc/?EIO=4&transport=polling`);
    await res.body?.cancel();
    assert.equal(res.status, 400);
  });
});

describe("startServer options and close", () => {
  it("runs several servers side by side, each with its own keys", async () => {
    const [a, b] = await Promise.all([startServer(), startServer()]);
    try {
      assert.notEqual(a.port, b.port);
      const fromB = new Api(a.url, await b.token("alice"));
      assertProblem(await fromB.get("/v0.3/users/alice"), 401, "system:error:invalid-token");
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("refuses a bad port and a bad public key", async () => {
    await assert.rejects(startServer({ port: -1 }), RangeError);
    await assert.rejects(startServer({ publicKey: "not a key" }), /publicKey is not an RSA public key/);
  });

  it("stops listening on close(), which may be called twice", async () => {
    const server = await startServer();
    const url = server.url;
    await Promise.all([server.close(), server.close()]);
    await server.close();
    await assert.rejects(fetch(`${url}/v0.3/users/x`));
  });
});

describe("startServer in production mode", () => {
  const keys = rsaKeys();
  const suite = serverSuite({ publicKey: keys.publicKey });
  const now = () => Math.floor(Date.now() / 1000);
  const claims = (sub: string) => ({ application_id: "app-1", sub, iat: now(), exp: now() + 600, jti: "j" });

  it("cannot mint tokens", async () => {
    await assert.rejects(suite.server.token("alice"), /only available in dev mode/);
  });

  it("accepts tokens signed with the application's private key", async () => {
    const api = new Api(suite.server.url, signJwt(keys.privateKey, claims("carol")));
    const answer = await api.get("/v0.3/users/carol");
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.body.name, "carol");
  });

  it("refuses tokens signed with another key", async () => {
    const other = rsaKeys();
    const api = new Api(suite.server.url, signJwt(other.privateKey, claims("carol")));
    assertProblem(await api.get("/v0.3/users/carol"), 401, "system:error:invalid-token");
  });

  it("needs exp and application_id; a token without sub cannot act as a user", async () => {
    const { exp: _exp, ...noExp } = claims("carol");
    const { application_id: _app, ...noApp } = claims("carol");
    const { sub: _sub, ...noSub } = claims("carol");
    const call = (c: Record<string, unknown>) =>
      new Api(suite.server.url, signJwt(keys.privateKey, c)).get("/v0.3/users/carol");
    assertProblem(await call(noExp), 401, "system:error:invalid-token");
    assertProblem(await call(noApp), 401, "system:error:invalid-token");
    assertProblem(await call(noSub), 403, "system:error:permission");
  });

  it("lets a token use only the paths of its acl", async () => {
    const token = signJwt(keys.privateKey, { ...claims("dave"), acl: { paths: { "/*/users/**": {} } } });
    const api = new Api(suite.server.url, token);
    assert.equal((await api.get("/v0.3/users/dave")).status, 200);
    assertProblem(await api.post("/v0.3/conversations", {}), 403, "system:error:permission");
    const bad = signJwt(keys.privateKey, { ...claims("dave"), acl: "everything" });
    assertProblem(
      await new Api(suite.server.url, bad).get("/v0.3/users/dave"),
      401,
      "system:error:invalid-token",
    );
  });

  it("honours the token's acl at socket login, as on REST", async () => {
    const acl = (paths: string[]) => ({ paths: Object.fromEntries(paths.map((p) => [p, {}])) });
    const refused = suite.open(signJwt(keys.privateKey, { ...claims("dave"), acl: acl(["/*/users/**"]) }));
    const refusal = await refused.next("system:error:permission");
    assert.match(refusal.detail, /acl does not allow \/v0\.2\/sessions/);
    assert.equal(await refused.next("disconnect"), "io server disconnect");
    assert.ok(!refused.names().includes("session:success"));
    const allowed = suite.open(
      signJwt(keys.privateKey, { ...claims("dave"), acl: acl(["/*/sessions/**", "/*/users/**"]) }),
    );
    assert.equal((await allowed.login()).name, "dave");
  });

  it("logs in sockets with such tokens", async () => {
    const client = suite.open(signJwt(keys.privateKey, claims("erin")));
    const session = await client.login();
    assert.equal(session.name, "erin");
    assert.equal(session.api_key, "app-1");
  });

  it("refuses a socket login with a token without sub", async () => {
    const { sub: _sub, ...noSub } = claims("erin");
    const client = suite.open(signJwt(keys.privateKey, noSub));
    const refusal = await client.next("system:error:permission");
    assert.equal(refusal.code, "system:error:permission");
    assert.equal(await client.next("disconnect"), "io server disconnect");
  });

  it("still makes users on first use, so users can be invited once they logged in", async () => {
    const frank = {
      name: "frank",
      api: new Api(suite.server.url, signJwt(keys.privateKey, claims("frank"))),
    };
    const created = await frank.api.post("/v0.3/conversations", {});
    assert.equal(created.status, 201);
    const invite = (name: string) =>
      frank.api.post(`/v0.3/conversations/${created.body.id}/members`, { state: "invited", user: { name } });
    assertProblem(await invite("grace"), 404, "user:error:not-found");
    await new Api(suite.server.url, signJwt(keys.privateKey, claims("grace"))).get("/v0.3/users/grace");
    assert.equal((await invite("grace")).status, 201);
  });
});

describe("the user operation", () => {
  const suite = serverSuite();

  it("reads a user by id or name", async () => {
    const alice = await user(suite.server, "alice-users");
    const answer = await alice.api.get(`/v0.3/users/${alice.name}`);
    assert.equal(answer.status, 200);
    assert.equal(answer.body.name, "alice-users");
    assert.ok(!Number.isNaN(Date.parse(answer.body.timestamp.created)));
    assert.deepEqual((await alice.api.get("/v0.3/users/alice-users")).body, answer.body);
  });
});
