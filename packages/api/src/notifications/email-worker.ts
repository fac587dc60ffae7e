import type { ApiDeps } from "../deps.ts";
import { startPollLoop } from "../lib/poll-loop.ts";
import { claimEmails } from "./claim-emails.ts";
import { sendLeasedEmail } from "./email-outbox.service.ts";

/** Sends the email outbox one message at a time; it runs wherever the calendar-sync worker does. */
export function startEmailWorker(deps: ApiDeps, options: { intervalMs?: number } = {}) {
  return startPollLoop({
    name: "email_worker",
    claim: (limit) => claimEmails(deps, { limit }),
    run: (lease) => sendLeasedEmail(deps, lease),
    concurrency: 1,
    logger: deps.logger,
    intervalMs: options.intervalMs,
  });
}
