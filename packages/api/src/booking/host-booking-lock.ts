import type { Prisma } from "@timetap/db";
import type { ApiDeps } from "../deps.ts";

/**
 * Runs a write that puts a booking at a time (a new booking, a move) in a transaction that first
 * takes the host's lock. Two overlapping inserts of one host checked at the same moment can
 * deadlock on PostgreSQL ("while checking exclusion constraint"), which would answer 500; taking
 * turns per host, the second sees the first committed and the exclusion constraint refuses it as
 * a time already taken.
 */
export function withHostBookingLock<T>(
  { db }: Pick<ApiDeps, "db">,
  hostId: string,
  write: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`booking:${hostId}`}))`;
      return write(tx);
    },
    // Racing requests for one host queue here; waiting their turn is not a failure.
    { maxWait: 10_000, timeout: 10_000 },
  );
}
