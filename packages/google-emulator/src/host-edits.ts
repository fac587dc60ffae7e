import type { Calendar, StoredEvent } from "./calendar-store.ts";
import { ControlError, instant } from "./control-input.ts";
import { eventResource } from "./event-resource.ts";
import { eventId as randomEventId } from "./random.ts";
import type { EmulatorState } from "./state.ts";
import type { EventResource, HostEventSpec } from "./types.ts";

function range(spec: HostEventSpec) {
  const startMs = instant(spec.start, "start");
  const endMs = instant(spec.end, "end");
  if (endMs <= startMs) throw new ControlError("end must be after start");
  return {
    startMs,
    endMs,
    start: { dateTime: new Date(startMs).toISOString() },
    end: { dateTime: new Date(endMs).toISOString() },
  };
}

function calendarOf(state: EmulatorState, email: string, calendarId = "primary"): Calendar {
  const calendar = state.calendars.find(email, calendarId);
  if (!calendar) throw new ControlError(`${email} has no calendar ${calendarId}`);
  return calendar;
}

function eventOf(calendar: Calendar, eventId: string): StoredEvent {
  const event = calendar.events.get(eventId);
  if (!event || event.status === "cancelled")
    throw new ControlError(`No event ${eventId} in ${calendar.id}`);
  return event;
}

/** What the host does in Google's own calendar app: no invitations, but watchers hear of it. */
export function hostEdits(state: EmulatorState) {
  const now = () => state.clock.now();
  return {
    addEvent(email: string, spec: HostEventSpec): EventResource {
      const calendar = calendarOf(state, email, spec.calendarId);
      const event: StoredEvent = {
        id: randomEventId(),
        status: "confirmed",
        summary: spec.summary ?? "Busy",
        ...range(spec),
        attendees: [],
        created: now(),
        updated: now(),
        sequence: 0,
        version: calendar.version,
      };
      calendar.events.set(event.id, event);
      state.calendars.changed(calendar, event);
      return eventResource(calendar, event);
    },
    moveEvent(email: string, eventId: string, spec: HostEventSpec): EventResource {
      const calendar = calendarOf(state, email, spec.calendarId);
      const event = eventOf(calendar, eventId);
      Object.assign(event, range(spec), {
        updated: Math.max(now(), event.updated + 1),
        sequence: event.sequence + 1,
      });
      state.calendars.changed(calendar, event);
      return eventResource(calendar, event);
    },
    deleteEvent(email: string, eventId: string, calendarId?: string): void {
      const calendar = calendarOf(state, email, calendarId);
      const event = eventOf(calendar, eventId);
      event.status = "cancelled";
      event.updated = Math.max(now(), event.updated + 1);
      state.calendars.changed(calendar, event);
    },
  };
}
