import type { EmailState, Prisma } from "@timetap/db";
import { bookingCancelledEmail, bookingConfirmedEmail, SmtpSendError } from "@timetap/email";
import type { ApiDeps } from "../deps.ts";
import { decideAfterFailure } from "../calendar-sync/sync-backoff.ts";
import { bookingEmailData, bookingEmailInclude } from "./booking-email-data.ts";
import { claimEmails } from "./claim-emails.ts";
import { underLease, type Lease } from "../lib/outbox-lease.ts";

type EmailDeps = Pick<ApiDeps, "db" | "mailer" | "clock" | "logger" | "settings" | "appUrl">;

/** `lease_lost`: the attempt outlived its lease and another took the row over. */
export type EmailOutcome = "sent" | "pending" | "failed" | "lease_lost";

const templates = {
  booking_confirmed: bookingConfirmedEmail,
  booking_cancelled: bookingCancelledEmail,
};

/**
 * One attempt at a claimed row: render it from the booking as it is now, send it with its fixed
 * Message-ID, record the outcome. A temporary refusal or an unreachable server is retried with
 * backoff; a permanent refusal fails the row with the server's reason. The booking stands either
 * way.
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
  const rendered = templates[email.kind](bookingEmailData(deps, email.booking));
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
  if (!(await stillMine())) return "lease_lost";
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
    const recorded = await record({
      state,
      lastError: sendError.reason.slice(0, 500),
      ...(decision.state === "pending" && { nextAttemptAt: decision.nextAttemptAt }),
    });
    return recorded ? state : "lease_lost";
  }
  if (!(await record({ state: "sent", sentAt: deps.clock.now(), lastError: null })))
    return "lease_lost";
  deps.logger.info("email_sent", {
    emailId,
    bookingId: email.bookingId,
    kind: email.kind,
    attempts,
  });
  return "sent";
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
