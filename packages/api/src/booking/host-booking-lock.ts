import AsyncLock from "async-lock";
import type { Prisma } from "@timetap/db";
import type { ApiDeps } from "../deps.ts";

/** This process's queue of booking writes per host (ApiDeps.hostLocks). */
export function createHostLocks() {
  // Unbounded: a host's queue is as long as its bookings in flight, which the abuse limits bound.
  return new AsyncLock({ maxPending: Number.POSITIVE_INFINITY });
}
export type HostLocks = ReturnType<typeof createHostLocks>;

type LockDeps = Pick<ApiDeps, "db" | "hostLocks" | "onlyProcess">;

/**
 * Runs a write that puts a booking at a time (a new booking, a move) while it holds the host's
 * lock, so the checks it makes against the host's other bookings still hold when it writes. Two
 * overlapping inserts of one host checked at the same moment could also deadlock on PostgreSQL
 * ("while checking exclusion constraint"), which would answer 500; taking turns per host, the
 * second sees the first committed and the exclusion constraint refuses it as a time already taken.
 *
 * The writes of one process take turns in memory first, so a queue for one host holds no pooled
 * connection while it waits. On a database server they then take the host's advisory lock in
 * their transaction, for the other processes. On the embedded database this process is the only
 * one, so its turn is the whole lock; a `singleWrite` (reads, then one writing statement, atomic
 * by itself) then needs no transaction either: BEGIN, the lock and COMMIT were three of a new
 * booking's five statements there.
 */
export function withHostBookingLock<T>(
  deps: LockDeps,
  hostId: string,
  write: (tx: Prisma.TransactionClient) => Promise<T>,
  { singleWrite = false }: { singleWrite?: boolean } = {},
): Promise<T> {
  const { db, onlyProcess } = deps;
  return deps.hostLocks.acquire(hostId, () => {
    if (onlyProcess && singleWrite) return write(db);
    return db.$transaction(
      async (tx) => {
        if (!onlyProcess)
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`booking:${hostId}`}))`;
        return write(tx);
      },
      // Racing requests of other processes queue for the advisory lock; their turn is no failure.
      { maxWait: 10_000, timeout: 10_000 },
    );
  });
}
