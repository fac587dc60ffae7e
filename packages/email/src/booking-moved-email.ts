import type { BookingEmailData, RenderedEmail } from "./booking-email-data.ts";
import { calendarInvite } from "./calendar-invite.ts";
import { button, composeEmail, details, paragraph } from "./email-layout.ts";
import { meetLinkBlock } from "./meet-link-block.ts";
import { sessionTimes } from "./session-times.ts";

/**
 * To the customer once their booking moves: the new time, and an .ics that moves the same event
 * (same UID, a higher SEQUENCE, so calendars replace the old time instead of adding a second).
 */
export function bookingMovedEmail(booking: BookingEmailData): RenderedEmail {
  const email = composeEmail(`Moved: ${booking.packageName} with ${booking.host.name}`, [
    paragraph(`Your session with ${booking.host.name} is now at a new time.`),
    details([["Package", booking.packageName], ...sessionTimes(booking)]),
    meetLinkBlock(booking),
    paragraph("Need to change or cancel it?"),
    button(booking.manageUrl, "Manage your booking"),
  ]);
  return { ...email, calendar: { method: "REQUEST", content: calendarInvite(booking, "REQUEST") } };
}
