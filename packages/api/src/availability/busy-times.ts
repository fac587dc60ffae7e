import type { HostChangeDeps } from "./host-changed.ts";
import type { BusyTime } from "@timetap/google";
import { GoogleApiError } from "@timetap/google";
import type { Host } from "@timetap/db";
import type { ApiDeps } from "../deps.ts";
import { busyCalendarIdsOf } from "../hosts/chosen-calendars.ts";
import { calendarSyncState, markNeedsReauth } from "../hosts/host-calendar.ts";
import { withinDeadline } from "../lib/deadline.ts";
import type { Interval } from "./slot-generation.ts";

type HostCalendar = Pick<Host, "id" | "calendarStatus" | "googleRefreshToken" | "busyCalendarIds">;
type BusyDeps = Pick<ApiDeps, "db" | "google" | "tokens" | "settings"> & HostChangeDeps;

/** One freeBusy call: the host's busy times over `span`, as Google has them now. */
const fetchBusyTimes =
  (deps: BusyDeps, host: HostCalendar & { googleRefreshToken: string }) => (span: Interval) =>
    deps.google.getCalendarBusyTimes(
      deps.tokens.decrypt(host.googleRefreshToken, host.id),
      span.start,
      span.end,
      busyCalendarIdsOf(host),
    );

/**
 * The host's Google busy times in a window, cached per host for five minutes (one lookup serves
 * every window of the next weeks: busy-times-cache.ts). Google failing, being slow, or the host
 * having no calendar never blocks booking: the answer is then "no known busy times" and
 * `degraded`.
 */
export async function googleBusyTimes(
  deps: BusyDeps,
  host: HostCalendar,
  from: Date,
  to: Date,
): Promise<{ busy: BusyTime[]; degraded: boolean }> {
  if (calendarSyncState(host) !== "pending" || !host.googleRefreshToken)
    return { busy: [], degraded: true };
  try {
    const lookup = deps.busyTimes.get(
      host.id,
      { start: from, end: to },
      fetchBusyTimes(deps, { ...host, googleRefreshToken: host.googleRefreshToken }),
    );
    // Past the deadline nobody awaits the lookup any more; its late failure must not go unhandled.
    lookup.catch(() => undefined);
    const result = await withinDeadline(lookup, deps.settings.busyTimesDeadlineMs);
    if (!result) {
      deps.logger.warn("google_busy_times_failed", {
        hostId: host.id,
        kind: "retryable",
        reason: "deadline",
      });
      return { busy: [], degraded: true };
    }
    return { busy: result.value, degraded: false };
  } catch (error) {
    const failure = error instanceof GoogleApiError ? error : undefined;
    deps.logger.warn("google_busy_times_failed", {
      hostId: host.id,
      kind: failure?.kind ?? "unknown",
      status: failure?.status,
      reason: failure?.reason,
      message: error instanceof Error ? error.message : String(error),
    });
    if (failure?.kind === "revoked") await markNeedsReauth(deps, host.id);
    return { busy: [], degraded: true };
  }
}
