import type { EmailState } from "@timetap/db";
import { bookingCancelledEmail, bookingConfirmedEmail, SmtpSendError } from "@timetap/email";
import type { ApiDeps } from "../deps.ts";
import { decideAfterFailure } from "../calendar-sync/sync-backoff.ts";
import { bookingEmailData, bookingEmailInclude } from "./booking-email-data.ts";
import { claimEmails } from "./claim-emails.ts";
import { isHostNotice, renderHostNotice } from "./host-notices.ts";
import { reminderIsStale, reminderTemplates } from "./reminders.ts";

type EmailDeps = Pick<ApiDeps, "db" | "mailer" | "clock" | "logger" | "settings" | "appUrl">;

/** `dropped`: a reminder whose session was cancelled or has started, deleted unsent. */
export type EmailOutcome = "sent" | "pending" | "failed" | "dropped";

const templates = {
  booking_confirmed: bookingConfirmedEmail,
  booking_cancelled: bookingCancelledEmail,
  ...reminderTemplates,
};

/**
 * One attempt at a claimed row: render it from the booking as it is now, send it with its fixed
 * Message-ID, record the outcome. A temporary refusal or an unreachable server is retried with
 * backoff; a permanent refusal fails the row with the server's reason. The booking stands either
 * way.
 */
async function attempt(deps: EmailDeps, emailId: string): Promise<EmailOutcome> {
  const email = await deps.db.email.findUniqueOrThrow({
    where: { id: emailId },
    include: { booking: { include: bookingEmailInclude } },
  });
  if (reminderIsStale(email.kind, email.booking, deps.clock.now())) {
    await deps.db.email.delete({ where: { id: emailId } });
    deps.logger.info("email_dropped", { emailId, bookingId: email.bookingId, kind: email.kind });
    return "dropped";
  }
  const data = bookingEmailData(deps, email.booking);
  const rendered = isHostNotice(email.kind)
    ? renderHostNotice(deps, email.kind, data)
    : templates[email.kind](data);
  const attempts = email.attempts + 1;
  try {
    await deps.mailer.send({ to: email.recipient, messageId: email.messageId, ...rendered });
  } catch (error) {
    const sendError = error instanceof SmtpSendError ? error : SmtpSendError.from(error);
    const decision = decideAfterFailure({
      kind: sendError.kind === "permanent" ? "permanent" : "retryable",
      attempts,
      now: deps.clock.now(),
    });
    deps.logger.error("email_send_failed", {
      emailId,
      bookingId: email.bookingId,
      kind: email.kind,
      attempt: attempts,
      smtpCode: sendError.responseCode,
      reason: sendError.reason,
      next: decision.state,
    });
    const state: EmailState = decision.state === "pending" ? "pending" : "failed";
    await deps.db.email.update({
      where: { id: emailId },
      data: {
        state,
        attempts,
        lastError: sendError.reason.slice(0, 500),
        lockedUntil: null,
        ...(decision.state === "pending" && { nextAttemptAt: decision.nextAttemptAt }),
      },
    });
    return state;
  }
  await deps.db.email.update({
    where: { id: emailId },
    data: { state: "sent", attempts, sentAt: deps.clock.now(), lastError: null, lockedUntil: null },
  });
  deps.logger.info("email_sent", {
    emailId,
    bookingId: email.bookingId,
    kind: email.kind,
    attempts,
  });
  return "sent";
}

/** One attempt, never throwing: an unexpected error leaves the row leased, and the lease expires. */
async function attemptSafely(deps: EmailDeps, emailId: string): Promise<EmailOutcome | "error"> {
  try {
    return await attempt(deps, emailId);
  } catch (error) {
    deps.logger.error("email_attempt_crashed", { emailId, message: (error as Error).message });
    return "error";
  }
}

export const EMAIL_BATCH_SIZE = 20;

/** What the email worker does each tick: every due row, a batch at a time. */
export async function runDueEmails(deps: EmailDeps, options: { limit?: number } = {}) {
  const ids = await claimEmails(deps, { limit: options.limit ?? EMAIL_BATCH_SIZE });
  const outcomes: Array<EmailOutcome | "error"> = [];
  for (const id of ids) outcomes.push(await attemptSafely(deps, id));
  return outcomes;
}
