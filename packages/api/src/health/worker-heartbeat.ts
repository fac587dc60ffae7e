import { randomUUID } from "node:crypto";
import type { ApiDeps } from "../deps.ts";

/** How long after its last beat a worker still counts as draining the outbox. */
export const HEARTBEAT_FRESH_MS = 60_000;
const FORGET_AFTER_MS = 24 * 60 * 60_000;

/**
 * One outbox worker's heartbeat row. It beats after each batch it works through (not on a timer),
 * so a worker stuck in a batch or cut off from the database stops beating.
 */
export function createHeartbeat({ db, clock, logger }: Pick<ApiDeps, "db" | "clock" | "logger">) {
  const workerId = randomUUID();
  const startedAt = clock.now();
  return {
    async beat() {
      const beatAt = clock.now();
      try {
        await db.workerHeartbeat.upsert({
          where: { workerId },
          create: { workerId, startedAt, beatAt },
          update: { beatAt },
        });
      } catch (error) {
        logger.error("worker_heartbeat_failed", { workerId, message: (error as Error).message });
      }
    },
    /** A worker that stops on purpose says so at once, and clears rows of long-gone processes. */
    async remove() {
      const forgotten = new Date(clock.now().getTime() - FORGET_AFTER_MS);
      await db.workerHeartbeat.deleteMany({
        where: { OR: [{ workerId }, { beatAt: { lt: forgotten } }] },
      });
    },
  };
}
