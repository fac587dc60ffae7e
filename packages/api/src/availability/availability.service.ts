import type { Context } from "../context.ts";
import { accessOf, findBookingFor } from "../booking/booking-access.ts";
import { NotFoundError } from "../lib/service-errors.ts";
import type { SlotQuery } from "./availability.inputs.ts";
import { bookedSessionsNear } from "./booked-sessions.ts";
import {
  clipToHorizon,
  loadBookable,
  offeredSlots,
  withBuffers,
  type Bookable,
  type MovingBooking,
} from "./bookable.ts";
import { googleBusyTimes } from "./busy-times.ts";
import { withoutOwnTime } from "./own-time.ts";
import { queryResponseBody } from "../lib/wire-format.ts";
import { answerValidUntil } from "./slots-answer-expiry.ts";
import { slotsAnswerKey } from "./slots-answers.ts";

type AvailabilityDeps = Pick<
  Context,
  | "db"
  | "google"
  | "tokens"
  | "logger"
  | "busyTimes"
  | "settings"
  | "clock"
  | "auth"
  | "limits"
  | "slotsAnswers"
  | "bookables"
  | "bookingLedgers"
  | "hostChanges"
  | "overHttp"
>;

/**
 * Free slots of a package on offer. While a booking is being moved (`reschedule`, for whoever may
 * move it), the time it holds now does not count as busy, and its package may be one the host no
 * longer offers: the customer holds a session of it. Any other answer sent over HTTP is kept as
 * the bytes sent (slots-answers.ts) while it holds, for the next view of the same question.
 */
export async function getAvailableSlots(deps: AvailabilityDeps, query: SlotQuery) {
  const { hostSlug, packageId, reschedule, ...range } = query;
  // Read before the answer is computed: a change to the host meanwhile means it is not kept.
  const version = deps.slotsAnswers.version();
  const now = deps.clock.now();
  const moving = reschedule ? await movingBooking(deps, reschedule) : null;
  const bookable = await loadBookable(deps, hostSlug, packageId, {
    held: moving?.packageId === packageId,
  });
  if (moving && moving.hostId !== bookable.host.id) throw new NotFoundError("Booking not found.");
  const answer = await freeSlots(deps, bookable, range, moving);
  // Only an answer the same for every caller, and asked over HTTP, is asked again as it is.
  if (!reschedule && deps.overHttp)
    deps.slotsAnswers.remember(
      slotsAnswerKey({ hostSlug, packageId, ...range }),
      () => Buffer.from(queryResponseBody(answer)),
      {
        hostId: bookable.host.id,
        version,
        validUntil: answerValidUntil(deps, bookable, { now, range, answer }),
      },
    );
  return answer;
}

/**
 * Free slots of a package up to its horizon: the host's weekly hours minus full days, and times
 * whose session with its buffers meets another booking or a Google busy time; a booking being
 * `moved` blocks neither with its own row nor with its own event.
 */
export async function freeSlots(
  deps: Pick<AvailabilityDeps, Exclude<keyof AvailabilityDeps, "auth" | "limits">>,
  bookable: Bookable,
  range: { from: Date; to: Date },
  moved: MovingBooking | null = null,
) {
  const now = deps.clock.now();
  const { from, to } = clipToHorizon(bookable, now, range);
  const buffered = withBuffers(bookable, { start: from, end: to });
  const [bookings, google] = await Promise.all([
    bookedSessionsNear(deps, bookable.host, { from, to, except: moved?.id }),
    googleBusyTimes(deps, bookable.host, buffered.start, buffered.end),
  ]);
  const busy = withoutOwnTime(google.busy, moved);
  const slots = offeredSlots(bookable, { from, to, now, busy, bookings });
  return { slots, calendarDegraded: google.degraded };
}

/** The confirmed booking being moved, when the caller may move it. */
async function movingBooking(
  deps: AvailabilityDeps,
  reschedule: NonNullable<SlotQuery["reschedule"]>,
) {
  const booking = await findBookingFor(deps, reschedule.id, await accessOf(deps, reschedule.token));
  if (booking.status !== "CONFIRMED") return null;
  return {
    id: booking.id,
    hostId: booking.hostId,
    packageId: booking.packageId,
    start: booking.startTime,
    end: booking.endTime,
  };
}
