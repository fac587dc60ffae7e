import { calendar, type calendar_v3 } from "googleapis/build/src/apis/calendar/index.js";
import type { GoogleAuth } from "./auth.ts";
import type { GoogleEndpoints } from "./endpoints.ts";
import { GoogleApiError } from "./errors.ts";
import type { CallContext } from "./google-call.ts";

/**
 * Opens a Calendar API bound to a refresh token's user, plus the secrets to keep out of errors;
 * `reused` says the access token came from the cache rather than a fresh refresh.
 */
export function calendarConnector(
  auth: GoogleAuth,
  endpoints: GoogleEndpoints,
  context: CallContext,
) {
  async function connect(refreshToken: string) {
    const { client, reused } = await auth.authorizedClient(refreshToken);
    const api = calendar({
      version: "v3",
      auth: client,
      rootUrl: endpoints.calendarRootUrl,
      retry: false,
      timeout: context.timeoutMs,
    });
    const secrets = [refreshToken, client.credentials.access_token ?? ""];
    return { api, secrets, reused };
  }

  /**
   * Runs `call` with the grant's access token. Google refusing a reused token (401: it expired
   * early, or the grant was revoked) gets one more try with a refreshed one, where a revoked grant
   * fails as `revoked`, as it did when every call refreshed first; a 401 on a fresh token is final.
   */
  async function withCalendar<T>(
    refreshToken: string,
    call: (api: calendar_v3.Calendar, secrets: string[]) => Promise<T>,
  ): Promise<T> {
    const first = await connect(refreshToken);
    try {
      return await call(first.api, first.secrets);
    } catch (error) {
      if (!(first.reused && error instanceof GoogleApiError && error.status === 401)) throw error;
      auth.forgetAccessToken(refreshToken);
      const again = await connect(refreshToken);
      return call(again.api, again.secrets);
    }
  }

  return Object.assign(connect, { withCalendar });
}

export type CalendarConnect = ReturnType<typeof calendarConnector>;
