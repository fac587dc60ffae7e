import { DEMO_HOST } from "@timetap/db";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import type { bookingLimitsInput, packageLimitsInput } from "../hosts/booking-limits.inputs.ts";
import { bookingInput, MONDAY_TEN_BERLIN } from "../testing/booking-fixtures.ts";
import { useBookingHarness } from "../testing/suite-hooks.ts";

const { harness, intro } = useBookingHarness();

const DAY_MS = 86_400_000;
/** Berlin wall time on a date of January–March 2030 (CET, UTC+1) as an instant. */
const berlin = (date: string, time: string) => new Date(`${date}T${time}:00+01:00`);

const asHost = async () => {
  const host = await harness.db.host.findUniqueOrThrow({ where: { email: DEMO_HOST.email } });
  return harness.caller({ sessionHostId: host.id }).host;
};
const setHostLimits = async (limits: Partial<z.input<typeof bookingLimitsInput>>) =>
  (await asHost()).updateBookingLimits({
    horizonDays: 60,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    dailyMaximum: null,
    startIntervalMinutes: null,
    ...limits,
  });
const setIntroLimits = async (limits: z.input<typeof packageLimitsInput>) =>
  (await asHost()).updatePackageLimits({ packageId: intro.id, ...limits });

/** The intro's offered starts as Berlin wall times ("09:30") between two Berlin dates. */
async function offered(fromDate: string, toDate = fromDate, packageId = intro.id) {
  const { slots } = await harness.caller().availability.slots({
    hostSlug: "demo",
    packageId,
    from: berlin(fromDate, "00:00"),
    to: new Date(berlin(toDate, "00:00").getTime() + DAY_MS),
  });
  return slots.map((slot) =>
    slot.start.toLocaleString("sv-SE", { timeZone: "Europe/Berlin" }).slice(0, 16),
  );
}
const book = (startTime: Date, email = "cora@example.com") =>
  harness.caller().booking.create(bookingInput(intro.id, startTime, email));
const nothingWritten = async () => {
  expect(await harness.db.booking.count()).toBe(0);
  expect(await harness.db.calendarSync.count()).toBe(0);
  expect(harness.emulator.events(DEMO_HOST.email)).toEqual([]);
};

describe("the booking horizon", () => {
  it("refuses a Friday in the year 9999 with BAD_REQUEST and a sentence, and writes nothing", async () => {
    await expect(book(new Date("9999-12-31T09:00:00Z"))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Bookings open at most 60 days ahead.",
    });
    await nothingWritten();
  });

  // MONDAY_MORNING plus 60 days is Friday 2030-03-08 07:00 in Berlin.
  it("books the last day within 60 days and refuses the first one past it", async () => {
    await expect(book(berlin("2030-03-07", "10:00"))).resolves.toMatchObject({
      startTime: berlin("2030-03-07", "10:00"),
    });
    await expect(book(berlin("2030-03-08", "10:00"), "dora@example.com")).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Bookings open at most 60 days ahead.",
    });
    expect(await harness.db.booking.count()).toBe(1);
  });

  it("clips availability.slots at the horizon and refuses a range wholly beyond it", async () => {
    const week = await offered("2030-03-04", "2030-03-10");
    expect(week.at(-1)).toBe("2030-03-07 16:30");
    expect(week.filter((start) => start.startsWith("2030-03-07"))).toHaveLength(16);
    await expect(offered("2030-03-09", "2030-03-15")).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Bookings open at most 60 days ahead.",
    });
  });

  it("refuses to move a booking past the horizon and leaves it where it was", async () => {
    const booking = await book(MONDAY_TEN_BERLIN);
    const syncRows = await harness.db.calendarSync.count();
    await expect(
      harness.caller().booking.reschedule({
        id: booking.id,
        token: booking.token,
        startTime: berlin("2030-03-11", "10:00"),
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Bookings open at most 60 days ahead.",
    });
    expect(await harness.db.booking.findUniqueOrThrow({ where: { id: booking.id } })).toMatchObject(
      { startTime: MONDAY_TEN_BERLIN },
    );
    expect(await harness.db.calendarSync.count()).toBe(syncRows);
  });

  it("follows the host's setting, and a package's own horizon beats it", async () => {
    await setHostLimits({ horizonDays: 10 });
    await expect(offered("2030-01-21")).rejects.toMatchObject({
      message: "Bookings open at most 10 days ahead.",
    });
    await setIntroLimits({ horizonDays: 30 });
    expect(await offered("2030-01-21")).toHaveLength(16);
    await setIntroLimits({ horizonDays: 1 });
    await expect(book(berlin("2030-01-08", "10:00"))).rejects.toMatchObject({
      message: "Bookings open at most 1 day ahead.",
    });
  });
});

