/**
 * Users. There is no user administration: a user exists from the first time a valid token names it
 * (socket login or REST call), in dev and production mode alike. Inviting a name that never logged in
 * therefore answers `user:error:not-found`, as the hosted service does for unknown users.
 *
 * @module
 */
import type { WireUser } from "../wire.ts";
import type { Handlers } from "./contract.ts";
import { ApiError } from "./problems.ts";
import type { Store, UserRecord } from "./store.ts";

/** The user with this name, created (`USR-<uuid>`) if it does not exist yet. */
export function userNamed(store: Store, name: string): UserRecord {
  const found = store.userByName(name);
  if (found) return found;
  const user: UserRecord = { id: `USR-${crypto.randomUUID()}`, name, created: new Date().toISOString() };
  store.putUser(user);
  return user;
}

/** A user by id or, failing that, by name; 404 `user:error:not-found` otherwise. */
export function findUser(store: Store, idOrName: string): UserRecord {
  const user = store.user(idOrName) ?? store.userByName(idOrName);
  if (!user) {
    throw new ApiError("user:error:not-found", `No user has the id or name ${JSON.stringify(idOrName)}.`);
  }
  return user;
}

/** The wire form of a user. */
export function userView(user: UserRecord): WireUser {
  return { id: user.id, name: user.name, timestamp: { created: user.created } };
}

/** The user operations. */
export function userHandlers(store: Store) {
  return {
    "GET /v0.3/users/{user_id}": ({ params }) => ({
      status: 200,
      body: userView(findUser(store, params.path.user_id)),
    }),
  } satisfies Partial<Handlers>;
}
