import type { BusyTime } from "@timetap/google";
import type { Prisma } from "@timetap/db";
import type { ApiDeps } from "../deps.ts";
import { atAddress } from "../hosts/host-profile.service.ts";
import { bookedSessionsNear } from "./booked-sessions.ts";
import { effectiveLimits, horizonEnd } from "./booking-limits.ts";
import { googleBusyTimes } from "./busy-times.ts";
import type { HostChangeDeps } from "./host-changed.ts";
import { overridesByDate } from "./date-overrides.ts";
import {
  BeyondHorizonError,
  DayFullError,
  NotFoundError,
  SlotNotOfferedError,
  SlotTakenError,
} from "../lib/service-errors.ts";
import {
  clearOf,
  generateSlots,
  isFullDay,
  type BookedSession,
  type GenerateSlotsInput,
  type Interval,
} from "./slot-generation.ts";
import { withoutOwnTime } from "./own-time.ts";

const DAY_MS = 24 * 60 * 60_000;

/**
 * How long this process uses a host's bookable settings (loadBookable) without reading them
 * again. Every change made through TimeTap drops them at once in every web process
 * (host-changed.ts); this bounds a change that is not told, such as the date overrides ending
 * two days ago, which the read leaves out.
 */
export const BOOKABLE_TTL_MS = 60_000;

/**
 * The host behind a booking page (at its address or one it moved from) and one of its packages on
 * offer (active, not archived), or NotFoundError. A booking already `held` may still move within
 * its package even once the host hides or archives it: the customer holds that session.
 *
 * Kept per process (`deps.bookables`) until the host changes: every booking and every slots view
 * asks for them, and their read (the host with its hours, overrides and package) is the costliest
 * Prisma query of a booking. The objects are shared between requests and never changed.
 */
export async function loadBookable(
  deps: Pick<ApiDeps, "db" | "clock" | "bookables">,
  hostSlug: string,
  packageId: string,
  { held = false }: { held?: boolean } = {},
) {
  const key = `${hostSlug} ${packageId} ${held}`;
  const kept = deps.bookables.get(key);
  if (kept) return kept;
  const version = deps.bookables.version();
  const bookable = await readBookable(deps, hostSlug, packageId, held);
  deps.bookables.remember(key, () => bookable, {
    hostId: bookable.host.id,
    version,
    validUntil: new Date(deps.clock.now().getTime() + BOOKABLE_TTL_MS),
  });
  return bookable;
}

async function readBookable(
  { db, clock }: Pick<ApiDeps, "db" | "clock">,
  hostSlug: string,
  packageId: string,
  held: boolean,
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
      packages: {
        where: held ? { id: packageId } : { id: packageId, active: true, archivedAt: null },
      },
    },
  });
  const pkg = host?.packages[0];
  if (!host || !pkg) throw new NotFoundError("This session is not available for booking.");
  return { host, pkg };
}

export type Bookable = Awaited<ReturnType<typeof readBookable>>;

/**
 * The package's slots in [from, to): the host's weekly hours (or their days off and special hours
 * on some dates) and the package's limits.
 */
export function offeredSlots(
  { host, pkg }: Bookable,
  window: Pick<GenerateSlotsInput, "from" | "to" | "now" | "busy" | "bookings">,
) {
  return generateSlots({
    ...window,
    timeZone: host.timeZone,
    rules: host.availabilityRules,
    dateOverrides: overridesByDate(host.dateOverrides),
    durationMinutes: pkg.durationMinutes,
    limits: effectiveLimits(host, pkg),
  });
}

/**
 * [from, to) cut off at the package's horizon, or BeyondHorizonError when all of it lies past:
 * a customer is told how far ahead they may book rather than shown an empty week.
 */
export function clipToHorizon(
  { host, pkg }: Bookable,
  now: Date,
  { from, to }: { from: Date; to: Date },
) {
  const { horizonDays } = effectiveLimits(host, pkg);
  const horizon = horizonEnd(now, horizonDays);
  if (from >= horizon) throw new BeyondHorizonError(horizonDays);
  return { from, to: to < horizon ? to : horizon };
}

