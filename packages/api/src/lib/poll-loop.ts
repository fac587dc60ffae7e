import type { Logger } from "./logger.ts";

/**
 * Keeps up to `concurrency` pieces of work running until stopped: every `intervalMs`, and each
 * time one finishes, it claims as many as there are free slots, so each piece's lease starts
 * when its own attempt does and a backlog drains without waiting a tick per batch. Used by the
 * outbox workers, whose claims are exclusive, so any number of loops may run.
 */
export function startPollLoop<T>(options: {
  name: string;
  claim: (limit: number) => Promise<T[]>;
  run: (item: T) => Promise<unknown>;
  concurrency: number;
  logger: Logger;
  intervalMs?: number;
  /**
   * Called after each claim that reached the database, and on a tick when every slot is busy:
   * the loop is alive and working.
   */
  onAlive?: () => Promise<void>;
}) {
  const running = new Set<Promise<unknown>>();
  let stopped = false;
  let claiming: Promise<void> | undefined;
  // A slot freed while a claim was under way: claim again once it returns.
  let again = false;

  const fail = (what: string) => (error: unknown) =>
    options.logger.error(`${options.name}_${what}_failed`, { message: (error as Error).message });

  const start = (item: T) => {
    const work: Promise<unknown> = options
      .run(item)
      .catch(fail("run"))
      .finally(() => {
        running.delete(work);
        refill({ slotFreed: true });
      });
    running.add(work);
  };

  const fill = async () => {
    do {
      again = false;
      const free = options.concurrency - running.size;
      if (stopped) return;
      if (free <= 0) return options.onAlive?.();
      const items = await options.claim(free).catch((error: unknown) => {
        fail("claim")(error);
        return undefined;
      });
      if (!items) return;
      await options.onAlive?.();
      for (const item of items) start(item);
    } while (again);
  };

  // A tick during a claim is dropped: only a freed slot calls for another round at once, so a
  // slow database is not kept busy with claims.
  function refill({ slotFreed = false } = {}) {
    if (claiming) {
      again ||= slotFreed;
      return;
    }
    claiming = fill().finally(() => {
      claiming = undefined;
    });
  }

  const timer = setInterval(() => refill(), options.intervalMs ?? 2_000);
  // Work waiting at start, and the first heartbeat /readyz looks for, need not wait a tick.
  refill();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await claiming;
      await Promise.all(running);
    },
  };
}
