import { afterBookingCommitted } from "../booking/booking-committed.ts";
import type { ApiDeps } from "../deps.ts";
import { calendarSyncState } from "../hosts/host-calendar.ts";
import { NotFoundError } from "../lib/service-errors.ts";

/**
 * The host's answer to an event they deleted or moved in Google: put it back as the booking says
 * (restored, at the booking's time, the customer invited as before). The booking itself does
 * not change; to cancel it the host cancels it as usual.
 */
export async function putEventBack(deps: ApiDeps, hostId: string, bookingId: string) {
  const booking = await deps.db.booking.findFirst({
    where: { id: bookingId, hostId, status: "CONFIRMED", calendarIssue: { not: null } },
    include: { host: true },
  });
  if (!booking) throw new NotFoundError("This booking has nothing to put back on your calendar.");
  const updated = await deps.db.booking.update({
    where: { id: booking.id },
    data: {
      calendarIssue: null,
      googleStartTime: null,
      googleEndTime: null,
      calendarSyncs: {
        create: {
          action: "update",
          // Flagged from its event in Google, so there is an event to put back.
          state: calendarSyncState(booking.host),
          nextAttemptAt: deps.clock.now(),
        },
      },
    },
    select: {
      calendarSyncs: { orderBy: { createdAt: "desc" }, take: 1, select: { id: true, state: true } },
    },
  });
  const sync = updated.calendarSyncs[0];
  await afterBookingCommitted(deps, {
    event: "booking_rescheduled",
    bookingId,
    hostId,
    details: { restoredEvent: true },
    sync: { id: sync?.id, state: sync?.state ?? "skipped" },
  });
}
