// Prints latency and throughput figures for the booking path on the embedded database and the
// Google emulator over HTTP (TEST_DATABASE_URL set: on that PostgreSQL server instead).
import {
  bookingInput,
  createApiHarness,
  demoWithCalendar,
  MONDAY_MORNING,
  runDueSyncs,
} from "@timetap/api/testing";
import { startSyncWorker } from "@timetap/api";

const SEQUENTIAL = 60;
const RACERS = 50;
const BACKLOG = 100;
const CHANGES = 20;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function report(name: string, samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  console.log(
    `${name.padEnd(44)} n=${String(samples.length).padStart(3)}  mean=${mean.toFixed(1)}ms  p50=${percentile(sorted, 50).toFixed(1)}ms  p95=${percentile(sorted, 95).toFixed(1)}ms  max=${sorted.at(-1)?.toFixed(1)}ms`,
  );
}

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await work();
  return [performance.now() - started, value];
}

/** Every slot start of the demo week (Mon–Fri 09:00–17:00 Berlin, 30 min) after the notice. */
async function weekSlots(harness: Awaited<ReturnType<typeof createApiHarness>>, packageId: string) {
  const { slots } = await harness.caller().availability.slots({
    hostSlug: "demo",
    packageId,
    from: MONDAY_MORNING,
    to: new Date(MONDAY_MORNING.getTime() + 28 * 86_400_000),
  });
  return slots.map((slot) => slot.start);
}

// A generous Google timeout: on a busy machine the in-process emulator answers late, and a call
// given up on would wait out its backoff on the pinned clock instead of being measured.
const harness = await createApiHarness({ now: MONDAY_MORNING, google: { timeoutMs: 10_000 } });
try {
  const { intro } = await demoWithCalendar(harness);
  const api = harness.caller();
  const week = {
    hostSlug: "demo",
    packageId: intro.id,
    from: MONDAY_MORNING,
    to: new Date(MONDAY_MORNING.getTime() + 7 * 86_400_000),
  };
  console.log(
    `database: ${process.env.TEST_DATABASE_URL ? "PostgreSQL server" : "embedded PGlite"}; Google: emulator over HTTP`,
  );

  const [cold] = await timed(() => api.availability.slots(week));
  const warm: number[] = [];
  for (let i = 0; i < 30; i++) warm.push((await timed(() => api.availability.slots(week)))[0]);
  console.log(`availability.slots, one week, cold (Google freeBusy)    ${cold.toFixed(1)}ms`);
  report("availability.slots, one week, busy times cached", warm);

  const starts = await weekSlots(harness, intro.id);
  const sequential: number[] = [];
  const booked = [];
  for (const start of starts.slice(0, SEQUENTIAL)) {
    const [ms, confirmation] = await timed(() =>
      api.booking.create(bookingInput(intro.id, start, `seq-${start.getTime()}@example.com`)),
    );
    if (confirmation.calendarSync !== "synced") throw new Error("expected an inline sync");
    sequential.push(ms);
    booked.push(confirmation);
  }
  report("booking.create with inline Google sync", sequential);

  // Moves go to the last free times of the four weeks, out of the way of what follows.
  const moved: number[] = [];
  const targets = starts.slice(-CHANGES);
  for (const [i, booking] of booked.slice(0, CHANGES).entries()) {
    const startTime = targets[i];
    if (!startTime) throw new Error("not enough slots");
    moved.push((await timed(() => api.booking.reschedule({ ...booking, startTime })))[0]);
  }
  report("booking.reschedule with inline event move", moved);
  const cancelled: number[] = [];
  for (const booking of booked.slice(CHANGES, 2 * CHANGES)) {
    cancelled.push((await timed(() => api.booking.cancel(booking)))[0]);
  }
  report("booking.cancel with inline event removal", cancelled);

  const contested = starts[SEQUENTIAL];
  if (!contested) throw new Error("not enough slots");
  const [raceMs, results] = await timed(() =>
    Promise.allSettled(
      Array.from({ length: RACERS }, (_, i) =>
        api.booking.create(bookingInput(intro.id, contested, `race-${i}@example.com`)),
      ),
    ),
  );
  const won = results.filter((r) => r.status === "fulfilled").length;
  console.log(
    `${RACERS} concurrent booking.create, one slot: ${won} confirmed, ${RACERS - won} CONFLICT, ${raceMs.toFixed(0)}ms in all`,
  );

  harness.emulator.failNext("events.insert", {
    status: 503,
    reason: "backendError",
    count: BACKLOG,
  });
  const backlogStarts = starts.slice(SEQUENTIAL + 1, SEQUENTIAL + 1 + BACKLOG);
  for (const start of backlogStarts) {
    await api.booking.create(
      bookingInput(intro.id, start, `backlog-${start.getTime()}@example.com`),
    );
  }
  harness.setNow(new Date(MONDAY_MORNING.getTime() + 3_600_000));
  const [drainMs] = await timed(async () => {
    let total = 0;
    for (
      let batch = await runDueSyncs(harness.deps);
      batch.length > 0;
      batch = await runDueSyncs(harness.deps)
    ) {
      total += batch.length;
    }
    return total;
  });
  console.log(
    `worker drained ${backlogStarts.length} failed syncs in ${drainMs.toFixed(0)}ms (${((backlogStarts.length / drainMs) * 1000).toFixed(1)} syncs/s, one worker)`,
  );

  // The same backlog with Google answering in 300 ms, drained by two concurrent workers.
  harness.emulator.failNext("events.insert", {
    status: 503,
    reason: "backendError",
    count: BACKLOG,
  });
  const slowStarts = starts.slice(SEQUENTIAL + 1 + BACKLOG, SEQUENTIAL + 1 + 2 * BACKLOG);
  for (const start of slowStarts)
    await api.booking.create(bookingInput(intro.id, start, `slow-${start.getTime()}@example.com`));
  harness.setNow(new Date(MONDAY_MORNING.getTime() + 2 * 3_600_000));
  harness.emulator.setLatency("events.insert", 300);
  const synced = () =>
    harness.db.calendarSync.count({
      where: { state: "done", booking: { customerEmail: { startsWith: "slow-" } } },
    });
  // Bounded: a call the busy machine times out waits out its backoff on the pinned clock.
  const [slowDrainMs, slowSynced] = await timed(async () => {
    const workers = [1, 2].map(() => startSyncWorker(harness.deps, { intervalMs: 50 }));
    const giveUpAt = performance.now() + 60_000;
    while ((await synced()) < slowStarts.length && performance.now() < giveUpAt)
      await new Promise((resolve) => setTimeout(resolve, 20));
    await Promise.all(workers.map((worker) => worker.stop()));
    return synced();
  });
  console.log(
    `2 workers synced ${slowSynced} of ${slowStarts.length} with Google at 300 ms in ${slowDrainMs.toFixed(0)}ms (${((slowSynced / slowDrainMs) * 1000).toFixed(1)} syncs/s, ${harness.deps.settings.syncConcurrency} at once each)`,
  );
} finally {
  await harness.close();
}
