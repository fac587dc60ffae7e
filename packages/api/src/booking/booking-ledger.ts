import type { ApiDeps } from "../deps.ts";
import { HostKeyedCache } from "../availability/host-keyed-cache.ts";
import type { BookedSession, Interval } from "../availability/slot-generation.ts";
import type { Clock } from "../lib/clock.ts";

/**
 * What this process knows of a host's confirmed bookings in [from, to) (with the margin
 * bookingSurroundings reads around a window), at the host's `booking_version`: enough to check a
 * new booking there without reading them, and to write it under that version (booking-insert.ts).
 * Or `shared`: another process books this host too, so what is kept would rarely hold.
 */
export type BookingLedger =
  { version: number; from: Date; to: Date; sessions: BookedSession[] } | { shared: true };
type Kept = Exclude<BookingLedger, { shared: true }>;

/**
 * Why keep them: on a server database each statement costs the web server and the database a
 * socket write and a wake-up of the other (`pnpm bench`: the read before each insert was about
 * 40 % of a booking's CPU in both). A booking only ever adds to what is kept at the version it
 * moves on; any other change to the host's bookings (a cancellation, a move, new settings) drops
 * the host's ledger in every web process (host-changed.ts), and a booking another process wrote
 * moves the version, so a write checked against an out-of-date ledger writes nothing and reads
 * again. A refusal is never taken from what is kept alone: it is read again first.
 */
const LEDGER_TTL_MS = 60_000;
/** A read for a ledger takes this much more on either side, for the next bookings of the host. */
const SLACK_MS = 3 * 24 * 3_600_000;

export function createBookingLedgers(clock: Clock, hearsChanges: () => boolean) {
  // Bounded by the sessions kept (one more per host), a few hundred bytes each.
  return new HostKeyedCache<BookingLedger>(clock, hearsChanges, {
    maxSize: 100_000,
    sizeOf: (ledger) => 1 + ("sessions" in ledger ? ledger.sessions.length : 0),
  });
}
export type BookingLedgers = ReturnType<typeof createBookingLedgers>;

type LedgerDeps = Pick<ApiDeps, "bookingLedgers" | "clock">;

/** The host's ledger when it covers `slot`, `shared` when it is booked from elsewhere too. */
export function keptLedger(
  { bookingLedgers }: LedgerDeps,
  hostId: string,
  slot: Interval,
): Kept | "shared" | undefined {
  const kept = bookingLedgers.get(hostId);
  if (!kept) return undefined;
  if ("shared" in kept) return "shared";
  return kept.from <= slot.start && slot.end <= kept.to ? kept : undefined;
}

/** The window to read for a booking at `slot`: wider when the read is to be kept. */
export function ledgerWindow(slot: Interval, keeping: boolean): { from: Date; to: Date } {
  if (!keeping) return { from: slot.start, to: slot.end };
  return {
    from: new Date(slot.start.getTime() - SLACK_MS),
    to: new Date(slot.end.getTime() + SLACK_MS),
  };
}

/**
 * Keeps `ledger` for the host, unless the host changed since `changes` (bookingLedgers.version(),
 * taken before what it holds was read or kept).
 */
export function keepLedger(
  { bookingLedgers, clock }: LedgerDeps,
  hostId: string,
  changes: number,
  ledger: BookingLedger,
): void {
  bookingLedgers.remember(hostId, () => ledger, {
    hostId,
    version: changes,
    validUntil: new Date(clock.now().getTime() + LEDGER_TTL_MS),
  });
}
