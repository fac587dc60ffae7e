import type { Clock } from "./clock.ts";
import { secret, subject } from "./random.ts";
import { defaultScopes } from "./scopes.ts";
import type { EmulatorUser } from "./types.ts";

export const accessTokenLifetimeSeconds = 3600;
const codeLifetimeMs = 10 * 60 * 1000;

/** One consent: the refresh token and every access token minted from it share its fate. */
export interface Grant {
  email: string;
  /** Null for grants issued through the control API, which any client may use. */
  clientId: string | null;
  scopes: string[];
  refreshToken: string | null;
  revoked: boolean;
}

interface AuthorizationCode {
  email: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  offline: boolean;
  expiresAt: number;
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string | null;
  scopes: string[];
  user: EmulatorUser;
}

export class OAuthStore {
  private readonly users = new Map<string, EmulatorUser>();
  private readonly grants: Grant[] = [];
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly refreshTokens = new Map<string, Grant>();
  private readonly accessTokens = new Map<string, { grant: Grant; expiresAt: number }>();

  constructor(private readonly clock: Clock) {}

  reset(): void {
    this.users.clear();
    this.grants.length = 0;
    this.codes.clear();
    this.refreshTokens.clear();
    this.accessTokens.clear();
  }

  knownUsers(): EmulatorUser[] {
    return [...this.users.values()];
  }

  user(email: string): EmulatorUser | undefined {
    return this.users.get(email.toLowerCase());
  }

  upsertUser(email: string, name?: string): EmulatorUser {
    const key = email.toLowerCase();
    const existing = this.users.get(key);
    const user: EmulatorUser = {
      email: key,
      name: name?.trim() || existing?.name || key.split("@")[0] || key,
      sub: existing?.sub ?? subject(),
    };
    this.users.set(key, user);
    return user;
  }

  createCode(code: Omit<AuthorizationCode, "expiresAt">): string {
    const value = secret("4/0A");
    this.codes.set(value, { ...code, expiresAt: this.clock.now() + codeLifetimeMs });
    return value;
  }

  /** Removes the code whatever happens next: Google's codes are single-use. */
  takeCode(value: string): AuthorizationCode | undefined {
    const code = this.codes.get(value);
    this.codes.delete(value);
    return code && code.expiresAt > this.clock.now() ? code : undefined;
  }

  createGrant(
    email: string,
    clientId: string | null,
    scopes: string[],
    offline: boolean,
  ): IssuedTokens {
    const user = this.upsertUser(email);
    const grant: Grant = {
      email: user.email,
      clientId,
      scopes,
      refreshToken: null,
      revoked: false,
    };
    if (offline) {
      grant.refreshToken = secret("1//0g");
      this.refreshTokens.set(grant.refreshToken, grant);
    }
    this.grants.push(grant);
    return {
      accessToken: this.mintAccessToken(grant),
      refreshToken: grant.refreshToken,
      scopes,
      user,
    };
  }

  issueRefreshToken(email: string, scopes: string[] = defaultScopes): string {
    const { refreshToken } = this.createGrant(email, null, scopes, true);
    if (refreshToken === null) throw new Error("offline grant without refresh token");
    return refreshToken;
  }

  refreshGrant(refreshToken: string): Grant | undefined {
    return this.refreshTokens.get(refreshToken);
  }

  refresh(grant: Grant): IssuedTokens {
    return {
      accessToken: this.mintAccessToken(grant),
      refreshToken: null,
      scopes: grant.scopes,
      user: this.upsertUser(grant.email),
    };
  }

  /** The user and scopes behind a live access token, or undefined when expired or revoked. */
  authenticate(accessToken: string): { user: EmulatorUser; scopes: string[] } | undefined {
    const entry = this.accessTokens.get(accessToken);
    if (!entry || entry.grant.revoked || entry.expiresAt <= this.clock.now()) return undefined;
    const user = this.users.get(entry.grant.email);
    return user && { user, scopes: entry.grant.scopes };
  }

  /** Revokes the grant behind a refresh or access token; false when there is nothing live to revoke. */
  revokeToken(token: string): boolean {
    const grant = this.refreshTokens.get(token) ?? this.accessTokens.get(token)?.grant;
    if (!grant || grant.revoked) return false;
    grant.revoked = true;
    return true;
  }

  revokeUser(email: string): void {
    for (const grant of this.grants) {
      if (grant.email === email.toLowerCase()) grant.revoked = true;
    }
  }

  private mintAccessToken(grant: Grant): string {
    const token = secret("ya29.a0");
    this.accessTokens.set(token, {
      grant,
      expiresAt: this.clock.now() + accessTokenLifetimeSeconds * 1000,
    });
    return token;
  }
}
