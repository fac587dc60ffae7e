import type { Host } from "@timetap/db";
import type { ApiDeps } from "../deps.ts";
import { TooManyUpcomingError } from "../lib/service-errors.ts";

/**
 * Refuses a new booking when its customer email already holds the host's allowance of upcoming
 * confirmed sessions, so one address cannot fill a host's calendar. Emails compare without case.
 * Two bookings racing may both pass; the cap is a brake on abuse, not a promise like overlaps.
 */
export async function requireRoomForCustomer(
  { db, clock }: Pick<ApiDeps, "db" | "clock">,
  host: Pick<Host, "id" | "name" | "upcomingPerCustomer">,
  customerEmail: string,
): Promise<void> {
  const upcoming = await db.booking.count({
    where: {
      hostId: host.id,
      status: "CONFIRMED",
      endTime: { gt: clock.now() },
      customerEmail: { equals: customerEmail, mode: "insensitive" },
    },
  });
  if (upcoming >= host.upcomingPerCustomer)
    throw new TooManyUpcomingError(host.upcomingPerCustomer, host.name);
}
