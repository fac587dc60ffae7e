import { createHash } from "node:crypto";

/**
 * A Calendar event id for a booking: the SHA-256 of the id in lowercase hex. Hex digits are all
 * in Google's base32hex alphabet and 64 characters is within its 5-1024 limit, so any booking id
 * maps to a valid id, always the same one.
 */
export function eventIdForBooking(bookingId: string): string {
  return createHash("sha256").update(bookingId, "utf8").digest("hex");
}
