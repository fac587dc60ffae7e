import { DEMO_HOST } from "@timetap/db";
import { describe, expect, it } from "vitest";
import { otherHost } from "../testing/booking-fixtures.ts";
import { useBookingHarness } from "../testing/suite-hooks.ts";

const { harness, intro } = useBookingHarness();

const asDemoHost = async () => {
  const host = await harness.db.host.findUniqueOrThrow({ where: { email: DEMO_HOST.email } });
  return harness.caller({ sessionHostId: host.id }).host;
};
const limits = {
  horizonDays: 90,
  bufferBeforeMinutes: 10,
  bufferAfterMinutes: 15,
  dailyMaximum: 4,
  startIntervalMinutes: 15 as const,
};

describe("host.bookingLimits and host.updateBookingLimits", () => {
  it("start at the defaults and read back what the host saved", async () => {
    const host = await asDemoHost();
    expect(await host.bookingLimits()).toEqual({
      horizonDays: 60,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      dailyMaximum: null,
      startIntervalMinutes: null,
      upcomingPerCustomer: 3,
    });
    // What the update leaves out (the per-customer allowance) stays as it was.
    const saved = { ...limits, upcomingPerCustomer: 3 };
    await expect(host.updateBookingLimits(limits)).resolves.toEqual(saved);
    expect(await host.bookingLimits()).toEqual(saved);
  });

  it("refuse values out of range with a sentence, and change nothing", async () => {
    const host = await asDemoHost();
    const refused = async (change: Record<string, unknown>, sentence: string) =>
      expect(host.updateBookingLimits({ ...limits, ...change } as never)).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringContaining(sentence),
      });
    await refused({ horizonDays: 0 }, "Open bookings at least 1 day ahead.");
    await refused({ horizonDays: 366 }, "Open bookings at most 365 days ahead.");
    await refused({ bufferAfterMinutes: 121 }, "Keep a buffer of at most 120 minutes.");
    await refused({ bufferBeforeMinutes: -5 }, "A buffer cannot be negative.");
    await refused({ dailyMaximum: 0 }, "Allow at least one booking a day.");
    await refused({ startIntervalMinutes: 20 }, "Start times can be every 5, 10, 15, 30 or 60");
    expect((await host.bookingLimits()).horizonDays).toBe(60);
  });

  it("are for hosts only", async () => {
    await expect(harness.caller().host.bookingLimits()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});

describe("host.updatePackageLimits", () => {
  it("sets a package's overrides, leaves fields not given alone and clears them with null", async () => {
    const host = await asDemoHost();
    await expect(
      host.updatePackageLimits({ packageId: intro.id, horizonDays: 14, minimumNoticeMinutes: 0 }),
    ).resolves.toMatchObject({ id: intro.id, horizonDays: 14, minimumNoticeMinutes: 0 });
    await expect(
      host.updatePackageLimits({ packageId: intro.id, horizonDays: null, bufferAfterMinutes: 5 }),
    ).resolves.toMatchObject({
      horizonDays: null,
      minimumNoticeMinutes: 0,
      bufferAfterMinutes: 5,
      bufferBeforeMinutes: null,
      startIntervalMinutes: null,
    });
  });

  it("is NOT_FOUND for another host's package, which stays as it was", async () => {
    const olga = await otherHost(harness);
    await expect(
      harness
        .caller({ sessionHostId: olga.id })
        .host.updatePackageLimits({ packageId: intro.id, horizonDays: 1 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(
      await harness.db.sessionPackage.findUniqueOrThrow({ where: { id: intro.id } }),
    ).toMatchObject({ horizonDays: null });
  });

  it("refuses an interval the page does not offer", async () => {
    await expect(
      (await asDemoHost()).updatePackageLimits({
        packageId: intro.id,
        startIntervalMinutes: 7 as never,
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
