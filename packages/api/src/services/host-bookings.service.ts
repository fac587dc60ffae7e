import type { ApiDeps } from "../deps.ts";

/** The host's confirmed bookings from now on, soonest first, with where each calendar sync stands. */
export async function upcomingBookings(
  { db, clock }: Pick<ApiDeps, "db" | "clock">,
  hostId: string,
) {
  const bookings = await db.booking.findMany({
    where: { hostId, status: "CONFIRMED", endTime: { gt: clock.now() } },
    orderBy: { startTime: "asc" },
    take: 50,
    select: {
      id: true,
      startTime: true,
      endTime: true,
      customerEmail: true,
      customerName: true,
      meetLink: true,
      package: { select: { name: true } },
      calendarSyncs: {
        where: { action: "create" },
        select: { state: true, lastError: true },
        take: 1,
      },
    },
  });
  return bookings.map(({ calendarSyncs, ...booking }) => ({
    ...booking,
    calendarSync: calendarSyncs[0]?.state ?? "skipped",
    calendarError: calendarSyncs[0]?.lastError ?? null,
  }));
}
