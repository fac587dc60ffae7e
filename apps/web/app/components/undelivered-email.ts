import type { AppRouter, inferRouterOutputs } from "@timetap/api";

type UndeliveredEmail =
  inferRouterOutputs<AppRouter>["host"]["bookings"]["bookings"][number]["undeliveredEmails"][number];

/** Each email about a booking, as the host calls it. */
const EMAIL_NAMES: Record<UndeliveredEmail["kind"], string> = {
  booking_confirmed: "Confirmation email",
  booking_cancelled: "Cancellation email",
  reminder_24h: "24-hour reminder",
  reminder_1h: "1-hour reminder",
  host_booking_new: "Your new-booking notice",
  host_booking_cancelled: "Your cancellation notice",
  host_booking_moved: "Your move notice",
};

/** "Confirmation email not delivered: 550 5.1.1 …": which email, and the mail server's reason. */
export const undeliveredSentence = (email: UndeliveredEmail) =>
  `${EMAIL_NAMES[email.kind]} not delivered: ${email.reason ?? "the mail server refused it"}`;
