import { isRecordNotFound, type Booking } from "@timetap/db";
import type { ApiDeps } from "../deps.ts";
import { afterBookingCommitted } from "./booking-committed.ts";
import {
  countCustomerChange,
  findBookingFor,
  followUpSyncState,
  type BookingAccess,
} from "./booking-access.ts";
import { BookingStartedError } from "../lib/service-errors.ts";
import { outboxEmail } from "../notifications/booking-emails.ts";
import { hostNoticeEmails } from "../notifications/host-notices.ts";
import { pendingReminders } from "../notifications/reminders.ts";

export type CancellationRequest = { bookingId: string } & BookingAccess;

/**
 * Cancels a confirmed booking before it starts. The booking, the calendar work its event still
 * needs (removal, with Google emailing the customer), TimeTap's own cancellation email, the
 * host's notice and the dropping of reminders not yet sent are committed together, like a booking
 * and its event; the freed time can be booked again at once. Cancelling twice is the same as once.
 */
export async function cancelBooking(deps: ApiDeps, request: CancellationRequest) {
  const booking = await findBookingFor(deps, request.bookingId, request);
  await countCustomerChange(deps, request, booking.customerEmail);
  if (booking.status === "CANCELLED") return bookingStatus(booking);
  const now = deps.clock.now();
  if (booking.startTime <= now) throw new BookingStartedError("cancelled");

  const deleteState = followUpSyncState(booking);
  let cancelled;
  try {
    cancelled = await deps.db.booking.update({
      where: { id: booking.id, status: "CONFIRMED" },
      data: {
        status: "CANCELLED",
        cancelledAt: now,
        calendarSyncs: { create: { action: "delete", state: deleteState, nextAttemptAt: now } },
        emails: {
          create: [
            outboxEmail(deps, booking, "booking_cancelled"),
            // The host hears of a cancellation they did not make themselves.
            ...(request.by === "customer"
              ? hostNoticeEmails(deps, booking, booking.host, "host_booking_cancelled")
              : []),
          ],
          deleteMany: pendingReminders,
        },
      },
      select: {
        id: true,
        status: true,
        cancelledAt: true,
        calendarSyncs: { where: { action: "delete" }, select: { id: true } },
      },
    });
  } catch (error) {
    // Someone else cancelled it between our read and our write: their cancellation stands.
    if (isRecordNotFound(error)) return statusOf(deps, booking.id);
    throw error;
  }
  await afterBookingCommitted(deps, {
    event: "booking_cancelled",
    bookingId: booking.id,
    hostId: booking.hostId,
    details: { by: request.by },
    sync: { id: cancelled.calendarSyncs[0]?.id, state: deleteState },
  });
  return bookingStatus(cancelled);
}

/** The customer's view of whether their booking still stands; only with its token. */
export async function getBookingStatus(deps: Pick<ApiDeps, "db">, id: string, token: string) {
  return bookingStatus(await findBookingFor(deps, id, { by: "customer", token }));
}

async function statusOf({ db }: Pick<ApiDeps, "db">, id: string) {
  return bookingStatus(await db.booking.findUniqueOrThrow({ where: { id } }));
}

function bookingStatus(booking: Pick<Booking, "id" | "status" | "cancelledAt">) {
  return { id: booking.id, status: booking.status, cancelledAt: booking.cancelledAt };
}

export type BookingStatus = ReturnType<typeof bookingStatus>;
