import { describe, expect, it } from "vitest";
import { startSyncWorker } from "../calendar-sync/sync-worker.ts";
import { useApiHarness } from "../testing/suite-hooks.ts";
import { checkReadiness } from "./readiness.service.ts";

const NOW = new Date("2030-01-07T06:00:00Z");
const harness = useApiHarness({ now: NOW });

/** Until the worker's first batch has beaten (it polls every 10 ms here). */
async function untilBeaten() {
  for (let i = 0; i < 200 && (await harness.db.workerHeartbeat.count()) === 0; i += 1)
    await new Promise((resolve) => setTimeout(resolve, 10));
}

describe("readiness", () => {
  it("is not ready while no sync worker beats, ready once one does, and not ready again once it stops", async () => {
    expect(await checkReadiness(harness.deps)).toMatchObject({
      ready: false,
      database: "up",
      migrations: "applied",
      worker: "stale",
      lastWorkerBeatAt: null,
    });

    const worker = startSyncWorker(harness.deps, { intervalMs: 10 });
    try {
      await untilBeaten();
      expect(await checkReadiness(harness.deps)).toMatchObject({
        ready: true,
        worker: "fresh",
        lastWorkerBeatAt: NOW.toISOString(),
      });
    } finally {
      await worker.stop();
    }
    expect(await harness.db.workerHeartbeat.count()).toBe(0);
    expect(await checkReadiness(harness.deps)).toMatchObject({ ready: false, worker: "stale" });
  });

  it("is ready as soon as a worker starts, not a poll interval later", async () => {
    const worker = startSyncWorker(harness.deps, { intervalMs: 60_000 });
    try {
      await untilBeaten();
      expect(await checkReadiness(harness.deps)).toMatchObject({ ready: true, worker: "fresh" });
    } finally {
      await worker.stop();
    }
  });

  it("takes a worker whose last beat is over a minute old for stuck or cut off", async () => {
    const beat = { workerId: "quiet-worker", startedAt: NOW };
    await harness.db.workerHeartbeat.create({
      data: { ...beat, beatAt: new Date(NOW.getTime() - 60_000) },
    });
    expect(await checkReadiness(harness.deps)).toMatchObject({ ready: true, worker: "fresh" });
    harness.setNow(new Date(NOW.getTime() + 1_000));
    expect(await checkReadiness(harness.deps)).toMatchObject({ ready: false, worker: "stale" });
    harness.setNow(NOW);
    await harness.db.workerHeartbeat.deleteMany();
  });

  it("is not ready when the database lacks a migration this build ships, and names it", async () => {
    const worker = startSyncWorker(harness.deps, { intervalMs: 10 });
    try {
      await untilBeaten();
      const [latest] = await harness.db.$queryRaw<{ migration_name: string }[]>`
        SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`;
      await harness.db.$executeRaw`
        UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = ${latest!.migration_name}`;
      expect(await checkReadiness(harness.deps)).toMatchObject({
        ready: false,
        database: "up",
        migrations: { pending: [latest!.migration_name] },
        worker: "fresh",
      });
      await harness.db.$executeRaw`
        UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE migration_name = ${latest!.migration_name}`;
      expect(await checkReadiness(harness.deps)).toMatchObject({ ready: true });
    } finally {
      await worker.stop();
    }
  });
});
