// CommonJS users of the npm package: `require("@parley/client")` must give the same module as
// `import`, so one app can mix both without two copies of VonageClient. `deno task build:npm` runs it
// from a scratch folder where only the client package is installed, on Node 20 and Node 22.
"use strict";
const assert = require("node:assert/strict");
const required = require("@parley/client");

import("@parley/client").then((imported) => {
  // Node marks a required ES module that has a default export with `__esModule`, for transpiled code.
  const names = (m) => Object.keys(m).filter((k) => k !== "__esModule").sort();
  assert.deepEqual(names(required), names(imported));
  assert.equal(required.VonageClient, imported.VonageClient);
  assert.equal(required.default, required.VonageClient);
  const client = new required.VonageClient({ disableInternalLogger: true });
  assert.equal(typeof client.on("conversationEvent", () => {}), "symbol");
  assert.equal(required.some(1).value, 1);
  console.log(`require and import give the same module on Node ${process.version}`);
});
