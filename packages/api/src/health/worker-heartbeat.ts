import { randomUUID } from "node:crypto";
import type { ApiDeps } from "../deps.ts";

/** How long after its last beat a worker still counts as draining the outbox. */
export const HEARTBEAT_FRESH_MS = 60_000;
const FORGET_AFTER_MS = 24 * 60 * 60_000;
/** A busy worker is alive after every claim; the row needs to hear of it only now and then. */
const BEAT_EVERY_MS = 5_000;

/**
 * One outbox worker's heartbeat row. It beats from the worker's loop (not on a timer of its own),
 * so a worker whose loop stopped or is cut off from the database stops beating.
 */
export function createHeartbeat({ db, clock, logger }: Pick<ApiDeps, "db" | "clock" | "logger">) {
  const workerId = randomUUID();
  const startedAt = clock.now();
  let lastBeat: number | undefined;
  return {
    async beat() {
      const beatAt = clock.now();
      if (lastBeat !== undefined && beatAt.getTime() - lastBeat < BEAT_EVERY_MS) return;
      lastBeat = beatAt.getTime();
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
