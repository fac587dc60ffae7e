import type { AppRouter, inferRouterInputs } from "@timetap/api";

type WeeklyHours = inferRouterInputs<AppRouter>["host"]["updateWeeklyHours"];

/** The week as hosts read it, Monday first; values are JavaScript's weekday numbers. */
export const WEEK = [
  { weekday: 1, name: "Monday" },
  { weekday: 2, name: "Tuesday" },
  { weekday: 3, name: "Wednesday" },
  { weekday: 4, name: "Thursday" },
  { weekday: 5, name: "Friday" },
  { weekday: 6, name: "Saturday" },
  { weekday: 0, name: "Sunday" },
] as const;

export const NOTICE_CHOICES = [0, 60, 120, 240, 720, 1440, 2880, 10080] as const;

/** A notice as hosts say it: in hours below a day, else in days. */
export const noticeLabel = (minutes: number) =>
  minutes === 0
    ? "No notice"
    : minutes < 1440
      ? `${minutes / 60} hour${minutes === 60 ? "" : "s"}`
      : `${minutes / 1440} day${minutes === 1440 ? "" : "s"}`;

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "09:30" → 570; "00:00" as an end means the end of the day. */
function minutesOf(value: FormDataEntryValue | undefined, asEnd: boolean): number | null {
  const match = typeof value === "string" ? HH_MM.exec(value) : null;
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return asEnd && minutes === 0 ? 24 * 60 : minutes;
}

export function minutesToTime(minutes: number): string {
  const clock = minutes % (24 * 60);
  return `${String(Math.floor(clock / 60)).padStart(2, "0")}:${String(clock % 60).padStart(2, "0")}`;
}

/** Interval rows a form shows without JavaScript; rows left empty are ignored. */
export const INTERVAL_ROWS = 3;

/**
 * The `start`/`end` time pairs of one day's interval rows, skipping rows left empty; null when a
 * filled row cannot be read.
 */
export function intervalsFromForm(
  form: FormData,
  startName: string,
  endName: string,
): Array<{ startMinute: number; endMinute: number }> | null {
  const ends = form.getAll(endName);
  const intervals = [];
  for (const [index, start] of form.getAll(startName).entries()) {
    if (start === "" && (ends[index] ?? "") === "") continue;
    const startMinute = minutesOf(start, false);
    const endMinute = minutesOf(ends[index], true);
    if (startMinute === null || endMinute === null) return null;
    intervals.push({ startMinute, endMinute });
  }
  return intervals;
}

/**
 * Reads the hours form: for each day marked available, its `start-{weekday}`/`end-{weekday}`
 * pairs (a day may have several). Unreadable times become an error on that day, by weekday.
 */
export function hoursFromForm(
  form: FormData,
): { hours: WeeklyHours } | { dayErrors: Record<number, string> } {
  const rules: WeeklyHours["rules"] = [];
  const dayErrors: Record<number, string> = {};
  for (const { weekday } of WEEK) {
    if (form.get(`available-${weekday}`) !== "on") continue;
    const intervals = intervalsFromForm(form, `start-${weekday}`, `end-${weekday}`);
    if (intervals === null) dayErrors[weekday] = "Enter a start and an end time.";
    else rules.push(...intervals.map((interval) => ({ weekday, ...interval })));
  }
  if (Object.keys(dayErrors).length > 0) return { dayErrors };
  const notice = Number(form.get("notice"));
  return {
    hours: {
      minimumNoticeMinutes: Number.isInteger(notice) ? notice : -1,
      rules,
    },
  };
}
