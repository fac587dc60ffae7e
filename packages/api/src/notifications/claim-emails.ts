import type { ApiDeps } from "../deps.ts";

/**
 * Reserves due email rows for this worker until the lease ends, as claimSyncs does for calendar
 * work: one statement with SKIP LOCKED, so concurrent workers never send the same row.
 */
export async function claimEmails(
  deps: Pick<ApiDeps, "db" | "clock" | "settings">,
  options: { limit: number },
): Promise<string[]> {
  const now = deps.clock.now();
  const leaseUntil = new Date(now.getTime() + deps.settings.emailLeaseMs);
  const rows = await deps.db.$queryRaw<{ id: string }[]>`
    UPDATE email SET locked_until = ${leaseUntil}
    WHERE id IN (
      SELECT id FROM email e
      WHERE state = 'pending'
        AND next_attempt_at <= ${now}
        AND (locked_until IS NULL OR locked_until <= ${now})
        -- A confirmation waits while Google is still making the booking's event, so that it
        -- carries the Meet link whenever Google gives one in time.
        AND NOT (e.kind = 'booking_confirmed' AND EXISTS (
          SELECT 1 FROM calendar_sync c
          WHERE c.booking_id = e.booking_id AND c.action = 'create'
            AND c.state = 'pending' AND c.locked_until > ${now}))
      ORDER BY next_attempt_at
      LIMIT ${options.limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id`;
  return rows.map((row) => row.id);
}
