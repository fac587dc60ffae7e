import type { createTimeTapClient } from "@timetap/api/client";

export type TimeTapClient = ReturnType<typeof createTimeTapClient>;

/** The host's upcoming bookings, one line each: what a read-only ("Read bookings") key allows. */
export async function upcomingBookingLines(client: TimeTapClient): Promise<string[]> {
  const { bookings } = await client.host.bookings.query({ when: "upcoming", status: "confirmed" });
  return bookings.map(
    (booking) =>
      `${booking.id}  ${booking.startTime.toISOString()}  ${booking.package.name}  ${booking.customerEmail}`,
  );
}

/** Cancels one booking as its host: the key needs "Manage bookings". */
export async function cancelBooking(client: TimeTapClient, bookingId: string): Promise<void> {
  await client.host.cancelBooking.mutate({ bookingId });
}
