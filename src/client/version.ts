/**
 * Name and version the client reports at login (`SDK_name`, `SDK_version`). A unit test keeps the
 * version equal to deno.json's.
 *
 * @module
 */

/** Package name sent as `SDK_name`. */
export const SDK_NAME = "@parley/client";
/** Package version sent as `SDK_version`. */
export const SDK_VERSION = "0.1.0";
