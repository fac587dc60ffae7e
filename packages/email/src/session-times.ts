import type { BookingEmailData } from "./booking-email-data.ts";

/**
 * The session's time as label/value lines: in the customer's zone when the booking page told us
 * it, and always in the host's, so both sides can check they mean the same hour.
 */
export function sessionTimes(booking: BookingEmailData): Array<[string, string]> {
  const hostTime = sessionTimeIn(booking.start, booking.end, booking.host.timeZone);
  const customerZone = booking.customer.timeZone;
  if (!customerZone || customerZone === booking.host.timeZone) return [["When", hostTime]];
  return [
    ["When", sessionTimeIn(booking.start, booking.end, customerZone)],
    [`${booking.host.name}'s time`, hostTime],
  ];
}

/**
 * "Monday, 1 February 2027, 09:00–09:30 (Europe/Berlin)": the session in one zone, in words a
 * reader needs no calendar to understand.
 */
export function sessionTimeIn(start: Date, end: Date, timeZone: string): string {
  const day = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(start);
  const clock = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  return `${day}, ${clock.format(start)}–${clock.format(end)} (${timeZone})`;
}
