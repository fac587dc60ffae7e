import type { Host } from "@timetap/db";

/**
 * Where calendar work for a host stands right now: it can go to Google ("pending"), it must wait
 * for the host to reconnect a revoked grant ("parked"), or there is no calendar to write to
 * ("skipped"). Booking, syncing and busy-time lookups all decide by this one rule.
 */
export function calendarSyncState(
  host: Pick<Host, "calendarStatus" | "googleRefreshToken">,
): "pending" | "parked" | "skipped" {
  if (host.calendarStatus === "needs_reauth") return "parked";
  return host.calendarStatus === "connected" && host.googleRefreshToken ? "pending" : "skipped";
}
