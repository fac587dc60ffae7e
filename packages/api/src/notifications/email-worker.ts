import type { ApiDeps } from "../deps.ts";
import { startPollLoop } from "../lib/poll-loop.ts";
import { EMAIL_BATCH_SIZE, runDueEmails } from "./email-outbox.service.ts";

/** Polls the email outbox; it runs wherever the calendar-sync worker does. */
export function startEmailWorker(deps: ApiDeps, options: { intervalMs?: number } = {}) {
  return startPollLoop({
    name: "email_worker",
    runBatch: () => runDueEmails(deps),
    batchSize: EMAIL_BATCH_SIZE,
    logger: deps.logger,
    intervalMs: options.intervalMs,
  });
}
