/**
 * The Message-ID of one of a booking's emails: derived from the booking and the email's kind, in
 * the sender's domain, so every attempt at the same email carries the same id.
 */
export function messageIdFor(bookingId: string, kind: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "timetap.invalid";
  return `<booking-${bookingId}.${kind}@${domain}>`;
}
