import type { DayInterval } from "./slot-generation.ts";

const DAY_MS = 24 * 60 * 60_000;

/** Each date a host's overrides cover, "YYYY-MM-DD", with its hours; a day off has none. */
export function overridesByDate(
  overrides: ReadonlyArray<{ startDate: Date; endDate: Date; intervals: DayInterval[] }>,
): Map<string, DayInterval[]> {
  const byDate = new Map<string, DayInterval[]>();
  for (const { startDate, endDate, intervals } of overrides) {
    for (let day = startDate.getTime(); day <= endDate.getTime(); day += DAY_MS)
      byDate.set(new Date(day).toISOString().slice(0, 10), intervals);
  }
  return byDate;
}
