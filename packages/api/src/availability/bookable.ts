import type { ApiDeps } from "../deps.ts";
import { googleBusyTimes } from "./busy-times.ts";
import { NotFoundError, SlotNotOfferedError, SlotTakenError } from "../lib/service-errors.ts";
import { generateSlots, overlaps, type Interval } from "./slot-generation.ts";

/**
 * The host behind a booking page and one of its packages on offer (active, not archived), or
 * NotFoundError. A booking already `held` may still move within its package even once the host
 * hides or archives it: the customer holds that session.
 */
export async function loadBookable(
  { db }: Pick<ApiDeps, "db">,
  hostSlug: string,
  packageId: string,
  { held = false }: { held?: boolean } = {},
) {
  const host = await db.host.findUnique({
    where: { slug: hostSlug },
    include: {
      availabilityRules: { select: { weekday: true, startMinute: true, endMinute: true } },
      packages: {
        where: held ? { id: packageId } : { id: packageId, active: true, archivedAt: null },
      },
    },
  });
  const pkg = host?.packages[0];
  if (!host || !pkg) throw new NotFoundError("This session is not available for booking.");
  return { host, pkg };
}

export type Bookable = Awaited<ReturnType<typeof loadBookable>>;

/** The package's slots in [from, to): the host's weekly hours and notice, minus `busy`. */
export function offeredSlots(
  { host, pkg }: Bookable,
  window: { from: Date; to: Date; now: Date; busy: readonly Interval[] },
) {
  return generateSlots({
    ...window,
    timeZone: host.timeZone,
    rules: host.availabilityRules,
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
