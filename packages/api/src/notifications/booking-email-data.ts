import type { Prisma } from "@timetap/db";
import type { BookingEmailData } from "@timetap/email";
import { eventIdForBooking } from "@timetap/google";
import type { ApiDeps } from "../deps.ts";

/** What a booking query must load to write an email about it. */
export const bookingEmailInclude = {
  host: { select: { name: true, email: true, timeZone: true } },
  package: { select: { name: true } },
} satisfies Prisma.BookingInclude;

type BookingForEmail = Prisma.BookingGetPayload<{ include: typeof bookingEmailInclude }>;

/**
 * The booking as its emails describe it. The .ics UID is the iCalUID Google gives the booking's
 * event (`<event id>@google.com`), so a calendar that also got Google's invitation shows one
 * event, not two. The email's row gives the SEQUENCE, and for later changes the DTSTAMP (when the
 * change was queued), so every attempt renders the same invitation.
 */
export function bookingEmailData(
  { appUrl }: Pick<ApiDeps, "appUrl">,
  booking: BookingForEmail,
  email: { sequence: number; createdAt: Date },
): BookingEmailData {
  const eventId = booking.googleEventId ?? eventIdForBooking(booking.id);
  return {
    uid: `${eventId}@google.com`,
    sequence: email.sequence,
    stamp: email.sequence === 0 ? booking.createdAt : email.createdAt,
    host: booking.host,
    customer: {
      name: booking.customerName,
      email: booking.customerEmail,
      timeZone: booking.customerTimeZone,
    },
    packageName: booking.package.name,
    start: booking.startTime,
    end: booking.endTime,
    meetLink: booking.meetLink,
    manageUrl: `${appUrl}/bookings/${booking.id}?token=${encodeURIComponent(booking.accessToken)}`,
  };
}
