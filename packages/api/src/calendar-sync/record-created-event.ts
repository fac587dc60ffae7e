import type { Booking, RawSql } from "@timetap/db";
import type { Lease } from "../lib/outbox-lease.ts";

/**
 * Records a created event in ONE statement, the usual outcome of a new booking's attempt: the sync
 * row `done` (only while its lease is still this attempt's) and the event's id, calendar and Meet
 * link on the booking. The outcome's Prisma transaction (calendar-sync.service.ts `finish`) took
 * five round trips, each compiled by Prisma: 16-40 ms of the booking's answer after Google's.
 *
 * A confirmation that went out without the link this event brings owes the customer a follow-up,
 * which that transaction queues (meet-link-followup.ts): then this statement writes nothing and
 * answers `follow_up_owed`, for the caller to record through it instead. Whether the confirmation
 * went out is read from its row locked FOR UPDATE, before the booking's row is touched: a locking
 * read returns the row as last committed even when it changed after the statement began, and the
 * email worker's hand-over updates that row before it locks the booking's (same order, so the two
 * cannot deadlock). So a hand-over either committed first, and is seen here, or comes after this
 * statement's commit and sees the link itself; the follow-up is queued exactly once either way.
 */
export async function recordCreatedEvent(
  db: Pick<RawSql, "$queryRaw">,
  row: { id: string; bookingId: string; lease: Pick<Lease, "token"> },
  event: Pick<Booking, "googleEventId" | "googleCalendarId" | "meetLink">,
  /** The booking had no Meet link before this event's. */
  linkIsNew: boolean,
): Promise<"recorded" | "lease_lost" | "follow_up_owed"> {
  const [outcome] = await db.$queryRaw<Array<{ recorded: boolean; followUpOwed: boolean }>>`
    WITH confirmation AS (
      SELECT state = 'sent' OR handed_over_at IS NOT NULL AS gone
      FROM email
      WHERE booking_id = ${row.bookingId} AND kind = 'booking_confirmed' AND ${linkIsNew}
      FOR UPDATE
    ), done AS (
      UPDATE calendar_sync
      SET state = 'done', last_error = NULL, locked_until = NULL, lease_token = NULL,
        updated_at = now()
      WHERE id = ${row.id} AND lease_token = ${row.lease.token}
        AND NOT EXISTS (SELECT 1 FROM confirmation WHERE gone)
      RETURNING booking_id
    ), linked AS (
      UPDATE booking
      SET google_event_id = ${event.googleEventId}, google_calendar_id = ${event.googleCalendarId},
        meet_link = ${event.meetLink}, updated_at = now()
      FROM done WHERE booking.id = done.booking_id
    )
    SELECT EXISTS (SELECT 1 FROM done) AS recorded,
      EXISTS (SELECT 1 FROM confirmation WHERE gone) AS "followUpOwed"`;
  if (outcome!.followUpOwed) return "follow_up_owed";
  return outcome!.recorded ? "recorded" : "lease_lost";
}
