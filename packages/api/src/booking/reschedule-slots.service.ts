import type { ApiDeps } from "../deps.ts";
import { freeSlots } from "../availability/availability.service.ts";
import { loadBookable } from "../availability/bookable.ts";
import { publicPackageSelect } from "../hosts/catalog.service.ts";
import { BookingCancelledError } from "../lib/service-errors.ts";
import { findBookingFor } from "./booking-access.ts";

/**
 * Where a customer's booking can move to: its package and that package's free times. The package
 * need not be on offer any more: the customer already holds a session of it, so a package the
 * host has since hidden or archived still lets it move.
 */
export async function rescheduleSlots(
  deps: ApiDeps,
  request: { id: string; token: string; from: Date; to: Date },
) {
  const booking = await findBookingFor(deps, request.id, { by: "customer", token: request.token });
  if (booking.status !== "CONFIRMED") throw new BookingCancelledError();
  const bookable = await loadBookable(deps, booking.host.slug ?? "", booking.packageId, {
    held: true,
  });
  const [{ slots, calendarDegraded }, pkg] = await Promise.all([
    freeSlots(
      deps,
      bookable,
      { from: request.from, to: request.to },
      { id: booking.id, start: booking.startTime, end: booking.endTime },
    ),
    deps.db.sessionPackage.findUniqueOrThrow({
      where: { id: booking.packageId },
      select: publicPackageSelect,
    }),
  ]);
  return { package: pkg, slots, calendarDegraded };
}
