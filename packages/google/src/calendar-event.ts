import type { calendar_v3 } from "googleapis/build/src/apis/calendar/index.js";

export interface CalendarEventInput {
  /** From eventIdForBooking, so retries hit the same event. */
  eventId: string;
  /** Meet createRequest id; the same id never yields a second conference. */
  requestId: string;
  bookingId: string;
  start: Date;
  end: Date;
  /** IANA zone the event is shown in. */
  timeZone: string;
  customerEmail: string;
  customerName?: string | null;
  hostName: string;
  packageName: string;
}

export interface CalendarEventTimes {
  start: Date;
  end: Date;
  timeZone: string;
}

export type ConferenceStatus = "success" | "pending" | "failure" | "none";

export interface CalendarEventResult {
  googleEventId: string;
  meetLink: string | null;
  conferenceStatus: ConferenceStatus;
}

export function eventTimes({ start, end, timeZone }: CalendarEventTimes): calendar_v3.Schema$Event {
  return {
    start: { dateTime: start.toISOString(), timeZone },
    end: { dateTime: end.toISOString(), timeZone },
  };
}

export function eventRequestBody(data: CalendarEventInput): calendar_v3.Schema$Event {
  return {
    id: data.eventId,
    summary: `[TimeTap] Session with ${data.customerEmail}`,
    description: `${data.packageName} with ${data.hostName}.\nBooked with TimeTap.`,
    ...eventTimes(data),
    attendees: [
      data.customerName
        ? { email: data.customerEmail, displayName: data.customerName }
        : { email: data.customerEmail },
    ],
    conferenceData: {
      createRequest: { requestId: data.requestId, conferenceSolutionKey: { type: "hangoutsMeet" } },
    },
    extendedProperties: { private: { bookingId: data.bookingId } },
  };
}

function conferenceStatus(event: calendar_v3.Schema$Event): ConferenceStatus {
  const status = event.conferenceData?.createRequest?.status?.statusCode;
  if (status === "success" || status === "pending" || status === "failure") return status;
  return event.conferenceData?.entryPoints?.length ? "success" : "none";
}

export function eventResult(
  event: calendar_v3.Schema$Event,
  fallbackId: string,
): CalendarEventResult {
  const video = event.conferenceData?.entryPoints?.find((e) => e.entryPointType === "video")?.uri;
  return {
    googleEventId: event.id ?? fallbackId,
    meetLink: video ?? event.hangoutLink ?? null,
    conferenceStatus: conferenceStatus(event),
  };
}
