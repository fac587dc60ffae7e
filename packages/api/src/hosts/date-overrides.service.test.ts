import { DEMO_HOST } from "@timetap/db";
import { beforeEach, describe, expect, it } from "vitest";
import { bookingInput, MONDAY_MORNING, otherHost } from "../testing/booking-fixtures.ts";
import { useBookingHarness } from "../testing/suite-hooks.ts";

const { harness, intro } = useBookingHarness();
let asDemo: ReturnType<typeof harness.caller>;
beforeEach(async () => {
  await harness.db.dateOverride.deleteMany();
  const demo = await harness.db.host.findUniqueOrThrow({ where: { email: DEMO_HOST.email } });
  asDemo = harness.caller({ sessionHostId: demo.id });
});

/** The demo's free starts in [from, to), as Berlin wall-clock times ("Wed 09 10:00"). */
async function offered(from = MONDAY_MORNING, to = new Date("2030-01-14T00:00:00Z")) {
  const { slots } = await harness.caller().availability.slots({
    hostSlug: "demo",
    packageId: intro.id,
    from,
    to,
  });
  return slots.map((slot) =>
    slot.start
      .toLocaleString("en-GB", {
        timeZone: "Europe/Berlin",
        weekday: "short",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
      })
      .replace(",", ""),
  );
}

const daysOffered = async () => [...new Set((await offered()).map((slot) => slot.slice(0, 6)))];

describe("days off", () => {
  it("a day off offers nothing that day and refuses a booking on it", async () => {
    await asDemo.host.addDaysOff({ from: "2030-01-09", to: "2030-01-09" });

    expect(await daysOffered()).toEqual(["Mon 07", "Tue 08", "Thu 10", "Fri 11"]);
    await expect(
      harness.caller().booking.create(bookingInput(intro.id, new Date("2030-01-09T09:00:00Z"))),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("not offered"),
    });
  });

  it("a range off covers every date in it, is listed with its note, and can be removed", async () => {
    const { id } = await asDemo.host.addDaysOff({
      from: "2030-01-09",
      to: "2030-01-11",
      note: "On holiday",
    });

    expect(await daysOffered()).toEqual(["Mon 07", "Tue 08"]);
    expect(await asDemo.host.dateOverrides()).toEqual([
      { id, from: "2030-01-09", to: "2030-01-11", note: "On holiday", dayOff: true, intervals: [] },
    ]);

    await asDemo.host.removeDateOverride({ id });
    expect(await daysOffered()).toEqual(["Mon 07", "Tue 08", "Wed 09", "Thu 10", "Fri 11"]);
    expect(await asDemo.host.dateOverrides()).toEqual([]);
  });

  it("lists upcoming overrides by date and leaves out those that ended", async () => {
    await asDemo.host.setDateHours({
      date: "2030-01-10",
      intervals: [{ startMinute: 600, endMinute: 660 }],
    });
    await asDemo.host.addDaysOff({ from: "2030-01-07", to: "2030-01-08" });
    harness.setNow(new Date("2030-01-09T06:00:00Z"));

    expect((await asDemo.host.dateOverrides()).map((override) => override.from)).toEqual([
      "2030-01-10",
    ]);
  });
});

describe("special hours", () => {
  it("a date with other hours offers exactly those instead of its weekly hours", async () => {
    await asDemo.host.setDateHours({
      date: "2030-01-09",
      intervals: [
        { startMinute: 18 * 60, endMinute: 19 * 60 },
        { startMinute: 7 * 60, endMinute: 7 * 60 + 30 },
      ],
    });

    expect((await offered()).filter((slot) => slot.startsWith("Wed"))).toEqual([
      "Wed 09 07:00",
      "Wed 09 18:00",
      "Wed 09 18:30",
    ]);
    expect(await asDemo.host.dateOverrides()).toMatchObject([
      {
        from: "2030-01-09",
        to: "2030-01-09",
        dayOff: false,
        intervals: [
          { startMinute: 420, endMinute: 450 },
          { startMinute: 1080, endMinute: 1140 },
        ],
      },
    ]);
  });

  it("setting hours on a date again replaces them", async () => {
    const set = (startMinute: number) =>
      asDemo.host.setDateHours({
        date: "2030-01-09",
        intervals: [{ startMinute, endMinute: startMinute + 30 }],
      });
    await set(600);
    await set(900);

    expect((await offered()).filter((slot) => slot.startsWith("Wed"))).toEqual(["Wed 09 15:00"]);
    expect(await asDemo.host.dateOverrides()).toHaveLength(1);
  });

  it("offers the hours of the date the clocks spring forward on, skipping the missing hour", async () => {
    harness.setNow(new Date("2030-03-25T06:00:00Z"));
    // Europe/Berlin goes from 02:00 to 03:00 on Sunday 2030-03-31.
    await asDemo.host.setDateHours({
      date: "2030-03-31",
      intervals: [{ startMinute: 60, endMinute: 240 }],
    });

    expect(
      await offered(new Date("2030-03-30T00:00:00Z"), new Date("2030-04-01T06:00:00Z")),
    ).toEqual(["Sun 31 01:00", "Sun 31 01:30", "Sun 31 03:00", "Sun 31 03:30"]);
  });
});

