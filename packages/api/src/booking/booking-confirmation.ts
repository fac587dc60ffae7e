import type { Booking, Prisma } from "@timetap/db";

/** What a booking query must load to answer with a confirmation. */
export const confirmationInclude = {
  host: { select: { name: true, slug: true, timeZone: true } },
  package: { select: { id: true, name: true, durationMinutes: true } },
  calendarSyncs: { where: { action: "create" }, select: { state: true }, take: 1 },
} satisfies Prisma.BookingInclude;

type Loaded = Prisma.BookingGetPayload<{ include: typeof confirmationInclude }>;
type BookingWithConfirmationData = Pick<
  Booking,
  "id" | "accessToken" | "startTime" | "endTime" | "customerEmail" | "meetLink"
> &
  Pick<Loaded, "host" | "package" | "calendarSyncs">;

/**
 * The customer's view of a booking: exactly the `BookingConfirmation` of the external contract
 * (ARCHITECTURE.md), nothing more, since clients may compare it whole. `calendarSync` tells
 * whether the Meet link can still arrive: "pending" while a sync may still succeed (retrying, or
 * waiting for the host to reconnect), "skipped" when none will (no calendar, or Google refused
 * it for good).
 */
export function toConfirmation(booking: BookingWithConfirmationData) {
  const state = booking.calendarSyncs[0]?.state;
  const calendarSync: "synced" | "pending" | "skipped" =
    state === "done" ? "synced" : state === "skipped" || state === "failed" ? "skipped" : "pending";
  return {
    id: booking.id,
    token: booking.accessToken,
    startTime: booking.startTime,
    endTime: booking.endTime,
    customerEmail: booking.customerEmail,
    host: {
      name: booking.host.name,
      slug: booking.host.slug ?? "",
      timeZone: booking.host.timeZone,
    },
    package: booking.package,
    meetLink: booking.meetLink,
    calendarSync,
  };
}

export type BookingConfirmation = ReturnType<typeof toConfirmation>;
