import { data, redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { TRPCError } from "@trpc/server";
import { verifierFor } from "~/oauth-state.server";
import { signIn } from "~/session.server";
import { apiFor } from "~/trpc.server";

type Failure = { title: string; detail: string };

const failures = {
  denied: {
    title: "Google access was not granted",
    detail:
      "TimeTap needs your permission to sign you in and to manage your session events. You can try again at any time.",
  },
  state: {
    title: "This sign-in link has expired",
    detail: "The sign-in did not start from this browser, or took too long. Please start again.",
  },
  exchange: {
    title: "Google did not accept the sign-in",
    detail: "The sign-in code was rejected or has already been used. Please start again.",
  },
} satisfies Record<string, Failure>;

/** The API's refusals whose sentence is for the host: too many tries, an unverified email, another account's email. */
const explained: Partial<Record<TRPCError["code"], { title: string; status: number }>> = {
  TOO_MANY_REQUESTS: { title: "Too many sign-in attempts", status: 429 },
  FORBIDDEN: { title: "This Google account cannot sign in", status: 403 },
  CONFLICT: { title: "This email belongs to another account", status: 409 },
};

/**
 * Google's redirect back: signs the host in and goes on to the dashboard (or onboarding), or
 * answers with the failure to show. Whatever the outcome, the state cookie is spent.
 */
export async function completeGoogleSignIn({ context, request }: LoaderFunctionArgs) {
  const clearState = await context.oauthStateCookie.serialize("", { maxAge: 0 });
  const failed = (failure: Failure, status: number) =>
    data(failure, { status, headers: { "Set-Cookie": clearState } });
  const url = new URL(request.url);
  const codeVerifier = verifierFor(
    url.searchParams.get("state"),
    await context.oauthStateCookie.parse(request.headers.get("Cookie")),
  );
  if (!codeVerifier) return failed(failures.state, 400);
  if (url.searchParams.get("error")) return failed(failures.denied, 403);
  const code = url.searchParams.get("code");
  if (!code) return failed(failures.exchange, 400);

  const api = await apiFor(context, request);
  let signedIn: { hostId: string; needsOnboarding: boolean };
  try {
    signedIn = await api.auth.signInWithGoogle({ code, codeVerifier });
  } catch (error) {
    const refusal = error instanceof TRPCError ? explained[error.code] : undefined;
    if (refusal)
      return failed({ title: refusal.title, detail: (error as Error).message }, refusal.status);
    context.api.logger.warn("google_sign_in_failed", { message: (error as Error).message });
    return failed(failures.exchange, 400);
  }
  const headers = new Headers({ "Set-Cookie": clearState });
  headers.append("Set-Cookie", await signIn(context, request, signedIn.hostId));
  return redirect(signedIn.needsOnboarding ? "/dashboard/welcome" : "/dashboard", { headers });
}
