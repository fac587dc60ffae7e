import { randomUUID } from "node:crypto";
import { Prisma, type Booking, type CalendarSync, type Email, type RawSql } from "@timetap/db";
import type { CountInWrite } from "../lib/rate-limits.ts";

type NewBooking = Pick<
  Booking,
  | "id"
  | "hostId"
  | "packageId"
  | "startTime"
  | "endTime"
  | "customerEmail"
  | "customerName"
  | "customerTimeZone"
  | "accessToken"
>;
type NewSync = Pick<CalendarSync, "id" | "state" | "nextAttemptAt"> &
  Partial<Pick<CalendarSync, "leaseToken" | "lockedUntil" | "attempts">>;
type NewEmail = Pick<Email, "kind" | "recipient" | "messageId" | "nextAttemptAt"> &
  Partial<Pick<Email, "id" | "sequence">>;

/** What insertBooking's statement found: whether it wrote, and what stopped it if not. */
export interface InsertOutcome {
  written: boolean;
  /** The customer's upcoming confirmed sessions with the host, before this one. */
  customerUpcoming: number;
  /** The windows the statement counted (CountInWrite.windows), when it counted. */
  countedWindows: string | null;
}

/** One new booking to write: what insertBooking's statement takes for it. */
export interface BookingWrite {
  booking: NewBooking;
  sync: NewSync;
  emails: readonly [NewEmail, ...NewEmail[]];
  /** The host's `booking_version` the checks were made at. */
  version: number;
  customer: { allowance: number; now: Date };
  counting: Pick<CountInWrite, "counted" | "withinLimits" | "windows" | "keys"> | undefined;
  /** Told to the other web processes by this statement, when it writes (host-changes.ts). */
  notification: { channel: string; payload: string } | null;
}

/**
 * Writes a new booking with its calendar-sync row (action `create`) and its emails in ONE SQL
 * statement, only while the host's `booking_version` is still `version`, the one its checks were
 * made at (a read, or what this process kept: booking-ledger.ts), and moves the version on; it
 * writes nothing when another write put a booking of the host at a time since, when the customer
 * already holds the host's allowance of upcoming sessions (`customer.allowance`, counted without
 * case), or past an abuse limit it counts itself (`counting`). Whoever holds the host's row lock
 * (inHostLockedTransaction) makes this statement wait, then it sees that write's version: so the
 * checks and the write need no transaction of their own (BEGIN, a lock and COMMIT were three
 * round trips of five), and two inserts of one host never run at once (they could deadlock in the
 * exclusion constraint). The customer's count is made in this statement, at the version it
 * writes under, so two bookings racing cannot both take the last place. Prisma creates would cost
 * a compiled query each (about half a millisecond of CPU). The rows' foreign keys are checked at
 * the statement's end, when all three inserts are in. With a `notification`, the statement also
 * tells the other web processes of the new booking, heard once it commits (PostgreSQL's NOTIFY is
 * transactional). The customer's count finds their sessions in `booking_customer_upcoming_idx`
 * once the planner has statistics of the table (autovacuum; embedded-upkeep.ts on PGlite). It
 * says nothing else the exclusion constraint's index could serve: with a time range as well, the
 * planner took that index and read every upcoming booking of the host (`pnpm bench`).
 */
export async function insertBooking(
  { db }: { db: Pick<RawSql, "$queryRaw"> },
  write: BookingWrite,
): Promise<InsertOutcome> {
  return (await insertBookings({ db }, [write]))[0]!;
}

/**
 * insertBooking's statement for several bookings of different hosts at once, each under its own
 * conditions, as if each were a statement of its own; one commit for them all
 * (booking-write-batches.ts). Their CTEs run in the order of `writes`. An error (a time taken
 * meanwhile, say) fails them all: nothing of any is written.
 */
export async function insertBookings(
  { db }: { db: Pick<RawSql, "$queryRaw"> },
  writes: readonly BookingWrite[],
): Promise<InsertOutcome[]> {
  const parts = writes.map(statementPart);
  const rows = await db.$queryRaw<Array<InsertOutcome & { i: number }>>`
    WITH ${Prisma.join(
      parts.map(({ ctes }) => ctes),
      ",",
    )}
    ${Prisma.join(
      parts.map(({ outcome }) => outcome),
      " UNION ALL ",
    )}`;
  const outcomes: InsertOutcome[] = [];
  for (const { i, ...outcome } of rows) outcomes[i] = outcome;
  return outcomes;
}

