import { authenticate, requireCalendar, type CalendarContext } from "./calendar-context.ts";
import type { Attendee, Calendar, StoredEvent } from "./calendar-store.ts";
import {
  mergeExtendedProperties,
  optionalString,
  parseAttendees,
  parseCreateRequest,
  parseSendUpdates,
  parseStatus,
  parseTransparency,
  validateEventId,
  type SendUpdates,
} from "./event-input.ts";
import { eventResource, meetLink } from "./event-resource.ts";
import { parseEventRange } from "./event-time.ts";
import { GoogleError } from "./google-error.ts";
import { asRecord, type ParsedRequest, type Reply } from "./http.ts";
import { eventId as randomEventId } from "./random.ts";
import { eventReadScopes, eventWriteScopes } from "./scopes.ts";
import type { Invitation } from "./types.ts";

export interface EventPath {
  calendarId: string;
  eventId?: string;
}

function requestBody(req: ParsedRequest): Record<string, unknown> {
  const body = asRecord(req.body);
  if (!body) throw new GoogleError(400, "parseError", "Parse Error");
  return body;
}

function findEvent(calendar: Calendar, eventId: string | undefined): StoredEvent {
  const event = eventId === undefined ? undefined : calendar.events.get(eventId);
  if (!event) throw new GoogleError(404, "notFound", "Not Found");
  return event;
}

function conferenceRequested(
  req: ParsedRequest,
  body: Record<string, unknown>,
  calendar: Calendar,
) {
  if (req.url.searchParams.get("conferenceDataVersion") !== "1") return undefined;
  const requestId = parseCreateRequest(body["conferenceData"]);
  return requestId === undefined ? undefined : calendar.conferences.obtain(requestId);
}

function notify(
  ctx: CalendarContext,
  calendar: Calendar,
  event: StoredEvent,
  sendUpdates: SendUpdates,
  recipients: { attendee: Attendee; kind: Invitation["kind"] }[],
): void {
  if (sendUpdates === "none") return;
  const conference = event.conference;
  const link =
    conference && !calendar.conferences.isPending(conference)
      ? meetLink(conference.code)
      : undefined;
  for (const { attendee, kind } of recipients) {
    if (attendee.email === calendar.owner) continue;
    if (sendUpdates === "externalOnly" && ctx.oauth.user(attendee.email)) continue;
    const withLink = link !== undefined && kind !== "cancel";
    ctx.journal.invite({
      to: attendee.email,
      eventId: event.id,
      kind,
      ...(withLink ? { meetLink: link } : {}),
    });
  }
}

export function insertEvent(ctx: CalendarContext, req: ParsedRequest, path: EventPath): Reply {
  const email = authenticate(ctx, req, eventWriteScopes);
  const calendar = requireCalendar(ctx, email, path.calendarId);
  const body = requestBody(req);
  const sendUpdates = parseSendUpdates(req.url.searchParams);
  const { startMs, endMs } = parseEventRange(body["start"], body["end"]);
  const id = body["id"] === undefined ? randomEventId() : validateEventId(body["id"]);
  if (calendar.events.has(id)) {
    throw new GoogleError(409, "duplicate", "The requested identifier already exists.");
  }
  const attendees = body["attendees"] === undefined ? [] : parseAttendees(body["attendees"]);
  const conference = conferenceRequested(req, body, calendar);
  const now = ctx.clock.now();
  const event: StoredEvent = {
    id,
    status: body["status"] === undefined ? "confirmed" : parseStatus(body["status"]),
    summary: optionalString(body, "summary"),
    description: optionalString(body, "description"),
    location: optionalString(body, "location"),
    start: asRecord(body["start"]) ?? {},
    end: asRecord(body["end"]) ?? {},
    startMs,
    endMs,
    attendees,
    extendedProperties:
      body["extendedProperties"] === undefined
        ? undefined
        : mergeExtendedProperties(undefined, body["extendedProperties"]),
    transparency:
      body["transparency"] === undefined ? undefined : parseTransparency(body["transparency"]),
    conference,
    created: now,
    updated: now,
    sequence: 0,
    version: calendar.version,
  };
  calendar.events.set(id, event);
  ctx.calendars.changed(calendar, event);
  notify(
    ctx,
    calendar,
    event,
    sendUpdates,
    attendees.map((attendee) => ({ attendee, kind: "invite" })),
  );
  return { status: 200, json: eventResource(calendar, event) };
}

