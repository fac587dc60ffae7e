import { isUniqueViolation } from "@timetap/db";
import type { ApiDeps } from "../deps.ts";
import { invalidateBusyTimes } from "../availability/busy-times.ts";
import { resumeParkedSyncs } from "../calendar-sync/calendar-sync.service.ts";
import { SlugTakenError, NotFoundError } from "../lib/service-errors.ts";

type AccountDeps = Pick<ApiDeps, "db" | "google" | "tokens" | "logger" | "clock" | "busyTimes">;

/**
 * Finishes "Sign in with Google": exchanges the code, finds the host by email or creates one, and
 * stores the refresh token encrypted. Signing in grants the calendar scopes, so it (re)connects the
 * calendar too.
 */
export async function signInWithGoogle(deps: AccountDeps, code: string) {
  const { db, google, tokens, logger } = deps;
  const grant = await google.exchangeCode(code);
  const email = grant.email.toLowerCase();
  const calendar = grant.refreshToken
    ? {
        googleRefreshToken: tokens.encrypt(grant.refreshToken),
        calendarStatus: "connected" as const,
      }
    : {};
  const host = await db.host.upsert({
    where: { email },
    create: {
      email,
      name: grant.name || email,
      timeZone: "UTC",
      googleSub: grant.sub,
      ...calendar,
    },
    update: { googleSub: grant.sub, ...calendar },
  });
  invalidateBusyTimes(deps, host.id);
  // Bookings that waited for this host to reconnect go to Google now.
  const resumed = grant.refreshToken ? await resumeParkedSyncs(deps, host.id) : 0;
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
  { db }: Pick<ApiDeps, "db">,
  hostId: string,
  profile: { slug: string; name: string; timeZone: string },
) {
  let host;
  try {
    host = await db.host.update({ where: { id: hostId }, data: profile });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new SlugTakenError(`The address /${profile.slug} is taken. Please pick another.`);
    throw error;
  }
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

/**
 * Revokes TimeTap's access at Google and forgets the token. Revocation is best effort: a token
 * Google already dropped must not keep the host connected here.
 */
export async function disconnectCalendar(deps: AccountDeps, hostId: string) {
  const { db, google, tokens, logger } = deps;
  const host = await db.host.findUnique({ where: { id: hostId } });
  if (!host) throw new NotFoundError("Host not found.");
  if (host.googleRefreshToken) {
    try {
      await google.revokeToken(tokens.decrypt(host.googleRefreshToken));
    } catch (error) {
      logger.warn("google_revoke_failed", { hostId, message: (error as Error).message });
    }
  }
  invalidateBusyTimes(deps, hostId);
  return db.host.update({
    where: { id: hostId },
    data: { googleRefreshToken: null, calendarStatus: "disconnected" },
  });
}
