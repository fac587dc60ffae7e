import type { ApiDeps } from "../deps.ts";

/**
 * Reserves due sync rows for this worker until the lease ends. One statement, with SKIP LOCKED,
 * so concurrent workers (web servers and `pnpm worker` processes) never take the same row; a
 * worker that crashes simply lets its lease expire and the row becomes due again.
 */
export async function claimSyncs(
  deps: Pick<ApiDeps, "db" | "clock" | "settings">,
  options: { id?: string; limit: number },
): Promise<string[]> {
  const now = deps.clock.now();
  const leaseUntil = new Date(now.getTime() + deps.settings.syncLeaseMs);
  const rows = await deps.db.$queryRaw<{ id: string }[]>`
    UPDATE calendar_sync SET locked_until = ${leaseUntil}
    WHERE id IN (
      SELECT id FROM calendar_sync s
      WHERE state = 'pending'
        AND next_attempt_at <= ${now}
        AND (locked_until IS NULL OR locked_until <= ${now})
        AND (${options.id ?? null}::text IS NULL OR id = ${options.id ?? null}::text)
        -- One piece of a booking's calendar work at a time: a create still at Google read the
        -- booking before a cancel or move and may still make the event. A move also waits for
        -- the event to exist.
        AND NOT EXISTS (
          SELECT 1 FROM calendar_sync c
          WHERE c.booking_id = s.booking_id AND c.id <> s.id
            AND ((c.state = 'pending' AND c.locked_until > ${now})
              OR (s.action = 'update' AND c.action = 'create'
                  AND c.state IN ('pending', 'parked'))))
      ORDER BY next_attempt_at
      LIMIT ${options.limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id`;
  return rows.map((row) => row.id);
}
