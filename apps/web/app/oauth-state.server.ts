import { createHash, randomBytes } from "node:crypto";
import { sameSecret } from "@timetap/api";
import { z } from "zod";

/**
 * What the signed state cookie carries from the start of a sign-in to Google's redirect back: the
 * `state` that proves the round trip began in this browser, and the PKCE verifier (RFC 7636) that
 * alone makes Google's code usable, so a code caught on the way back is worth nothing.
 */
const oauthState = z.object({ state: z.string().min(1), verifier: z.string().min(43) });

export type OAuthState = z.infer<typeof oauthState>;

/** A fresh state and verifier, and the S256 challenge Google is given in the verifier's place. */
export function newOAuthState(): OAuthState & { codeChallenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return {
    state: randomBytes(24).toString("base64url"),
    verifier,
    codeChallenge: createHash("sha256").update(verifier).digest("base64url"),
  };
}

/** The verifier of the sign-in this browser started, when `received` is its state; else null. */
export function verifierFor(received: string | null, cookieValue: unknown): string | null {
  const expected = oauthState.safeParse(cookieValue);
  if (!received || !expected.success) return null;
  return sameSecret(expected.data.state, received) ? expected.data.verifier : null;
}
