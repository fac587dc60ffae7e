import type { BusyTime } from "@timetap/google";
import { GoogleApiError } from "@timetap/google";
import type { Host } from "@timetap/db";
import type { ApiDeps } from "../deps.ts";
import { busyCalendarIdsOf } from "../hosts/chosen-calendars.ts";
import { calendarSyncState, markNeedsReauth } from "../hosts/host-calendar.ts";
import { busyTimesKey } from "./busy-times-cache.ts";
import { withinDeadline } from "../lib/deadline.ts";

type HostCalendar = Pick<Host, "id" | "calendarStatus" | "googleRefreshToken" | "busyCalendarIds">;

/**
 * The host's Google busy times in a window, cached per host for five minutes. Google failing,
 * being slow, or the host having no calendar never blocks booking: the answer is then "no
 * known busy times" and `degraded`.
 */
export async function googleBusyTimes(
  deps: Pick<ApiDeps, "db" | "google" | "tokens" | "logger" | "busyTimes" | "settings">,
  host: HostCalendar,
  from: Date,
  to: Date,
): Promise<{ busy: BusyTime[]; degraded: boolean }> {
  if (calendarSyncState(host) !== "pending" || !host.googleRefreshToken)
    return { busy: [], degraded: true };
  const key = busyTimesKey(host.id, from, to);
  const cached = deps.busyTimes.get(key);
  if (cached) return { busy: cached, degraded: false };

  try {
    const refreshToken = deps.tokens.decrypt(host.googleRefreshToken, host.id);
    const lookup = deps.google.getCalendarBusyTimes(
      refreshToken,
      from,
      to,
      busyCalendarIdsOf(host),
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
    deps.busyTimes.set(key, result.value);
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
