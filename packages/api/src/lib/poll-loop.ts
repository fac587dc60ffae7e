import type { Logger } from "./logger.ts";

/**
 * Runs `runBatch` every `intervalMs` until stopped; while full batches come back it goes on at
 * once, so a backlog drains without waiting a tick each. Used by the outbox workers, whose claims
 * are exclusive, so any number of loops may run.
 */
export function startPollLoop(options: {
  name: string;
  runBatch: () => Promise<unknown[]>;
  batchSize: number;
  logger: Logger;
  intervalMs?: number;
  /** Called after each batch that ran without throwing: the loop is alive and reaching the database. */
  afterBatch?: () => Promise<void>;
}) {
  const intervalMs = options.intervalMs ?? 2_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      while (!stopped) {
        const done = await options.runBatch();
        await options.afterBatch?.();
        if (done.length !== options.batchSize) break;
      }
    } catch (error) {
      options.logger.error(`${options.name}_tick_failed`, { message: (error as Error).message });
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
