import { unappliedMigrations } from "@timetap/db";
import type { ApiDeps } from "../deps.ts";
import { HEARTBEAT_FRESH_MS } from "./worker-heartbeat.ts";

/**
 * Whether this process should get traffic: the database answers, its schema is the one this build
 * expects, and some sync worker (in this process or `pnpm worker`) has beaten recently, so the
 * bookings it takes reach Google.
 */
export async function checkReadiness({ db, clock }: Pick<ApiDeps, "db" | "clock">) {
  try {
    await db.$queryRaw`SELECT 1`;
  } catch {
    return { ready: false, database: "down", migrations: "unknown", worker: "unknown" } as const;
  }
  const [pending, latest] = await Promise.all([
    unappliedMigrations(db),
    db.workerHeartbeat.findFirst({ orderBy: { beatAt: "desc" } }),
  ]);
  const fresh =
    latest !== null && clock.now().getTime() - latest.beatAt.getTime() <= HEARTBEAT_FRESH_MS;
  return {
    ready: pending.length === 0 && fresh,
    database: "up",
    migrations: pending.length === 0 ? "applied" : { pending },
    worker: fresh ? "fresh" : "stale",
    lastWorkerBeatAt: latest?.beatAt.toISOString() ?? null,
  } as const;
}
