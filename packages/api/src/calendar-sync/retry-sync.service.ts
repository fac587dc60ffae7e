import type { ApiDeps } from "../deps.ts";
import { calendarSyncState } from "../hosts/host-calendar.ts";
import { NotFoundError, RetryRefusedError } from "../lib/service-errors.ts";
import { syncNow } from "./calendar-sync.service.ts";

/**
 * The host's "Retry now": the booking's latest failed or parked calendar work becomes due at
 * once and is tried as usual. Parked work waits for a connected calendar, so without one the
 * host is told to reconnect first. Returns where the work stands after the attempt.
 */
export async function retrySync(deps: ApiDeps, hostId: string, bookingId: string) {
  const booking = await deps.db.booking.findFirst({
    where: { id: bookingId, hostId },
    include: {
      host: { select: { calendarStatus: true, googleRefreshToken: true } },
      calendarSyncs: {
        where: { state: { in: ["failed", "parked"] } },
        orderBy: { createdAt: "desc" },
        take: 1,
      },
    },
  });
  if (!booking) throw new NotFoundError("Booking not found.");
  const sync = booking.calendarSyncs[0];
  if (!sync) throw new RetryRefusedError("This booking has no failed calendar work to retry.");
  if (calendarSyncState(booking.host) !== "pending")
    throw new RetryRefusedError("Reconnect Google Calendar first; then this booking syncs again.");

  const claimed = await deps.db.calendarSync.updateMany({
    where: { id: sync.id, state: sync.state },
    data: { state: "pending", nextAttemptAt: deps.clock.now() },
  });
  if (claimed.count === 1) await syncNow(deps, { id: sync.id });
  const after = await deps.db.calendarSync.findUniqueOrThrow({
    where: { id: sync.id },
    select: { action: true, state: true, lastError: true },
  });
  return {
    calendarAction: after.action,
    calendarSync: after.state,
    calendarError: after.lastError,
  };
}
