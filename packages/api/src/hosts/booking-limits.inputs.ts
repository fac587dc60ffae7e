import { z } from "zod";
import { recordId } from "../lib/inputs.ts";
import { minimumNoticeMinutes } from "./host.inputs.ts";

const horizonDays = z
  .number()
  .int("Give whole days.")
  .min(1, "Open bookings at least 1 day ahead.")
  .max(365, "Open bookings at most 365 days ahead.");

const bufferMinutes = z
  .number()
  .int("Give whole minutes.")
  .min(0, "A buffer cannot be negative.")
  .max(120, "Keep a buffer of at most 120 minutes.");

const dailyMaximum = z
  .number()
  .int("Give a whole number of bookings.")
  .min(1, "Allow at least one booking a day.")
  .max(100, "Allow at most 100 bookings a day.");

/** Null: start times step by the package's length. */
const startIntervalMinutes = z.union(
  [5, 10, 15, 30, 60].map((minutes) => z.literal(minutes)),
  {
    error: "Start times can be every 5, 10, 15, 30 or 60 minutes.",
  },
);

const upcomingPerCustomer = z
  .number()
  .int("Give a whole number of sessions.")
  .min(1, "Let a customer hold at least one upcoming session.")
  .max(50, "Let a customer hold at most 50 upcoming sessions.");

/**
 * The host's defaults for every package, their daily maximum (null = no limit) and how many
 * upcoming sessions one customer may hold (left out: unchanged).
 */
export const bookingLimitsInput = z.object({
  horizonDays,
  bufferBeforeMinutes: bufferMinutes,
  bufferAfterMinutes: bufferMinutes,
  dailyMaximum: dailyMaximum.nullable(),
  startIntervalMinutes: startIntervalMinutes.nullable(),
  upcomingPerCustomer: upcomingPerCustomer.optional(),
});

export type BookingLimitsUpdate = z.output<typeof bookingLimitsInput>;

/**
 * One package's overrides of the host's limits: null goes back to the host's default, a field
 * left out stays as it is. Meant to be extended by the package editor's own input.
 */
export const packageLimitsInput = z.object({
  horizonDays: horizonDays.nullable().optional(),
  bufferBeforeMinutes: bufferMinutes.nullable().optional(),
  bufferAfterMinutes: bufferMinutes.nullable().optional(),
  startIntervalMinutes: startIntervalMinutes.nullable().optional(),
  minimumNoticeMinutes: minimumNoticeMinutes.nullable().optional(),
});

export const updatePackageLimitsInput = packageLimitsInput.extend({ packageId: recordId });

export type PackageLimitsUpdate = z.output<typeof updatePackageLimitsInput>;
