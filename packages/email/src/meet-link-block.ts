import type { BookingEmailData } from "./booking-email-data.ts";
import { button, paragraph, type EmailBlock } from "./email-layout.ts";

export const MEET_LINK_LATER = "Your Meet link will be sent separately.";

/** How to join: the Meet link when Google gave one, else the promise of a follow-up email. */
export const meetLinkBlock = (booking: BookingEmailData): EmailBlock =>
  booking.meetLink ? button(booking.meetLink, "Join with Google Meet") : paragraph(MEET_LINK_LATER);