describe("another host's overrides", () => {
  it("are neither seen, applied nor removable by the demo host", async () => {
    const olga = await otherHost(harness);
    const asOlga = harness.caller({ sessionHostId: olga.id });
    const { id } = await asOlga.host.addDaysOff({ from: "2030-01-09", to: "2030-01-11" });

    expect(await daysOffered()).toEqual(["Mon 07", "Tue 08", "Wed 09", "Thu 10", "Fri 11"]);
    expect(await asDemo.host.dateOverrides()).toEqual([]);
    await expect(asDemo.host.removeDateOverride({ id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await asOlga.host.dateOverrides()).toHaveLength(1);
  });
});

describe("validation", () => {
  const refused = (code: string, message: string) =>
    expect.objectContaining({ code, message: expect.stringContaining(message) });

  it("refuses a range that ends before it starts, or lasts over a year", async () => {
    await expect(asDemo.host.addDaysOff({ from: "2030-01-09", to: "2030-01-08" })).rejects.toEqual(
      refused("BAD_REQUEST", "End on or after the first day."),
    );
    await expect(asDemo.host.addDaysOff({ from: "2030-01-09", to: "2031-01-10" })).rejects.toEqual(
      refused("BAD_REQUEST", "Take at most 366 days off at once."),
    );
    await expect(asDemo.host.addDaysOff({ from: "2030-02-30", to: "2030-03-01" })).rejects.toEqual(
      refused("BAD_REQUEST", "Enter the first day off."),
    );
  });

  it("refuses dates before the host's today", async () => {
    await expect(asDemo.host.addDaysOff({ from: "2030-01-06", to: "2030-01-09" })).rejects.toEqual(
      refused("BAD_REQUEST", "Pick today or a later date."),
    );
    await expect(
      asDemo.host.setDateHours({
        date: "2030-01-06",
        intervals: [{ startMinute: 600, endMinute: 660 }],
      }),
    ).rejects.toEqual(refused("BAD_REQUEST", "Pick today or a later date."));
  });

  it("refuses overlapping intervals and a day without any", async () => {
    await expect(
      asDemo.host.setDateHours({
        date: "2030-01-09",
        intervals: [
          { startMinute: 600, endMinute: 720 },
          { startMinute: 660, endMinute: 780 },
        ],
      }),
    ).rejects.toEqual(refused("BAD_REQUEST", "Hours on the same day must not overlap."));
    await expect(asDemo.host.setDateHours({ date: "2030-01-09", intervals: [] })).rejects.toEqual(
      refused("BAD_REQUEST", "Give at least one interval, or take the day off."),
    );
  });

  it("refuses days off over dates that already have days off or special hours", async () => {
    await asDemo.host.addDaysOff({ from: "2030-01-09", to: "2030-01-11" });
    const conflict = refused("CONFLICT", "You already have days off or special hours");

    await expect(asDemo.host.addDaysOff({ from: "2030-01-11", to: "2030-01-12" })).rejects.toEqual(
      conflict,
    );
    await expect(
      asDemo.host.setDateHours({
        date: "2030-01-10",
        intervals: [{ startMinute: 600, endMinute: 660 }],
      }),
    ).rejects.toEqual(conflict);
    expect(await asDemo.host.dateOverrides()).toHaveLength(1);
  });
});
