import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";

/** An access token and the instant (ms since the epoch) Google said it expires. */
export interface AccessToken {
  accessToken: string;
  expiresAt: number;
}

/**
 * Reused until this long before it expires: past 5 minutes google-auth-library would refresh it
 * on its own, outside TimeTap's deadline and error handling.
 */
const EXPIRY_MARGIN_MS = 6 * 60_000;

/**
 * Access tokens per grant (its refresh token), reused until shortly before they expire instead of
 * one token request per calendar call; concurrent requests for a grant's token share one refresh.
 * Keyed by a hash, so the cache holds no refresh token; bounded, least recently used go first.
 */
export function createAccessTokens(maxGrants = 10_000) {
  const tokens = new LRUCache<string, AccessToken>({ max: maxGrants });
  const refreshing = new Map<string, Promise<AccessToken>>();
  const keyOf = (refreshToken: string) =>
    createHash("sha256").update(refreshToken).digest("base64url");

  return {
    /**
     * A live access token of the grant: kept from an earlier call (`reused`), or fresh from a
     * refresh under way or from `refresh`.
     */
    async get(
      refreshToken: string,
      refresh: () => Promise<AccessToken>,
    ): Promise<AccessToken & { reused: boolean }> {
      const key = keyOf(refreshToken);
      const kept = tokens.get(key);
      if (kept && kept.expiresAt - EXPIRY_MARGIN_MS > Date.now()) return { ...kept, reused: true };
      const running = refreshing.get(key);
      if (running) return { ...(await running), reused: false };
      const fresh = refresh();
      refreshing.set(key, fresh);
      try {
        const token = await fresh;
        // Forgotten meanwhile: Google refused the grant's token after this refresh began.
        if (refreshing.get(key) === fresh) tokens.set(key, token);
        return { ...token, reused: false };
      } finally {
        if (refreshing.get(key) === fresh) refreshing.delete(key);
      }
    },
    /** Google refused the grant's token (revoked, or expired early): the next call refreshes. */
    forget(refreshToken: string): void {
      const key = keyOf(refreshToken);
      tokens.delete(key);
      refreshing.delete(key);
    },
  };
}
