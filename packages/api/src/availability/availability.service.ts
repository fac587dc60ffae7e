import type { Context } from "../context.ts";
import { accessOf, findBookingFor } from "../booking/booking-access.ts";
import { NotFoundError } from "../lib/service-errors.ts";
import type { SlotQuery } from "./availability.inputs.ts";
import { loadBookable, offeredSlots } from "./bookable.ts";
import { googleBusyTimes } from "./busy-times.ts";
import { withoutOwnTime } from "./own-time.ts";

type AvailabilityDeps = Pick<
  Context,
  "db" | "google" | "tokens" | "logger" | "busyTimes" | "settings" | "clock" | "auth"
>;

/**
 * Free slots of a package: the host's weekly hours minus bookings, Google busy times and notice.
 * While a booking is being moved, the time it holds now does not count as busy.
 */
export async function getAvailableSlots(
  deps: AvailabilityDeps,
  { hostSlug, packageId, from, to, reschedule }: SlotQuery,
) {
  const bookable = await loadBookable(deps, hostSlug, packageId);
  const own = reschedule ? await ownTime(deps, reschedule, bookable.host.id) : null;
  const [bookings, google] = await Promise.all([
    deps.db.booking.findMany({
      where: {
        hostId: bookable.host.id,
        ...(own ? { id: { not: own.id } } : {}),
        status: "CONFIRMED",
        startTime: { lt: to },
        endTime: { gt: from },
      },
      select: { startTime: true, endTime: true },
    }),
    googleBusyTimes(deps, bookable.host, from, to),
  ]);
  const slots = offeredSlots(bookable, {
    from,
    to,
    now: deps.clock.now(),
    busy: [
      ...bookings.map((b) => ({ start: b.startTime, end: b.endTime })),
      ...withoutOwnTime(google.busy, own),
    ],
  });
  return { slots, calendarDegraded: google.degraded };
}

/** The time the booking being moved holds now, when the caller may move it and it is this host's. */
async function ownTime(
  deps: AvailabilityDeps,
  reschedule: NonNullable<SlotQuery["reschedule"]>,
  hostId: string,
) {
  const booking = await findBookingFor(deps, reschedule.id, await accessOf(deps, reschedule.token));
  if (booking.hostId !== hostId) throw new NotFoundError("Booking not found.");
  if (booking.status !== "CONFIRMED") return null;
  return { id: booking.id, start: booking.startTime, end: booking.endTime };
}
