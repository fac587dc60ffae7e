import { Prisma } from "@timetap/db";
import type { ApiDeps } from "../deps.ts";
import { claimDue, type Lease } from "../lib/outbox-lease.ts";
import { MAX_SYNC_ATTEMPTS } from "./sync-backoff.ts";

type ClaimDeps = Pick<ApiDeps, "db" | "clock" | "settings" | "logger">;

/**
 * Leases due sync rows, each for an attempt starting now (see claimDue): concurrent workers (web
 * servers and `pnpm worker` processes) never take the same row, and a stopped worker's lease
 * simply expires.
 */
export async function claimSyncs(
  deps: ClaimDeps,
  options: { id?: string; limit: number },
): Promise<Lease[]> {
  const now = deps.clock.now();
  const { leases, stopped } = await claimDue(deps, {
    table: "calendar_sync",
    leaseMs: deps.settings.syncLeaseMs,
    limit: options.limit,
    maxAttempts: MAX_SYNC_ATTEMPTS,
    id: options.id,
    // One piece of a booking's calendar work at a time: a create still at Google read the
    // booking before a cancel or move and may still make the event; of two rows that could go,
    // the older goes first. A move waits for the event to exist. A host Google asked to slow
    // down waits alone.
    eligible: Prisma.sql`NOT EXISTS (
        SELECT 1 FROM calendar_sync c
        WHERE c.booking_id = s.booking_id AND c.id <> s.id
          AND ((c.state = 'pending' AND c.locked_until > ${now})
            OR (s.action = 'update' AND c.action = 'create'
                AND c.state IN ('pending', 'parked'))
            OR (c.state = 'pending' AND c.next_attempt_at <= ${now}
                AND (c.created_at, c.id) < (s.created_at, s.id)
                AND NOT (c.action = 'update' AND EXISTS (
                  SELECT 1 FROM calendar_sync k
                  WHERE k.booking_id = s.booking_id AND k.action = 'create'
                    AND k.state IN ('pending', 'parked'))))))
      AND NOT EXISTS (
        SELECT 1 FROM booking b JOIN host h ON h.id = b.host_id
        WHERE b.id = s.booking_id AND h.google_backoff_until > ${now})`,
  });
  for (const row of stopped)
    deps.logger.error("calendar_sync_failed", { syncId: row.id, message: row.lastError });
  return leases;
}
