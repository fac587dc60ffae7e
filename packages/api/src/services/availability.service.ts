import type { ApiDeps } from "../deps.ts";
import { loadBookable, type Bookable } from "./bookable.ts";
import { googleBusyTimes } from "./busy-times.ts";
import { generateSlots } from "./slot-generation.ts";

type AvailabilityDeps = Pick<
  ApiDeps,
  "db" | "google" | "tokens" | "logger" | "busyTimes" | "settings" | "clock"
>;

export interface SlotQuery {
  hostSlug: string;
  packageId: string;
  from: Date;
  to: Date;
}

/** Free slots of a package: the host's weekly hours minus bookings, Google busy times and notice. */
export async function getAvailableSlots(deps: AvailabilityDeps, query: SlotQuery) {
  const bookable = await loadBookable(deps, query.hostSlug, query.packageId);
  return slotsFor(deps, bookable, query.from, query.to);
}

export async function slotsFor(
  deps: AvailabilityDeps,
  { host, pkg }: Bookable,
  from: Date,
  to: Date,
) {
  const [bookings, google] = await Promise.all([
    deps.db.booking.findMany({
      where: { hostId: host.id, status: "CONFIRMED", startTime: { lt: to }, endTime: { gt: from } },
      select: { startTime: true, endTime: true },
    }),
    googleBusyTimes(deps, host, from, to),
  ]);
  const slots = generateSlots({
    timeZone: host.timeZone,
    rules: host.availabilityRules,
    durationMinutes: pkg.durationMinutes,
    from,
    to,
    now: deps.clock.now(),
    minimumNoticeMinutes: host.minimumNoticeMinutes,
    busy: [...bookings.map((b) => ({ start: b.startTime, end: b.endTime })), ...google.busy],
  });
  return { slots, calendarDegraded: google.degraded };
}
