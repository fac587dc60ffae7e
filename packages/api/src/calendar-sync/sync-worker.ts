import type { ApiDeps } from "../deps.ts";
import { createHeartbeat } from "../health/worker-heartbeat.ts";
import { startPollLoop } from "../lib/poll-loop.ts";
import { runDueSyncs, SYNC_BATCH_SIZE } from "./calendar-sync.service.ts";

/**
 * Polls for due calendar-sync rows. Runs inside the web server by default and as `pnpm worker`
 * when scaled out; claims are exclusive, so any number may run.
 */
export function startSyncWorker(deps: ApiDeps, options: { intervalMs?: number } = {}) {
  // `/readyz` reads it: some process must be taking bookings to Google.
  const heartbeat = createHeartbeat(deps);
  const loop = startPollLoop({
    name: "sync_worker",
    runBatch: () => runDueSyncs(deps),
    batchSize: SYNC_BATCH_SIZE,
    logger: deps.logger,
    intervalMs: options.intervalMs,
    afterBatch: heartbeat.beat,
  });
  return {
    async stop() {
      await loop.stop();
      await heartbeat.remove();
    },
  };
}
