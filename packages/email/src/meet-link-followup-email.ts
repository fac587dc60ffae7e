import type { BookingEmailData, RenderedEmail } from "./booking-email-data.ts";
import { calendarInvite } from "./calendar-invite.ts";
import { button, composeEmail, details, paragraph } from "./email-layout.ts";
import { meetLinkBlock } from "./meet-link-block.ts";
import { sessionTimes } from "./session-times.ts";

/**
 * The email the confirmation promised when Google gave the Meet link only after it went out: the
 * link, and an .ics that puts it on the same event.
 */
export function meetLinkFollowUpEmail(booking: BookingEmailData): RenderedEmail {
  const email = composeEmail(`Meet link: ${booking.packageName} with ${booking.host.name}`, [
    paragraph(`Here is the Google Meet link for your session with ${booking.host.name}.`),
    details([["Package", booking.packageName], ...sessionTimes(booking)]),
    meetLinkBlock(booking),
    paragraph("The calendar invitation attached carries the link too."),
    button(booking.manageUrl, "Manage your booking"),
  ]);
  return { ...email, calendar: { method: "REQUEST", content: calendarInvite(booking, "REQUEST") } };
}