/** A booking's CTEs in the statement, named with the suffix of its place `i`, and its outcome. */
function statementPart(
  { booking, sync, emails, version, customer, counting, notification }: BookingWrite,
  i: number,
) {
  const name = (cte: string) => `${cte}_${i}`;
  const [counted, room, turn, newBooking, newSync, newEmails, told] = [
    "counted",
    "room",
    "turn",
    "new_booking",
    "new_sync",
    "new_emails",
    "told",
  ].map((cte) => Prisma.raw(name(cte)));
  const emailRows = emails.map(
    (email) => Prisma.sql`(${email.id ?? randomUUID()}, ${email.kind}::"EmailKind",
      ${email.recipient}, ${email.messageId}, ${email.sequence ?? 0}::int,
      ${email.nextAttemptAt}::timestamptz)`,
  );
  const ctes = Prisma.sql`
    ${counting ? Prisma.sql`${counted} AS (${counting.counted}),` : Prisma.empty}
    ${room} AS (
      SELECT count(*)::int AS upcoming FROM booking
      WHERE host_id = ${booking.hostId} AND status = 'CONFIRMED'
        AND end_time > ${customer.now}::timestamptz
        AND lower(customer_email) = lower(${booking.customerEmail})
    ), ${turn} AS (
      UPDATE host SET booking_version = booking_version + 1
      WHERE id = ${booking.hostId} AND booking_version = ${version}
        AND (SELECT upcoming FROM ${room}) < ${customer.allowance}::int
        ${counting ? Prisma.sql`AND ${counting.withinLimits(name("counted"))}` : Prisma.empty}
      RETURNING id
    ), ${newBooking} AS (
      INSERT INTO booking (id, host_id, package_id, start_time, end_time, customer_email,
        customer_name, customer_time_zone, access_token, updated_at)
      SELECT ${booking.id}, t.id, ${booking.packageId}, ${booking.startTime}::timestamptz,
        ${booking.endTime}::timestamptz, ${booking.customerEmail}, ${booking.customerName},
        ${booking.customerTimeZone}, ${booking.accessToken}, now()
      FROM ${turn} t
      RETURNING id
    ), ${newSync} AS (
      INSERT INTO calendar_sync (id, booking_id, action, state, next_attempt_at, lease_token,
        locked_until, attempts, updated_at)
      SELECT ${sync.id}, id, 'create', ${sync.state}::"SyncState", ${sync.nextAttemptAt},
        ${sync.leaseToken ?? null}, ${sync.lockedUntil ?? null}::timestamptz,
        ${sync.attempts ?? 0}::int, now()
      FROM ${newBooking}
    ), ${newEmails} AS (
      INSERT INTO email (id, booking_id, kind, recipient, message_id, sequence, next_attempt_at,
        updated_at)
      SELECT e.id, b.id, e.kind, e.recipient, e.message_id, e.sequence, e.next_attempt_at, now()
      FROM ${newBooking} b,
        (VALUES ${Prisma.join(emailRows)}) AS e(id, kind, recipient, message_id, sequence,
          next_attempt_at)
    ), ${told} AS (
      ${
        notification
          ? Prisma.sql`SELECT pg_notify(${notification.channel}, ${notification.payload})
      FROM ${newBooking}`
          : Prisma.sql`SELECT 1 WHERE false`
      }
    )`;
  // A SELECT in WITH runs only when read, so told is read here; the inserts run anyway. The
  // parts' outcomes are read one after the other, so each part's CTEs run in their order.
  const outcome = Prisma.sql`
    SELECT ${i}::int AS i, (SELECT count(*) FROM ${newBooking})::int > 0 AS written,
      (SELECT upcoming FROM ${room}) AS "customerUpcoming",
      ${counting ? counting.windows(name("counted")) : Prisma.sql`NULL::text`} AS "countedWindows",
      (SELECT count(*) FROM ${told}) AS told`;
  return { ctes, outcome };
}
