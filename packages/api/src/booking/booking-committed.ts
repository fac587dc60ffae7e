import type { ApiDeps } from "../deps.ts";
import { hostChanged } from "../availability/host-changed.ts";
import { syncNow, type SyncResult, type SyncRow } from "../calendar-sync/calendar-sync.service.ts";

/**
 * What follows every committed change to a booking (made, cancelled, moved): every web process
 * drops the host's slots answers, and its cached busy times once time is freed; the change is
 * logged; and its calendar sync row, when it can go to Google now, is tried at once within the
 * deadline: the attempt's result when it ended in time.
 */
export async function afterBookingCommitted(
  deps: ApiDeps,
  change: {
    event: "booking_created" | "booking_cancelled" | "booking_rescheduled";
    bookingId: string;
    hostId: string;
    details?: Record<string, unknown>;
    /** The write itself notified the other processes (hostChanges.notification). */
    toldByWrite?: boolean;
    /** `leaseToken` (until `lockedUntil`) when the row was written leased to this request. */
    sync: {
      id: string | undefined;
      state: string;
      leaseToken?: string | undefined;
      lockedUntil?: Date | undefined;
      /** The leased row as the request that wrote it knows it (syncNow). */
      known?: SyncRow | undefined;
    };
  },
): Promise<SyncResult | undefined> {
  // A new booking's event lies where the booking itself already blocks the time, so the host's
  // cached busy times still hold; a cancelled or moved booking frees time its event held.
  hostChanged(deps, change.hostId, change.event === "booking_created" ? "bookings" : "calendar", {
    toldByWrite: change.toldByWrite,
  });
  deps.logger.info(change.event, {
    bookingId: change.bookingId,
    hostId: change.hostId,
    ...change.details,
  });
  const { id, state, leaseToken, lockedUntil, known } = change.sync;
  if (state !== "pending" || !id) return undefined;
  return syncNow(deps, leaseToken ? { id, token: leaseToken, until: lockedUntil } : { id }, known);
}