/** The Google busy times that matter for sessions in `interval` reach into its buffers. */
export function withBuffers(
  {
    host,
    pkg,
  }: { host: Parameters<typeof effectiveLimits>[0]; pkg: Parameters<typeof effectiveLimits>[1] },
  interval: Interval,
): Interval {
  const limits = effectiveLimits(host, pkg);
  return {
    start: new Date(interval.start.getTime() - limits.bufferBeforeMinutes * 60_000),
    end: new Date(interval.end.getTime() + limits.bufferAfterMinutes * 60_000),
  };
}

/** A booking being moved: its id, and the time it holds now. */
export type MovingBooking = Interval & { id: string };

/** A start that is one of the package's offered slots, and what is known around it so far. */
export interface OfferedSlot {
  slot: Interval;
  /** The host's Google busy times reaching into the slot's buffers. */
  busy: BusyTime[];
}

/**
 * The interval a booking starting at `startTime` would hold, once that start is one of the
 * package's offered slots, with the host's Google busy times around it (a moved booking's own
 * event does not count). Asked before the host's booking lock is taken: Google may take up to
 * its deadline, which nobody should wait for in the queue of the host's bookings.
 */
export async function requireOfferedSlot(
  deps: Pick<ApiDeps, "db" | "google" | "tokens" | "clock" | "settings"> & HostChangeDeps,
  bookable: Bookable,
  startTime: Date,
  moved: MovingBooking | null = null,
): Promise<OfferedSlot> {
  const now = deps.clock.now();
  const window = {
    ...clipToHorizon(bookable, now, { from: startTime, to: new Date(startTime.getTime() + 1) }),
    now,
  };
  const slot = offeredSlots(bookable, { ...window, busy: [], bookings: [] })[0];
  if (slot?.start.getTime() !== startTime.getTime()) throw new SlotNotOfferedError();
  const buffered = withBuffers(bookable, slot);
  const google = await googleBusyTimes(deps, bookable.host, buffered.start, buffered.end);
  return { slot, busy: withoutOwnTime(google.busy, moved) };
}

/**
 * Refuses an offered slot whose day is full, or which with its buffers meets the host's other
 * bookings or Google busy times. Called inside the host's booking lock (host-booking-lock.ts) with
 * its transaction: every other booking of the host is then committed or waiting its turn, so two
 * bookings cannot both fit a buffer or the day's last place. A booking being `moved` passes its
 * id: its own row does not stand in its way. Times overlapping outright are also refused by the
 * database's exclusion constraint.
 */
export async function requireFreeSlot(
  { db }: { db: Prisma.TransactionClient },
  bookable: Bookable,
  offered: OfferedSlot,
  moved: MovingBooking | null = null,
): Promise<void> {
  const { slot } = offered;
  const bookings = await bookedSessionsNear({ db }, bookable.host, {
    from: slot.start,
    to: slot.end,
    except: moved?.id,
  });
  requireFitAmong(bookable, offered, bookings);
}

/**
 * requireFreeSlot's rule, given the host's bookings near the slot: read inside the host's lock, or
 * for a new booking at the host's booking version it is written under (booking-insert.ts).
 */
export function requireFitAmong(
  bookable: Bookable,
  offered: OfferedSlot,
  bookings: BookedSession[],
): void {
  const refusal = misfitAmong(bookable, offered, bookings);
  if (refusal) throw refusal;
}

/** What requireFitAmong would refuse the slot with, or null when it fits. */
export function misfitAmong(
  bookable: Bookable,
  { slot, busy }: OfferedSlot,
  bookings: BookedSession[],
): DayFullError | SlotTakenError | null {
  const { host, pkg } = bookable;
  const limits = effectiveLimits(host, pkg);
  if (isFullDay(slot.start, bookings, host.timeZone, limits.dailyMaximum))
    return new DayFullError();
  // The slot is offered (requireOfferedSlot) and its day is not full: what is left of
  // generateSlots' judgement is whether it stays clear of the others.
  if (!clearOf(slot, { limits, busy, bookings })) return new SlotTakenError();
  return null;
}
