import { hostChanged, type HostChangeDeps } from "../availability/host-changed.ts";
import type { ApiDeps } from "../deps.ts";
import { UnverifiedEmailError } from "../lib/service-errors.ts";
import { hostForGoogleAccount } from "./google-identity.ts";
import { connectCalendar, markCalendarNotGranted } from "./host-calendar.ts";
import { updateProfile, type Profile } from "./host-profile.service.ts";

type AccountDeps = Pick<ApiDeps, "db" | "google" | "tokens" | "clock"> & HostChangeDeps;

/**
 * Finishes "Sign in with Google": exchanges the code (with the PKCE verifier when the sign-in
 * started with a challenge), then signs in the host of this Google account, only if Google has
 * verified its email. The consent also asks for the calendar scopes: when all were granted the
 * calendar is (re)connected; when the host unticked them they are signed in all the same.
 */
export async function signInWithGoogle(deps: AccountDeps, code: string, codeVerifier?: string) {
  const { google, logger } = deps;
  const grant = await google.exchangeCode(code, codeVerifier);
  if (!grant.emailVerified) throw new UnverifiedEmailError();
  const host = await hostForGoogleAccount(deps, {
    sub: grant.sub,
    email: grant.email.toLowerCase(),
    name: grant.name,
  });
  // Their email follows the Google account's, and host notices go to it.
  hostChanged(deps, host.id, "settings");
  let resumed = 0;
  if (grant.calendarGranted) resumed = await connectCalendar(deps, host.id, grant.refreshToken);
  else await markCalendarNotGranted(deps, host.id);
  logger.info("host_signed_in", {
    hostId: host.id,
    calendarConnected: grant.calendarGranted,
    resumedSyncs: resumed,
  });
  return { hostId: host.id, needsOnboarding: host.slug === null };
}

/**
 * A new host picks the address of their booking page, their name and their time zone. A host
 * without hours or sessions yet gets sensible ones (weekdays 09:00–17:00 in their zone, a free
 * 30-minute intro call), so the page they just chose is bookable at once.
 */
export async function completeOnboarding(
  deps: Pick<ApiDeps, "db"> & HostChangeDeps,
  hostId: string,
  profile: Profile,
) {
  const { db } = deps;
  const host = await updateProfile(deps, hostId, profile);
  if ((await db.availabilityRule.count({ where: { hostId } })) === 0) {
    await db.availabilityRule.createMany({
      data: [1, 2, 3, 4, 5].map((weekday) => ({
        hostId,
        weekday,
        startMinute: 9 * 60,
        endMinute: 17 * 60,
      })),
    });
  }
  if ((await db.sessionPackage.count({ where: { hostId } })) === 0) {
    await db.sessionPackage.create({
      data: {
        hostId,
        name: "Intro call",
        description: "A short first call to get to know each other.",
        durationMinutes: 30,
        kind: "free_intro",
      },
    });
  }
  // The default hours came after the profile's own change.
  hostChanged(deps, hostId, "settings");
  return host;
}
