import { isRecordNotFound, type Booking } from "@timetap/db";
import type { ApiDeps } from "../deps.ts";
import { sameSecret } from "../same-secret.ts";
import { invalidateBusyTimes } from "./busy-times.ts";
import { syncNow } from "./calendar-sync.service.ts";
import { BookingStartedError, NotFoundError } from "./errors.ts";
import { calendarSyncState } from "./host-calendar.ts";

/** Which booking, and who may cancel it: the customer holding its token, or its host. */
export type CancellationRequest = { bookingId: string } & (
  { by: "customer"; token: string } | { by: "host"; hostId: string }
);

/**
 * Cancels a confirmed booking before it starts. The booking and the calendar work its event
 * still needs (removal, with Google emailing the customer) are committed together, like a
 * booking and its event; the freed time can be booked again at once. Cancelling twice is the
 * same as once.
 */
export async function cancelBooking(deps: ApiDeps, request: CancellationRequest) {
  const booking = await findCancellable(deps, request);
  if (booking.status === "CANCELLED") return bookingStatus(booking);
  const now = deps.clock.now();
  if (booking.startTime <= now) throw new BookingStartedError();

  const createState = booking.calendarSyncs[0]?.state;
  // No create sync ever reached Google when it was skipped or refused, so no event can exist.
  const deleteState =
    createState === undefined || createState === "skipped" || createState === "failed"
      ? "skipped"
      : calendarSyncState(booking.host);
  let deleteSyncId: string | undefined;
  try {
    const cancelled = await deps.db.booking.update({
      where: { id: booking.id, status: "CONFIRMED" },
      data: {
        status: "CANCELLED",
        cancelledAt: now,
        calendarSyncs: { create: { action: "delete", state: deleteState, nextAttemptAt: now } },
      },
      select: { calendarSyncs: { where: { action: "delete" }, select: { id: true } } },
    });
    deleteSyncId = cancelled.calendarSyncs[0]?.id;
  } catch (error) {
    // Someone else cancelled it between our read and our write: their cancellation stands.
    if (isRecordNotFound(error)) return statusOf(deps, booking.id);
    throw error;
  }
  invalidateBusyTimes(deps, booking.hostId);
  deps.logger.info("booking_cancelled", {
    bookingId: booking.id,
    hostId: booking.hostId,
    by: request.by,
  });
  if (deleteState === "pending" && deleteSyncId) await syncNow(deps, deleteSyncId);
  return statusOf(deps, booking.id);
}

async function findCancellable({ db }: Pick<ApiDeps, "db">, request: CancellationRequest) {
  const booking = await db.booking.findUnique({
    where: { id: request.bookingId },
    include: {
      host: { select: { calendarStatus: true, googleRefreshToken: true } },
      calendarSyncs: { where: { action: "create" }, select: { state: true }, take: 1 },
    },
  });
  const allowed =
    booking &&
    (request.by === "customer"
      ? sameSecret(booking.accessToken, request.token)
      : booking.hostId === request.hostId);
  if (!allowed) throw new NotFoundError("Booking not found.");
  return booking;
}

/** The customer's view of whether their booking still stands; only with its token. */
export async function getBookingStatus({ db }: Pick<ApiDeps, "db">, id: string, token: string) {
  const booking = await db.booking.findUnique({ where: { id } });
  if (!booking || !sameSecret(booking.accessToken, token))
    throw new NotFoundError("Booking not found.");
  return bookingStatus(booking);
}

async function statusOf({ db }: Pick<ApiDeps, "db">, id: string) {
  return bookingStatus(await db.booking.findUniqueOrThrow({ where: { id } }));
}

function bookingStatus(booking: Pick<Booking, "id" | "status" | "cancelledAt">) {
  return { id: booking.id, status: booking.status, cancelledAt: booking.cancelledAt };
}

export type BookingStatus = ReturnType<typeof bookingStatus>;
