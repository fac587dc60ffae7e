import type { ApiDeps } from "../deps.ts";
import type { SlotQuery } from "./availability.inputs.ts";
import { loadBookable, offeredSlots, type Bookable } from "./bookable.ts";
import { googleBusyTimes } from "./busy-times.ts";

type AvailabilityDeps = Pick<
  ApiDeps,
  "db" | "google" | "tokens" | "logger" | "busyTimes" | "settings" | "clock"
>;

/** Free slots of a package on offer. */
export async function getAvailableSlots(
  deps: AvailabilityDeps,
  { hostSlug, packageId, from, to }: SlotQuery,
) {
  return freeSlots(deps, await loadBookable(deps, hostSlug, packageId), from, to);
}

/** Free slots of a package: the host's weekly hours minus bookings, Google busy times and notice. */
export async function freeSlots(deps: AvailabilityDeps, bookable: Bookable, from: Date, to: Date) {
  const [bookings, google] = await Promise.all([
    deps.db.booking.findMany({
      where: {
        hostId: bookable.host.id,
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
    busy: [...bookings.map((b) => ({ start: b.startTime, end: b.endTime })), ...google.busy],
  });
  return { slots, calendarDegraded: google.degraded };
}
