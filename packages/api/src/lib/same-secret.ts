import { timingSafeEqual } from "node:crypto";

/** Compares a secret (a booking token, an OAuth state) in constant time. */
export function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
