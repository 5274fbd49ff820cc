// The only place the reference server's npm dependencies are named, with their version ranges.
// Inline `npm:` specifiers for the same reason as src/deps.ts: a URL import of server.ts must work
// without this package's deno.json, and `deno pack` turns them into package.json dependencies.
export { Server as SocketServer } from "npm:socket.io@^4.8.1";
export type { Socket as ServerSocket } from "npm:socket.io@^4.8.1";
// socket.io's own `attach` claims every URL under its path, but `POST /v2/rtc/metrics` must be answered
// by the REST router; binding a separately made engine lets http.ts decide which requests it gets.
export { Server as EngineServer } from "npm:engine.io@~6.6.0";
// Builds a push's websocket frame once for all its receivers (push_packet.ts), as socket.io-adapter
// does with the same package, which engine.io uses for its websockets.
export { default as WebSocketPackage } from "npm:ws@^8.17.1";
export {
  errors as joseErrors,
  exportJWK,
  generateKeyPair,
  importJWK,
  importSPKI,
  jwtVerify,
  SignJWT,
} from "npm:jose@^6.0.0";
export type { CryptoKey as JoseKey, JWTPayload } from "npm:jose@^6.0.0";
export { Ajv2020 } from "npm:ajv@^8.17.1/dist/2020.js";
export type { ErrorObject, ValidateFunction } from "npm:ajv@^8.17.1";
export { default as addFormats } from "npm:ajv-formats@^3.0.1";
export { default as postgres } from "npm:postgres@^3.4.9";
export type { Sql } from "npm:postgres@^3.4.9";
