export { createMailer, type Mailer, type OutgoingEmail, type SendOptions } from "./mailer.ts";
export { SmtpSendError } from "./smtp-send-error.ts";
export { messageIdFor } from "./message-id.ts";
export type { BookingEmailData, RenderedEmail } from "./booking-email-data.ts";
export { bookingConfirmedEmail } from "./booking-confirmed-email.ts";
export { MEET_LINK_LATER } from "./meet-link-block.ts";
export { bookingCancelledEmail } from "./booking-cancelled-email.ts";
export { bookingMovedEmail } from "./booking-moved-email.ts";
export { meetLinkFollowUpEmail } from "./meet-link-followup-email.ts";
export {
  hostBookingCancelledEmail,
  hostBookingMovedEmail,
  hostBookingNewEmail,
  type HostNoticeLinks,
} from "./host-notice-emails.ts";
export { reminder1hEmail, reminder24hEmail } from "./reminder-email.ts";
