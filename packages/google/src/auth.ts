import type { GoogleEndpoints } from "./endpoints.ts";
import { GoogleApiError } from "./errors.ts";
import { googleCall, type CallContext } from "./google-call.ts";
import { createOAuthClient, type OAuthClient, type OAuthClientSettings } from "./oauth-client.ts";

export const scopes = [
  "openid",
  "email",
  "profile",
  "https://www.googleapis.com/auth/calendar.events",
  "https://www.googleapis.com/auth/calendar.freebusy",
];

export interface ConnectedAccount {
  refreshToken: string;
  accessToken: string;
  email: string;
  name: string;
  sub: string;
}

interface UserInfo {
  sub?: string;
  email?: string;
  name?: string;
}

export function createAuth(
  settings: OAuthClientSettings,
  endpoints: GoogleEndpoints,
  context: CallContext,
) {
  const newClient = () => createOAuthClient(settings, endpoints);

  /** The consent URL; offline access with prompt=consent so Google always returns a refresh token. */
  function authorizationUrl(state: string): string {
    return newClient().generateAuthUrl({
      scope: scopes,
      access_type: "offline",
      prompt: "consent",
      include_granted_scopes: true,
      state,
    });
  }

  async function exchangeCode(code: string): Promise<ConnectedAccount> {
    const client = newClient();
    const { tokens } = await googleCall(context, "code", [code], () => client.getToken(code));
    const accessToken = tokens.access_token;
    const refreshToken = tokens.refresh_token;
    if (!accessToken || !refreshToken) {
      throw new GoogleApiError({
        kind: "permanent",
        operation: "code",
        reason: "missing_refresh_token",
        message: "Google code exchange returned no refresh token",
      });
    }
    client.setCredentials(tokens);
    const { data } = await googleCall(context, "userinfo", [accessToken, refreshToken], (signal) =>
      client.request<UserInfo>({ url: endpoints.userinfoUrl, signal }),
    );
    if (!data.email || !data.sub) {
      throw new GoogleApiError({
        kind: "permanent",
        operation: "userinfo",
        reason: "missing_email",
        message: "Google userinfo returned no email",
      });
    }
    return {
      refreshToken,
      accessToken,
      email: data.email,
      name: data.name || data.email,
      sub: data.sub,
    };
  }

  /** Idempotent: a token Google no longer knows (already revoked or expired) counts as revoked. */
  async function revokeToken(refreshToken: string): Promise<void> {
    const alreadyRevoked = (error: GoogleApiError) => error.reason === "invalid_token";
    try {
      await googleCall(
        context,
        "revoke",
        [refreshToken],
        () => newClient().revokeToken(refreshToken),
        alreadyRevoked,
      );
    } catch (error) {
      if (error instanceof GoogleApiError && alreadyRevoked(error)) return;
      throw error;
    }
  }

  /** A client holding a fresh access token, so a revoked grant fails here as `revoked`. */
  async function authorizedClient(refreshToken: string): Promise<OAuthClient> {
    const client = newClient();
    client.setCredentials({ refresh_token: refreshToken });
    await googleCall(context, "token", [refreshToken], () => client.getAccessToken());
    return client;
  }

  return { authorizationUrl, exchangeCode, revokeToken, authorizedClient };
}

export type GoogleAuth = ReturnType<typeof createAuth>;
