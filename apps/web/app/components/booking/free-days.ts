import { addDays, groupByLocalDay, mondayOf, type LocalDate, type Slot } from "./time";

/**
 * Which days have free times: the booking page reads a whole stretch of slots once, then opens
 * on the first week with a time, marks days in its month overview and points an empty week on.
 */

/** The days, in `timeZone`, on which at least one slot starts, earliest first. */
export function daysWithTimes(slots: readonly Slot[], timeZone: string): LocalDate[] {
  return groupByLocalDay(slots, timeZone).map((day) => day.date);
}

/** The first day with times after the week starting on `monday`, or null. */
export function nextFreeDayAfterWeek(
  freeDays: readonly LocalDate[],
  monday: LocalDate,
): LocalDate | null {
  const nextMonday = addDays(monday, 7);
  return freeDays.find((day) => day >= nextMonday) ?? null;
}

/** The Monday of the first week with times, or null when no day has any. */
export function firstFreeWeek(freeDays: readonly LocalDate[]): LocalDate | null {
  const first = freeDays[0];
  return first === undefined ? null : mondayOf(first);
}

export interface OverviewDay {
  date: LocalDate;
  hasTimes: boolean;
}

/**
 * The month around `day` as weeks Monday to Sunday; the days of neighbouring months that fill
 * the first and last week are null.
 */
export function monthOverview(
  day: LocalDate,
  freeDays: readonly LocalDate[],
): Array<Array<OverviewDay | null>> {
  const month = day.slice(0, 7);
  const free = new Set(freeDays);
  const weeks: Array<Array<OverviewDay | null>> = [];
  // "YYYY-MM" strings compare in calendar order, across year ends too.
  for (
    let monday = mondayOf(`${month}-01`);
    monday.slice(0, 7) <= month;
    monday = addDays(monday, 7)
  ) {
    weeks.push(
      Array.from({ length: 7 }, (_, offset) => {
        const date = addDays(monday, offset);
        return date.slice(0, 7) === month ? { date, hasTimes: free.has(date) } : null;
      }),
    );
  }
  return weeks;
}
