import { isExclusionViolation, isRecordNotFound } from "@timetap/db";
import type { ApiDeps } from "../deps.ts";
import {
  countCustomerChange,
  findBookingFor,
  followUpSyncState,
  type BookingAccess,
} from "./booking-access.ts";
import { getConfirmation } from "./booking.service.ts";
import { loadBookable, requireFreeSlot, requireOfferedSlot } from "../availability/bookable.ts";
import { afterBookingCommitted } from "./booking-committed.ts";
import { queueEventUpdateEmail } from "../notifications/booking-emails.ts";
import { hostNoticeEmails } from "../notifications/host-notices.ts";
import { pendingReminders, reminderEmails } from "../notifications/reminders.ts";
import { withHostBookingLock } from "./host-booking-lock.ts";
import {
  BookingCancelledError,
  BookingStartedError,
  SlotTakenError,
} from "../lib/service-errors.ts";

export type RescheduleRequest = { bookingId: string; startTime: Date } & BookingAccess;

/**
 * Moves a confirmed booking to another offered time of the same package. The new times, the
 * calendar work they need (moving the event; Google emails the customer), the customer's email
 * with the new time, the reminders moved to the new start and the host's notice commit together;
 * the exclusion constraint refuses a time someone else holds. The Meet link stays the same.
 */
export async function rescheduleBooking(deps: ApiDeps, request: RescheduleRequest) {
  const booking = await findBookingFor(deps, request.bookingId, request);
  await countCustomerChange(deps, request, booking.customerEmail);
  if (booking.status !== "CONFIRMED") throw new BookingCancelledError();
  const now = deps.clock.now();
  if (booking.startTime <= now) throw new BookingStartedError("moved");
  if (booking.startTime.getTime() === request.startTime.getTime())
    return getConfirmation(deps, booking.id);

  const bookable = await loadBookable(deps, booking.host.slug ?? "", booking.packageId, {
    held: true,
  });
  // Its own row and event may overlap the new time: the UPDATE below replaces that very row.
  const moving = { id: booking.id, start: booking.startTime, end: booking.endTime };
  const offered = await requireOfferedSlot(deps, bookable, request.startTime, moving);
  const { slot } = offered;
  const updateState = followUpSyncState(booking);
  let updateSyncId: string | undefined;
  try {
    // The move's email is queued in the same transaction, after the update locked the booking.
    const moved = await withHostBookingLock(deps, booking.hostId, async (tx) => {
      await requireFreeSlot({ db: tx }, bookable, offered, moving);
      const updated = await tx.booking.update({
        where: { id: booking.id, status: "CONFIRMED" },
        data: {
          startTime: slot.start,
          endTime: slot.end,
          calendarSyncs: {
            // An earlier move not yet made is replaced by this one: one update email, not two.
            updateMany: {
              where: { action: "update", state: "pending", lockedUntil: null },
              data: { state: "skipped" },
            },
            create: { action: "update", state: updateState, nextAttemptAt: now },
          },
          // The reminders follow the session: those for the old start go, those for the new one come.
          emails: {
            deleteMany: pendingReminders,
            create: [
              ...reminderEmails(deps, { ...booking, startTime: slot.start }, booking.host),
              ...(request.by === "customer"
                ? hostNoticeEmails(deps, booking, booking.host, "host_booking_moved")
                : []),
            ],
          },
        },
        select: {
          calendarSyncs: {
            where: { action: "update" },
            orderBy: { createdAt: "desc" },
            select: { id: true },
            take: 1,
          },
        },
      });
      await queueEventUpdateEmail(tx, deps, booking, "booking_moved");
      return updated;
    });
    updateSyncId = moved.calendarSyncs[0]?.id;
  } catch (error) {
    if (isExclusionViolation(error)) throw new SlotTakenError();
    if (isRecordNotFound(error)) throw new BookingCancelledError();
    throw error;
  }
  await afterBookingCommitted(deps, {
    event: "booking_rescheduled",
    bookingId: booking.id,
    hostId: booking.hostId,
    details: {
      by: request.by,
      from: booking.startTime.toISOString(),
      to: slot.start.toISOString(),
    },
    sync: { id: updateSyncId, state: updateState },
  });
  return getConfirmation(deps, booking.id);
}
