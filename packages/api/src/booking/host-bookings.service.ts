import type { ApiDeps } from "../deps.ts";

/**
 * The host's confirmed bookings from now on, soonest first, with where the latest calendar work
 * of each stands: making the event, or moving it after a reschedule.
 */
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
        orderBy: { createdAt: "desc" },
        select: { action: true, state: true, lastError: true },
        take: 1,
      },
    },
  });
  return bookings.map(({ calendarSyncs, ...booking }) => ({
    ...booking,
    calendarAction: calendarSyncs[0]?.action ?? "create",
    calendarSync: calendarSyncs[0]?.state ?? "skipped",
    calendarError: calendarSyncs[0]?.lastError ?? null,
  }));
}
