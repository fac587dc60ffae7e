import { google, type calendar_v3 } from "googleapis";
import type { GoogleAuth } from "./auth.ts";
import {
  eventRequestBody,
  eventResult,
  eventTimes,
  type CalendarEventInput,
  type CalendarEventResult,
  type CalendarEventTimes,
} from "./calendar-event.ts";
import type { GoogleEndpoints } from "./endpoints.ts";
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
  auth: GoogleAuth,
  endpoints: GoogleEndpoints,
  context: CallContext & { conferenceWaitMs: number },
) {
  /** A Calendar API bound to the refresh token's user, plus the secrets to keep out of errors. */
  async function connect(refreshToken: string) {
    const { client, reused } = await auth.authorizedClient(refreshToken);
    const api = google.calendar({
      version: "v3",
      auth: client,
      rootUrl: endpoints.calendarRootUrl,
      retry: false,
      timeout: context.timeoutMs,
    });
    const secrets = [refreshToken, client.credentials.access_token ?? ""];
    return { api, secrets, reused };
  }

  /**
   * Runs `call` with the grant's access token. Google refusing a reused token (401: it expired
   * early, or the grant was revoked) gets one more try with a refreshed one, where a revoked grant
   * fails as `revoked`, as it did when every call refreshed first; a 401 on a fresh token is final.
   */
  async function withCalendar<T>(
    refreshToken: string,
    call: (api: calendar_v3.Calendar, secrets: string[]) => Promise<T>,
  ): Promise<T> {
    const first = await connect(refreshToken);
    try {
      return await call(first.api, first.secrets);
    } catch (error) {
      if (!(first.reused && error instanceof GoogleApiError && error.status === 401)) throw error;
      auth.forgetAccessToken(refreshToken);
      const again = await connect(refreshToken);
      return call(again.api, again.secrets);
    }
  }

  async function getCalendarBusyTimes(
    refreshToken: string,
    timeMin: Date,
    timeMax: Date,
  ): Promise<BusyTime[]> {
    const { data } = await withCalendar(refreshToken, (api, secrets) =>
      googleCall(context, "freebusy", secrets, (signal) =>
        api.freebusy.query(
          {
            requestBody: {
              timeMin: timeMin.toISOString(),
              timeMax: timeMax.toISOString(),
              items: [{ id: "primary" }],
            },
          },
          { signal },
        ),
      ),
    );
    const primary = data.calendars?.["primary"];
    const failure = primary?.errors?.[0];
    if (!primary || failure) {
      const reason = failure?.reason ?? "notFound";
      throw new GoogleApiError({
        kind: reason === "backendError" || reason === "internalError" ? "retryable" : "permanent",
        operation: "freebusy",
        reason,
        message: `Google freebusy failed for the primary calendar (${reason})`,
      });
    }
    return (primary.busy ?? []).flatMap((b) =>
      b.start && b.end ? [{ start: new Date(b.start), end: new Date(b.end) }] : [],
    );
  }

  async function getEvent(api: calendar_v3.Calendar, secrets: string[], eventId: string) {
    const { data } = await googleCall(context, "events.get", secrets, (signal) =>
      api.events.get({ calendarId: "primary", eventId }, { signal }),
    );
    return data;
  }

  /** Google may still be creating the Meet conference; poll with doubling delays within the budget. */
  async function awaitConference(
    api: calendar_v3.Calendar,
    secrets: string[],
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
          await getEvent(api, secrets, result.googleEventId),
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
  ): Promise<CalendarEventResult> {
    const { api, secrets, event } = await withCalendar(refreshToken, async (api, secrets) => {
      try {
        const response = await googleCall(
          context,
          "events.insert",
          secrets,
          (signal) =>
            api.events.insert(
              {
                calendarId: "primary",
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
        return { api, secrets, event: await getEvent(api, secrets, data.eventId) };
      }
    });
    return awaitConference(api, secrets, eventResult(event, data.eventId));
  }

  async function updateCalendarEvent(
    refreshToken: string,
    eventId: string,
    times: CalendarEventTimes,
  ): Promise<CalendarEventResult> {
    const { data } = await withCalendar(refreshToken, (api, secrets) =>
      googleCall(context, "events.patch", secrets, (signal) =>
        api.events.patch(
          { calendarId: "primary", eventId, sendUpdates: "all", requestBody: eventTimes(times) },
          { signal },
        ),
      ),
    );
    return eventResult(data, eventId);
  }

  /** Already gone (404) or already deleted (410) both mean the event is not on the calendar: done. */
  async function deleteCalendarEvent(refreshToken: string, eventId: string): Promise<void> {
    try {
      await withCalendar(refreshToken, (api, secrets) =>
        googleCall(
          context,
          "events.delete",
          secrets,
          (signal) =>
            api.events.delete({ calendarId: "primary", eventId, sendUpdates: "all" }, { signal }),
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
