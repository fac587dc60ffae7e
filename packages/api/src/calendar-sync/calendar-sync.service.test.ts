import { DEMO_HOST } from "@timetap/db";
import { describe, expect, it } from "vitest";
import { useApiHarness } from "../testing/suite-hooks.ts";
import { bookingInput, demoWithCalendar, MONDAY_MORNING } from "../testing/booking-fixtures.ts";
import { runDueSyncs } from "./calendar-sync.service.ts";

const harness = useApiHarness({ now: MONDAY_MORNING });

describe("the sync worker", () => {
  it("never lets concurrent workers take the same row: 12 failed syncs end as 12 events", async () => {
    const { intro } = await demoWithCalendar(harness);
    harness.emulator.failNext("events.insert", { status: 503, reason: "backendError", count: 12 });
    for (let i = 0; i < 12; i++) {
      const start = new Date(Date.UTC(2030, 0, 7, 8 + Math.floor(i / 2), (i % 2) * 30));
      await harness
        .caller()
        .booking.create(bookingInput(intro.id, start, `batch-${i}@example.com`));
    }
    expect(await harness.db.calendarSync.count({ where: { state: "pending" } })).toBe(12);

    harness.setNow(new Date(MONDAY_MORNING.getTime() + 60_000));
    const outcomes = (
      await Promise.all([1, 2, 3, 4].map(() => runDueSyncs(harness.deps, { limit: 5 })))
    ).flat();
    // Whatever each worker got, together they did every row once.
    const leftovers = await runDueSyncs(harness.deps);
    expect([...outcomes, ...leftovers]).toEqual(Array(12).fill("synced"));
    const inserts = harness.emulator.requests().filter((r) => r.operation === "events.insert");
    expect(inserts).toHaveLength(24);
    const events = harness.emulator.events(DEMO_HOST.email);
    expect(events).toHaveLength(12);
    expect(new Set(events.map((e) => e.id)).size).toBe(12);
  });

  it("takes a crashed worker's row again only after its lease expires", async () => {
    const { intro } = await demoWithCalendar(harness);
    harness.emulator.failNext("events.insert", { status: 503, reason: "backendError" });
    const booking = await harness
      .caller()
      .booking.create(
        bookingInput(intro.id, new Date("2030-01-08T09:00:00Z"), "lease@example.com"),
      );
    const sync = await harness.db.calendarSync.findFirstOrThrow({
      where: { bookingId: booking.id },
    });
    // A worker claimed it and died mid-attempt.
    const claimedAt = new Date(MONDAY_MORNING.getTime() + 120_000);
    await harness.db.calendarSync.update({
      where: { id: sync.id },
      data: { lockedUntil: new Date(claimedAt.getTime() + harness.deps.settings.syncLeaseMs) },
    });
    harness.setNow(new Date(claimedAt.getTime() + 1_000));
    expect(await runDueSyncs(harness.deps)).toEqual([]);
    harness.setNow(new Date(claimedAt.getTime() + harness.deps.settings.syncLeaseMs));
    expect(await runDueSyncs(harness.deps)).toEqual(["synced"]);
  });
});
