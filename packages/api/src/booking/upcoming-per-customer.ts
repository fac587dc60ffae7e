import type { Host, Prisma } from "@timetap/db";
import type { ApiDeps } from "../deps.ts";
import { TooManyUpcomingError } from "../lib/service-errors.ts";

/**
 * Refuses a new booking when its customer email already holds the host's allowance of upcoming
 * confirmed sessions, so one address cannot fill a host's calendar. Emails compare without case.
 * Called inside the host's booking lock with its transaction, so two bookings racing cannot both
 * take the last place.
 */
export async function requireRoomForCustomer(
  { db, clock }: { db: Prisma.TransactionClient } & Pick<ApiDeps, "clock">,
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
