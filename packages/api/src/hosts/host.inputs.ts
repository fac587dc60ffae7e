import { ApiKeyScope } from "@timetap/db";
import { z } from "zod";
import { dayInterval, endingAfterStart, timeZone } from "../lib/inputs.ts";

/** The address a host picks for their page: stricter, so every new one reads well in a link. */
export const newHostSlug = z
  .string()
  .trim()
  .min(3, "Use at least 3 characters.")
  .max(60, "Use at most 60 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single dashes.");

export const onboardingInput = z.object({
  slug: newHostSlug,
  name: z.string().trim().min(1, "Enter your name.").max(120),
  timeZone,
});

/** A new API key: its name, what it may do (every scope when left out), and when it stops. */
export const apiKeyInput = z.object({
  name: z.string().trim().min(1, "Name the key.").max(60),
  scopes: z
    .array(z.enum(ApiKeyScope))
    .min(1, "Tick at least one thing the key may do.")
    .transform((scopes) => [...new Set(scopes)])
    .optional(),
  expiresInDays: z
    .number()
    .int("Pick a whole number of days.")
    .min(1, "A key lasts at least a day.")
    .max(3650, "A key lasts at most ten years; leave the expiry out for one that never expires.")
    .nullish(),
});

const MINUTES_PER_DAY = 24 * 60;

/** How long before a session a customer must book it. */
export const minimumNoticeMinutes = z
  .number()
  .int()
  .min(0, "Notice cannot be negative.")
  .max(30 * MINUTES_PER_DAY, "Ask for at most 30 days' notice.");

/** A host's weekly hours: intervals per weekday that must not overlap, and the notice needed. */
export const weeklyHoursInput = z.object({
  minimumNoticeMinutes,
  rules: z
    .array(endingAfterStart(dayInterval.extend({ weekday: z.number().int().min(0).max(6) })))
    .max(70, "Use at most 70 intervals a week.")
    .superRefine((rules, context) => {
      const sorted = rules
        .map((rule, index) => ({ ...rule, index }))
        .sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute);
      for (const [i, rule] of sorted.entries()) {
        const previous = sorted[i - 1];
        if (previous && previous.weekday === rule.weekday && rule.startMinute < previous.endMinute)
          context.addIssue({
            code: "custom",
            message: "Hours on the same day must not overlap.",
            path: [rule.index, "startMinute"],
          });
      }
    }),
});

export type WeeklyHours = z.output<typeof weeklyHoursInput>;
