import type { Host } from "@timetap/db";
import { resetChannels, stopChannels } from "../calendar-push/calendar-channels.ts";
import { hostChanged, type HostChangeDeps } from "../availability/host-changed.ts";
import type { ApiDeps } from "../deps.ts";
import { NotFoundError } from "../lib/service-errors.ts";

/**
 * The one module that changes a host's calendar state (connected, needs_reauth, disconnected,
 * not_granted) and
 * the one rule everything else reads it by.
 */

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

/**
 * Connects (or reconnects) the host's Google Calendar with a refresh token: stored encrypted; the
 * bookings that waited for the host to reconnect go to Google now; cached busy times are dropped,
 * as they were read without this calendar. Returns how many waiting syncs were resumed.
 */
export async function connectCalendar(
  deps: Pick<ApiDeps, "db" | "tokens" | "clock"> & HostChangeDeps,
  hostId: string,
  refreshToken: string,
): Promise<number> {
  const { db, tokens, clock } = deps;
  const [, resumed] = await db.$transaction([
    db.host.update({
      where: { id: hostId },
      data: {
        googleRefreshToken: tokens.encrypt(refreshToken, hostId),
        calendarStatus: "connected",
      },
    }),
    db.calendarSync.updateMany({
      where: { state: "parked", booking: { hostId } },
      data: { state: "pending", nextAttemptAt: clock.now() },
    }),
  ]);
  hostChanged(deps, hostId, "calendar");
  await resetChannels(deps, hostId);
  return resumed.count;
}

/**
 * The host signed in but unticked Google's calendar permission: a calendar that is not connected
 * now says why. A connected one, or one waiting for a reconnect, keeps its own grant.
 */
export async function markCalendarNotGranted(
  { db }: Pick<ApiDeps, "db">,
  hostId: string,
): Promise<void> {
  await db.host.updateMany({
    where: { id: hostId, calendarStatus: { in: ["disconnected", "not_granted"] } },
    data: { calendarStatus: "not_granted" },
  });
}

/** Google no longer accepts the host's grant: stop using it until the host reconnects. */
export async function markNeedsReauth(
  deps: Pick<ApiDeps, "db"> & HostChangeDeps,
  hostId: string,
): Promise<void> {
  const { count } = await deps.db.host.updateMany({
    where: { id: hostId, calendarStatus: "connected" },
    data: { calendarStatus: "needs_reauth" },
  });
  // Its answers no longer know its busy times: they now say so (`calendarDegraded`).
  if (count > 0) hostChanged(deps, hostId, "calendar");
}

/**
 * Revokes TimeTap's access at Google and forgets the token. Revocation is best effort: a token
 * Google already dropped must not keep the host connected here.
 */
export async function disconnectCalendar(
  deps: Pick<ApiDeps, "db" | "google" | "tokens"> & HostChangeDeps,
  hostId: string,
) {
  const { db, google, tokens, logger } = deps;
  const host = await db.host.findUnique({ where: { id: hostId } });
  if (!host) throw new NotFoundError("Host not found.");
  if (host.googleRefreshToken) {
    const refreshToken = tokens.decrypt(host.googleRefreshToken, host.id);
    await stopChannels(deps, hostId, refreshToken);
    try {
      await google.revokeToken(refreshToken);
    } catch (error) {
      logger.warn("google_revoke_failed", { hostId, message: (error as Error).message });
    }
  }
  const disconnected = await db.host.update({
    where: { id: hostId },
    data: { googleRefreshToken: null, calendarStatus: "disconnected" },
  });
  // Told once written: what a process reads of the host before then may still be connected.
  hostChanged(deps, hostId, "calendar");
  return disconnected;
}
