import { randomBytes } from "node:crypto";
import { DEMO_HOST } from "@timetap/db";
import { beforeEach, describe, expect, it } from "vitest";
import { connectCalendar } from "../hosts/host-calendar.ts";
import { useBookingHarness } from "../testing/suite-hooks.ts";
import { MONDAY_MORNING } from "../testing/booking-fixtures.ts";
import { runDueSyncs } from "./calendar-sync.service.ts";
import { startSyncWorker } from "./sync-worker.ts";

// A busy machine slows the in-process emulator down; a call given up on would wait out its backoff.
const { harness } = useBookingHarness({ google: { timeoutMs: 10_000 } });
const OLGA = "olga@example.com";

beforeEach(() => harness.db.host.updateMany({ data: { googleBackoffUntil: null } }));

/** `count` bookings of `email`'s host whose event is still to be made, each due now. */
async function bookingsToSync(email: string, count: number, firstDueAt = MONDAY_MORNING) {
  const host = await harness.db.host.findUniqueOrThrow({
    where: { email },
    include: { packages: { take: 1 } },
  });
  for (let i = 0; i < count; i++) {
    const startTime = new Date(Date.UTC(2030, 0, 8 + Math.floor(i / 8), 8 + (i % 8)));
    await harness.db.booking.create({
      data: {
        hostId: host.id,
        packageId: host.packages[0]!.id,
        startTime,
        endTime: new Date(startTime.getTime() + 30 * 60_000),
        customerEmail: `customer-${i}@example.com`,
        accessToken: randomBytes(16).toString("base64url"),
        calendarSyncs: {
          create: {
            action: "create",
            state: "pending",
            nextAttemptAt: new Date(firstDueAt.getTime() + i),
          },
        },
      },
    });
  }
}

async function olgaWithCalendar() {
  const olga = await harness.db.host.upsert({
    where: { email: OLGA },
    update: {},
    create: { email: OLGA, name: "Olga Other", slug: "olga", timeZone: "UTC" },
  });
  await harness.db.sessionPackage.deleteMany({ where: { hostId: olga.id } });
  await harness.db.sessionPackage.create({
    data: { hostId: olga.id, name: "Talk", durationMinutes: 30, kind: "free_intro" },
  });
  await connectCalendar(harness.deps, olga.id, harness.emulator.issueRefreshToken(OLGA));
}

describe("the sync worker", () => {
  it(
    "runs rows of different bookings side by side: with Google taking 300 ms, two workers have many calls out at once",
    { timeout: 60_000 },
    async () => {
      await bookingsToSync(DEMO_HOST.email, 12);
      harness.setNow(new Date(MONDAY_MORNING.getTime() + 1_000));
      harness.emulator.setLatency("events.insert", 300);
      const done = () => harness.db.calendarSync.count({ where: { state: "done" } });

      const workers = [1, 2].map(() => startSyncWorker(harness.deps, { intervalMs: 20 }));
      // Bounded, so that on a busy machine the workers still stop within the test.
      const giveUpAt = performance.now() + 20_000;
      try {
        while ((await done()) < 12 && performance.now() < giveUpAt)
          await new Promise((resolve) => setTimeout(resolve, 20));
      } finally {
        await Promise.all(workers.map((worker) => worker.stop()));
      }

      expect(new Set(harness.emulator.events(DEMO_HOST.email).map((event) => event.id)).size).toBe(
        12,
      );
      // Each call is answered 300 ms after it arrives, so calls arriving within 300 ms of one
      // another were out at the same time. One row at a time per worker would allow 2.
      const arrivals = harness.emulator
        .requests()
        .filter((request) => request.operation === "events.insert")
        .map((request) => Date.parse(request.at))
        .sort((a, b) => a - b);
      const mostAtOnce = Math.max(
        ...arrivals.map((at) => arrivals.filter((other) => other >= at && other < at + 300).length),
      );
      expect(mostAtOnce).toBeGreaterThanOrEqual(6);
    },
  );

  it("backs off a host whose Google answers rateLimitExceeded alone: their other rows wait, another host's go on", async () => {
    await olgaWithCalendar();
    await bookingsToSync(DEMO_HOST.email, 3);
    await bookingsToSync(OLGA, 3, new Date(MONDAY_MORNING.getTime() + 1_000));
    harness.setNow(new Date(MONDAY_MORNING.getTime() + 2_000));

    harness.emulator.failNext("events.insert", { status: 403, reason: "rateLimitExceeded" });
    expect(await runDueSyncs(harness.deps, { limit: 1 })).toEqual(["pending"]);
    expect(await runDueSyncs(harness.deps)).toEqual(["synced", "synced", "synced"]);
    expect(harness.emulator.events(OLGA)).toHaveLength(3);
    expect(harness.emulator.events(DEMO_HOST.email)).toHaveLength(0);

    harness.setNow(new Date(MONDAY_MORNING.getTime() + 60_000));
    expect(await runDueSyncs(harness.deps)).toEqual(["synced", "synced", "synced"]);
    expect(harness.emulator.events(DEMO_HOST.email)).toHaveLength(3);
  });

  it("backs off a host on a 429 too", async () => {
    await bookingsToSync(DEMO_HOST.email, 2);
    harness.setNow(new Date(MONDAY_MORNING.getTime() + 1_000));
    harness.emulator.failNext("events.insert", { status: 429, reason: "rateLimitExceeded" });
    expect(await runDueSyncs(harness.deps, { limit: 1 })).toEqual(["pending"]);
    expect(await runDueSyncs(harness.deps)).toEqual([]);
  });
});
