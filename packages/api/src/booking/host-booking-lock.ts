import AsyncLock from "async-lock";
import type { Prisma } from "@timetap/db";
import type { ApiDeps } from "../deps.ts";

/** This process's queue of booking writes per host (ApiDeps.hostLocks). */
export function createHostLocks() {
  // Unbounded: a host's queue is as long as its bookings in flight, which the abuse limits bound.
  return new AsyncLock({ maxPending: Number.POSITIVE_INFINITY });
}
export type HostLocks = ReturnType<typeof createHostLocks>;

/**
 * Runs `work` in this process's turn for the host's booking writes: writes of one host in one
 * process queue here, holding no pooled connection while they wait, and never collide with each
 * other in the database. Other processes' writes are ordered by the database
 * (inHostLockedTransaction, or a new booking's compare-and-set in booking-insert.ts).
 */
export function inHostTurn<T>(
  deps: Pick<ApiDeps, "hostLocks">,
  hostId: string,
  work: () => Promise<T>,
): Promise<T> {
  return deps.hostLocks.acquire(hostId, work);
}

/**
 * A transaction that first moves the host's `booking_version` on: that takes the host's row lock
 * (another process's write of the host waits for this one to commit; the foreign keys of booking
 * rows only share the row's key, so they do not wait) and tells a new booking that read the host's
 * bookings before this write that it must read them again (booking-insert.ts). Two overlapping
 * inserts of one host checked at the same moment could otherwise deadlock on PostgreSQL ("while
 * checking exclusion constraint"), which would answer 500; taking turns per host, the second sees
 * the first committed and the exclusion constraint refuses it as a time already taken.
 */
export function inHostLockedTransaction<T>(
  db: ApiDeps["db"],
  hostId: string,
  write: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`UPDATE host SET booking_version = booking_version + 1 WHERE id = ${hostId}`;
      return write(tx);
    },
    // Racing requests of other processes queue for the row lock; their turn is no failure.
    { maxWait: 10_000, timeout: 10_000 },
  );
}

/**
 * Runs a write that puts a booking at a time (a move, a time accepted from Google) while it holds
 * the host's lock, in this process and in the database, so the checks it makes against the host's
 * other bookings still hold when it writes.
 */
export function withHostBookingLock<T>(
  deps: Pick<ApiDeps, "db" | "hostLocks">,
  hostId: string,
  write: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  return inHostTurn(deps, hostId, () => inHostLockedTransaction(deps.db, hostId, write));
}
