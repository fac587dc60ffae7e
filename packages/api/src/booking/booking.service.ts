import { randomUUID } from "node:crypto";
import { randomToken } from "../lib/random-token.ts";
import { isExclusionViolation, type Booking, type CalendarSync, type RawSql } from "@timetap/db";
import type { ApiDeps } from "../deps.ts";
import { sameSecret } from "../lib/same-secret.ts";
import {
  loadBookable,
  misfitAmong,
  requireFitAmong,
  requireOfferedSlot,
} from "../availability/bookable.ts";
import {
  bookedSessions,
  bookingSurroundings,
  sessionsNear,
} from "../availability/booked-sessions.ts";
import { keepLedger, keptLedger, ledgerWindow } from "./booking-ledger.ts";
import { insertBooking, type BookingWrite, type InsertOutcome } from "./booking-insert.ts";
import { confirmationInclude, toConfirmation } from "./booking-confirmation.ts";
import { afterBookingCommitted } from "./booking-committed.ts";
import { NotFoundError, SlotTakenError } from "../lib/service-errors.ts";
import { calendarSyncState } from "../hosts/host-calendar.ts";
import { outboxEmail } from "../notifications/booking-emails.ts";
import { hostNoticeEmails } from "../notifications/host-notices.ts";
import { reminderEmails } from "../notifications/reminders.ts";
import type { CreateBookingInput } from "./booking.inputs.ts";
import { requireRoomForCustomer } from "./upcoming-per-customer.ts";
import { inHostLockedTransaction, inHostTurn } from "./host-booking-lock.ts";
import { leasedFromNow } from "../lib/outbox-lease.ts";
import type { RequestAuth } from "../context.ts";

/**
 * How often a new booking reads and writes again when another process wrote a booking of the host
 * in between, before it waits for the host's row lock instead.
 */
const OPTIMISTIC_TRIES = 3;

/**
 * Books a slot. The booking, its calendar-sync row and its emails (the customer's confirmation,
 * the host's notice, the reminders due later) are committed together, so a confirmed booking
 * always has a durable record of the Google work it still needs and of its emails. The rules that
 * depend on the host's other bookings (buffers, the daily maximum) are checked against them as
 * read, or as this process keeps them (booking-ledger.ts), at the host's booking version, and the
 * booking is written only if that version still holds and the customer is within their allowance
 * of upcoming sessions (both judged by the write's statement, booking-insert.ts), so no other
 * booking of the host slips in between check and insert; the database's exclusion constraint is
 * what makes double booking impossible.
 * Google is tried only after the commit, within a deadline, and never decides whether the booking
 * exists. The sync row is written already leased to this request, so a worker cannot start the
 * same Google work first. Each attempt counts against the caller's address (`clientIp`; in-process
 * callers have none) and the customer's email, both at once; an input refused by its schema
 * never gets here, and changes nothing.
 */
