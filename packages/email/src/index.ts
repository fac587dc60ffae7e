export { createMailer, type Mailer, type OutgoingEmail } from "./mailer.ts";
export { SmtpSendError } from "./smtp-send-error.ts";
export { messageIdFor } from "./message-id.ts";
export type { BookingEmailData, RenderedEmail } from "./booking-email-data.ts";
export { bookingConfirmedEmail, MEET_LINK_LATER } from "./booking-confirmed-email.ts";
export { bookingCancelledEmail } from "./booking-cancelled-email.ts";
export {
  hostBookingCancelledEmail,
  hostBookingMovedEmail,
  hostBookingNewEmail,
  type HostNoticeLinks,
} from "./host-notice-emails.ts";
export { reminder1hEmail, reminder24hEmail } from "./reminder-email.ts";
