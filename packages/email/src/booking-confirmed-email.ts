import type { BookingEmailData, RenderedEmail } from "./booking-email-data.ts";
import { calendarInvite } from "./calendar-invite.ts";
import { buttonHtml, detailsHtml, emailLayout, paragraphHtml } from "./email-layout.ts";
import { sessionTimes } from "./session-times.ts";

export const MEET_LINK_LATER = "Your Meet link will be sent separately.";

/** To the customer once their booking is made: what, when, how to join, how to change it. */
export function bookingConfirmedEmail(booking: BookingEmailData): RenderedEmail {
  const title = `Booked: ${booking.packageName} with ${booking.host.name}`;
  const times = sessionTimes(booking);
  const join = booking.meetLink
    ? {
        html: buttonHtml(booking.meetLink, "Join with Google Meet"),
        text: `Join with Google Meet: ${booking.meetLink}`,
      }
    : { html: paragraphHtml(MEET_LINK_LATER), text: MEET_LINK_LATER };
  const html = emailLayout(
    title,
    [
      paragraphHtml(`Your session with ${booking.host.name} is booked.`),
      detailsHtml([["Host", booking.host.name], ["Package", booking.packageName], ...times]),
      join.html,
      paragraphHtml("Need to change or cancel it? Manage your booking here:"),
      buttonHtml(booking.manageUrl, "Manage your booking"),
    ].join("\n"),
  );
  const text = [
    title,
    "",
    `Your session with ${booking.host.name} is booked.`,
    "",
    `Host: ${booking.host.name}`,
    `Package: ${booking.packageName}`,
    ...times.map(([label, value]) => `${label}: ${value}`),
    "",
    join.text,
    "",
    `Change or cancel your booking: ${booking.manageUrl}`,
    "",
  ].join("\n");
  return {
    subject: title,
    html,
    text,
    calendar: { method: "REQUEST", content: calendarInvite(booking, "REQUEST") },
  };
}
