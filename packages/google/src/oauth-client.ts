// The calendar API's module alone: googleapis' index loads every Google API (~90 MB at start).
import { auth } from "googleapis/build/src/apis/calendar/index.js";
import type { GoogleEndpoints } from "./endpoints.ts";

export interface OAuthClientSettings {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  timeoutMs: number;
}

/**
 * A fresh OAuth2 client per use, so no token outlives the call that needed it. Retries are off
 * everywhere, including the token requests google-auth-library retries by default: TimeTap's
 * outbox owns retrying.
 */
export type OAuthClient = InstanceType<typeof auth.OAuth2>;

export function createOAuthClient(
  settings: OAuthClientSettings,
  endpoints: GoogleEndpoints,
): OAuthClient {
  const client = new auth.OAuth2({
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    redirectUri: settings.redirectUri,
    endpoints: {
      oauth2AuthBaseUrl: endpoints.authUrl,
      oauth2TokenUrl: endpoints.tokenUrl,
      oauth2RevokeUrl: endpoints.revokeUrl,
    },
    transporterOptions: { timeout: settings.timeoutMs, retry: false },
  });
  client.transporter.interceptors.request.add({
    resolved: async (config) => {
      config.retry = false;
      delete config.retryConfig;
      return config;
    },
  });
  return client;
}