describe("buffers around a session", () => {
  it("keeps times whose buffers meet another booking off the page, and refuses them", async () => {
    await book(MONDAY_TEN_BERLIN);
    await setHostLimits({ bufferBeforeMinutes: 15, bufferAfterMinutes: 15 });
    const monday = await offered("2030-01-07");
    expect(monday).toContain("2030-01-07 09:00");
    expect(monday).not.toContain("2030-01-07 09:30");
    expect(monday).not.toContain("2030-01-07 10:00");
    expect(monday).not.toContain("2030-01-07 10:30");
    expect(monday).toContain("2030-01-07 11:00");
    await expect(book(berlin("2030-01-07", "10:30"), "dora@example.com")).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(book(berlin("2030-01-07", "11:00"), "dora@example.com")).resolves.toBeTruthy();
  });

  it("keeps a session's buffers clear of Google busy times", async () => {
    harness.emulator.addBusy(DEMO_HOST.email, {
      start: berlin("2030-01-07", "12:00").toISOString(),
      end: berlin("2030-01-07", "13:00").toISOString(),
    });
    await setHostLimits({ bufferBeforeMinutes: 30 });
    const monday = await offered("2030-01-07");
    expect(monday).toContain("2030-01-07 11:30");
    expect(monday).not.toContain("2030-01-07 13:00");
    expect(monday).toContain("2030-01-07 13:30");
    await expect(book(berlin("2030-01-07", "13:00"))).rejects.toMatchObject({ code: "CONFLICT" });
    await nothingWritten();
  });

  it("uses a package's own buffers over the host's", async () => {
    await book(MONDAY_TEN_BERLIN);
    await setHostLimits({ bufferAfterMinutes: 30 });
    expect(await offered("2030-01-07")).not.toContain("2030-01-07 09:30");
    await setIntroLimits({ bufferAfterMinutes: 0 });
    expect(await offered("2030-01-07")).toContain("2030-01-07 09:30");
  });
});

describe("the daily maximum", () => {
  it("offers nothing on a full day, refuses a booking there, and still lets one move within it", async () => {
    await setHostLimits({ dailyMaximum: 2 });
    const first = await book(MONDAY_TEN_BERLIN);
    await book(berlin("2030-01-07", "14:00"), "dora@example.com");
    expect(await offered("2030-01-07")).toEqual([]);
    expect(await offered("2030-01-08")).toHaveLength(16);
    await expect(book(berlin("2030-01-07", "15:00"), "eve@example.com")).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This day is fully booked. Please pick another day.",
    });
    await expect(
      harness.caller().booking.reschedule({
        id: first.id,
        token: first.token,
        startTime: berlin("2030-01-07", "15:00"),
      }),
    ).resolves.toMatchObject({ startTime: berlin("2030-01-07", "15:00") });
    expect(await harness.db.booking.count({ where: { status: "CONFIRMED" } })).toBe(2);
  });

  it("counts the day in the host's zone, not in UTC", async () => {
    await setHostLimits({ dailyMaximum: 1 });
    await harness.db.availabilityRule.updateMany({ data: { startMinute: 0, endMinute: 1440 } });
    // Tuesday 00:30 in Berlin is still Monday in UTC; it fills Tuesday, not Monday.
    await book(berlin("2030-01-08", "00:30"));
    expect(await offered("2030-01-07")).not.toEqual([]);
    expect(await offered("2030-01-08")).toEqual([]);
  });
});

describe("start times", () => {
  it("step by the host's interval, and a package's own interval beats it", async () => {
    expect(await offered("2030-01-07")).toHaveLength(16);
    await setHostLimits({ startIntervalMinutes: 15 });
    const monday = await offered("2030-01-07");
    expect(monday.slice(0, 3)).toEqual([
      "2030-01-07 09:00",
      "2030-01-07 09:15",
      "2030-01-07 09:30",
    ]);
    expect(monday).toHaveLength(31);
    await expect(book(berlin("2030-01-07", "09:15"))).resolves.toBeTruthy();
    await setIntroLimits({ startIntervalMinutes: 60 });
    expect(await offered("2030-01-08")).toHaveLength(8);
  });
});

describe("minimum notice", () => {
  it("takes a package's own notice over the host's", async () => {
    harness.setNow(berlin("2030-01-07", "10:05"));
    expect((await offered("2030-01-07"))[0]).toBe("2030-01-07 12:30");
    await setIntroLimits({ minimumNoticeMinutes: 0 });
    expect((await offered("2030-01-07"))[0]).toBe("2030-01-07 10:30");
    await setIntroLimits({ minimumNoticeMinutes: null });
    expect((await offered("2030-01-07"))[0]).toBe("2030-01-07 12:30");
  });
});
