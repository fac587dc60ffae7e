import type { EmailKind, EmailState, Prisma } from "@timetap/db";
import {
  bookingCancelledEmail,
  bookingConfirmedEmail,
  bookingMovedEmail,
  meetLinkFollowUpEmail,
  SmtpSendError,
} from "@timetap/email";
import type { ApiDeps } from "../deps.ts";
import { decideAfterFailure } from "../calendar-sync/sync-backoff.ts";
import { underLease, type Lease } from "../lib/outbox-lease.ts";
import { bookingEmailData, bookingEmailInclude } from "./booking-email-data.ts";
import { claimEmails } from "./claim-emails.ts";
import { isHostNotice, renderHostNotice } from "./host-notices.ts";
import { queueMeetLinkFollowUp } from "./meet-link-followup.ts";
import { reminderIsStale, reminderTemplates } from "./reminders.ts";

type EmailDeps = Pick<ApiDeps, "db" | "mailer" | "clock" | "logger" | "settings" | "appUrl">;

/**
 * `dropped`: a reminder whose session was cancelled or has started, deleted unsent.
 * `lease_lost`: the attempt outlived its lease and another took the row over.
 */
export type EmailOutcome = "sent" | "pending" | "failed" | "dropped" | "lease_lost";

const templates = {
  booking_confirmed: bookingConfirmedEmail,
  booking_cancelled: bookingCancelledEmail,
  meet_link_followup: meetLinkFollowUpEmail,
  booking_moved: bookingMovedEmail,
  ...reminderTemplates,
};

/**
 * One attempt at a claimed row: render it from the booking as it is now, send it with its fixed
 * Message-ID, record the outcome, while the row's lease is still this attempt's. A temporary
 * refusal or an unreachable server is retried with backoff; a permanent refusal fails the row with
 * the server's reason. The booking stands either way.
 *
 * SMTP cannot make a send and a database write one atomic step: a worker killed after the server
 * accepted the message, before recording it, cannot tell "sent" from "not sent". The row is
 * therefore marked handed over just before the end-of-data line that commits the message at the
 * server (cut off before that line, the server discards it). A row found handed over is recorded
 * as sent, never sent again: a customer gets each email at most once, and the only message that
 * can be lost is one whose end-of-data line the worker died writing; that case is logged.
 */
async function attempt(
  deps: EmailDeps,
  lease: Lease,
  stillMine: () => Promise<boolean>,
): Promise<EmailOutcome> {
  const emailId = lease.id;
  const email = await deps.db.email.findUniqueOrThrow({
    where: { id: emailId },
    include: { booking: { include: bookingEmailInclude } },
  });
  // The claim counted this attempt.
  const { attempts } = email;
  const record = async (data: Prisma.EmailUpdateManyMutationInput) => {
    const { count } = await deps.db.email.updateMany({
      where: { id: emailId, leaseToken: lease.token },
      data: { ...data, lockedUntil: null, leaseToken: null },
    });
    if (count === 0) deps.logger.warn("email_lease_lost", { emailId, bookingId: email.bookingId });
    return count === 1;
  };
  const recordSent = async (): Promise<EmailOutcome> => {
    if (!(await record({ state: "sent", sentAt: deps.clock.now(), lastError: null })))
      return "lease_lost";
    deps.logger.info("email_sent", {
      emailId,
      bookingId: email.bookingId,
      kind: email.kind,
      attempts,
    });
    return "sent";
  };
  if (email.handedOverAt) {
    deps.logger.warn("email_handed_over_before_crash", {
      emailId,
      bookingId: email.bookingId,
      kind: email.kind,
      handedOverAt: email.handedOverAt.toISOString(),
    });
    return recordSent();
  }
  if (reminderIsStale(email.kind, email.booking, deps.clock.now())) {
    const { count } = await deps.db.email.deleteMany({
      where: { id: emailId, leaseToken: lease.token },
    });
    if (count === 0) return "lease_lost";
    deps.logger.info("email_dropped", { emailId, bookingId: email.bookingId, kind: email.kind });
    return "dropped";
  }
  const data = bookingEmailData(deps, email.booking, email);
  const rendered = isHostNotice(email.kind)
    ? renderHostNotice(deps, email.kind, data)
    : templates[email.kind](data);
  if (!(await stillMine())) return "lease_lost";
  let handedOver = false;
  try {
    await deps.mailer.send(
      { to: email.recipient, messageId: email.messageId, ...rendered },
      {
        beforeHandOver: async () => {
          await handOver(deps, email, lease, data.meetLink);
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
      return recordSent();
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
    const recorded = await record({
      state,
      lastError: sendError.reason.slice(0, 500),
      // The server answered with a refusal, so nothing was delivered: a retry sends afresh.
      handedOverAt: null,
      ...(decision.state === "pending" && { nextAttemptAt: decision.nextAttemptAt }),
    });
    return recorded ? state : "lease_lost";
  }
  return recordSent();
}

/**
 * The commit point, just before the end-of-data line, taken only while the lease is this
 * attempt's (otherwise it throws, and the message is never completed). A confirmation rendered
 * without a Meet link that Google has given meanwhile queues the follow-up in the same transaction.
 */
async function handOver(
  deps: EmailDeps,
  email: { id: string; bookingId: string; kind: EmailKind },
  lease: Lease,
  renderedMeetLink: string | null,
) {
  await deps.db.$transaction(async (tx) => {
    const { count } = await tx.email.updateMany({
      where: { id: email.id, leaseToken: lease.token },
      data: { handedOverAt: deps.clock.now() },
    });
    if (count === 0) throw new Error("The email's lease was lost before its hand-over.");
    if (email.kind === "booking_confirmed" && !renderedMeetLink)
      await queueMeetLinkFollowUp(tx, deps, email.bookingId);
  });
}

/**
 * One attempt under its lease, never throwing: after an unexpected error the lease is no longer
 * renewed and expires, and the attempt counts as one the worker stopped during.
 */
export async function sendLeasedEmail(
  deps: EmailDeps,
  lease: Lease,
): Promise<EmailOutcome | "error"> {
  try {
    return await underLease(deps, "email", lease, deps.settings.emailLeaseMs, (held) =>
      attempt(deps, lease, held.stillMine),
    );
  } catch (error) {
    deps.logger.error("email_attempt_crashed", {
      emailId: lease.id,
      message: (error as Error).message,
    });
    return "error";
  }
}

export const EMAIL_BATCH_SIZE = 20;

/** Every due row up to `limit`, one at a time, each leased as its own attempt starts. */
export async function runDueEmails(deps: EmailDeps, options: { limit?: number } = {}) {
  const outcomes: Array<EmailOutcome | "error"> = [];
  while (outcomes.length < (options.limit ?? EMAIL_BATCH_SIZE)) {
    const [lease] = await claimEmails(deps, { limit: 1 });
    if (!lease) break;
    outcomes.push(await sendLeasedEmail(deps, lease));
  }
  return outcomes;
}
