import type { Calendar, StoredEvent } from "./calendar-store.ts";
import type { EventResource } from "./types.ts";

export function meetLink(code: string): string {
  return `https://meet.google.com/${code}`;
}

function conferenceData(
  calendar: Calendar,
  event: StoredEvent,
): Record<string, unknown> | undefined {
  const conference = event.conference;
  if (!conference) return undefined;
  const createRequest = (statusCode: string) => ({
    requestId: conference.requestId,
    conferenceSolutionKey: { type: "hangoutsMeet" },
    status: { statusCode },
  });
  if (calendar.conferences.isPending(conference))
    return { createRequest: createRequest("pending") };
  const uri = meetLink(conference.code);
  return {
    createRequest: createRequest("success"),
    entryPoints: [{ entryPointType: "video", uri, label: uri.replace("https://", "") }],
    conferenceSolution: {
      key: { type: "hangoutsMeet" },
      name: "Google Meet",
      iconUri:
        "https://fonts.gstatic.com/s/i/productlogos/meet_2020q4/v6/web-512dp/logo_meet_2020q4_color_2x_web_512dp.png",
    },
    conferenceId: conference.code,
  };
}

/** The event as Google's events resource, computed now so pending conferences resolve on time. */
export function eventResource(calendar: Calendar, event: StoredEvent): EventResource {
  const conference = conferenceData(calendar, event);
  const videoUri = (conference?.["entryPoints"] as { uri: string }[] | undefined)?.[0]?.uri;
  const self = { email: calendar.owner, self: true };
  const resource: EventResource = {
    kind: "calendar#event",
    etag: `"${event.updated}${event.sequence}"`,
    id: event.id,
    status: event.status,
    htmlLink: `https://www.google.com/calendar/event?eid=${Buffer.from(`${event.id} ${calendar.owner}`).toString("base64url")}`,
    created: new Date(event.created).toISOString(),
    updated: new Date(event.updated).toISOString(),
    summary: event.summary,
    description: event.description,
    location: event.location,
    creator: self,
    organizer: self,
    start: event.start,
    end: event.end,
    transparency: event.transparency,
    iCalUID: `${event.id}@google.com`,
    sequence: event.sequence,
    attendees: event.attendees.length > 0 ? event.attendees : undefined,
    extendedProperties: event.extendedProperties,
    hangoutLink: videoUri,
    conferenceData: conference,
    reminders: { useDefault: true },
    eventType: "default",
  };
  for (const key of Object.keys(resource)) {
    if (resource[key] === undefined) delete resource[key];
  }
  return resource;
}
