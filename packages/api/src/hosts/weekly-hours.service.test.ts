import { DEMO_HOST } from "@timetap/db";
import { beforeEach, describe, expect, it } from "vitest";
import { MONDAY_MORNING, otherHost } from "../testing/booking-fixtures.ts";
import { useBookingHarness } from "../testing/suite-hooks.ts";

const { harness, intro } = useBookingHarness();
let asDemo: ReturnType<typeof harness.caller>;
beforeEach(async () => {
  const demo = await harness.db.host.findUniqueOrThrow({ where: { email: DEMO_HOST.email } });
  asDemo = harness.caller({ sessionHostId: demo.id });
});

/** The demo week, Monday 2030-01-07 to Sunday 2030-01-13, as Berlin wall-clock starts. */
async function offeredThatWeek() {
  const { slots } = await harness.caller().availability.slots({
    hostSlug: "demo",
    packageId: intro.id,
    from: MONDAY_MORNING,
    to: new Date("2030-01-14T00:00:00Z"),
  });
  return slots.map((slot) =>
    slot.start.toLocaleString("en-GB", {
      timeZone: "Europe/Berlin",
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
    }),
  );
}

describe("host weekly hours", () => {
  it("shows the hours the booking page uses, and new hours change what it offers at once", async () => {
    await expect(asDemo.host.weeklyHours()).resolves.toMatchObject({
      timeZone: "Europe/Berlin",
      minimumNoticeMinutes: 120,
      rules: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 540, endMinute: 1020 })),
    });
    expect(await offeredThatWeek()).toHaveLength(5 * 16);

    const saved = await asDemo.host.updateWeeklyHours({
      minimumNoticeMinutes: 0,
      rules: [
        { weekday: 3, startMinute: 14 * 60, endMinute: 15 * 60 },
        { weekday: 6, startMinute: 10 * 60, endMinute: 11 * 60 },
        { weekday: 3, startMinute: 9 * 60, endMinute: 10 * 60 },
      ],
    });
    expect(saved.rules.map((rule) => [rule.weekday, rule.startMinute])).toEqual([
      [3, 540],
      [3, 840],
      [6, 600],
    ]);
    expect(await offeredThatWeek()).toEqual([
      "Wed 09:00",
      "Wed 09:30",
      "Wed 14:00",
      "Wed 14:30",
      "Sat 10:00",
      "Sat 10:30",
    ]);
  });

  it("applies the minimum notice to the booking page", async () => {
    // 07:00 in Berlin: with no notice Monday opens at 09:00; with 4 hours, at 11:00.
    await asDemo.host.updateWeeklyHours({
      minimumNoticeMinutes: 240,
      rules: [{ weekday: 1, startMinute: 9 * 60, endMinute: 12 * 60 }],
    });
    expect(await offeredThatWeek()).toEqual(["Mon 11:00", "Mon 11:30"]);
  });

  it("refuses overlapping or backwards hours with a message on the interval, and keeps the old ones", async () => {
    const before = await asDemo.host.weeklyHours();
    const attempt = (rules: Array<{ weekday: number; startMinute: number; endMinute: number }>) =>
      asDemo.host.updateWeeklyHours({ minimumNoticeMinutes: 60, rules });

    await expect(
      attempt([
        { weekday: 2, startMinute: 540, endMinute: 720 },
        { weekday: 2, startMinute: 700, endMinute: 800 },
      ]),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Hours on the same day must not overlap."),
    });
    await expect(attempt([{ weekday: 2, startMinute: 600, endMinute: 600 }])).rejects.toMatchObject(
      { code: "BAD_REQUEST", message: expect.stringContaining("End after you start.") },
    );
    await expect(attempt([{ weekday: 7, startMinute: 0, endMinute: 60 }])).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(asDemo.host.weeklyHours()).resolves.toEqual(before);
  });

  it("belongs to the signed-in host only", async () => {
    const other = await otherHost(harness);
    await harness
      .caller({ sessionHostId: other.id })
      .host.updateWeeklyHours({ minimumNoticeMinutes: 0, rules: [] });
    expect(await offeredThatWeek()).toHaveLength(5 * 16);
    await expect(harness.caller().host.weeklyHours()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});
