// The only place the client's runtime npm dependencies are named, with their version ranges.
// Inline `npm:` specifiers (not an import map) so that `import … from "https://host/mod.ts"` works
// for Deno users, who never read this package's deno.json; `deno pack` turns them into
// package.json dependencies for the npm build.
export { default as createFetchClient } from "npm:openapi-fetch@^0.17.0";
export type { Client as FetchClient, Middleware as FetchMiddleware } from "npm:openapi-fetch@^0.17.0";
export { io } from "npm:socket.io-client@^4.8.4";
export type { ManagerOptions, Socket, SocketOptions } from "npm:socket.io-client@^4.8.4";
