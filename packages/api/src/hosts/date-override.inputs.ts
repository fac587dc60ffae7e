import { z } from "zod";
import { dayInterval, endingAfterStart } from "../lib/inputs.ts";
import { calendarDateKey } from "../lib/wall-time.ts";

const DAY_MS = 24 * 60 * 60_000;
/** A year of holiday, leap day included, is the longest range one request may take off. */
export const MAX_DAYS_OFF = 366;

/** A calendar date in the host's zone, as "YYYY-MM-DD". */
export const calendarDate = (message: string) =>
  z
    .string()
    .trim()
    .refine(
      (value) =>
        /^\d{4}-\d{2}-\d{2}$/.test(value) &&
        new Date(calendarDateKey(value)).toISOString().startsWith(value),
      message,
    );

export const daysOffInput = z
  .object({
    from: calendarDate("Enter the first day off."),
    to: calendarDate("Enter the last day off."),
    note: z.string().trim().max(200, "Keep the note under 200 characters.").default(""),
  })
  .superRefine(({ from, to }, context) => {
    const days = (calendarDateKey(to) - calendarDateKey(from)) / DAY_MS + 1;
    if (days < 1)
      context.addIssue({ code: "custom", message: "End on or after the first day.", path: ["to"] });
    else if (days > MAX_DAYS_OFF)
      context.addIssue({
        code: "custom",
        message: `Take at most ${MAX_DAYS_OFF} days off at once.`,
        path: ["to"],
      });
  });

/** Hours on one date replacing its weekly hours: at least one interval, none overlapping. */
export const dateHoursInput = z.object({
  date: calendarDate("Enter a date."),
  intervals: z
    .array(endingAfterStart(dayInterval))
    .min(1, "Give at least one interval, or take the day off.")
    .max(10, "Use at most 10 intervals on a day.")
    .superRefine((intervals, context) => {
      const sorted = intervals
        .map((interval, index) => ({ ...interval, index }))
        .sort((a, b) => a.startMinute - b.startMinute);
      for (const [i, interval] of sorted.entries()) {
        const previous = sorted[i - 1];
        if (previous && interval.startMinute < previous.endMinute)
          context.addIssue({
            code: "custom",
            message: "Hours on the same day must not overlap.",
            path: [interval.index, "startMinute"],
          });
      }
    }),
});

export type DaysOff = z.output<typeof daysOffInput>;
export type DateHours = z.output<typeof dateHoursInput>;
