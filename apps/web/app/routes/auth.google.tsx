import { randomBytes } from "node:crypto";
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { apiFor } from "~/trpc.server";

/** Starts the OAuth round trip: a fresh `state`, kept in a signed cookie, then off to Google. */
async function startGoogleSignIn({ context, request }: ActionFunctionArgs) {
  const state = randomBytes(24).toString("base64url");
  const { url } = await (await apiFor(context, request)).auth.googleAuthorizationUrl({ state });
  return redirect(url, {
    headers: { "Set-Cookie": await context.oauthStateCookie.serialize(state) },
  });
}

export const action = startGoogleSignIn;
// A plain link to /auth/google (a bookmark, a reload) starts the same round trip.
export const loader = startGoogleSignIn;
