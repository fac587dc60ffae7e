import type { ApiDeps } from "../deps.ts";
import { calendarSyncState } from "../hosts/host-calendar.ts";
import { offeredSlots, type Bookable } from "./bookable.ts";
import { effectiveLimits, horizonEnd } from "./booking-limits.ts";
import { MAX_RANGE_DAYS, type Interval } from "./slot-generation.ts";

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** The last instant a Date can hold: an answer time alone never changes. */
const NEVER = new Date(8.64e15);

/**
 * Until when a slots answer computed at `now` stays true by the passing of time alone (changes to
 * the host drop it sooner): the first offered slot leaves once its minimum notice begins; the
 * first time past the horizon that the range asks for comes on offer once the horizon moves past
 * it; Google's busy times are asked again once their cache runs out. Null: not to be kept (Google
 * did not answer for a host with a calendar; a later view should try again).
 */
export function answerValidUntil(
  deps: Pick<ApiDeps, "busyTimes">,
  bookable: Bookable,
  {
    now,
    range,
    answer,
  }: {
    now: Date;
    range: { from: Date; to: Date };
    answer: { slots: Interval[]; calendarDegraded: boolean };
  },
): Date | null {
  const { host, pkg } = bookable;
  const limits = effectiveLimits(host, pkg);
  const ends: number[] = [];
  if (calendarSyncState(host) === "pending") {
    const busyUntil = answer.calendarDegraded ? null : deps.busyTimes.validUntil(host.id, now);
    if (!busyUntil) return null;
    ends.push(busyUntil.getTime());
  }
  const first = answer.slots[0];
  if (first) ends.push(first.start.getTime() - limits.minimumNoticeMinutes * MINUTE_MS + 1);
  const horizon = horizonEnd(now, limits.horizonDays);
  if (range.to > horizon) {
    // As if the horizon reached past the range; without bookings and busy times, the earliest a
    // time there could come on offer.
    const beyondHorizon = {
      host,
      pkg: { ...pkg, horizonDays: limits.horizonDays + MAX_RANGE_DAYS + 1 },
    };
    const next = offeredSlots(beyondHorizon, {
      from: horizon,
      to: range.to,
      now,
      busy: [],
      bookings: [],
    })[0];
    if (next) ends.push(next.start.getTime() - limits.horizonDays * DAY_MS + 1);
  }
  return ends.length > 0 ? new Date(Math.min(...ends)) : NEVER;
}
