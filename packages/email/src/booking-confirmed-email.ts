import type { BookingEmailData, RenderedEmail } from "./booking-email-data.ts";
import { calendarInvite } from "./calendar-invite.ts";
import { button, composeEmail, details, paragraph } from "./email-layout.ts";
import { meetLinkBlock } from "./meet-link-block.ts";
import { sessionTimes } from "./session-times.ts";

/** To the customer once their booking is made: what, when, how to join, how to change it. */
export function bookingConfirmedEmail(booking: BookingEmailData): RenderedEmail {
  const email = composeEmail(`Booked: ${booking.packageName} with ${booking.host.name}`, [
    paragraph(`Your session with ${booking.host.name} is booked.`),
    details([
      ["Host", booking.host.name],
      ["Package", booking.packageName],
      ...sessionTimes(booking),
    ]),
    meetLinkBlock(booking),
    paragraph("Need to change or cancel it?"),
    button(booking.manageUrl, "Manage your booking"),
  ]);
  return { ...email, calendar: { method: "REQUEST", content: calendarInvite(booking, "REQUEST") } };
}
