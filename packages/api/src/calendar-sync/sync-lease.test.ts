import { composedSql, DEMO_HOST } from "@timetap/db";
import { describe, expect, it } from "vitest";
import { createContext } from "../context.ts";
import { createApiDeps } from "../deps.ts";
import { createCaller } from "../root.ts";
import { useBookingHarness } from "../testing/suite-hooks.ts";
import { bookingInput } from "../testing/booking-fixtures.ts";
import { runDueSyncs, runLeasedSync } from "./calendar-sync.service.ts";
import { underLease } from "../lib/outbox-lease.ts";
import { claimSyncs } from "./claim-syncs.ts";
import { MAX_SYNC_ATTEMPTS } from "./sync-backoff.ts";

const { harness, intro } = useBookingHarness();
const TUESDAY_TEN_BERLIN = new Date("2030-01-08T09:00:00Z");
const TUESDAY_TWO_BERLIN = new Date("2030-01-08T13:00:00Z");

const later = (ms: number) => harness.setNow(new Date(harness.deps.clock.now().getTime() + ms));
const requestsOf = (operation: string) =>
  harness.emulator.requests().filter((request) => request.operation === operation);
const syncOf = (bookingId: string, action: "create" | "update" = "create") =>
  harness.db.calendarSync.findFirstOrThrow({ where: { bookingId, action } });

/** A booking whose own attempt at Google failed, so its event is left to the worker. */
async function bookingLeftToWorker(start = TUESDAY_TEN_BERLIN) {
  harness.emulator.failNext("events.insert", { status: 503, reason: "backendError" });
  const booking = await harness.caller().booking.create(bookingInput(intro.id, start));
  expect(booking.calendarSync).toBe("pending");
  later(60_000);
  return booking;
}

