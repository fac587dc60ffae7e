import type { BookingEmailData } from "./booking-email-data.ts";
import { button, composeEmail, details, paragraph } from "./email-layout.ts";
import { sessionTimes } from "./session-times.ts";

/**
 * To the customer ahead of their session (`ahead`: "in 24 hours", "in 1 hour"): when, how to
 * join, and how to change it while there is time. No .ics: the confirmation added the event.
 */
export function reminderEmail(booking: BookingEmailData, ahead: string) {
  return composeEmail(`Reminder: ${booking.packageName} with ${booking.host.name} ${ahead}`, [
    paragraph(`Your session with ${booking.host.name} starts ${ahead}.`),
    details([["Package", booking.packageName], ...sessionTimes(booking)]),
    ...(booking.meetLink ? [button(booking.meetLink, "Join with Google Meet")] : []),
    paragraph("Can't make it?"),
    button(booking.manageUrl, "Move or cancel your booking"),
  ]);
}

export const reminder24hEmail = (booking: BookingEmailData) =>
  reminderEmail(booking, "in 24 hours");
export const reminder1hEmail = (booking: BookingEmailData) => reminderEmail(booking, "in 1 hour");
