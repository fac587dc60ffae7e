import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { newOAuthState } from "~/oauth-state.server";
import { apiFor } from "~/trpc.server";

/**
 * Starts the OAuth round trip: a fresh `state` and PKCE verifier, kept in a signed cookie, then off
 * to Google with the state and the verifier's challenge.
 */
async function startGoogleSignIn({ context, request }: ActionFunctionArgs) {
  const { state, verifier, codeChallenge } = newOAuthState();
  const { url } = await (
    await apiFor(context, request)
  ).auth.googleAuthorizationUrl({ state, codeChallenge });
  return redirect(url, {
    headers: { "Set-Cookie": await context.oauthStateCookie.serialize({ state, verifier }) },
  });
}

export const action = startGoogleSignIn;
// A plain link to /auth/google (a bookmark, a reload) starts the same round trip.
export const loader = startGoogleSignIn;
