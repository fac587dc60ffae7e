import type { ApiDeps } from "../deps.ts";
import { createHeartbeat } from "../health/worker-heartbeat.ts";
import { startPollLoop } from "../lib/poll-loop.ts";
import { runLeasedSync } from "./calendar-sync.service.ts";
import { claimSyncs } from "./claim-syncs.ts";

/**
 * Works through due calendar-sync rows, `settings.syncConcurrency` at a time (rows of different
 * bookings; the claim keeps one piece of a booking's work at a time). Runs inside the web server
 * by default and as `pnpm worker` when scaled out; claims are exclusive, so any number may run.
 */
export function startSyncWorker(deps: ApiDeps, options: { intervalMs?: number } = {}) {
  // `/readyz` reads it: some process must be taking bookings to Google.
  const heartbeat = createHeartbeat(deps);
  const loop = startPollLoop({
    name: "sync_worker",
    claim: (limit) => claimSyncs(deps, { limit }),
    run: (lease) => runLeasedSync(deps, lease),
    concurrency: deps.settings.syncConcurrency,
    logger: deps.logger,
    intervalMs: options.intervalMs,
    onAlive: heartbeat.beat,
  });
  return {
    async stop() {
      await loop.stop();
      await heartbeat.remove();
    },
  };
}
