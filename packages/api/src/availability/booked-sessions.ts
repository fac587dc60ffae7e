import type { Host, Prisma } from "@timetap/db";
import { effectiveLimits, packageLimitsSelect } from "./booking-limits.ts";
import type { BookedSession } from "./slot-generation.ts";

// Two days reach past every local day a window touches (offsets stay within ±14 hours) and past
// the longest buffer, which is all slot generation needs to know about other bookings.
const MARGIN_MS = 2 * 24 * 60 * 60_000;

/**
 * The host's confirmed bookings near [from, to), each with the buffers its package keeps now;
 * `except` leaves out the booking being moved, which must not stand in its own way.
 */
export async function bookedSessionsNear(
  { db }: { db: Prisma.TransactionClient },
  host: Parameters<typeof effectiveLimits>[0] & Pick<Host, "id">,
  window: { from: Date; to: Date; except?: string },
): Promise<BookedSession[]> {
  const bookings = await db.booking.findMany({
    where: {
      hostId: host.id,
      status: "CONFIRMED",
      startTime: { lt: new Date(window.to.getTime() + MARGIN_MS) },
      endTime: { gt: new Date(window.from.getTime() - MARGIN_MS) },
      ...(window.except ? { id: { not: window.except } } : {}),
    },
    select: { startTime: true, endTime: true, package: { select: packageLimitsSelect } },
  });
  return bookings.map((booking) => {
    const limits = effectiveLimits(host, booking.package);
    return {
      start: booking.startTime,
      end: booking.endTime,
      bufferBeforeMinutes: limits.bufferBeforeMinutes,
      bufferAfterMinutes: limits.bufferAfterMinutes,
    };
  });
}
