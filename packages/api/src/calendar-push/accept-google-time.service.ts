import { isExclusionViolation, isRecordNotFound, type Prisma } from "@timetap/db";
import { bookedSessionsNear } from "../availability/booked-sessions.ts";
import { withBuffers } from "../availability/bookable.ts";
import { effectiveLimits } from "../availability/booking-limits.ts";
import { googleBusyTimes } from "../availability/busy-times.ts";
import { withoutOwnTime } from "../availability/own-time.ts";
import { blockingIntervals, overlaps, type Interval } from "../availability/slot-generation.ts";
import { afterBookingCommitted } from "../booking/booking-committed.ts";
import { withHostBookingLock } from "../booking/host-booking-lock.ts";
import type { ApiDeps } from "../deps.ts";
import { queueEventUpdateEmail } from "../notifications/booking-emails.ts";
import { pendingReminders, reminderEmails } from "../notifications/reminders.ts";
import { GoogleTimeRefusedError, NotFoundError } from "../lib/service-errors.ts";

const TAKEN =
  "The new time overlaps another session or a busy time in your calendars, so the booking stays where it is. Put the event back, or free that time first.";
const STARTED =
  "The new time has already begun, so the booking cannot move there. Put the event back, or cancel the booking.";

/**
 * The host's other answer to a session's event they moved in Google: the booking moves to where
 * the event now is. The host chose that time themself, so their weekly hours, notice, horizon and
 * daily maximum do not apply; what would double-book them does: another confirmed session (with
 * the buffers of both) or a busy time in their chosen calendars, the event itself aside. The
 * customer gets the moved email (same .ics UID, next SEQUENCE), the reminders follow the new start,
 * and the event stays where the host put it: nothing is written to Google.
 */
export async function acceptGoogleTime(deps: ApiDeps, hostId: string, bookingId: string) {
  const booking = await deps.db.booking.findFirst({
    where: { id: bookingId, hostId, status: "CONFIRMED", calendarIssue: "moved" },
    include: { host: true, package: true },
  });
  const { googleStartTime, googleEndTime } = booking ?? {};
  if (!booking || !googleStartTime || !googleEndTime)
    throw new NotFoundError("This booking has no new time from Google to accept.");
  const now = deps.clock.now();
  if (googleStartTime <= now) throw new GoogleTimeRefusedError(STARTED);
  const newTime = { start: googleStartTime, end: googleEndTime };
  // Google is asked before the host's lock is taken, as for a booking (bookable.ts).
  const busy = await busyAround(deps, booking, newTime);

  try {
    await withHostBookingLock(deps, hostId, async (tx) => {
      if (await isTaken(tx, booking, newTime, busy)) throw new GoogleTimeRefusedError(TAKEN);
      await tx.booking.update({
        // Still the move the host is answering: a newer one in Google waits for its own answer.
        where: { id: booking.id, status: "CONFIRMED", calendarIssue: "moved", googleStartTime },
        data: {
          startTime: googleStartTime,
          endTime: googleEndTime,
          calendarIssue: null,
          googleStartTime: null,
          googleEndTime: null,
          emails: {
            deleteMany: pendingReminders,
            create: reminderEmails(deps, { ...booking, startTime: googleStartTime }, booking.host),
          },
        },
      });
      await queueEventUpdateEmail(tx, deps, booking, "booking_moved");
    });
  } catch (error) {
    if (isExclusionViolation(error)) throw new GoogleTimeRefusedError(TAKEN);
    if (isRecordNotFound(error))
      throw new NotFoundError("This booking has no new time from Google to accept.");
    throw error;
  }
  await afterBookingCommitted(deps, {
    event: "booking_rescheduled",
    bookingId: booking.id,
    hostId,
    details: {
      by: "host",
      acceptedGoogleTime: true,
      from: booking.startTime.toISOString(),
      to: googleStartTime.toISOString(),
    },
    sync: { id: undefined, state: "skipped" },
  });
}

type Flagged = Prisma.BookingGetPayload<{ include: { host: true; package: true } }>;

/**
 * The host's Google busy times reaching into the new time's buffers. Google reports merged busy
 * blocks, so the event's own time is cut out of them (with anything else the host keeps within
 * that very time, as for a move: own-time.ts).
 */
async function busyAround(deps: ApiDeps, booking: Flagged, newTime: Interval) {
  const reach = withBuffers({ host: booking.host, pkg: booking.package }, newTime);
  const google = await googleBusyTimes(deps, booking.host, reach.start, reach.end);
  return withoutOwnTime(google.busy, newTime);
}

/**
 * Whether the new time, with the package's buffers, meets another confirmed session or one of
 * the `busy` times. Asked inside the host's booking lock with its transaction, so no booking of
 * the host can slip into the buffers between this check and the move.
 */
async function isTaken(
  tx: Prisma.TransactionClient,
  booking: Flagged,
  newTime: Interval,
  busy: Interval[],
) {
  const { host } = booking;
  const limits = effectiveLimits(host, booking.package);
  const bookings = await bookedSessionsNear({ db: tx }, host, {
    from: newTime.start,
    to: newTime.end,
    except: booking.id,
  });
  return blockingIntervals({ limits, busy, bookings }).some((block) => overlaps(block, newTime));
}
