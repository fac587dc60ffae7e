import type { BookingEmailData } from "./booking-email-data.ts";
import { button, composeEmail, details, paragraph } from "./email-layout.ts";
import { sessionTimeIn } from "./session-times.ts";

/** What a notice to the host links to: their dashboard, where the booking is listed. */
export interface HostNoticeLinks {
  dashboardUrl: string;
}

const HOST_FOOTER =
  "Sent by TimeTap about your booking page. You can turn these notices off on your dashboard, under Emails.";

/**
 * A notice to the host about one of their bookings: who, which package, when in the host's own
 * zone, and the way to their dashboard. No .ics: the booking is on their Google Calendar already
 * when it is connected, and an invitation from themselves would only confuse.
 */
function hostNotice(
  title: string,
  lead: string,
  booking: BookingEmailData,
  { dashboardUrl }: HostNoticeLinks,
) {
  return composeEmail(
    title,
    [
      paragraph(lead),
      details([
        ["Customer", customerName(booking)],
        ["Email", booking.customer.email],
        ["Package", booking.packageName],
        ["When", sessionTimeIn(booking.start, booking.end, booking.host.timeZone)],
      ]),
      button(dashboardUrl, "Open your dashboard"),
    ],
    HOST_FOOTER,
  );
}

const customerName = (booking: BookingEmailData) => booking.customer.name ?? booking.customer.email;

/** To the host once a customer books a session. */
export const hostBookingNewEmail = (booking: BookingEmailData, links: HostNoticeLinks) =>
  hostNotice(
    `New booking: ${booking.packageName} with ${customerName(booking)}`,
    `${customerName(booking)} booked a session with you.`,
    booking,
    links,
  );

/** To the host once a customer cancels; the time is free again on their page. */
export const hostBookingCancelledEmail = (booking: BookingEmailData, links: HostNoticeLinks) =>
  hostNotice(
    `Cancelled: ${booking.packageName} with ${customerName(booking)}`,
    `${customerName(booking)} cancelled this session. The time is free again on your booking page.`,
    booking,
    links,
  );

/** To the host once a customer moves a session: the time it is at now. */
export const hostBookingMovedEmail = (booking: BookingEmailData, links: HostNoticeLinks) =>
  hostNotice(
    `Moved: ${booking.packageName} with ${customerName(booking)}`,
    `${customerName(booking)} moved this session to a new time.`,
    booking,
    links,
  );
