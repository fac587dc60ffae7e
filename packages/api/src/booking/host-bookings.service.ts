import type { Booking, CalendarSync, Prisma } from "@timetap/db";
import { bookedWithin } from "../availability/booked-sessions.ts";
import type { ApiDeps } from "../deps.ts";
import { NotFoundError } from "../lib/service-errors.ts";
import type { HostBookingsQuery } from "./booking.inputs.ts";

/** How many bookings one page of the host's list holds. */
export const HOST_BOOKINGS_PAGE_SIZE = 50;

const upcomingRow = {
  id: true,
  startTime: true,
  endTime: true,
  customerEmail: true,
  customerName: true,
  meetLink: true,
  calendarIssue: true,
  googleStartTime: true,
  googleEndTime: true,
  package: { select: { name: true } },
  calendarSyncs: {
    orderBy: { createdAt: "desc" },
    select: { action: true, state: true, lastError: true },
    take: 1,
  },
} satisfies Prisma.BookingSelect;

/**
 * A row of `host.bookings`: also its status, its package's id to move it with, and the emails
 * about it the mail server refused for good.
 */
const bookingRow = {
  ...upcomingRow,
  status: true,
  package: { select: { id: true, name: true } },
  emails: {
    where: { state: "failed" },
    orderBy: { createdAt: "asc" },
    select: { kind: true, recipient: true, lastError: true },
  },
} satisfies Prisma.BookingSelect;

type BookingRow = Prisma.BookingGetPayload<{ select: typeof bookingRow }>;

/** A booking as the host's list shows it: its calendar state and its undelivered emails, with why. */
function hostBookingView({ emails, ...booking }: BookingRow) {
  return {
    ...withCalendarState(booking),
    undeliveredEmails: emails.map(({ kind, recipient, lastError }) => ({
      kind,
      recipient,
      reason: lastError,
    })),
  };
}

/** A booking with where its latest calendar work (make, move or remove the event) stands. */
function withCalendarState<
  T extends { calendarSyncs: Array<Pick<CalendarSync, "action" | "state" | "lastError">> },
>({ calendarSyncs, ...booking }: T) {
  return {
    ...booking,
    calendarAction: calendarSyncs[0]?.action ?? "create",
    calendarSync: calendarSyncs[0]?.state ?? "skipped",
    calendarError: calendarSyncs[0]?.lastError ?? null,
  };
}

/**
 * The host's confirmed bookings from now on, soonest first, with where the latest calendar work
 * of each stands: making the event, or moving it after a reschedule.
 *
 * Asked as `end_time > now ORDER BY start_time`, the database walks the host's bookings by start
 * time from their first ever, past ones included. So the statement asks for the one under way
 * (a host's confirmed bookings never overlap: one at most, from the exclusion constraint's index)
 * and the page of those starting later, from the index by start time where they begin.
 */
export async function upcomingBookings(
  { db, rawSql, clock }: Pick<ApiDeps, "db" | "rawSql" | "clock">,
  hostId: string,
) {
  const now = clock.now();
  const upcoming = await rawSql.$queryRaw<Array<Pick<Booking, "id">>>`
    (SELECT b.id, b.start_time FROM booking b
      WHERE b.host_id = ${hostId} AND b.status = 'CONFIRMED'
        AND ${bookedWithin(now, new Date(now.getTime() + 1))} AND b.start_time <= ${now})
    UNION ALL
    (SELECT b.id, b.start_time FROM booking b
      WHERE b.host_id = ${hostId} AND b.status = 'CONFIRMED' AND b.start_time > ${now}
      ORDER BY b.start_time
      LIMIT ${HOST_BOOKINGS_PAGE_SIZE})
    ORDER BY start_time
    LIMIT ${HOST_BOOKINGS_PAGE_SIZE}`;
  const bookings = await db.booking.findMany({
    where: { id: { in: upcoming.map(({ id }) => id) }, status: "CONFIRMED" },
    orderBy: { startTime: "asc" },
    select: upcomingRow,
  });
  return bookings.map(withCalendarState);
}

/**
 * One page of the host's bookings: upcoming ones soonest first, past ones (ended) latest first,
 * optionally only confirmed or only cancelled ones.
 */
export async function hostBookings(
  { db, clock }: Pick<ApiDeps, "db" | "clock">,
  hostId: string,
  { when, status, page }: HostBookingsQuery,
) {
  const now = clock.now();
  const where: Prisma.BookingWhereInput = {
    hostId,
    endTime: when === "upcoming" ? { gt: now } : { lte: now },
    ...(status === "all" ? {} : { status: status === "confirmed" ? "CONFIRMED" : "CANCELLED" }),
  };
  const [total, bookings] = await Promise.all([
    db.booking.count({ where }),
    db.booking.findMany({
      where,
      orderBy: { startTime: when === "upcoming" ? "asc" : "desc" },
      skip: (page - 1) * HOST_BOOKINGS_PAGE_SIZE,
      take: HOST_BOOKINGS_PAGE_SIZE,
      select: bookingRow,
    }),
  ]);
  return {
    bookings: bookings.map(hostBookingView),
    page,
    pageCount: Math.max(1, Math.ceil(total / HOST_BOOKINGS_PAGE_SIZE)),
    total,
  };
}

/** One of the host's bookings, as `host.bookings` lists it: what moving it from the dashboard needs. */
export async function hostBooking({ db }: Pick<ApiDeps, "db">, hostId: string, bookingId: string) {
  const booking = await db.booking.findFirst({
    where: { id: bookingId, hostId },
    select: bookingRow,
  });
  if (!booking) throw new NotFoundError("Booking not found.");
  return hostBookingView(booking);
}