export function getEvent(ctx: CalendarContext, req: ParsedRequest, path: EventPath): Reply {
  const email = authenticate(ctx, req, eventReadScopes);
  const calendar = requireCalendar(ctx, email, path.calendarId);
  const event = findEvent(calendar, path.eventId);
  const resource = eventResource(calendar, event);
  if (event.conference && event.conference.pendingPolls > 0) event.conference.pendingPolls -= 1;
  return { status: 200, json: resource };
}

export function patchEvent(ctx: CalendarContext, req: ParsedRequest, path: EventPath): Reply {
  const email = authenticate(ctx, req, eventWriteScopes);
  const calendar = requireCalendar(ctx, email, path.calendarId);
  const event = findEvent(calendar, path.eventId);
  const body = requestBody(req);
  const sendUpdates = parseSendUpdates(req.url.searchParams);
  const start =
    body["start"] === undefined ? event.start : { ...event.start, ...asRecord(body["start"]) };
  const end = body["end"] === undefined ? event.end : { ...event.end, ...asRecord(body["end"]) };
  const range = parseEventRange(start, end);
  const attendees =
    body["attendees"] === undefined ? event.attendees : parseAttendees(body["attendees"]);
  const status = body["status"] === undefined ? event.status : parseStatus(body["status"]);
  const previous = new Set(event.attendees.map((a) => a.email));
  const timeChanged = range.startMs !== event.startMs || range.endMs !== event.endMs;
  const updated: StoredEvent = {
    ...event,
    status,
    summary: body["summary"] === undefined ? event.summary : optionalString(body, "summary"),
    description:
      body["description"] === undefined ? event.description : optionalString(body, "description"),
    location: body["location"] === undefined ? event.location : optionalString(body, "location"),
    start,
    end,
    ...range,
    attendees,
    extendedProperties:
      body["extendedProperties"] === undefined
        ? event.extendedProperties
        : mergeExtendedProperties(event.extendedProperties, body["extendedProperties"]),
    transparency:
      body["transparency"] === undefined
        ? event.transparency
        : parseTransparency(body["transparency"]),
    conference: conferenceRequested(req, body, calendar) ?? event.conference,
    updated: Math.max(ctx.clock.now(), event.updated + 1),
    sequence: timeChanged ? event.sequence + 1 : event.sequence,
  };
  calendar.events.set(updated.id, updated);
  ctx.calendars.changed(calendar, updated);
  const kindFor = (attendee: Attendee): Invitation["kind"] =>
    status === "cancelled" ? "cancel" : previous.has(attendee.email) ? "update" : "invite";
  notify(
    ctx,
    calendar,
    updated,
    sendUpdates,
    attendees.map((attendee) => ({ attendee, kind: kindFor(attendee) })),
  );
  return { status: 200, json: eventResource(calendar, updated) };
}

export function deleteEvent(ctx: CalendarContext, req: ParsedRequest, path: EventPath): Reply {
  const email = authenticate(ctx, req, eventWriteScopes);
  const calendar = requireCalendar(ctx, email, path.calendarId);
  const event = findEvent(calendar, path.eventId);
  if (event.status === "cancelled")
    throw new GoogleError(410, "deleted", "Resource has been deleted");
  const sendUpdates = parseSendUpdates(req.url.searchParams);
  event.status = "cancelled";
  event.updated = Math.max(ctx.clock.now(), event.updated + 1);
  ctx.calendars.changed(calendar, event);
  notify(
    ctx,
    calendar,
    event,
    sendUpdates,
    event.attendees.map((attendee) => ({ attendee, kind: "cancel" })),
  );
  return { status: 204 };
}
