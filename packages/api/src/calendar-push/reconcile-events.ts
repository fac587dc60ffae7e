import type { CalendarChannel, Host, Prisma } from "@timetap/db";
import { eventIdForBooking, GoogleApiError, type EventChange } from "@timetap/google";
import type { ApiDeps } from "../deps.ts";

type ReconcileDeps = Pick<ApiDeps, "db" | "google" | "tokens" | "clock" | "logger">;
type CompareDeps = Pick<ApiDeps, "logger"> & { db: Prisma.TransactionClient };

/** How often one look lists again after losing to overlapping looks; later ones carry the news. */
const MAX_LOOKS = 5;

/** Calendar work of TimeTap's own still to reach Google: the event is not expected to match yet. */
export const inFlight = ["pending", "failed", "parked"] as const;

/**
 * What the host did in Google to a session's event, as the booking should record it: deleted,
 * moved (with the new times), or as it should be (a flag the host resolved in Google clears).
 */
function issueOf(change: EventChange, booking: { startTime: Date; endTime: Date }) {
  if (change.deleted)
    return { calendarIssue: "removed", googleStartTime: null, googleEndTime: null } as const;
  const moved =
    change.start?.getTime() !== booking.startTime.getTime() ||
    change.end?.getTime() !== booking.endTime.getTime();
  return moved
    ? ({
        calendarIssue: "moved",
        googleStartTime: change.start,
        googleEndTime: change.end,
      } as const)
    : { calendarIssue: null, googleStartTime: null, googleEndTime: null };
}

/**
 * Lists what changed on a watched calendar since the last look (Google's sync token) and flags
 * the confirmed bookings whose event the host deleted or moved there (the first look: every
 * event from now on). Nothing else changes: the host decides on the dashboard.
 *
 * Looks at one calendar can overlap (a notification per change, the schedule, a first channel),
 * and an older listing compared after a newer one would undo its flags. So the new sync token is
 * saved only over the one this look started from, in the transaction that writes the flags; a
 * look that lost lists again from the token now saved. Google is never called inside the
 * transaction.
 */
export async function reconcileCalendar(
  deps: ReconcileDeps,
  channel: Pick<CalendarChannel, "id" | "hostId" | "calendarId" | "syncToken">,
  /** The channel's host, when the caller has just read it. */
  known?: Pick<Host, "id" | "googleRefreshToken">,
): Promise<number> {
  const host =
    known ??
    (await deps.db.host.findUniqueOrThrow({
      where: { id: channel.hostId },
      select: { id: true, googleRefreshToken: true },
    }));
  if (!host.googleRefreshToken) return 0;
  const refreshToken = deps.tokens.decrypt(host.googleRefreshToken, host.id);
  const list = (from: Parameters<ApiDeps["google"]["listEventChanges"]>[2]) =>
    deps.google.listEventChanges(refreshToken, channel.calendarId, from);
  let since = channel.syncToken;
  for (let look = 1; look <= MAX_LOOKS; look += 1) {
    const fresh = { since: deps.clock.now() };
    let listed;
    try {
      listed = await list(since ? { syncToken: since } : fresh);
    } catch (error) {
      if (!(error instanceof GoogleApiError && error.status === 410)) throw error;
      listed = await list(fresh);
    }
    const { changes, nextSyncToken } = listed;
    const flagged = await deps.db.$transaction(async (tx) => {
      const saved = await tx.calendarChannel.updateMany({
        where: { id: channel.id, syncToken: since },
        data: { syncToken: nextSyncToken },
      });
      return saved.count === 1
        ? compareWithBookings({ ...deps, db: tx }, channel.hostId, changes)
        : null;
    });
    if (flagged !== null) return flagged;
    const row = await deps.db.calendarChannel.findUnique({ where: { id: channel.id } });
    if (!row) return 0;
    since = row.syncToken;
  }
  return 0;
}

/**
 * Each listed event that names a booking of the host, compared with it: flagged when the host
 * deleted or moved it, the flag cleared when it is back as the booking says. Returns how many
 * are flagged.
 */
export async function compareWithBookings(
  deps: CompareDeps,
  hostId: string,
  changes: readonly EventChange[],
): Promise<number> {
  let flagged = 0;
  for (const change of changes) {
    const { bookingId } = change;
    if (bookingId) flagged += await reconcileBooking(deps, hostId, { ...change, bookingId });
  }
  return flagged;
}

async function reconcileBooking(
  deps: CompareDeps,
  hostId: string,
  change: EventChange & { bookingId: string },
): Promise<number> {
  const booking = await deps.db.booking.findFirst({
    where: { id: change.bookingId, hostId, status: "CONFIRMED" },
    include: { calendarSyncs: { where: { state: { in: [...inFlight] } }, take: 1 } },
  });
  if (!booking || booking.calendarSyncs.length > 0) return 0;
  if ((booking.googleEventId ?? eventIdForBooking(booking.id)) !== change.eventId) return 0;
  const issue = issueOf(change, booking);
  await deps.db.booking.update({ where: { id: booking.id }, data: issue });
  if (issue.calendarIssue && issue.calendarIssue !== booking.calendarIssue)
    deps.logger.info("calendar_event_changed_by_host", {
      bookingId: booking.id,
      hostId,
      issue: issue.calendarIssue,
    });
  return issue.calendarIssue ? 1 : 0;
}
