import type { BookingEmailData, RenderedEmail } from "./booking-email-data.ts";
import { calendarInvite } from "./calendar-invite.ts";
import { detailsHtml, emailLayout, paragraphHtml } from "./email-layout.ts";
import { sessionTimes } from "./session-times.ts";

/** To the customer once their booking is cancelled; its .ics removes the event it added. */
export function bookingCancelledEmail(booking: BookingEmailData): RenderedEmail {
  const title = `Cancelled: ${booking.packageName} with ${booking.host.name}`;
  const times = sessionTimes(booking);
  const html = emailLayout(
    title,
    [
      paragraphHtml(`Your session with ${booking.host.name} is cancelled.`),
      detailsHtml([["Package", booking.packageName], ...times]),
      paragraphHtml("The time is free again; you can book another one on the host's page."),
    ].join("\n"),
  );
  const text = [
    title,
    "",
    `Your session with ${booking.host.name} is cancelled.`,
    "",
    `Package: ${booking.packageName}`,
    ...times.map(([label, value]) => `${label}: ${value}`),
    "",
    "The time is free again; you can book another one on the host's page.",
    "",
  ].join("\n");
  return {
    subject: title,
    html,
    text,
    calendar: { method: "CANCEL", content: calendarInvite(booking, "CANCEL") },
  };
}
