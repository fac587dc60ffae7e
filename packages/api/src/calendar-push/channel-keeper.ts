import type { ApiDeps } from "../deps.ts";
import { CHANNEL_BATCH_SIZE, renewDueChannels } from "./calendar-channels.ts";
import { RECONCILE_BATCH_SIZE, reconcileDueHosts } from "./scheduled-reconciliation.ts";

/**
 * Opens and renews the hosts' push channels every `intervalMs`, draining full batches at once,
 * then compares the calendars of the hosts whose scheduled look is due with their bookings
 * (scheduled-reconciliation.ts). Runs beside the outbox workers; each channel row and each host's
 * look is claimed through the database, so any number of processes may run it. (Not the outbox's poll loop: a channel's renewal is a batch on a timer,
 * not leased attempts that free slots.)
 */
export function startChannelKeeper(deps: ApiDeps, options: { intervalMs?: number } = {}) {
  let running: Promise<void> | undefined;
  const drain = async () => {
    try {
      while ((await renewDueChannels(deps)).length === CHANNEL_BATCH_SIZE);
      while ((await reconcileDueHosts(deps)).length === RECONCILE_BATCH_SIZE);
    } catch (error) {
      deps.logger.error("channel_keeper_tick_failed", { message: (error as Error).message });
    }
  };
  const timer = setInterval(() => {
    running ??= drain().finally(() => {
      running = undefined;
    });
  }, options.intervalMs ?? 5_000);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
