import type { calendar_v3 } from "googleapis/build/src/apis/calendar/index.js";
import {
  eventRequestBody,
  eventResult,
  eventTimes,
  type CalendarEventInput,
  type CalendarEventResult,
  type CalendarEventTimes,
} from "./calendar-event.ts";
import type { CalendarConnect } from "./calendar-connection.ts";
import { GoogleApiError } from "./errors.ts";
import { googleCall, type CallContext } from "./google-call.ts";

export interface BusyTime {
  start: Date;
  end: Date;
}

const firstPollDelayMs = 250;

const isDuplicate = (error: GoogleApiError) => error.status === 409;
const isGone = (error: GoogleApiError) => error.status === 404 || error.status === 410;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function createCalendar(
  connect: CalendarConnect,
  context: CallContext & { conferenceWaitMs: number },
) {
  /**
   * Busy times across the calendars that count (the primary one unless told otherwise). A
   * secondary calendar that is gone or no longer shared is skipped with a warning, so one lost
   * calendar does not hide the others; the primary one failing, or Google failing, throws.
   */
  async function getCalendarBusyTimes(
    refreshToken: string,
    timeMin: Date,
    timeMax: Date,
    calendarIds: readonly string[] = ["primary"],
  ): Promise<BusyTime[]> {
    const { data } = await connect.withCalendar(refreshToken, (api, secrets) =>
      googleCall(context, "freebusy", secrets, (signal) =>
        api.freebusy.query(
          {
            requestBody: {
              timeMin: timeMin.toISOString(),
              timeMax: timeMax.toISOString(),
              items: calendarIds.map((id) => ({ id })),
            },
          },
          { signal },
        ),
      ),
    );
    return calendarIds
      .flatMap((id) => {
        const calendar = data.calendars?.[id];
        const reason = calendar ? calendar.errors?.[0]?.reason : "notFound";
        if (reason) {
          const retryable = reason === "backendError" || reason === "internalError";
          if (retryable || id === "primary")
            throw new GoogleApiError({
              kind: retryable ? "retryable" : "permanent",
              operation: "freebusy",
              reason,
              message: `Google freebusy failed for the ${id === "primary" ? "primary " : ""}calendar (${reason})`,
            });
          context.logger?.warn("Google calendar unavailable", { operation: "freebusy", reason });
          return [];
        }
        return (calendar?.busy ?? []).flatMap((b) =>
          b.start && b.end ? [{ start: new Date(b.start), end: new Date(b.end) }] : [],
        );
      })
      .sort((a, b) => a.start.getTime() - b.start.getTime());
  }

  async function getEvent(
    api: calendar_v3.Calendar,
    secrets: string[],
    calendarId: string,
    eventId: string,
  ) {
    const { data } = await googleCall(context, "events.get", secrets, (signal) =>
      api.events.get({ calendarId, eventId }, { signal }),
    );
    return data;
  }

  /** Google may still be creating the Meet conference; poll with doubling delays within the budget. */
  async function awaitConference(
    api: calendar_v3.Calendar,
    secrets: string[],
    calendarId: string,
    created: CalendarEventResult,
  ): Promise<CalendarEventResult> {
    const giveUpAt = Date.now() + context.conferenceWaitMs;
    let result = created;
    let delay = firstPollDelayMs;
    while (result.conferenceStatus === "pending") {
      const remaining = giveUpAt - Date.now();
      if (remaining <= 0) break;
      await sleep(Math.min(delay, remaining));
      delay *= 2;
      try {
        result = eventResult(
          await getEvent(api, secrets, calendarId, result.googleEventId),
          result.googleEventId,
        );
      } catch {
        // The event exists; a failed poll only means the link arrives later (by Google's email).
        break;
      }
    }
    if (result.conferenceStatus === "pending") {
      context.logger?.warn("Meet conference still pending", {
        googleEventId: result.googleEventId,
      });
    }
    return result;
  }

  /**
   * Inserts the booking's event with a Meet conference and invitations. The event id is
   * deterministic, so a repeated call finds Google's 409 and reads the existing event instead.
   */
  async function createCalendarEvent(
    refreshToken: string,
    data: CalendarEventInput,
    calendarId = "primary",
  ): Promise<CalendarEventResult> {
    const { api, secrets, event } = await connect.withCalendar(
      refreshToken,
      async (api, secrets) => {
        try {
          const response = await googleCall(
            context,
            "events.insert",
            secrets,
            (signal) =>
              api.events.insert(
                {
                  calendarId,
                  conferenceDataVersion: 1,
                  sendUpdates: "all",
                  requestBody: eventRequestBody(data),
                },
                { signal },
              ),
            isDuplicate,
          );
          return { api, secrets, event: response.data };
        } catch (error) {
          if (!(error instanceof GoogleApiError && isDuplicate(error))) throw error;
          return { api, secrets, event: await getEvent(api, secrets, calendarId, data.eventId) };
        }
      },
    );
    return awaitConference(api, secrets, calendarId, eventResult(event, data.eventId));
  }

  /** Puts the event at the booking's times, undeleting it when the host deleted it in Google. */
  async function updateCalendarEvent(
    refreshToken: string,
    eventId: string,
    times: CalendarEventTimes,
    calendarId = "primary",
  ): Promise<CalendarEventResult> {
    const { data } = await connect.withCalendar(refreshToken, (api, secrets) =>
      googleCall(context, "events.patch", secrets, (signal) =>
        api.events.patch(
          {
            calendarId,
            eventId,
            sendUpdates: "all",
            // Confirmed too: the host may have deleted the event in Google; this puts it back.
            requestBody: { ...eventTimes(times), status: "confirmed" },
          },
          { signal },
        ),
      ),
    );
    return eventResult(data, eventId);
  }

  /** Already gone (404) or already deleted (410) both mean the event is not on the calendar: done. */
  async function deleteCalendarEvent(
    refreshToken: string,
    eventId: string,
    calendarId = "primary",
  ): Promise<void> {
    try {
      await connect.withCalendar(refreshToken, (api, secrets) =>
        googleCall(
          context,
          "events.delete",
          secrets,
          (signal) => api.events.delete({ calendarId, eventId, sendUpdates: "all" }, { signal }),
          isGone,
        ),
      );
    } catch (error) {
      if (error instanceof GoogleApiError && isGone(error)) return;
      throw error;
    }
  }

  return { getCalendarBusyTimes, createCalendarEvent, updateCalendarEvent, deleteCalendarEvent };
}
