import type { Clock } from "./clock.ts";
import { secret, subject } from "./random.ts";
import { defaultScopes } from "./scopes.ts";
import type { CodeChallengeMethod } from "./authorization-request.ts";
import type { EmulatorUser, UserOptions } from "./types.ts";

export const accessTokenLifetimeSeconds = 3600;
const codeLifetimeMs = 10 * 60 * 1000;

/** One consent: the refresh token and every access token minted from it share its fate. */
export interface Grant {
  /** The account's `sub`: its email may change at Google, the grant stays with the account. */
  sub: string;
  /** Null for grants issued through the control API, which any client may use. */
  clientId: string | null;
  scopes: string[];
  refreshToken: string | null;
  revoked: boolean;
}

interface AuthorizationCode {
  sub: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  offline: boolean;
  /** PKCE (RFC 7636): the token request must present the verifier behind this challenge. */
  codeChallenge: { value: string; method: CodeChallengeMethod } | undefined;
  expiresAt: number;
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string | null;
  scopes: string[];
  user: EmulatorUser;
}

/**
 * Accounts are keyed by `sub`, as at Google: two accounts may report the same email, and an
 * account's email may change.
 */
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

  /** The first account created with this email. */
  user(email: string): EmulatorUser | undefined {
    const key = email.toLowerCase();
    return this.knownUsers().find((user) => user.email === key);
  }

  /**
   * The account with `options.sub` (created or given this email), or else the first with this
   * email (created when there is none). Name and `emailVerified` change only when given.
   */
  upsertUser(email: string, name?: string, options: UserOptions = {}): EmulatorUser {
    const key = email.toLowerCase();
    const existing = options.sub ? this.users.get(options.sub) : this.user(key);
    const user: EmulatorUser = {
      email: key,
      name: name?.trim() || existing?.name || key.split("@")[0] || key,
      sub: options.sub ?? existing?.sub ?? subject(),
      emailVerified: options.emailVerified ?? existing?.emailVerified ?? true,
    };
    this.users.set(user.sub, user);
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
    user: EmulatorUser,
    clientId: string | null,
    scopes: string[],
    offline: boolean,
  ): IssuedTokens {
    const grant: Grant = {
      sub: user.sub,
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
    const { refreshToken } = this.createGrant(this.upsertUser(email), null, scopes, true);
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
      user: this.account(grant.sub),
    };
  }

  /** The user and scopes behind a live access token, or undefined when expired or revoked. */
  authenticate(accessToken: string): { user: EmulatorUser; scopes: string[] } | undefined {
    const entry = this.accessTokens.get(accessToken);
    if (!entry || entry.grant.revoked || entry.expiresAt <= this.clock.now()) return undefined;
    return { user: this.account(entry.grant.sub), scopes: entry.grant.scopes };
  }

  /** Revokes the grant behind a refresh or access token; false when there is nothing live to revoke. */
  revokeToken(token: string): boolean {
    const grant = this.refreshTokens.get(token) ?? this.accessTokens.get(token)?.grant;
    if (!grant || grant.revoked) return false;
    grant.revoked = true;
    return true;
  }

  /** Revokes every grant of every account with this email. */
  revokeUser(email: string): void {
    const key = email.toLowerCase();
    for (const grant of this.grants) {
      if (this.account(grant.sub).email === key) grant.revoked = true;
    }
  }

  /** The account behind a code or grant; accounts are never deleted short of a reset. */
  account(sub: string): EmulatorUser {
    const user = this.users.get(sub);
    if (!user) throw new Error(`No emulator account ${sub}`);
    return user;
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