export async function createBooking(
  deps: ApiDeps,
  input: CreateBookingInput,
  { clientIp }: Pick<RequestAuth, "clientIp">,
) {
  const counts = [
    ...(clientIp ? [["bookingChangesPerIp", clientIp] as const] : []),
    ["bookingChangesPerEmail", input.customerEmail.toLowerCase()] as const,
  ];
  // The attempt is counted in the statement of the checks' read, or of the write when nothing is
  // read; when refused before either (no such host or package, a time not offered), on its own.
  let bookable, offered;
  try {
    bookable = await loadBookable(deps, input.hostSlug, input.packageId);
    offered = await requireOfferedSlot(deps, bookable, input.startTime);
  } catch (error) {
    await deps.limits.consumeAll(counts);
    throw error;
  }
  const { host, pkg } = bookable;

  const syncState = calendarSyncState(host);
  // A host Google asked to slow down waits for the worker, like their other calendar work.
  const backedOff = (host.googleBackoffUntil?.getTime() ?? 0) > deps.clock.now().getTime();
  const lease =
    syncState === "pending" && !backedOff
      ? leasedFromNow(deps, deps.settings.syncLeaseMs)
      : undefined;
  const { start: startTime, end: endTime } = offered.slot;
  const booking = {
    id: randomUUID(),
    hostId: host.id,
    packageId: pkg.id,
    startTime,
    endTime,
    customerEmail: input.customerEmail,
    customerName: input.customerName ?? null,
    customerTimeZone: input.customerTimeZone ?? null,
    accessToken: randomToken(32),
    meetLink: null,
  };
  const syncId = randomUUID();
  const emails = [
    outboxEmail(deps, booking, "booking_confirmed"),
    ...hostNoticeEmails(deps, booking, host, "host_booking_new"),
    ...reminderEmails(deps, booking, host),
  ] as const;
  // The other web processes hear of the booking from its own statement: no round trip of its own.
  const notification = deps.hostChanges.notification({ hostId: host.id, what: "bookings" });
  /** The attempt is counted once: in the checks' read, or else in the write's statement. */
  let counted = false;
  const ownSession = bookedSessions(host, [{ startTime, endTime, ...pkg }]);
  /**
   * The checks against the host's other bookings through `db`, and the write through `write` if
   * they still hold. `keeping`: checked against what this process keeps of them when it can
   * (booking-ledger.ts), and what the write leaves kept for the next booking.
   */
  const checkAndWrite = async (
    db: RawSql,
    {
      keeping,
      write,
    }: { keeping: boolean; write: (write: BookingWrite) => Promise<InsertOutcome> },
  ) => {
    const changes = deps.bookingLedgers.version();
    const kept = keeping ? keptLedger(deps, host.id, offered.slot) : undefined;
    // What is kept may still hold a booking cancelled elsewhere: a refusal is read again.
    let near =
      typeof kept === "object" &&
      !misfitAmong(bookable, offered, sessionsNear(kept.sessions, offered.slot))
        ? kept
        : undefined;
    if (!near) {
      const window = ledgerWindow(offered.slot, keeping && kept !== "shared");
      const { read, from } = bookingSurroundings(host, window);
      const rows = counted
        ? await db.$queryRaw<object[]>(read)
        : ((counted = true), await deps.limits.consumeAllAlong(db, counts, read));
      const { bookings, bookingVersion } = from(rows);
      requireFitAmong(bookable, offered, sessionsNear(bookings, offered.slot));
      near = { ...window, version: bookingVersion, sessions: bookings };
    }
    const counting = counted
      ? undefined
      : ((counted = true), await deps.limits.countInWrite(counts));
    const sync = { id: syncId, state: syncState, nextAttemptAt: deps.clock.now(), ...lease };
    const outcome = await write({
      booking,
      sync,
      emails,
      version: near.version,
      customer: { allowance: host.upcomingPerCustomer, now: deps.clock.now() },
      counting,
      notification,
    });
    if (counting && outcome.countedWindows) await counting.judge(outcome.countedWindows);
    if (!outcome.written) {
      requireRoomForCustomer(host, outcome.customerUpcoming);
      // Another process wrote a booking of the host since: it books this host too.
      if (keeping) keepLedger(deps, host.id, changes, { shared: true });
      return false;
    }
    if (keeping && kept !== "shared")
      keepLedger(deps, host.id, changes, {
        ...near,
        version: near.version + 1,
        sessions: [...near.sessions, ...ownSession],
      });
    return true;
  };
  try {
    await inHostTurn(deps, host.id, async () => {
      // Written with other new bookings of this process (booking-write-batches.ts).
      const optimistic = { keeping: true, write: deps.bookingWrites.write };
      for (let tries = 0; tries < OPTIMISTIC_TRIES; tries++)
        if (await checkAndWrite(deps.rawSql, optimistic)) return;
      // Other processes kept booking this host in between: wait for the host's row lock instead,
      // and write alone, in its transaction.
      await inHostLockedTransaction(deps.db, host.id, async (tx) => {
        const locked = {
          keeping: false,
          write: (write: BookingWrite) => insertBooking({ db: tx }, write),
        };
        if (!(await checkAndWrite(tx, locked)))
          throw new Error("The host's booking version moved under its lock.");
      });
    });
  } catch (error) {
    if (isExclusionViolation(error)) throw new SlotTakenError();
    throw error;
  }

  const tried = await afterBookingCommitted(deps, {
    event: "booking_created",
    bookingId: booking.id,
    hostId: host.id,
    toldByWrite: true,
    sync: {
      id: syncId,
      state: syncState,
      leaseToken: lease?.leaseToken,
      lockedUntil: lease?.lockedUntil,
      // Its attempt needs no read: the row, the booking and the host are as just written and read.
      known: lease && {
        id: syncId,
        bookingId: booking.id,
        action: "create",
        attempts: lease.attempts,
        booking: {
          ...booking,
          status: "CONFIRMED",
          googleEventId: null,
          googleCalendarId: null,
          host,
          package: pkg,
        },
      },
    },
  });
  // Only a Google attempt changes the booking after its insert (its Meet link, its sync's state).
  // An attempt that recorded its event says what it recorded; after any other, or none within
  // the deadline, both are read back, in one statement.
  const { meetLink, state } =
    syncState !== "pending"
      ? { meetLink: null, state: syncState }
      : tried?.outcome === "synced"
        ? { meetLink: tried.meetLink ?? null, state: "done" as const }
        : await afterAttempt(deps, booking.id, syncId);
  const { id, name, durationMinutes } = pkg;
  return toConfirmation({
    ...booking,
    meetLink,
    host,
    package: { id, name, durationMinutes },
    calendarSyncs: [{ state }],
  });
}

/** The booking's Meet link and its sync row's state, as the request's attempt left them. */
async function afterAttempt(
  { rawSql }: Pick<ApiDeps, "rawSql">,
  bookingId: string,
  syncId: string,
) {
  const [row] = await rawSql.$queryRaw<
    Array<Pick<Booking, "meetLink"> & Pick<CalendarSync, "state">>
  >`
    SELECT b.meet_link AS "meetLink", s.state::text AS state
    FROM booking b JOIN calendar_sync s ON s.booking_id = b.id
    WHERE b.id = ${bookingId} AND s.id = ${syncId}`;
  return row!;
}

export async function getConfirmation({ db }: Pick<ApiDeps, "db">, id: string) {
  return toConfirmation(
    await db.booking.findUniqueOrThrow({ where: { id }, include: confirmationInclude }),
  );
}

/** The customer's view of their booking; without the right token it does not exist. */
export async function getBookingForCustomer(
  { db }: Pick<ApiDeps, "db">,
  id: string,
  token: string,
) {
  const booking = await db.booking.findUnique({ where: { id }, include: confirmationInclude });
  if (!booking || !sameSecret(booking.accessToken, token))
    throw new NotFoundError("Booking not found.");
  return toConfirmation(booking);
}
