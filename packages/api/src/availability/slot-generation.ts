import { tzOffset } from "@date-fns/tz";
import { wallTimeToInstant } from "../lib/wall-time.ts";
import { horizonEnd, type BookingLimits } from "./booking-limits.ts";

export interface Interval {
  start: Date;
  end: Date;
}

export interface AvailabilityRule {
  /** 0 = Sunday .. 6 = Saturday, in the host's zone. */
  weekday: number;
  /** Minutes since local midnight; the end is exclusive and at most 1440. */
  startMinute: number;
  endMinute: number;
}

export type DayInterval = Omit<AvailabilityRule, "weekday">;

/** Another confirmed booking of the host, with the buffers its own package keeps around it. */
export interface BookedSession extends Interval {
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
}

export interface GenerateSlotsInput {
  timeZone: string;
  rules: readonly AvailabilityRule[];
  /** Hours replacing `rules` on some dates ("YYYY-MM-DD" in the host's zone); none is a day off. */
  dateOverrides?: ReadonlyMap<string, readonly DayInterval[]>;
  durationMinutes: number;
  /** Slots whose start lies in [from, to) and before the horizon are returned. */
  from: Date;
  to: Date;
  now: Date;
  limits: BookingLimits;
  /** Google busy times; any order, may overlap. */
  busy: readonly Interval[];
  /** Every confirmed booking within the local days of [from, to) and the buffers around it. */
  bookings: readonly BookedSession[];
}

/** Longest window one request may ask for; bounds the work done per call. */
export const MAX_RANGE_DAYS = 62;

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/**
 * Zones found valid, kept: asking Intl about a zone costs as much as an offset lookup, and a
 * booking checking one time makes only a few of those. A host has one zone; the zones in use are
 * a few hundred at most.
 */
const knownZones = new Set<string>();
function knownZone(timeZone: string): boolean {
  if (knownZones.has(timeZone)) return true;
  if (Number.isNaN(tzOffset(timeZone, new Date(0)))) return false;
  knownZones.add(timeZone);
  return true;
}

/** Half-open: intervals that merely touch do not overlap. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

export function generateSlots(input: GenerateSlotsInput): Interval[] {
  const { timeZone, durationMinutes, from, limits } = input;
  const step = limits.startIntervalMinutes;
  for (const [name, value] of Object.entries({ durationMinutes, startIntervalMinutes: step })) {
    if (!Number.isInteger(value) || value <= 0) {
      throw new RangeError(`${name} must be a positive integer, got ${value}`);
    }
  }
  if (!knownZone(timeZone)) {
    throw new RangeError(`Unknown time zone: ${timeZone}`);
  }
  if (input.to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    throw new RangeError(`The requested range exceeds ${MAX_RANGE_DAYS} days`);
  }
  const horizon = horizonEnd(input.now, limits.horizonDays);
  const to = horizon < input.to ? horizon : input.to;
  if (to.getTime() <= from.getTime()) return [];

  const earliestStart = Math.max(
    from.getTime(),
    input.now.getTime() + limits.minimumNoticeMinutes * MINUTE_MS,
  );
  // Keyed by instant: two overlapping rules on one weekday must not offer the same slot twice.
  const candidates = new Map<number, Interval & { day: number }>();
  const first = localCalendarDate(from, timeZone);
  const last = localCalendarDate(new Date(to.getTime() - 1), timeZone);

  for (let day = first; day <= last; day += DAY_MS) {
    const weekday = new Date(day).getUTCDay();
    const hours =
      input.dateOverrides?.get(new Date(day).toISOString().slice(0, 10)) ??
      input.rules.filter((rule) => rule.weekday === weekday);
    // Most days the zone keeps one offset from a day before to a day after: every wall time of
    // the day is then that offset away, with no gap or repeat to resolve one by one.
    const offset = steadyOffset(day, timeZone);
    for (const rule of hours) {
      // On a steady day a start's instant follows from its minute: the grid is entered at the
      // first start not before earliestStart and left at the first at or after `to`. A booking
      // checks one time, and its day's other starts would each cost a Date for nothing.
      const wanted = offset === null ? -Infinity : (earliestStart - day) / MINUTE_MS + offset;
      const skipped = wanted > rule.startMinute ? Math.ceil((wanted - rule.startMinute) / step) : 0;
      for (
        let minute = rule.startMinute + skipped * step;
        minute + durationMinutes <= rule.endMinute;
        minute += step
      ) {
        let start: Date;
        if (offset !== null) {
          start = new Date(day + (minute - offset) * MINUTE_MS);
          if (start.getTime() >= to.getTime()) break;
        } else {
          const wall = wallTimeToInstant(day, minute, timeZone);
          if (wall.skipped) continue;
          start = wall.instant;
        }
        const end = new Date(start.getTime() + durationMinutes * MINUTE_MS);
        // A slot straddling a spring-forward gap lasts its real duration, so on the wall clock
        // it ends an hour later than the grid suggests and can run past the working hours.
        if (offset === null && wallMinutesSince(day, end, timeZone) > rule.endMinute) continue;
        if (start.getTime() < earliestStart || start.getTime() >= to.getTime()) continue;
        candidates.set(start.getTime(), { start, end, day });
      }
    }
  }

  const full = fullDays(input.bookings, timeZone, limits.dailyMaximum);
  const slots = [...candidates.values()]
    .filter((slot) => !full.has(slot.day))
    .sort((a, b) => a.start.getTime() - b.start.getTime())
    .map(({ start, end }) => ({ start, end }));
  return withoutBusy(slots, mergeIntervals(blockingIntervals(input)));
}

/** Whether the host's day (in their zone) that `instant` falls on holds its maximum of bookings. */
export function isFullDay(
  instant: Date,
  bookings: readonly Interval[],
  timeZone: string,
  dailyMaximum: number | null,
): boolean {
  if (dailyMaximum === null) return false;
  return fullDays(bookings, timeZone, dailyMaximum).has(localCalendarDate(instant, timeZone));
}

