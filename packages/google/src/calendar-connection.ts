import { google } from "googleapis";
import type { GoogleAuth } from "./auth.ts";
import type { GoogleEndpoints } from "./endpoints.ts";
import type { CallContext } from "./google-call.ts";
import type { OAuthClient } from "./oauth-client.ts";

/** Opens a Calendar API bound to a refresh token's user, plus the secrets to keep out of errors. */
export function calendarConnector(
  auth: GoogleAuth,
  endpoints: GoogleEndpoints,
  context: CallContext,
) {
  return async function connect(refreshToken: string) {
    const client: OAuthClient = await auth.authorizedClient(refreshToken);
    const api = google.calendar({
      version: "v3",
      auth: client,
      rootUrl: endpoints.calendarRootUrl,
      retry: false,
      timeout: context.timeoutMs,
    });
    const secrets = [refreshToken, client.credentials.access_token ?? ""];
    return { api, secrets };
  };
}

export type CalendarConnect = ReturnType<typeof calendarConnector>;
