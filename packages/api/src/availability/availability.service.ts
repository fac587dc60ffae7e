import type { ApiDeps } from "../deps.ts";
import type { SlotQuery } from "./availability.inputs.ts";
import { bookedSessionsNear } from "./booked-sessions.ts";
import { clipToHorizon, loadBookable, offeredSlots, withBuffers } from "./bookable.ts";
import { googleBusyTimes } from "./busy-times.ts";

type AvailabilityDeps = Pick<
  ApiDeps,
  "db" | "google" | "tokens" | "logger" | "busyTimes" | "settings" | "clock"
>;

/**
 * Free slots of a package up to its horizon: the host's weekly hours minus full days, and times
 * whose session with its buffers meets another booking or a Google busy time.
 */
export async function getAvailableSlots(
  deps: AvailabilityDeps,
  { hostSlug, packageId, ...range }: SlotQuery,
) {
  const bookable = await loadBookable(deps, hostSlug, packageId);
  const now = deps.clock.now();
  const { from, to } = clipToHorizon(bookable, now, range);
  const buffered = withBuffers(bookable, { start: from, end: to });
  const [bookings, google] = await Promise.all([
    bookedSessionsNear(deps, bookable.host, { from, to }),
    googleBusyTimes(deps, bookable.host, buffered.start, buffered.end),
  ]);
  const slots = offeredSlots(bookable, { from, to, now, busy: google.busy, bookings });
  return { slots, calendarDegraded: google.degraded };
}
