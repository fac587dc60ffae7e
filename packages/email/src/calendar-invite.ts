import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from "ical-generator";
import type { BookingEmailData } from "./booking-email-data.ts";

/**
 * The .ics sent with a booking's emails: organised by the host, the customer invited, times in
 * UTC. REQUEST adds or updates the event; CANCEL, with the same UID, removes it.
 */
export function calendarInvite(booking: BookingEmailData, method: "REQUEST" | "CANCEL"): string {
  const calendar = ical({
    prodId: { company: "TimeTap", product: "TimeTap", language: "EN" },
    method: method === "REQUEST" ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL,
  });
  calendar.createEvent({
    id: booking.uid,
    sequence: booking.sequence,
    stamp: booking.stamp,
    start: booking.start,
    end: booking.end,
    summary: `${booking.packageName} with ${booking.host.name}`,
    description: booking.meetLink
      ? `Join with Google Meet: ${booking.meetLink}\nManage your booking: ${booking.manageUrl}`
      : `Manage your booking: ${booking.manageUrl}`,
    location: booking.meetLink,
    url: booking.manageUrl,
    status: method === "REQUEST" ? ICalEventStatus.CONFIRMED : ICalEventStatus.CANCELLED,
    organizer: { name: booking.host.name, email: booking.host.email },
    attendees: [
      {
        email: booking.customer.email,
        name: booking.customer.name ?? undefined,
        role: ICalAttendeeRole.REQ,
        status: method === "REQUEST" ? ICalAttendeeStatus.NEEDSACTION : ICalAttendeeStatus.DECLINED,
        rsvp: method === "REQUEST",
      },
    ],
  });
  return calendar.toString();
}
