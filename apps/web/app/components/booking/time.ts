import { TZDate, tz } from "@date-fns/tz";
import { calendarDateKey, wallTimeToInstant } from "@timetap/api/time";
// One module per function: date-fns' index loads all of its ~250 modules (~20 MB in the server).
import { addDays as addCalendarDays } from "date-fns/addDays";
import { addHours } from "date-fns/addHours";
import { format } from "date-fns/format";
import { isSameMonth } from "date-fns/isSameMonth";
import { isSameYear } from "date-fns/isSameYear";
import { isValid } from "date-fns/isValid";
import { startOfISOWeek } from "date-fns/startOfISOWeek";

/**
 * Calendar arithmetic for the booking pages. Instants are `Date`s; a day on the visitor's wall
 * calendar is a `LocalDate` ("YYYY-MM-DD"). Zones are handled by `@date-fns/tz`, so DST follows
 * the runtime's tz database.
 *
 * `TZDate` settles a wall time that falls in a DST gap or overlap through the process's own zone,
 * so a server or browser elsewhere could start a day an hour, or even a day, off. Instants are
 * therefore only ever read as wall times in the visitor's zone; the one way back,
 * `startOfLocalDay`, goes through the API's `wallTimeToInstant`, as slot generation does.
 */
export type LocalDate = string;

export interface Slot {
  start: Date;
  end: Date;
}

const LOCAL_DATE = "yyyy-MM-dd";

/** The zone as Intl spells it, or null when the runtime does not know it. */
export function canonicalTimeZone(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    return new Intl.DateTimeFormat("en", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** A "YYYY-MM-DD" that names a real calendar day, or null. */
export function parseLocalDate(value: string | null | undefined): LocalDate | null {
  if (!value) return null;
  const day = calendarDay(value);
  // The round trip rejects days the calendar lacks (2026-02-30) and every other spelling.
  return isValid(day) && format(day, LOCAL_DATE) === value ? value : null;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return format(addCalendarDays(calendarDay(date), days), LOCAL_DATE);
}

/** The Monday on or before `date`. */
export function mondayOf(date: LocalDate): LocalDate {
  return format(startOfISOWeek(calendarDay(date)), LOCAL_DATE);
}

/** The day `instant` falls on in `timeZone`. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  return format(instant, LOCAL_DATE, { in: tz(timeZone) });
}

/** The first instant of `date` in `timeZone` (01:00 where DST skips midnight). */
export function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  return wallTimeToInstant(calendarDateKey(date), 0, timeZone).instant;
}

export interface WeekChoice {
  /** Monday of the displayed week, in the visitor's zone. */
  week: LocalDate;
  previous: LocalDate | null;
  next: LocalDate | null;
  /** The instants the week covers in the visitor's zone: `[from, to)`. */
  from: Date;
  to: Date;
}

/**
 * The week to show for a `?week=` value: any day of it is accepted, anything unreadable or
 * outside this week … `weeksAhead` weeks later falls back to the nearest allowed week.
 */
export function chooseWeek(
  requested: string | null,
  now: Date,
  timeZone: string,
  weeksAhead: number,
): WeekChoice {
  const first = mondayOf(localDateOf(now, timeZone));
  const last = addDays(first, 7 * weeksAhead);
  const asked = parseLocalDate(requested);
  let week = asked ? mondayOf(asked) : first;
  if (week < first) week = first;
  if (week > last) week = last;
  return {
    week,
    previous: week > first ? addDays(week, -7) : null,
    next: week < last ? addDays(week, 7) : null,
    from: startOfLocalDay(week, timeZone),
    to: startOfLocalDay(addDays(week, 7), timeZone),
  };
}

/** Slots grouped by the day they start on in `timeZone`, days and slots in time order. */
export function groupByLocalDay<T extends Slot>(
  slots: readonly T[],
  timeZone: string,
): Array<{ date: LocalDate; slots: T[] }> {
  const days = new Map<LocalDate, T[]>();
  const ordered = [...slots].sort((a, b) => a.start.getTime() - b.start.getTime());
  for (const slot of ordered) {
    const date = localDateOf(slot.start, timeZone);
    const day = days.get(date);
    if (day) day.push(slot);
    else days.set(date, [slot]);
  }
  return [...days].map(([date, daySlots]) => ({ date, slots: daySlots }));
}

/** "09:00" */
export function formatTime(instant: Date, timeZone: string): string {
  return format(instant, "HH:mm", { in: tz(timeZone) });
}

/** "10:00–10:30" */
export function formatTimeRange(start: Date, end: Date, timeZone: string): string {
  return `${formatTime(start, timeZone)}–${formatTime(end, timeZone)}`;
}

/** "Monday, 7 December" */
export function formatDayHeading(date: LocalDate): string {
  return format(calendarDay(date), "EEEE, d MMMM");
}

/** "December 2026" for any day of that month. */
export function formatMonth(date: LocalDate): string {
  return format(calendarDay(date), "MMMM yyyy");
}

/** "Monday, 7 December 2026", the day `instant` falls on in `timeZone`. */
export function formatLongDate(instant: Date, timeZone: string): string {
  return format(instant, "EEEE, d MMMM yyyy", { in: tz(timeZone) });
}

/** "7–13 December 2026", "30 November – 6 December 2026" for the week starting on `monday`. */
export function formatWeekRange(monday: LocalDate): string {
  const first = calendarDay(monday);
  const last = addCalendarDays(first, 6);
  if (!isSameYear(first, last)) {
    return `${format(first, "d MMMM yyyy")} – ${format(last, "d MMMM yyyy")}`;
  }
  if (!isSameMonth(first, last)) {
    return `${format(first, "d MMMM")} – ${format(last, "d MMMM yyyy")}`;
  }
  return `${format(first, "d")}–${format(last, "d MMMM yyyy")}`;
}

/** `date` 00:00 on a clock that reads UTC. */
function utcMidnight(date: LocalDate): TZDate {
  return new TZDate(date, "UTC");
}

/**
 * `date` as a value for date-fns' calendar functions. Their day arithmetic also passes through
 * the process's own zone; at noon it cannot meet a DST change there.
 */
function calendarDay(date: LocalDate): TZDate {
  return addHours(utcMidnight(date), 12);
}
