import type { Booking, EmailKind, Host } from "@timetap/db";
import { messageIdFor, reminder1hEmail, reminder24hEmail } from "@timetap/email";
import type { ApiDeps } from "../deps.ts";

const HOUR_MS = 3_600_000;

/** The reminders a host may have sent to customers: how long before the session, and the setting. */
const REMINDERS = [
  { kind: "reminder_24h", setting: "reminder24h", beforeMs: 24 * HOUR_MS },
  { kind: "reminder_1h", setting: "reminder1h", beforeMs: HOUR_MS },
] as const satisfies ReadonlyArray<{ kind: EmailKind; setting: keyof Host; beforeMs: number }>;

type ReminderKind = (typeof REMINDERS)[number]["kind"];

export const reminderTemplates = {
  reminder_24h: reminder24hEmail,
  reminder_1h: reminder1hEmail,
} satisfies Record<ReminderKind, unknown>;

export const REMINDER_KINDS = REMINDERS.map((reminder) => reminder.kind);

const isReminder = (kind: EmailKind): kind is ReminderKind =>
  REMINDER_KINDS.some((reminder) => reminder === kind);

/** "20300108T090000Z": the session's start, as it goes into a reminder's Message-ID. */
const compactInstant = (instant: Date) => instant.toISOString().replace(/[-:]|\.\d{3}/g, "");

/**
 * The outbox rows of the reminders the host wants for a session starting at `startTime`, each due
 * its time before the start; one whose instant has already passed is not written. A reminder's
 * Message-ID names the start it reminds of: a booking moved away and back can only meet a sent
 * reminder for a start whose reminder instant has passed, so it never writes the same one twice.
 */
export function reminderEmails(
  deps: Pick<ApiDeps, "mailer" | "clock">,
  booking: Pick<Booking, "id" | "customerEmail" | "startTime">,
  host: Pick<Host, (typeof REMINDERS)[number]["setting"]>,
) {
  const now = deps.clock.now().getTime();
  return REMINDERS.filter((reminder) => host[reminder.setting])
    .map((reminder) => ({
      kind: reminder.kind,
      recipient: booking.customerEmail,
      messageId: messageIdFor(
        booking.id,
        `${reminder.kind}.${compactInstant(booking.startTime)}`,
        deps.mailer.from,
      ),
      nextAttemptAt: new Date(booking.startTime.getTime() - reminder.beforeMs),
    }))
    .filter((email) => email.nextAttemptAt.getTime() > now);
}

/** The reminders not sent yet, to drop when the session is cancelled or moved. */
export const pendingReminders = { kind: { in: REMINDER_KINDS }, state: "pending" } as const;

/**
 * Checked again at send time: a reminder goes only for a confirmed session that has not started,
 * whatever delayed it (a worker that was down, retries after a refused connection).
 */
export const reminderIsStale = (
  kind: EmailKind,
  booking: Pick<Booking, "status" | "startTime">,
  now: Date,
) => isReminder(kind) && (booking.status !== "CONFIRMED" || booking.startTime <= now);

/** The reminders the host's settings leave off: pending ones of these kinds are not sent. */
export const remindersOff = (host: Pick<Host, (typeof REMINDERS)[number]["setting"]>) =>
  REMINDERS.filter((reminder) => !host[reminder.setting]).map((reminder) => reminder.kind);
