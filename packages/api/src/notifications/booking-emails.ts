import { messageIdFor } from "@timetap/email";
import type { EmailKind } from "@timetap/db";
import type { ApiDeps } from "../deps.ts";

/**
 * An outbox row for one of a booking's emails, to be created in the same write as the booking
 * change it tells of. Its Message-ID is fixed here, from the booking and the kind.
 */
export function outboxEmail(
  deps: Pick<ApiDeps, "mailer" | "clock">,
  booking: { id: string; customerEmail: string },
  kind: EmailKind,
) {
  return {
    kind,
    recipient: booking.customerEmail,
    messageId: messageIdFor(booking.id, kind, deps.mailer.from),
    nextAttemptAt: deps.clock.now(),
  };
}
