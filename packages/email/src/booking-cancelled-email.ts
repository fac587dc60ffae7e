import type { BookingEmailData, RenderedEmail } from "./booking-email-data.ts";
import { calendarInvite } from "./calendar-invite.ts";
import { composeEmail, details, paragraph } from "./email-layout.ts";
import { sessionTimes } from "./session-times.ts";

/** To the customer once their booking is cancelled; its .ics removes the event it added. */
export function bookingCancelledEmail(booking: BookingEmailData): RenderedEmail {
  const email = composeEmail(`Cancelled: ${booking.packageName} with ${booking.host.name}`, [
    paragraph(`Your session with ${booking.host.name} is cancelled.`),
    details([["Package", booking.packageName], ...sessionTimes(booking)]),
    paragraph("The time is free again; you can book another one on the host's page."),
  ]);
  return { ...email, calendar: { method: "CANCEL", content: calendarInvite(booking, "CANCEL") } };
}
