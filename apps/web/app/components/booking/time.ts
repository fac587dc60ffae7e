/**
 * Calendar arithmetic for the booking pages. Instants are `Date`s; a day on the visitor's wall
 * calendar is a `LocalDate` ("YYYY-MM-DD"). Every conversion between the two goes through
 * `Intl.DateTimeFormat` with an explicit `timeZone`, so DST follows the runtime's tz database.
 */
export type LocalDate = string;

export interface Slot {
  start: Date;
  end: Date;
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

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
  const match = value ? LOCAL_DATE.exec(value) : null;
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  return toLocalDate(Date.UTC(y, m - 1, d)) === value ? value : null;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return toLocalDate(utcMidnight(date) + days * DAY_MS);
}

/** The Monday on or before `date`. */
export function mondayOf(date: LocalDate): LocalDate {
  const weekday = new Date(utcMidnight(date)).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** The day `instant` falls on in `timeZone`. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  const { year, month, day } = wallClock(instant, timeZone);
  return toLocalDate(Date.UTC(year, month - 1, day));
}

/** The first instant of `date` in `timeZone` (01:00 where DST skips midnight). */
export function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  const midnightAsUtc = utcMidnight(date);
  const firstGuess = midnightAsUtc - offsetAt(midnightAsUtc, timeZone);
  // The offset at the first guess is the one in force near local midnight, unless a transition
  // lies between them; the first guess is then the right answer when midnight itself is skipped.
  const secondGuess = midnightAsUtc - offsetAt(firstGuess, timeZone);
  const onThatDay = [firstGuess, secondGuess].filter(
    (ms) => localDateOf(new Date(ms), timeZone) === date,
  );
  return new Date(Math.min(...(onThatDay.length > 0 ? onThatDay : [secondGuess])));
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
  const { hour, minute } = wallClock(instant, timeZone);
  return `${pad(hour)}:${pad(minute)}`;
}

/** "10:00–10:30" */
export function formatTimeRange(start: Date, end: Date, timeZone: string): string {
  return `${formatTime(start, timeZone)}–${formatTime(end, timeZone)}`;
}

/** "Monday, 7 December" */
export function formatDayHeading(date: LocalDate): string {
  const { weekday, day, month } = names(new Date(utcMidnight(date)), "UTC");
  return `${weekday}, ${day} ${month}`;
}

/** "Monday, 7 December 2026", the day `instant` falls on in `timeZone`. */
export function formatLongDate(instant: Date, timeZone: string): string {
  const { weekday, day, month, year } = names(instant, timeZone);
  return `${weekday}, ${day} ${month} ${year}`;
}

/** "7–13 December 2026", "30 November – 6 December 2026" for the week starting on `monday`. */
export function formatWeekRange(monday: LocalDate): string {
  const first = names(new Date(utcMidnight(monday)), "UTC");
  const last = names(new Date(utcMidnight(addDays(monday, 6))), "UTC");
  if (first.year !== last.year) {
    return `${first.day} ${first.month} ${first.year} – ${last.day} ${last.month} ${last.year}`;
  }
  if (first.month !== last.month) {
    return `${first.day} ${first.month} – ${last.day} ${last.month} ${last.year}`;
  }
  return `${first.day}–${last.day} ${last.month} ${last.year}`;
}

function wallClock(instant: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value);
  return {
    year: part("year"),
    month: part("month"),
    day: part("day"),
    hour: part("hour"),
    minute: part("minute"),
    second: part("second"),
  };
}

/** How far `timeZone`'s wall clock is ahead of UTC at the instant `ms`, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  const { year, month, day, hour, minute, second } = wallClock(new Date(ms), timeZone);
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  return wallAsUtc - (ms - (ms % 1000));
}

function names(instant: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? "";
  return { weekday: part("weekday"), day: part("day"), month: part("month"), year: part("year") };
}

function utcMidnight(date: LocalDate): number {
  const [y = 0, m = 1, d = 1] = date.split("-").map(Number);
  return Date.UTC(y, m - 1, d);
}

function toLocalDate(ms: number): LocalDate {
  return new Date(ms).toISOString().slice(0, 10);
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}
