import { hostChanged, type HostChangeDeps } from "../availability/host-changed.ts";
import type { ApiDeps } from "../deps.ts";
import { channelTokenMatches } from "./channel-token.ts";
import { reconcileCalendar } from "./reconcile-events.ts";

/** The headers of one Google push notification, as the webhook received them. */
export interface CalendarNotification {
  channelId: string | null;
  token: string | null;
  resourceId: string | null;
  resourceState: string | null;
}

/**
 * A notification from one of our live channels (its id, its token, its resource, not expired)
 * drops the host's busy times at once and looks for session events the host deleted or moved
 * there; anything else (forged, a channel since renewed or
 * stopped) is `unknown` and changes nothing.
 */
export async function receiveCalendarNotification(
  deps: Pick<ApiDeps, "db" | "google" | "tokens" | "clock"> & HostChangeDeps,
  notification: CalendarNotification,
): Promise<"accepted" | "unknown"> {
  const { channelId, token, resourceId, resourceState } = notification;
  if (!channelId || !token) return "unknown";
  const row = await deps.db.calendarChannel.findUnique({ where: { channelId } });
  const live =
    row?.tokenHash &&
    channelTokenMatches(row.tokenHash, token) &&
    row.resourceId === resourceId &&
    row.expiresAt !== null &&
    row.expiresAt > deps.clock.now();
  if (!row || !live) {
    deps.logger.warn("calendar_notification_refused", { channelId: channelId.slice(0, 64) });
    return "unknown";
  }
  // `sync` only confirms a new channel; `exists` says something on the calendar changed.
  if (resourceState === "exists") hostChanged(deps, row.hostId, "calendar");
  // Either way, see what changed to the sessions' events there; Google is not kept waiting.
  reconcileCalendar(deps, row).catch((error: unknown) =>
    deps.logger.warn("calendar_reconcile_failed", {
      hostId: row.hostId,
      message: (error as Error).message,
    }),
  );
  return "accepted";
}
