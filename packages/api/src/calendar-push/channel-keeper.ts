import type { ApiDeps } from "../deps.ts";
import { startPollLoop } from "../lib/poll-loop.ts";
import { CHANNEL_BATCH_SIZE, renewDueChannels } from "./calendar-channels.ts";

/**
 * Opens and renews the hosts' push channels. Runs beside the outbox workers; each row is claimed
 * through the database, so any number of processes may run it.
 */
export function startChannelKeeper(deps: ApiDeps, options: { intervalMs?: number } = {}) {
  return startPollLoop({
    name: "channel_keeper",
    runBatch: () => renewDueChannels(deps),
    batchSize: CHANNEL_BATCH_SIZE,
    logger: deps.logger,
    intervalMs: options.intervalMs ?? 5_000,
  });
}
