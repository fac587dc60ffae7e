import { randomUUID } from "node:crypto";
import { Prisma } from "@timetap/db";
import type { ApiDeps } from "../deps.ts";

/**
 * The leases of the two outboxes (calendar work and emails), whose tables share the columns:
 * `state`, `attempts`, `next_attempt_at`, `locked_until`, `lease_token`, `stopped_attempts`,
 * `last_error`. A row is leased when its own attempt starts; the attempt renews the lease while it
 * runs, and records its outcome only while the lease is still its own (`lease_token`), so a worker
 * whose lease expired and was taken over never overwrites the newer outcome.
 */
export type OutboxTable = "calendar_sync" | "email";

/** One attempt's hold on one row; `until` is when it ends, when the holder knows. */
export interface Lease {
  id: string;
  token: string;
  until?: Date | undefined;
}

type LeaseDeps = Pick<ApiDeps, "db" | "clock">;

/** The columns a row starts with when it is written already leased to the request making it. */
export function leasedFromNow(deps: Pick<ApiDeps, "clock">, leaseMs: number) {
  return {
    leaseToken: randomUUID(),
    lockedUntil: new Date(deps.clock.now().getTime() + leaseMs),
    attempts: 1,
  };
}

/**
 * Leases due rows, each for an attempt that starts now, counting that attempt. Claims of one
 * outbox take turns (a transaction-scoped advisory lock), so each claim sees every claim before
 * it: a condition such as "no other row of this booking is leased" holds across workers, and SKIP
 * LOCKED passes over rows an outcome is being written to. Rows whose last attempt stopped without
 * an outcome (lease expired, token still set) count it; once that was the last attempt allowed,
 * the row fails with a sentence saying so, returned as `stopped`. A row past the maximum without
 * a stopped attempt (the host's "Retry now", a resumed parked row) still gets its one attempt.
 */
export async function claimDue(
  deps: LeaseDeps,
  options: {
    table: OutboxTable;
    leaseMs: number;
    limit: number;
    maxAttempts: number;
    /** Only this row, when given (the request trying its own work at once). */
    id?: string | undefined;
    /** What else a candidate row `s` must satisfy. */
    eligible: Prisma.Sql;
  },
): Promise<{ leases: Lease[]; stopped: Array<{ id: string; lastError: string }> }> {
  const { db } = deps;
  const now = deps.clock.now();
  const leaseUntil = new Date(now.getTime() + options.leaseMs);
  const table = Prisma.raw(`"${options.table}"`);
  const id = options.id ?? null;
  const [, stopped, leases] = await db.$transaction([
    db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`claim:${options.table}`}))`,
    db.$queryRaw<Array<{ id: string; lastError: string }>>`
      UPDATE ${table}
      SET state = 'failed', locked_until = NULL, lease_token = NULL,
        stopped_attempts = stopped_attempts + 1,
        last_error = 'the worker stopped during ' || CASE
          WHEN stopped_attempts + 1 >= attempts THEN attempts::text
          ELSE (stopped_attempts + 1) || ' of ' || attempts END || ' attempts'
      WHERE state = 'pending' AND lease_token IS NOT NULL AND locked_until <= ${now}
        AND attempts >= ${options.maxAttempts}
      RETURNING id, last_error AS "lastError"`,
    db.$queryRaw<Lease[]>`
      UPDATE ${table}
      SET locked_until = ${leaseUntil}, lease_token = gen_random_uuid()::text,
        attempts = attempts + 1,
        stopped_attempts = stopped_attempts + (lease_token IS NOT NULL)::int
      WHERE id IN (
        SELECT id FROM ${table} s
        WHERE state = 'pending'
          AND next_attempt_at <= ${now}
          AND (locked_until IS NULL OR locked_until <= ${now})
          AND (${id}::text IS NULL OR id = ${id}::text)
          AND ${options.eligible}
        ORDER BY next_attempt_at
        LIMIT ${options.limit}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING id, lease_token AS token, locked_until AS until`,
  ]);
  return { leases, stopped };
}

/**
 * Keeps `lease` alive while `work` runs: renewed every third of its length, so the lease can be
 * short (a stopped worker's rows are taken up soon) while one attempt may wait on a slow server
 * for longer than that. `stillMine` says whether the lease is still held, for a check right before
 * doing something that must not be done twice: a lease with more than two thirds of its length
 * left (just taken or renewed) is held without asking the database, as after a renewal; otherwise
 * it renews at once.
 */
export async function underLease<T>(
  deps: LeaseDeps,
  table: OutboxTable,
  lease: Lease,
  leaseMs: number,
  work: (held: { stillMine: () => Promise<boolean> }) => Promise<T>,
): Promise<T> {
  let heldUntil = lease.until?.getTime();
  const renew = async () => {
    const until = deps.clock.now().getTime() + leaseMs;
    const renewed = await deps.db.$executeRaw`
      UPDATE ${Prisma.raw(`"${table}"`)} SET locked_until = ${new Date(until)}
      WHERE id = ${lease.id} AND lease_token = ${lease.token}`;
    heldUntil = renewed === 1 ? until : undefined;
    return renewed === 1;
  };
  const stillMine = async () =>
    (heldUntil !== undefined && heldUntil - deps.clock.now().getTime() > (leaseMs * 2) / 3) ||
    renew();
  // A renewal that fails (the database briefly away) is retried at the next tick.
  const timer = setInterval(() => void renew().catch(() => undefined), leaseMs / 3);
  timer.unref();
  try {
    return await work({ stillMine });
  } finally {
    clearInterval(timer);
  }
}
