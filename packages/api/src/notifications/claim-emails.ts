import { Prisma } from "@timetap/db";
import type { ApiDeps } from "../deps.ts";
import { MAX_SYNC_ATTEMPTS } from "../calendar-sync/sync-backoff.ts";
import { claimDue, type Lease } from "../lib/outbox-lease.ts";

/**
 * Leases due email rows, each for an attempt starting now, as claimSyncs does for calendar work:
 * concurrent workers never send the same row.
 */
export async function claimEmails(
  deps: Pick<ApiDeps, "db" | "clock" | "settings" | "logger">,
  options: { limit: number },
): Promise<Lease[]> {
  const now = deps.clock.now();
  const { leases, stopped } = await claimDue(deps, {
    table: "email",
    leaseMs: deps.settings.emailLeaseMs,
    limit: options.limit,
    maxAttempts: MAX_SYNC_ATTEMPTS,
    // A confirmation waits while Google is still making the booking's event, so that it carries
    // the Meet link whenever Google gives one in time.
    eligible: Prisma.sql`NOT (s.kind = 'booking_confirmed' AND EXISTS (
        SELECT 1 FROM calendar_sync c
        WHERE c.booking_id = s.booking_id AND c.action = 'create'
          AND c.state = 'pending' AND c.locked_until > ${now}))`,
  });
  for (const row of stopped)
    deps.logger.error("email_send_failed", { emailId: row.id, reason: row.lastError });
  return leases;
}