async function until(condition: () => boolean) {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe("a sync row's lease", () => {
  it("is the taking-over worker's: a worker whose lease expired while Google answered cannot record its outcome", async () => {
    const booking = await bookingLeftToWorker();
    const [stale] = await claimSyncs(harness.deps, { limit: 1 });
    // The first worker's call hangs until its Google client gives up; meanwhile its lease ends.
    harness.emulator.hang("events.insert", 1);
    const staleAttempt = runLeasedSync(harness.deps, stale!);
    await until(() => requestsOf("events.insert").length === 2);
    later(harness.deps.settings.syncLeaseMs);

    expect(await runDueSyncs(harness.deps)).toEqual(["synced"]);
    expect(await staleAttempt).toBe("lease_lost");

    const sync = await syncOf(booking.id);
    expect(sync).toMatchObject({ state: "done", lastError: null, leaseToken: null });
    expect(harness.emulator.events(DEMO_HOST.email)).toHaveLength(1);
    expect(harness.logger.lines).toContainEqual(
      expect.objectContaining({ event: "calendar_sync_lease_lost", syncId: sync.id }),
    );
  });

  it("never lets a worker whose lease was taken over send the same move to Google again", async () => {
    const booking = await harness
      .caller()
      .booking.create(bookingInput(intro.id, TUESDAY_TEN_BERLIN));
    harness.emulator.failNext("events.patch", { status: 503, reason: "backendError" });
    await harness.caller().booking.reschedule({
      id: booking.id,
      token: booking.token,
      startTime: TUESDAY_TWO_BERLIN,
    });
    later(60_000);
    const [stale] = await claimSyncs(harness.deps, { limit: 1 });
    // That worker stalls past its lease; another takes the move over and makes it.
    later(harness.deps.settings.syncLeaseMs);
    expect(await runDueSyncs(harness.deps)).toEqual(["synced"]);

    expect(await runLeasedSync(harness.deps, stale!)).toBe("lease_lost");
    expect(requestsOf("events.patch")).toHaveLength(2);
    expect(await syncOf(booking.id, "update")).toMatchObject({ state: "done" });
  });

  it("counts attempts the worker stopped during; after the last it fails, and the host sees why", async () => {
    const booking = await bookingLeftToWorker();
    // Every later attempt is taken and never finished: its worker stops mid-attempt.
    for (let attempt = 2; attempt <= MAX_SYNC_ATTEMPTS; attempt++) {
      expect(await claimSyncs(harness.deps, { limit: 1 })).toHaveLength(1);
      later(harness.deps.settings.syncLeaseMs);
    }
    expect(await claimSyncs(harness.deps, { limit: 1 })).toEqual([]);

    const stoppedDuring = `the worker stopped during ${MAX_SYNC_ATTEMPTS - 1} of ${MAX_SYNC_ATTEMPTS} attempts`;
    expect(await syncOf(booking.id)).toMatchObject({
      state: "failed",
      attempts: MAX_SYNC_ATTEMPTS,
      stoppedAttempts: MAX_SYNC_ATTEMPTS - 1,
      lastError: stoppedDuring,
    });
    const demo = await harness.db.host.findUniqueOrThrow({ where: { email: DEMO_HOST.email } });
    await expect(
      harness.caller({ sessionHostId: demo.id }).host.upcomingBookings(),
    ).resolves.toMatchObject([{ calendarSync: "failed", calendarError: stoppedDuring }]);
  });

  it("of a stopped worker ends within 15 s, and another worker takes the row up", async () => {
    await bookingLeftToWorker();
    expect(await claimSyncs(harness.deps, { limit: 1 })).toHaveLength(1);
    later(9_000);
    expect(await runDueSyncs(harness.deps)).toEqual([]);
    // The poll interval (2 s) on top still stays under 15 s.
    later(1_000);
    expect(await runDueSyncs(harness.deps)).toEqual(["synced"]);
  });

  it("is renewed while the attempt waits on a slow Google, so no one else takes the row", async () => {
    const { settings } = harness.deps;
    const leaseMs = settings.syncLeaseMs;
    // A short lease, so renewals (every third of it) happen within the test.
    settings.syncLeaseMs = 900;
    try {
      await bookingLeftToWorker();
      harness.emulator.setLatency("events.insert", 1_600);
      const [lease] = await claimSyncs(harness.deps, { limit: 1 });
      const attempt = runLeasedSync(harness.deps, lease!);
      // Half a lease passes per step: without renewals the row is free from the second step on.
      let taken = 0;
      for (let step = 0; step < 3; step++) {
        await new Promise((resolve) => setTimeout(resolve, 450));
        later(450);
        taken += (await claimSyncs(harness.deps, { limit: 1 })).length;
      }
      expect(taken).toBe(0);
      expect(await attempt).toBe("synced");
    } finally {
      settings.syncLeaseMs = leaseMs;
    }
  });

  it("is taken as still held without a query while more than two thirds of it is left; past that, it is renewed first", async () => {
    const booking = await bookingLeftToWorker();
    const leaseMs = harness.deps.settings.syncLeaseMs;
    const [lease] = await claimSyncs(harness.deps, { limit: 1 });
    const claimedUntil = (await syncOf(booking.id)).lockedUntil;
    await underLease(harness.deps, "calendar_sync", lease!, leaseMs, async ({ stillMine }) => {
      later(leaseMs / 4);
      expect(await stillMine()).toBe(true);
      expect((await syncOf(booking.id)).lockedUntil).toEqual(claimedUntil);
      later(leaseMs / 4);
      expect(await stillMine()).toBe(true);
      expect((await syncOf(booking.id)).lockedUntil).toEqual(
        new Date(harness.deps.clock.now().getTime() + leaseMs),
      );
    });
  });
});

describe("booking.create's own sync row", () => {
  it("is leased to the request from the moment it is written: a worker claiming right after the insert finds nothing", async () => {
    const claimedRightAfterInsert: unknown[][] = [];
    // The statements the request runs: right after the booking's write (the statement holding
    // `new_booking`) commits, before the request goes on, a worker claims. The request's
    // dependencies are built around these statements, as the composition root builds them
    // around Db.rawSql (new bookings are written through it: deps.bookingWrites).
    const { rawSql } = harness.deps;
    const deps = createApiDeps({
      ...harness.deps,
      rawSql: {
        $executeRaw: rawSql.$executeRaw.bind(rawSql),
        async $queryRaw<Rows>(...args: Parameters<typeof rawSql.$queryRaw>) {
          const rows = await rawSql.$queryRaw<Rows>(...args);
          const [query, ...values] = args;
          const { sql } = composedSql(query, values);
          if (sql.includes("new_booking") && claimedRightAfterInsert.length === 0)
            claimedRightAfterInsert.push(await claimSyncs(harness.deps, { limit: 10 }));
          return rows;
        },
      },
    });
    const caller = createCaller(createContext(deps, {}));
    const booking = await caller.booking.create(bookingInput(intro.id, TUESDAY_TEN_BERLIN));

    expect(claimedRightAfterInsert).toEqual([[]]);
    expect(booking.calendarSync).toBe("synced");
    expect(requestsOf("events.insert")).toHaveLength(1);
    expect(await syncOf(booking.id)).toMatchObject({ state: "done", attempts: 1 });
  });
});
