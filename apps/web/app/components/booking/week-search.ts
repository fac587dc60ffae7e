import type { CustomerBookingRef } from "~/customer-booking.server";

/** The address of a week, keeping the visitor's zone only when they have one. */
export function weekSearch(
  packageId: string,
  timeZone: string | null,
  week: string,
  moving: CustomerBookingRef | null,
): URLSearchParams {
  const search = new URLSearchParams({ package: packageId });
  if (moving) {
    search.set("reschedule", moving.id);
    search.set("token", moving.token);
  }
  if (timeZone) search.set("tz", timeZone);
  search.set("week", week);
  return search;
}
