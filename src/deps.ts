// The only place the client's runtime npm dependencies are named, with their version ranges.
// Inline `npm:` specifiers (not an import map) so that `import … from "https://host/mod.ts"` works
// for Deno users, who never read this package's deno.json; `deno pack` turns them into
// package.json dependencies for the npm build.
export { default as createFetchClient } from "npm:openapi-fetch@^0.17.0";
export type { Client as FetchClient, Middleware as FetchMiddleware } from "npm:openapi-fetch@^0.17.0";
// socket.io-client's own ES module build for browsers, copied by scripts/vendor.ts: its Node build
// (what Deno would load from npm) brings `debug`, which reads the environment as it loads, so Deno
// apps would need --allow-env. The npm package imports `npm:socket.io-client` itself (scripts/build_npm.ts), which
// gives Node 20 its `ws` fallback.
// @ts-types="npm:socket.io-client@^4.8.4"
export { io } from "./vendor/socket.io-client.js";
export type { ManagerOptions, Socket, SocketOptions } from "npm:socket.io-client@^4.8.4";
