import { LRUCache } from "lru-cache";

/**
 * A limit this many times larger than one attempt is counted in the database a thousandth at a
 * time (reservedPoints): never more than a thousandth of it held unused per process.
 */
export const RESERVED_SHARE = 1000;

/** How many points a process counts in the database at once against a limit of `points`. */
export const reservationOf = (points: number) => Math.max(1, Math.floor(points / RESERVED_SHARE));

/**
 * Points of shared windows (the `rate_limit` table) that this process has already counted in the
 * database, and now hands out one per attempt until they run out or their window ends. Why: every
 * attempt from one address (a partner's server booking through the API, an office behind one
 * NAT) updates that address's one row, and those statements queue for its lock until each
 * commits: with 32 bookings in flight from one address under a limit of 100,000,000 an hour,
 * PostgreSQL spent 1.0–1.1 ms of CPU per booking, and 0.6 with the address counted a share at a
 * time, at 1.5 times the rate (`pnpm bench`'s load, scratch A/B). The limit stays shared and is
 * never exceeded: a window is refused past its limit whoever reserved the points; at worst a
 * process's unused share (a thousandth of the limit, RESERVED_SHARE) is refused to the address
 * before the window ends. Limits under 2,000 per window (all the defaults) reserve one point at a
 * time: each attempt is counted in the database, as before. Kept for the 10,000 keys used last
 * (lru-cache); a key dropped only costs its share.
 */
export function reservedPoints(max = 10_000) {
  const held = new LRUCache<string, { left: number; expire: number }>({ max });
  return {
    /** Takes one point reserved for `key`, if one is left in a window that has not ended. */
    take(key: string, now: number): boolean {
      const reservation = held.get(key);
      if (!reservation || reservation.left < 1 || reservation.expire <= now) return false;
      reservation.left -= 1;
      return true;
    },
    /** Keeps what a reservation of `points` leaves after the attempt that made it. */
    keep(key: string, points: number, expire: number): void {
      if (points > 1) held.set(key, { left: points - 1, expire });
    },
  };
}
