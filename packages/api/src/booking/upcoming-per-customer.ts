import type { Host } from "@timetap/db";
import { TooManyUpcomingError } from "../lib/service-errors.ts";

/**
 * Refuses a new booking when its customer email already holds the host's allowance of upcoming
 * confirmed sessions (`upcoming`, counted without case), so one address cannot fill a host's
 * calendar. The count is made by the booking's write itself (booking-insert.ts), which writes
 * nothing at the allowance, under the host's booking version, so two bookings racing cannot both
 * take the last place; this turns its count into the error.
 */
export function requireRoomForCustomer(
  host: Pick<Host, "name" | "upcomingPerCustomer">,
  upcoming: number,
): void {
  if (upcoming >= host.upcomingPerCustomer)
    throw new TooManyUpcomingError(host.upcomingPerCustomer, host.name);
}
