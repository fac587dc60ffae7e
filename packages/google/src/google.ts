import { createAuth } from "./auth.ts";
import { createCalendar } from "./calendar.ts";
import { googleEndpoints } from "./endpoints.ts";
import { defaultConferenceWaitMs, defaultTimeoutMs, type GoogleSettings } from "./settings.ts";

/** Everything TimeTap does with Google, configured by injected settings. */
export function createGoogle(settings: GoogleSettings) {
  const endpoints = googleEndpoints(settings.baseUrl);
  const timeoutMs = settings.timeoutMs ?? defaultTimeoutMs;
  const context = { timeoutMs, logger: settings.logger, onCall: settings.onCall };
  const auth = createAuth(
    {
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      redirectUri: settings.redirectUri,
      timeoutMs,
    },
    endpoints,
    context,
  );
  const calendar = createCalendar(auth, endpoints, {
    ...context,
    conferenceWaitMs: settings.conferenceWaitMs ?? defaultConferenceWaitMs,
  });
  return {
    authorizationUrl: auth.authorizationUrl,
    exchangeCode: auth.exchangeCode,
    revokeToken: auth.revokeToken,
    ...calendar,
  };
}

export type GoogleClient = ReturnType<typeof createGoogle>;
