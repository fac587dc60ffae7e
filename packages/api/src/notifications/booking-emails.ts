import { messageIdFor } from "@timetap/email";
import type { EmailKind, Prisma } from "@timetap/db";
import type { ApiDeps } from "../deps.ts";

type OutboxDeps = Pick<ApiDeps, "mailer" | "clock">;

/**
 * An outbox row for one of a booking's emails, to be created in the same write as the booking
 * change it tells of. Its Message-ID is fixed here, from the booking and the kind, and for a move
 * (a booking can move many times) the .ics sequence it carries.
 */
export function outboxEmail(
  deps: OutboxDeps,
  booking: { id: string; customerEmail: string },
  kind: EmailKind,
  sequence = 0,
) {
  return {
    kind,
    recipient: booking.customerEmail,
    messageId: messageIdFor(
      booking.id,
      kind,
      deps.mailer.from,
      kind === "booking_moved" ? sequence : undefined,
    ),
    sequence,
    nextAttemptAt: deps.clock.now(),
  };
}

/**
 * Queues an email that changes the customer's calendar entry after the confirmation (moved,
 * cancelled, Meet link): its .ics SEQUENCE is one more than any this booking's emails carry, so
 * calendars apply it over every earlier one. Call it inside the transaction that changed the
 * booking, after locking or updating the booking's row: that lock orders concurrent changes, so no
 * two of them take the same sequence. A cancellation supersedes the moves and Meet link not yet
 * handed to the mail server: the customer hears that the session is off, not where it went first.
 */
export async function queueEventUpdateEmail(
  tx: Prisma.TransactionClient,
  deps: OutboxDeps,
  booking: { id: string; customerEmail: string },
  kind: Exclude<EmailKind, "booking_confirmed">,
) {
  const { _max } = await tx.email.aggregate({
    where: { bookingId: booking.id },
    _max: { sequence: true },
  });
  const sequence = (_max.sequence ?? 0) + 1;
  if (kind === "booking_cancelled") {
    const now = deps.clock.now();
    await tx.email.deleteMany({
      where: {
        bookingId: booking.id,
        kind: { in: ["booking_moved", "meet_link_followup"] },
        state: "pending",
        handedOverAt: null,
        OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }],
      },
    });
  }
  await tx.email.create({
    data: { bookingId: booking.id, ...outboxEmail(deps, booking, kind, sequence) },
  });
}
