import type { PGlite } from "@electric-sql/pglite";

const HOUR_MS = 60 * 60_000;

/**
 * Keeps the embedded database's planner statistics current. A PostgreSQL server's autovacuum
 * ANALYZEs a table once enough of it changed; PGlite runs no autovacuum, so without this its
 * planner never learns what the tables hold and picks indexes by default guesses: a booking's
 * count of its customer's upcoming sessions with a busy host then read every upcoming booking of
 * the host instead of the customer's few (booking_customer_upcoming_idx, long-history.test.ts).
 * ANALYZE reads a bounded sample of each table (30,000 rows at most), so it holds the database
 * for tens of milliseconds however large it grows; it runs once at opening (awaited) and then
 * every `everyMs`. Returns what stops it.
 */
export async function keepStatistics(
  pglite: Pick<PGlite, "exec">,
  { everyMs = HOUR_MS }: { everyMs?: number } = {},
): Promise<{ stop: () => void }> {
  const analyze = () => pglite.exec("ANALYZE");
  await analyze();
  const timer = setInterval(() => {
    analyze().catch((error: unknown) => {
      // Nothing is lost: the planner keeps the statistics it had, and the next hour tries again.
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
  return { stop: () => clearInterval(timer) };
}
