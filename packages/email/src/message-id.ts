/**
 * The Message-ID of one of a booking's emails: derived from the booking and the email's kind, in
 * the sender's domain, so every attempt at the same email carries the same id. Kinds a booking can
 * have several of (one per move) add the .ics sequence they carry.
 */
export function messageIdFor(
  bookingId: string,
  kind: string,
  from: string,
  sequence?: number,
): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "timetap.invalid";
  const which = sequence === undefined ? kind : `${kind}.${sequence}`;
  return `<booking-${bookingId}.${which}@${domain}>`;
}
