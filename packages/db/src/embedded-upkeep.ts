import type { PGlite } from "@electric-sql/pglite";

const HOUR_MS = 60 * 60_000;

/**
 * What a PostgreSQL server's autovacuum does, for the embedded database, which has none (PGlite
 * runs PostgreSQL in single-user mode).
 * - Statistics: autovacuum ANALYZEs a table once enough of it changed. Without them the planner
 *   picks indexes by default guesses: a booking's count of its customer's upcoming sessions with
 *   a busy host then read every upcoming booking of the host instead of the customer's few
 *   (booking_customer_upcoming_idx, long-history.test.ts). ANALYZE reads a bounded sample of each
 *   table (30,000 rows at most): it runs when the database opens, awaited.
 * - Dead rows: every change to an outbox row's state (the email and calendar_sync tables) leaves
 *   the old row behind, and only VACUUM makes its space reusable; without it those tables and
 *   their indexes grow with every booking for as long as the database lives.
 * `tidy` (VACUUM ANALYZE) runs every `everyMs`, an hour by default. PGlite runs it between other
 * statements and transactions, never inside one (its own lock), and the process waits for it:
 * 0.3-0.7 s with 60,000 bookings and 180,000 emails, as long as ANALYZE alone takes at opening.
 * Returns `tidy` and what stops the schedule.
 */
export async function upkeepEmbedded(
  pglite: Pick<PGlite, "exec">,
  { everyMs = HOUR_MS }: { everyMs?: number } = {},
): Promise<{ tidy: () => Promise<void>; stop: () => void }> {
  await pglite.exec("ANALYZE");
  const tidy = async () => {
    await pglite.exec("VACUUM (ANALYZE)");
  };
  const timer = setInterval(() => {
    tidy().catch((error: unknown) => {
      // Nothing is lost: the tables keep what they had, and the next round tries again.
      console.error(
        JSON.stringify({
          level: "error",
          event: "embedded_upkeep_failed",
          error: error instanceof Error ? error.message : String(error),
        }),
      );
    });
  }, everyMs);
  timer.unref();
  return { tidy, stop: () => clearInterval(timer) };
}