/** The local calendar dates on which the bookings starting then reach the daily maximum. */
function fullDays(bookings: readonly Interval[], timeZone: string, dailyMaximum: number | null) {
  // Without a maximum no day is full: each booking's local date would cost a zone lookup.
  if (dailyMaximum === null) return new Set<number>();
  const perDay = new Map<number, number>();
  for (const booking of bookings) {
    const day = localCalendarDate(booking.start, timeZone);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  return new Set([...perDay].filter(([, count]) => count >= dailyMaximum).map(([day]) => day));
}

/**
 * What a new session itself must not overlap. Its buffers must stay clear of Google busy times and
 * of other sessions, and its session clear of other sessions' own buffers (two buffers may share
 * the same free minutes). Widening the session by B before and A after overlaps [s, e) exactly
 * when the session overlaps [s - A, e + B), so each busy time and booking becomes one widened
 * interval and the slots stay a plain sweep against them.
 */
export function blockingIntervals({
  limits,
  busy,
  bookings,
}: Pick<GenerateSlotsInput, "limits" | "busy" | "bookings">): Interval[] {
  const before = limits.bufferBeforeMinutes;
  const after = limits.bufferAfterMinutes;
  return [
    ...busy.map((block) => widen(block, after, before)),
    ...bookings.map((booking) =>
      widen(
        booking,
        Math.max(booking.bufferBeforeMinutes, after),
        Math.max(booking.bufferAfterMinutes, before),
      ),
    ),
  ];
}

/**
 * Whether `slot`, one generateSlots offers without busy times and bookings, stays clear of `busy`
 * and `bookings` as generateSlots would keep it with them: a booking checks its one slot this way
 * instead of generating its day again (a few per cent of the web server's CPU per booking).
 */
export function clearOf(
  slot: Interval,
  input: Pick<GenerateSlotsInput, "limits" | "busy" | "bookings">,
): boolean {
  return !blockingIntervals(input).some((blocker) => overlaps(slot, blocker));
}

function widen(interval: Interval, beforeMinutes: number, afterMinutes: number): Interval {
  return {
    start: new Date(interval.start.getTime() - beforeMinutes * MINUTE_MS),
    end: new Date(interval.end.getTime() + afterMinutes * MINUTE_MS),
  };
}

/**
 * What the wall clock in `timeZone` shows at `instant`, as milliseconds of a UTC timeline: one
 * offset lookup, where a TZDate (and its getters) costs several; booking.create asks this for
 * each candidate of the day it checks.
 */
function wallClockMs(instant: Date, timeZone: string): number {
  return instant.getTime() + tzOffset(timeZone, instant) * MINUTE_MS;
}

/** Midnight UTC of the calendar date `instant` falls on in `timeZone`: a plain date key. */
function localCalendarDate(instant: Date, timeZone: string): number {
  const local = wallClockMs(instant, timeZone);
  return local - (((local % DAY_MS) + DAY_MS) % DAY_MS);
}

/**
 * The zone's offset (minutes) throughout the local date `day` when it is the same a day before
 * and a day after (real zones change offset at most once within days), else null.
 */
function steadyOffset(day: number, timeZone: string): number | null {
  const before = tzOffset(timeZone, new Date(day - DAY_MS));
  return before === tzOffset(timeZone, new Date(day + 2 * DAY_MS)) ? before : null;
}

/** What the host's wall clock shows at `instant`, as minutes since midnight of `day`. */
function wallMinutesSince(day: number, instant: Date, timeZone: string): number {
  return Math.floor((wallClockMs(instant, timeZone) - day) / MINUTE_MS);
}

function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start.getTime() - b.start.getTime());
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const previous = merged.at(-1);
    if (previous && interval.start.getTime() <= previous.end.getTime()) {
      if (interval.end.getTime() > previous.end.getTime()) previous.end = interval.end;
    } else {
      merged.push({ start: interval.start, end: interval.end });
    }
  }
  return merged;
}

/** Both lists sorted by start and `busy` disjoint, so one forward sweep suffices. */
function withoutBusy(slots: Interval[], busy: Interval[]): Interval[] {
  let next = 0;
  return slots.filter((slot) => {
    while (next < busy.length && busy[next]!.end.getTime() <= slot.start.getTime()) next++;
    const blocker = busy[next];
    return blocker === undefined || !overlaps(slot, blocker);
  });
}
