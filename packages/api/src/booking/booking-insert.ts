import { randomUUID } from "node:crypto";
import { Prisma, type Booking, type CalendarSync, type Email } from "@timetap/db";

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

/**
 * Writes a new booking with its calendar-sync row (action `create`) and its emails in ONE SQL
 * statement. It runs inside the host's booking lock, where each Prisma create (its query compiled
 * anew every time, about half a millisecond of CPU) holds up every other booking of the host;
 * three creates were a third of a booking's database time. The rows' foreign keys are checked at
 * the statement's end, when all three inserts are in.
 */
export async function insertBooking(
  { db }: { db: Pick<Prisma.TransactionClient, "$executeRaw"> },
  {
    booking,
    sync,
    emails,
  }: { booking: NewBooking; sync: NewSync; emails: [NewEmail, ...NewEmail[]] },
): Promise<void> {
  const emailRows = emails.map(
    (email) => Prisma.sql`(${email.id ?? randomUUID()}, ${email.kind}::"EmailKind",
      ${email.recipient}, ${email.messageId}, ${email.sequence ?? 0}::int,
      ${email.nextAttemptAt}::timestamptz)`,
  );
  await db.$executeRaw`
    WITH new_booking AS (
      INSERT INTO booking (id, host_id, package_id, start_time, end_time, customer_email,
        customer_name, customer_time_zone, access_token, updated_at)
      VALUES (${booking.id}, ${booking.hostId}, ${booking.packageId}, ${booking.startTime},
        ${booking.endTime}, ${booking.customerEmail}, ${booking.customerName},
        ${booking.customerTimeZone}, ${booking.accessToken}, now())
      RETURNING id
    ), new_sync AS (
      INSERT INTO calendar_sync (id, booking_id, action, state, next_attempt_at, lease_token,
        locked_until, attempts, updated_at)
      SELECT ${sync.id}, id, 'create', ${sync.state}::"SyncState", ${sync.nextAttemptAt},
        ${sync.leaseToken ?? null}, ${sync.lockedUntil ?? null}::timestamptz,
        ${sync.attempts ?? 0}::int, now()
      FROM new_booking
    )
    INSERT INTO email (id, booking_id, kind, recipient, message_id, sequence, next_attempt_at,
      updated_at)
    SELECT e.id, b.id, e.kind, e.recipient, e.message_id, e.sequence, e.next_attempt_at, now()
    FROM new_booking b,
      (VALUES ${Prisma.join(emailRows)}) AS e(id, kind, recipient, message_id, sequence, next_attempt_at)`;
}
