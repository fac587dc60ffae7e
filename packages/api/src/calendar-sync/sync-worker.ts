import type { ApiDeps } from "../deps.ts";
import { runDueSyncs, SYNC_BATCH_SIZE } from "./calendar-sync.service.ts";

/**
 * Polls for due calendar-sync rows. Runs inside the web server by default and as `pnpm worker`
 * when scaled out; claims are exclusive, so any number may run.
 */
export function startSyncWorker(deps: ApiDeps, options: { intervalMs?: number } = {}) {
  const intervalMs = options.intervalMs ?? 2_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      // Keep going while full batches come back, so a backlog drains without waiting a tick each.
      while (!stopped && (await runDueSyncs(deps)).length === SYNC_BATCH_SIZE);
    } catch (error) {
      deps.logger.error("sync_worker_tick_failed", { message: (error as Error).message });
    }
  };
  let running: Promise<void> = Promise.resolve();
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().then(schedule);
    }, intervalMs);
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
