import type { ApiDeps } from "../deps.ts";
import { connectCalendar } from "./host-calendar.ts";
import { updateProfile, type Profile } from "./host-profile.service.ts";

type AccountDeps = Pick<ApiDeps, "db" | "google" | "tokens" | "logger" | "clock" | "busyTimes">;

/**
 * Finishes "Sign in with Google": exchanges the code, finds the host by email or creates one.
 * Signing in grants the calendar scopes, so a grant with a refresh token (re)connects the calendar
 * too.
 */
export async function signInWithGoogle(deps: AccountDeps, code: string) {
  const { db, google, logger } = deps;
  const grant = await google.exchangeCode(code);
  const email = grant.email.toLowerCase();
  const host = await db.host.upsert({
    where: { email },
    create: { email, name: grant.name || email, timeZone: "UTC", googleSub: grant.sub },
    update: { googleSub: grant.sub },
  });
  const resumed = grant.refreshToken ? await connectCalendar(deps, host.id, grant.refreshToken) : 0;
  logger.info("host_signed_in", {
    hostId: host.id,
    calendarConnected: Boolean(grant.refreshToken),
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
  deps: Pick<ApiDeps, "db" | "logger">,
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
  return host;
}
