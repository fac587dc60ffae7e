import type { ApiDeps } from "../deps.ts";
import { atAddress } from "../hosts/host-profile.service.ts";
import { googleBusyTimes } from "./busy-times.ts";
import { overridesByDate } from "./date-overrides.ts";
import { NotFoundError, SlotNotOfferedError, SlotTakenError } from "../lib/service-errors.ts";
import { generateSlots, overlaps, type Interval } from "./slot-generation.ts";

/**
 * The host behind a booking page (at its address or one it moved from) and one of its active
 * packages, or NotFoundError.
 */
export async function loadBookable(
  { db, clock }: Pick<ApiDeps, "db" | "clock">,
  hostSlug: string,
  packageId: string,
) {
  const host = await db.host.findFirst({
    where: atAddress(hostSlug),
    include: {
      availabilityRules: { select: { weekday: true, startMinute: true, endMinute: true } },
      // Whatever the host's zone, its today is no earlier than yesterday in UTC.
      dateOverrides: {
        where: { endDate: { gte: new Date(clock.now().getTime() - 2 * DAY_MS) } },
        select: {
          startDate: true,
          endDate: true,
          intervals: { select: { startMinute: true, endMinute: true } },
        },
      },
      packages: { where: { id: packageId, active: true } },
    },
  });
  const pkg = host?.packages[0];
  if (!host || !pkg) throw new NotFoundError("This session is not available for booking.");
  return { host, pkg };
}

export type Bookable = Awaited<ReturnType<typeof loadBookable>>;

const DAY_MS = 24 * 60 * 60_000;

/**
 * The package's slots in [from, to): the host's weekly hours (or their days off and special hours)
 * and notice, minus `busy`.
 */
export function offeredSlots(
  { host, pkg }: Bookable,
  window: { from: Date; to: Date; now: Date; busy: readonly Interval[] },
) {
  return generateSlots({
    ...window,
    timeZone: host.timeZone,
    rules: host.availabilityRules,
    dateOverrides: overridesByDate(host.dateOverrides),
    durationMinutes: pkg.durationMinutes,
    minimumNoticeMinutes: host.minimumNoticeMinutes,
  });
}

/**
 * The interval a booking starting at `startTime` would hold, once that start is one of the
 * package's offered slots and the host's Google Calendar is not busy then. Other TimeTap bookings
 * are left to the database's exclusion constraint, the one place that cannot race.
 */
export async function requireFreeSlot(
  deps: Pick<ApiDeps, "db" | "google" | "tokens" | "clock" | "logger" | "busyTimes" | "settings">,
  bookable: Bookable,
  startTime: Date,
): Promise<Interval> {
  const offered = offeredSlots(bookable, {
    from: startTime,
    to: new Date(startTime.getTime() + 1),
    now: deps.clock.now(),
    busy: [],
  });
  if (offered[0]?.start.getTime() !== startTime.getTime()) throw new SlotNotOfferedError();
  const slot = { start: startTime, end: offered[0].end };
  const { busy } = await googleBusyTimes(deps, bookable.host, slot.start, slot.end);
  if (busy.some((block) => overlaps(block, slot))) throw new SlotTakenError();
  return slot;
}
