import { createAccessTokens } from "./access-tokens.ts";
import type { GoogleEndpoints } from "./endpoints.ts";
import { GoogleApiError } from "./errors.ts";
import { googleCall, type CallContext } from "./google-call.ts";
import { createOAuthClient, type OAuthClient, type OAuthClientSettings } from "./oauth-client.ts";

/** What TimeTap needs to write bookings and read busy times; the user may withhold them. */
const calendarScopes = [
  "https://www.googleapis.com/auth/calendar.events",
  "https://www.googleapis.com/auth/calendar.freebusy",
];

/**
 * Reading the calendar list lets the host choose which calendars count; without it (withheld,
 * or a grant from before it was asked) TimeTap keeps to the primary calendar.
 */
const calendarListScope = "https://www.googleapis.com/auth/calendar.calendarlist.readonly";

export const scopes = ["openid", "email", "profile", ...calendarScopes, calendarListScope];

export interface ConnectedAccount {
  refreshToken: string;
  accessToken: string;
  email: string;
  /** Whether Google vouches that the account owns `email`; an unverified email proves nothing. */
  emailVerified: boolean;
  name: string;
  /** Google's stable id of the account: the email may change or be reused, `sub` does not. */
  sub: string;
  /** Every calendar scope was granted: the consent screen lets the user untick them. */
  calendarGranted: boolean;
}

interface UserInfo {
  sub?: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
}

type AuthUrlOptions = NonNullable<Parameters<OAuthClient["generateAuthUrl"]>[0]>;
// googleapis types the method as an enum it does not re-export; the wire value is "S256".
const s256 = "S256" as NonNullable<AuthUrlOptions["code_challenge_method"]>;

export function createAuth(
  settings: OAuthClientSettings,
  endpoints: GoogleEndpoints,
  context: CallContext,
) {
  const newClient = () => createOAuthClient(settings, endpoints);
  const accessTokens = createAccessTokens();

  /**
   * The consent URL; offline access with prompt=consent so Google always returns a refresh token.
   * With a PKCE challenge (S256 of the verifier), the code only works with that verifier.
   */
  function authorizationUrl(state: string, codeChallenge?: string): string {
    const pkce: AuthUrlOptions = codeChallenge
      ? { code_challenge: codeChallenge, code_challenge_method: s256 }
      : {};
    return newClient().generateAuthUrl({
      scope: scopes,
      access_type: "offline",
      prompt: "consent",
      include_granted_scopes: true,
      state,
      ...pkce,
    });
  }

  async function exchangeCode(code: string, codeVerifier?: string): Promise<ConnectedAccount> {
    const client = newClient();
    const secrets = codeVerifier ? [code, codeVerifier] : [code];
    const { tokens } = await googleCall(context, "code", secrets, () =>
      client.getToken({ code, codeVerifier }),
    );
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
    const granted = (tokens.scope ?? "").split(" ");
    return {
      refreshToken,
      accessToken,
      email: data.email,
      emailVerified: data.email_verified === true,
      name: data.name || data.email,
      sub: data.sub,
      calendarGranted: calendarScopes.every((scope) => granted.includes(scope)),
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

  /**
   * A client holding a live access token of the grant, `reused` while it lasts; a revoked grant
   * fails here as `revoked` when its token is refreshed.
   */
  async function authorizedClient(
    refreshToken: string,
  ): Promise<{ client: OAuthClient; reused: boolean }> {
    const { accessToken, expiresAt, reused } = await accessTokens.get(refreshToken, async () => {
      const refreshing = newClient();
      refreshing.setCredentials({ refresh_token: refreshToken });
      const { token } = await googleCall(context, "token", [refreshToken], () =>
        refreshing.getAccessToken(),
      );
      if (!token) {
        throw new GoogleApiError({
          kind: "retryable",
          operation: "token",
          reason: "missing_access_token",
          message: "Google token refresh returned no access token",
        });
      }
      // Google always says how long a token lives; without it, assume its usual hour.
      return {
        accessToken: token,
        expiresAt: refreshing.credentials.expiry_date ?? Date.now() + 3_600_000,
      };
    });
    const client = newClient();
    client.setCredentials({
      refresh_token: refreshToken,
      access_token: accessToken,
      expiry_date: expiresAt,
    });
    return { client, reused };
  }

  return {
    authorizationUrl,
    exchangeCode,
    revokeToken,
    authorizedClient,
    forgetAccessToken: accessTokens.forget,
  };
}

export type GoogleAuth = ReturnType<typeof createAuth>;
