/**
 * The entry of the script-tag build, `vonageClientSDK.min.js` (`deno task size` writes it to
 * dist/browser/, the npm package ships it in dist/): one classic script that puts this package's
 * exports on the global `vonageClientSDK`, where the official SDK's browser build puts its own, so a
 * page written for it switches by changing the script's `src`.
 *
 * @module
 */
import * as sdk from "../mod.ts";

(globalThis as { vonageClientSDK?: typeof sdk }).vonageClientSDK = sdk;
