import { ApiKeyScope } from "@timetap/db";
import { ApiKeyScopeError } from "../lib/service-errors.ts";

/** What each scope lets a key do, in the words the dashboard and the refusals use. */
export const apiKeyScopeLabels: Record<ApiKeyScope, string> = {
  read_bookings: "Read bookings",
  manage_bookings: "Manage bookings",
  manage_settings: "Manage settings",
};

/** Every scope: what a key made without choosing gets, as keys made before scopes have. */
export const allApiKeyScopes = Object.values(ApiKeyScope);

/**
 * Lets a signed-in host do anything; an API key only what its host ticked. The caller is the one
 * `authenticateHost` returned.
 */
export function requireScope(
  caller: { via: "session" } | { via: "apiKey"; scopes: readonly ApiKeyScope[] },
  scope: ApiKeyScope,
): void {
  if (caller.via === "apiKey" && !caller.scopes.includes(scope))
    throw new ApiKeyScopeError(apiKeyScopeLabels[scope]);
}
