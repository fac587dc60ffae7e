import type { Host } from "@timetap/db";

/**
 * Which of the host's Google calendars TimeTap reads and writes. Until the host chooses, the
 * primary calendar does both; Google accepts "primary" wherever it takes a calendar id.
 */
export const PRIMARY = "primary";

export function busyCalendarIdsOf(host: Pick<Host, "busyCalendarIds">): string[] {
  return host.busyCalendarIds.length > 0 ? host.busyCalendarIds : [PRIMARY];
}

export function sessionCalendarIdOf(host: Pick<Host, "sessionCalendarId">): string {
  return host.sessionCalendarId ?? PRIMARY;
}
