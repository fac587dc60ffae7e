import { DEMO_HOST } from "@timetap/db";
import { describe, expect, it } from "vitest";
import {
  bookingInput,
  MONDAY_MORNING,
  MONDAY_TEN_BERLIN,
  withOwnHarness,
} from "../testing/booking-fixtures.ts";
import { useBookingHarness } from "../testing/suite-hooks.ts";

const { harness, intro } = useBookingHarness();
const DAY_MS = 86_400_000;

const monday = () => ({
  hostSlug: "demo",
  packageId: intro.id,
  from: MONDAY_MORNING,
  to: new Date("2030-01-08T00:00:00Z"),
});
const freebusyCalls = () =>
  harness.emulator.requests().filter((r) => r.operation === "freebusy").length;

describe("availability.slots", () => {
  it("offers the host's Monday in 30-minute steps as UTC instants, minus Google busy times", async () => {
    harness.emulator.addBusy(DEMO_HOST.email, {
      start: "2030-01-07T09:00:00Z",
      end: "2030-01-07T10:00:00Z",
    });
    const { slots, calendarDegraded } = await harness.caller().availability.slots(monday());
    expect(calendarDegraded).toBe(false);
    const starts = slots.map((s) => s.start.toISOString());
    expect(starts[0]).toBe("2030-01-07T08:00:00.000Z");
    expect(starts).not.toContain("2030-01-07T09:00:00.000Z");
    expect(starts).not.toContain("2030-01-07T09:30:00.000Z");
    expect(starts).toContain("2030-01-07T10:00:00.000Z");
    expect(slots).toHaveLength(14);
    expect(slots.every((s) => s.end.getTime() - s.start.getTime() === 30 * 60_000)).toBe(true);
  });

  it("asks Google once for 100 views of a host's next eight weeks, and again after a cancellation or five minutes", async () => {
    const week = (n: number) => ({
      ...monday(),
      from: new Date(MONDAY_MORNING.getTime() + n * 7 * DAY_MS),
      to: new Date(MONDAY_MORNING.getTime() + (n + 1) * 7 * DAY_MS),
    });
    for (let view = 0; view < 100; view++)
      await harness.caller().availability.slots(week(view % 8));
    expect(freebusyCalls()).toBe(1);
    // The new booking's event lies where the booking already blocks the time.
    const booking = await harness
      .caller()
      .booking.create(bookingInput(intro.id, MONDAY_TEN_BERLIN));
    await harness.caller().availability.slots(monday());
    expect(freebusyCalls()).toBe(1);
    await harness.caller().booking.cancel({ id: booking.id, token: booking.token });
    await harness.caller().availability.slots(monday());
    expect(freebusyCalls()).toBe(2);
    harness.setNow(new Date(MONDAY_MORNING.getTime() + 5 * 60_000 + 1));
    await harness.caller().availability.slots(monday());
    expect(freebusyCalls()).toBe(3);
  });

  it("shares one Google call among views that miss at the same time", async () => {
    await Promise.all(
      Array.from({ length: 10 }, () => harness.caller().availability.slots(monday())),
    );
    expect(freebusyCalls()).toBe(1);
  });

  it("still serves slots, marked degraded, when Google fails", async () => {
    harness.emulator.failNext("freebusy", { status: 503, reason: "backendError" });
    const { slots, calendarDegraded } = await harness.caller().availability.slots(monday());
    expect(calendarDegraded).toBe(true);
    expect(slots).toHaveLength(16);
    expect(harness.logger.lines).toContainEqual(
      expect.objectContaining({
        event: "google_busy_times_failed",
        status: 503,
        reason: "backendError",
      }),
    );
  });

  it("still serves slots, degraded, when Google does not answer in time", async () => {
    // Google's own timeout is far away: only the lookup's deadline can answer this fast.
    const options = { google: { timeoutMs: 10_000 }, settings: { busyTimesDeadlineMs: 200 } };
    await withOwnHarness(options, async (slow, slowIntro) => {
      slow.emulator.hang("freebusy", 1);
      const started = performance.now();
      const result = await slow
        .caller()
        .availability.slots({ ...monday(), packageId: slowIntro.id });
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(result.calendarDegraded).toBe(true);
      expect(result.slots).toHaveLength(16);
    });
  });

  it("drops slots before now plus the two-hour notice", async () => {
    harness.setNow(new Date("2030-01-07T09:05:00Z"));
    const { slots } = await harness.caller().availability.slots(monday());
    expect(slots[0]?.start.toISOString()).toBe("2030-01-07T11:30:00.000Z");
  });

  it("rejects a range over 62 days or ending before it starts with BAD_REQUEST", async () => {
    await expect(
      harness.caller().availability.slots({ ...monday(), to: new Date("2030-03-30T00:00:00Z") }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Ask for at most 62 days at a time."),
    });
    await expect(
      harness.caller().availability.slots({ ...monday(), to: new Date("2030-01-01T00:00:00Z") }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("is NOT_FOUND for an inactive package", async () => {
    await harness.db.sessionPackage.update({ where: { id: intro.id }, data: { active: false } });
    await expect(harness.caller().availability.slots(monday())).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await harness.db.sessionPackage.update({ where: { id: intro.id }, data: { active: true } });
  });
});

describe("availability.slots with an unreadable stored token", () => {
  it("serves degraded slots instead of failing when the token cannot be decrypted", async () => {
    await harness.db.host.update({
      where: { email: DEMO_HOST.email },
      data: { googleRefreshToken: "v1:not:a:token" },
    });
    const { slots, calendarDegraded } = await harness.caller().availability.slots(monday());
    expect(calendarDegraded).toBe(true);
    expect(slots).toHaveLength(16);
  });
});
