import type { Host } from "@timetap/db";
import type { ApiDeps } from "../deps.ts";
import { PRIMARY } from "../hosts/chosen-calendars.ts";
import { compareWithBookings, inFlight } from "./reconcile-events.ts";

type MissingDeps = Pick<ApiDeps, "db" | "google" | "tokens" | "clock" | "logger">;

/**
 * The host's upcoming confirmed bookings that should have a Google event and have none: none was
 * ever recorded (booked while the calendar was not connected), or the recorded one does not exist
 * at all in Google any more (a Google account or calendar that forgot it, the development
 * emulator restarted empty). Each gets a `create` queued, which the worker turns into an event
 * with a Meet link: the one change reconciliation makes without the host's choice. An event the
 * host deleted is still listed by Google (cancelled), so it stays a flag for the host to decide.
 * Bookings with calendar work of TimeTap's own under way, or already flagged, are left alone.
 * Returns the ids of the bookings queued.
 */
export async function queueMissingEvents(
  deps: MissingDeps,
  host: Pick<Host, "id" | "googleRefreshToken">,
): Promise<string[]> {
  if (!host.googleRefreshToken) return [];
  const now = deps.clock.now();
  const bookings = await deps.db.booking.findMany({
    where: {
      hostId: host.id,
      status: "CONFIRMED",
      startTime: { gt: now },
      calendarIssue: null,
      calendarSyncs: { none: { state: { in: [...inFlight] } } },
    },
    select: { id: true, googleEventId: true, googleCalendarId: true, endTime: true },
  });
  const recorded = bookings.filter((booking) => booking.googleEventId !== null);
  const refreshToken = deps.tokens.decrypt(host.googleRefreshToken, host.id);
  const listedIds = new Set<string>();
  const until = new Date(Math.max(0, ...recorded.map((b) => b.endTime.getTime())));
  for (const calendarId of new Set(recorded.map((b) => b.googleCalendarId ?? PRIMARY))) {
    const listed = await deps.google.listEventChanges(refreshToken, calendarId, {
      since: now,
      until,
    });
    for (const change of listed.changes) listedIds.add(change.eventId);
    // What this listing shows of the sessions' events is compared as a notification's would be.
    await compareWithBookings(deps, host.id, listed.changes);
  }
  const missing = bookings.filter(
    (booking) => booking.googleEventId === null || !listedIds.has(booking.googleEventId),
  );
  const queued: string[] = [];
  for (const booking of missing) if (await queueCreate(deps, booking.id)) queued.push(booking.id);
  return queued;
}

/**
 * A `create` for the booking, unless calendar work was queued for it meanwhile. Whatever was
 * recorded of a vanished event (its id, calendar and Meet link) goes: the new event is made in
 * the session calendar, and its Meet link reaches the customer by the late-link email.
 */
async function queueCreate(deps: MissingDeps, bookingId: string): Promise<boolean> {
  const queued = await deps.db.$transaction(async (tx) => {
    const { count } = await tx.booking.updateMany({
      where: {
        id: bookingId,
        status: "CONFIRMED",
        calendarSyncs: { none: { state: { in: [...inFlight] } } },
      },
      data: { googleEventId: null, googleCalendarId: null, meetLink: null },
    });
    if (count === 1)
      await tx.calendarSync.create({
        data: { bookingId, action: "create", state: "pending", nextAttemptAt: deps.clock.now() },
      });
    return count === 1;
  });
  if (queued) deps.logger.info("calendar_event_missing_create_queued", { bookingId });
  return queued;
}
