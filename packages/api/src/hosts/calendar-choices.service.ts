import { hostChanged } from "../availability/host-changed.ts";
import { GoogleApiError, type CalendarListEntry } from "@timetap/google";
import { planChannels, renewDueChannels } from "../calendar-push/calendar-channels.ts";
import type { ApiDeps } from "../deps.ts";
import { withinDeadline } from "../lib/deadline.ts";
import { CalendarListUnavailableError, UnusableCalendarError } from "../lib/service-errors.ts";
import type { CalendarChoicesInput } from "./calendar-choices.inputs.ts";
import { busyCalendarIdsOf, PRIMARY, sessionCalendarIdOf } from "./chosen-calendars.ts";
import { calendarSyncState, markNeedsReauth } from "./host-calendar.ts";

type Deps = Pick<
  ApiDeps,
  | "db"
  | "google"
  | "tokens"
  | "logger"
  | "busyTimes"
  | "slotsAnswers"
  | "bookables"
  | "bookingLedgers"
  | "hostChanges"
  | "settings"
  | "clock"
  | "appUrl"
>;

/**
 * Why the list cannot be shown: no calendar connected (or Google revoked it), the grant predates
 * (or withheld) the calendar-list permission, or Google did not answer.
 */
type Unavailable = "not_connected" | "no_list_access" | "unreachable";

const unavailableMessages: Record<Unavailable, string> = {
  not_connected: "Connect Google Calendar first, then choose your calendars.",
  no_list_access:
    "Reconnect Google Calendar and allow TimeTap to see your list of calendars, then choose them.",
  unreachable: "Google did not answer. Please try again in a moment.",
};

const matches = (chosen: string, entry: CalendarListEntry) =>
  chosen === entry.id || (chosen === PRIMARY && entry.primary);

/** The host's Google calendars as listed now, or why they cannot be listed. */
async function googleCalendars(
  deps: Deps,
  hostId: string,
): Promise<
  | {
      list: CalendarListEntry[];
      host: { busyCalendarIds: string[]; sessionCalendarId: string | null };
    }
  | { unavailable: Unavailable }
> {
  const host = await deps.db.host.findUniqueOrThrow({ where: { id: hostId } });
  if (calendarSyncState(host) !== "pending" || !host.googleRefreshToken)
    return { unavailable: "not_connected" };
  try {
    const lookup = deps.google.listCalendars(deps.tokens.decrypt(host.googleRefreshToken, host.id));
    // The dashboard shows the list; a slow Google must not hold the page. Past the deadline the
    // late answer (or failure) is dropped.
    lookup.catch(() => undefined);
    const listed = await withinDeadline(lookup, deps.settings.busyTimesDeadlineMs);
    return listed ? { list: listed.value, host } : { unavailable: "unreachable" };
  } catch (error) {
    if (!(error instanceof GoogleApiError)) throw error;
    if (error.kind === "revoked") {
      await markNeedsReauth(deps, hostId);
      return { unavailable: "not_connected" };
    }
    return { unavailable: error.status === 403 ? "no_list_access" : "unreachable" };
  }
}

/**
 * The host's calendars with what each does for TimeTap, and the chosen calendars Google no longer
 * lists (deleted, or no longer shared): busy times skip those until the host chooses again.
 */
export async function getCalendarChoices(deps: Deps, hostId: string) {
  const found = await googleCalendars(deps, hostId);
  if ("unavailable" in found)
    return {
      unavailable: found.unavailable,
      message: unavailableMessages[found.unavailable],
      calendars: [],
      missing: [],
    };
  const busyIds = busyCalendarIdsOf(found.host);
  const sessionId = sessionCalendarIdOf(found.host);
  const calendars = found.list.map((entry) => ({
    ...entry,
    countsAsBusy: busyIds.some((id) => matches(id, entry)),
    receivesSessions: matches(sessionId, entry),
  }));
  const missing = [...new Set([...busyIds, sessionId])]
    .filter((id) => !found.list.some((entry) => matches(id, entry)))
    .map((id) => ({
      id,
      countsAsBusy: busyIds.includes(id),
      receivesSessions: id === sessionId,
    }));
  return { unavailable: null, message: null, calendars, missing };
}

/**
 * Saves which calendars count as busy and which one receives new session events; each must be
 * one of the host's calendars now, the session calendar one they can edit. Sessions already on a
 * calendar stay there.
 */
export async function updateCalendarChoices(
  deps: Deps,
  hostId: string,
  input: CalendarChoicesInput,
) {
  const found = await googleCalendars(deps, hostId);
  if ("unavailable" in found)
    throw new CalendarListUnavailableError(unavailableMessages[found.unavailable]);
  const entryOf = (id: string) => {
    const entry = found.list.find((candidate) => candidate.id === id);
    if (!entry)
      throw new UnusableCalendarError(
        "One of the chosen calendars is no longer in your Google account. Reload the page and choose again.",
      );
    return entry;
  };
  const busy = [...new Set(input.busyCalendarIds)].map(entryOf);
  const session = entryOf(input.sessionCalendarId);
  if (!session.writable)
    throw new UnusableCalendarError(
      `Sessions can only go to a calendar you can edit; "${session.summary}" is read-only for you.`,
    );
  await deps.db.host.update({
    where: { id: hostId },
    data: {
      busyCalendarIds: busy.map((entry) => (entry.primary ? PRIMARY : entry.id)),
      sessionCalendarId: session.primary ? null : session.id,
    },
  });
  hostChanged(deps, hostId, "calendar");
  // Watch the chosen calendars from now on, not from the keeper's next round.
  await planChannels(deps, hostId);
  await renewDueChannels(deps, { hostId });
  return getCalendarChoices(deps, hostId);
}
