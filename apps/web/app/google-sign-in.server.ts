import { data, redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { sameSecret } from "@timetap/api";
import { TRPCError } from "@trpc/server";
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

function failed(failure: Failure, status: number) {
  return data(failure, { status });
}

/**
 * Google's redirect back: signs the host in and goes on to the dashboard (or onboarding), or
 * answers with the failure to show.
 */
export async function completeGoogleSignIn({ context, request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const expected: unknown = await context.oauthStateCookie.parse(request.headers.get("Cookie"));
  const clearState = { "Set-Cookie": await context.oauthStateCookie.serialize("", { maxAge: 0 }) };
  if (!sameState(url.searchParams.get("state"), expected)) return failed(failures.state, 400);
  if (url.searchParams.get("error")) return failed(failures.denied, 403);
  const code = url.searchParams.get("code");
  if (!code) return failed(failures.exchange, 400);

  const api = await apiFor(context, request);
  let signedIn: { hostId: string; needsOnboarding: boolean };
  try {
    signedIn = await api.auth.signInWithGoogle({ code });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "TOO_MANY_REQUESTS")
      return failed({ title: "Too many sign-in attempts", detail: error.message }, 429);
    context.api.logger.warn("google_sign_in_failed", { message: (error as Error).message });
    return failed(failures.exchange, 400);
  }
  const headers = new Headers(clearState);
  headers.append("Set-Cookie", await signIn(context, request, signedIn.hostId));
  return redirect(signedIn.needsOnboarding ? "/dashboard/welcome" : "/dashboard", { headers });
}

function sameState(received: string | null, expected: unknown): boolean {
  if (!received || typeof expected !== "string" || !expected) return false;
  return sameSecret(expected, received);
}
