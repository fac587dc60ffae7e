import type { Host } from "@timetap/db";
import { TooManyUpcomingError } from "../lib/service-errors.ts";

/**
 * Refuses a new booking when its customer email already holds the host's allowance of upcoming
 * confirmed sessions (`upcoming`, counted without case by bookingSurroundings), so one address
 * cannot fill a host's calendar. The booking is written only while the host's booking version is
 * still the one this count was read at (booking-insert.ts), so two bookings racing cannot both
 * take the last place.
 */
export function requireRoomForCustomer(
  host: Pick<Host, "name" | "upcomingPerCustomer">,
  upcoming: number,
): void {
  if (upcoming >= host.upcomingPerCustomer)
    throw new TooManyUpcomingError(host.upcomingPerCustomer, host.name);
}
