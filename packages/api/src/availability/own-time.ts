import type { Interval } from "./slot-generation.ts";

/**
 * Busy times without the part a booking being moved holds itself: its own row and its own Google
 * event must not keep it from a time that overlaps where it is now. Google only reports merged
 * busy blocks, so the booking's current time range is cut out of them.
 */
export function withoutOwnTime(busy: readonly Interval[], own: Interval | null): Interval[] {
  if (!own) return [...busy];
  return busy.flatMap((block) => {
    const parts: Interval[] = [];
    if (block.start < own.start) parts.push({ start: block.start, end: min(block.end, own.start) });
    if (block.end > own.end) parts.push({ start: max(block.start, own.end), end: block.end });
    return parts.filter((part) => part.start < part.end);
  });
}

const min = (a: Date, b: Date) => (a < b ? a : b);
const max = (a: Date, b: Date) => (a > b ? a : b);
