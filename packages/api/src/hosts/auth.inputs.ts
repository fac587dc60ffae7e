import { z } from "zod";

/**
 * PKCE (RFC 7636): the caller keeps a random verifier and sends Google only its challenge,
 * base64url(SHA-256(verifier)), so a code caught on its way back is useless without the verifier.
 * Optional, so callers from before PKCE keep working.
 */
const codeVerifier = z
  .string()
  .regex(/^[A-Za-z0-9._~-]{43,128}$/, "A code verifier is 43 to 128 letters, digits or -._~.");
const codeChallenge = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, "A code challenge is an S256 hash: 43 base64url characters.");

export const googleAuthorizationUrlInput = z.object({
  state: z.string().min(16).max(256),
  codeChallenge: codeChallenge.optional(),
});

export const signInWithGoogleInput = z.object({
  code: z.string().min(1).max(2048),
  codeVerifier: codeVerifier.optional(),
});
