import type { EmailKind, EmailState } from "@timetap/db";
import {
  bookingCancelledEmail,
  bookingConfirmedEmail,
  bookingMovedEmail,
  meetLinkFollowUpEmail,
  SmtpSendError,
} from "@timetap/email";
import type { ApiDeps } from "../deps.ts";
import { decideAfterFailure } from "../calendar-sync/sync-backoff.ts";
import { bookingEmailData, bookingEmailInclude } from "./booking-email-data.ts";
import { claimEmails } from "./claim-emails.ts";
import { isHostNotice, renderHostNotice } from "./host-notices.ts";
import { queueMeetLinkFollowUp } from "./meet-link-followup.ts";
import { reminderIsStale, reminderTemplates } from "./reminders.ts";

type EmailDeps = Pick<ApiDeps, "db" | "mailer" | "clock" | "logger" | "settings" | "appUrl">;

/** `dropped`: a reminder whose session was cancelled or has started, deleted unsent. */
export type EmailOutcome = "sent" | "pending" | "failed" | "dropped";

const templates = {
  booking_confirmed: bookingConfirmedEmail,
  booking_cancelled: bookingCancelledEmail,
  meet_link_followup: meetLinkFollowUpEmail,
  booking_moved: bookingMovedEmail,
  ...reminderTemplates,
};

/**
 * One attempt at a claimed row: render it from the booking as it is now, send it with its fixed
 * Message-ID, record the outcome. A temporary refusal or an unreachable server is retried with
 * backoff; a permanent refusal fails the row with the server's reason. The booking stands either
 * way.
 *
 * SMTP cannot make a send and a database write one atomic step: a worker killed after the server
 * accepted the message, before recording it, cannot tell "sent" from "not sent". The row is
 * therefore marked handed over just before the end-of-data line that commits the message at the
 * server (cut off before that line, the server discards it). A row found handed over is recorded
 * as sent, never sent again: a customer gets each email at most once, and the only message that
 * can be lost is one whose end-of-data line the worker died writing; that case is logged.
 */
async function attempt(deps: EmailDeps, emailId: string): Promise<EmailOutcome> {
  const email = await deps.db.email.findUniqueOrThrow({
    where: { id: emailId },
    include: { booking: { include: bookingEmailInclude } },
  });
  const attempts = email.attempts + 1;
  if (email.handedOverAt) {
    deps.logger.warn("email_handed_over_before_crash", {
      emailId,
      bookingId: email.bookingId,
      kind: email.kind,
      handedOverAt: email.handedOverAt.toISOString(),
    });
    return recordSent(deps, email, attempts);
  }
  if (reminderIsStale(email.kind, email.booking, deps.clock.now())) {
    await deps.db.email.delete({ where: { id: emailId } });
    deps.logger.info("email_dropped", { emailId, bookingId: email.bookingId, kind: email.kind });
    return "dropped";
  }
  const data = bookingEmailData(deps, email.booking, email);
  const rendered = isHostNotice(email.kind)
    ? renderHostNotice(deps, email.kind, data)
    : templates[email.kind](data);
  let handedOver = false;
  try {
    await deps.mailer.send(
      { to: email.recipient, messageId: email.messageId, ...rendered },
      {
        beforeHandOver: async () => {
          await handOver(deps, email, data.meetLink);
          handedOver = true;
        },
      },
    );
  } catch (error) {
    const sendError = error instanceof SmtpSendError ? error : SmtpSendError.from(error);
    if (handedOver && sendError.responseCode === undefined) {
      // The end-of-data line went out but no reply came back: the server may well have it.
      deps.logger.warn("email_outcome_unknown", {
        emailId,
        bookingId: email.bookingId,
        kind: email.kind,
        reason: sendError.reason,
      });
      return recordSent(deps, email, attempts);
    }
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
        // The server answered with a refusal, so nothing was delivered: a retry sends afresh.
        handedOverAt: null,
        ...(decision.state === "pending" && { nextAttemptAt: decision.nextAttemptAt }),
      },
    });
    return state;
  }
  return recordSent(deps, email, attempts);
}

/**
 * The commit point, just before the end-of-data line. A confirmation rendered without a Meet link
 * that Google has given meanwhile queues the follow-up in the same transaction.
 */
async function handOver(
  deps: EmailDeps,
  email: { id: string; bookingId: string; kind: EmailKind },
  renderedMeetLink: string | null,
) {
  await deps.db.$transaction(async (tx) => {
    if (email.kind === "booking_confirmed" && !renderedMeetLink)
      await queueMeetLinkFollowUp(tx, deps, email.bookingId);
    await tx.email.update({
      where: { id: email.id },
      data: { handedOverAt: deps.clock.now() },
    });
  });
}

async function recordSent(
  deps: EmailDeps,
  email: { id: string; bookingId: string; kind: EmailKind },
  attempts: number,
): Promise<EmailOutcome> {
  await deps.db.email.update({
    where: { id: email.id },
    data: { state: "sent", attempts, sentAt: deps.clock.now(), lastError: null, lockedUntil: null },
  });
  deps.logger.info("email_sent", {
    emailId: email.id,
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
