import type { Prisma } from "@timetap/db";
import type { ApiDeps } from "../deps.ts";
import { queueEventUpdateEmail } from "./booking-emails.ts";

type FollowUpDeps = Pick<ApiDeps, "mailer" | "clock">;

/*
 * A confirmation that went out without the Meet link promised it "separately": exactly one
 * follow-up must then carry it. Two transactions may learn that it is due: the calendar sync that
 * records the link (when the confirmation was already handed to the mail server), and the email
 * worker's hand-over of a confirmation rendered without a link (when the link arrived while it was
 * being sent). Both lock the booking's row first, so one of them sees the other's outcome and
 * exactly one queues it.
 */

/**
 * Queues the follow-up when the booking has its Meet link and none is queued yet. Runs in the
 * caller's transaction; takes the booking's row lock.
 */
export async function queueMeetLinkFollowUp(
  tx: Prisma.TransactionClient,
  deps: FollowUpDeps,
  bookingId: string,
) {
  const [booking] = await tx.$queryRaw<{ meet_link: string | null; customer_email: string }[]>`
    SELECT meet_link, customer_email FROM booking WHERE id = ${bookingId} FOR UPDATE`;
  if (!booking?.meet_link) return;
  const queued = await tx.email.count({ where: { bookingId, kind: "meet_link_followup" } });
  if (queued > 0) return;
  await queueEventUpdateEmail(
    tx,
    deps,
    { id: bookingId, customerEmail: booking.customer_email },
    "meet_link_followup",
  );
}

/**
 * For the sync that just recorded a booking's Meet link, in its transaction (after updating the
 * booking): a follow-up when the confirmation was already handed over without it. A confirmation
 * still waiting in the outbox simply carries the link when it goes.
 */
export async function followUpLateMeetLink(
  tx: Prisma.TransactionClient,
  deps: FollowUpDeps,
  bookingId: string,
) {
  const confirmationGone = await tx.email.count({
    where: {
      bookingId,
      kind: "booking_confirmed",
      OR: [{ state: "sent" }, { handedOverAt: { not: null } }],
    },
  });
  if (confirmationGone > 0) await queueMeetLinkFollowUp(tx, deps, bookingId);
}
