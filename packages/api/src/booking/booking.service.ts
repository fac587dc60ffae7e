import { randomBytes, randomUUID } from "node:crypto";
import { isExclusionViolation } from "@timetap/db";
import type { ApiDeps } from "../deps.ts";
import { sameSecret } from "../lib/same-secret.ts";
import { loadBookable, requireFreeSlot } from "../availability/bookable.ts";
import { confirmationInclude, toConfirmation } from "./booking-confirmation.ts";
import { afterBookingCommitted } from "./booking-committed.ts";
import { NotFoundError, SlotTakenError } from "../lib/service-errors.ts";
import { calendarSyncState } from "../hosts/host-calendar.ts";
import { outboxEmail } from "../notifications/booking-emails.ts";
import { hostNoticeEmails } from "../notifications/host-notices.ts";
import { reminderEmails } from "../notifications/reminders.ts";
import type { CreateBookingInput } from "./booking.inputs.ts";
import { requireRoomForCustomer } from "./upcoming-per-customer.ts";
import { withHostBookingLock } from "./host-booking-lock.ts";
import { leasedFromNow } from "../lib/outbox-lease.ts";

/**
 * Books a slot. The booking, its calendar-sync row and its emails (the customer's confirmation,
 * the host's notice, the reminders due later) are committed together, so a confirmed booking
 * always has a durable record of the Google work it still needs and of its emails; the database's
 * exclusion constraint is what makes double booking impossible. Google is tried only after the
 * commit, within a deadline, and never decides whether the booking exists. The sync row is written
 * already leased to this request, so a worker cannot start the same Google work first.
 */
export async function createBooking(deps: ApiDeps, input: CreateBookingInput) {
  await deps.limits.consume("bookingChangesPerEmail", input.customerEmail.toLowerCase());
  const bookable = await loadBookable(deps, input.hostSlug, input.packageId);
  const { host, pkg } = bookable;
  await requireRoomForCustomer(deps, host, input.customerEmail);
  const { start: startTime, end: endTime } = await requireFreeSlot(deps, bookable, input.startTime);

  const syncState = calendarSyncState(host);
  // A host Google asked to slow down waits for the worker, like their other calendar work.
  const backedOff = (host.googleBackoffUntil?.getTime() ?? 0) > deps.clock.now().getTime();
  const lease =
    syncState === "pending" && !backedOff
      ? leasedFromNow(deps, deps.settings.syncLeaseMs)
      : undefined;
  const bookingId = randomUUID();
  let booking;
  try {
    booking = await withHostBookingLock(deps, host.id, (tx) =>
      tx.booking.create({
        data: {
          id: bookingId,
          hostId: host.id,
          packageId: pkg.id,
          startTime,
          endTime,
          customerEmail: input.customerEmail,
          customerName: input.customerName ?? null,
          customerTimeZone: input.customerTimeZone ?? null,
          accessToken: randomBytes(32).toString("base64url"),
          calendarSyncs: {
            create: {
              action: "create",
              state: syncState,
              nextAttemptAt: deps.clock.now(),
              ...lease,
            },
          },
          emails: {
            create: [
              outboxEmail(
                deps,
                { id: bookingId, customerEmail: input.customerEmail },
                "booking_confirmed",
              ),
              ...hostNoticeEmails(deps, { id: bookingId }, host, "host_booking_new"),
              ...reminderEmails(
                deps,
                { id: bookingId, customerEmail: input.customerEmail, startTime },
                host,
              ),
            ],
          },
        },
        include: { calendarSyncs: { select: { id: true } } },
      }),
    );
  } catch (error) {
    if (isExclusionViolation(error)) throw new SlotTakenError();
    throw error;
  }

  await afterBookingCommitted(deps, {
    event: "booking_created",
    bookingId: booking.id,
    hostId: host.id,
    sync: {
      id: booking.calendarSyncs[0]?.id,
      state: syncState,
      leaseToken: lease?.leaseToken,
      lockedUntil: lease?.lockedUntil,
    },
  });
  // Only a Google attempt changes the booking after its insert; without one, it is as written.
  if (syncState !== "pending") {
    const { id, name, durationMinutes } = pkg;
    return toConfirmation({
      ...booking,
      host,
      package: { id, name, durationMinutes },
      calendarSyncs: [{ state: syncState }],
    });
  }
  return getConfirmation(deps, booking.id);
}

export async function getConfirmation({ db }: Pick<ApiDeps, "db">, id: string) {
  return toConfirmation(
    await db.booking.findUniqueOrThrow({ where: { id }, include: confirmationInclude }),
  );
}

/** The customer's view of their booking; without the right token it does not exist. */
export async function getBookingForCustomer(
  { db }: Pick<ApiDeps, "db">,
  id: string,
  token: string,
) {
  const booking = await db.booking.findUnique({ where: { id }, include: confirmationInclude });
  if (!booking || !sameSecret(booking.accessToken, token))
    throw new NotFoundError("Booking not found.");
  return toConfirmation(booking);
}
