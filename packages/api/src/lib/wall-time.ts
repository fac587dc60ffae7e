import { tzOffset } from "@date-fns/tz";

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/**
 * The one way TimeTap turns a wall time in a zone into an instant; slot generation and the booking
 * pages' week bounds both use it. (`@date-fns/tz`'s `TZDate` constructor is not used for this: for
 * a wall time in a fall-back repeated hour, the occurrence it picks depends on the process's own
 * time zone.)
 *
 * `day` is the calendar date as the instant of its midnight UTC (`Date.UTC(y, m, d)`), `minute`
 * the minutes since local midnight. Like Temporal's "compatible" disambiguation, a repeated wall
 * time gives its first occurrence, and one a spring-forward gap skips gives the instant it would
 * be in the offset before the gap (the clock then reads that much later), with `skipped: true`.
 */
export function wallTimeToInstant(
  day: number,
  minute: number,
  timeZone: string,
): { instant: Date; skipped: boolean } {
  const wallAsUtc = day + minute * MINUTE_MS;
  // Real zones change offset at most once within a day, so the instant uses one of these.
  const before = tzOffset(timeZone, new Date(wallAsUtc - DAY_MS));
  const after = tzOffset(timeZone, new Date(wallAsUtc + DAY_MS));
  const occurrences = [before, after]
    .filter((offset) => tzOffset(timeZone, new Date(wallAsUtc - offset * MINUTE_MS)) === offset)
    .map((offset) => wallAsUtc - offset * MINUTE_MS);
  if (occurrences.length === 0) {
    return { instant: new Date(wallAsUtc - before * MINUTE_MS), skipped: true };
  }
  return { instant: new Date(Math.min(...occurrences)), skipped: false };
}

/** Midnight UTC of a "YYYY-MM-DD" calendar date: the `day` `wallTimeToInstant` takes. */
export function calendarDateKey(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}
