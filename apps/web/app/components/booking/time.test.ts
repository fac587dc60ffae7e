import { describe, expect, it } from "vitest";
import {
  addDays,
  canonicalTimeZone,
  chooseWeek,
  formatDayHeading,
  formatLongDate,
  formatTime,
  formatTimeRange,
  formatWeekRange,
  groupByLocalDay,
  localDateOf,
  mondayOf,
  parseLocalDate,
  startOfLocalDay,
} from "./time";

describe("canonicalTimeZone", () => {
  it("accepts IANA zones in any case and rejects unknown ones", () => {
    expect(canonicalTimeZone("europe/berlin")).toBe("Europe/Berlin");
    expect(canonicalTimeZone("Mars/Olympus")).toBeNull();
    expect(canonicalTimeZone("")).toBeNull();
    expect(canonicalTimeZone(null)).toBeNull();
  });
});

describe("parseLocalDate", () => {
  it("accepts real calendar days only", () => {
    expect(parseLocalDate("2026-12-07")).toBe("2026-12-07");
    expect(parseLocalDate("2028-02-29")).toBe("2028-02-29");
    expect(parseLocalDate("2026-02-29")).toBeNull();
    expect(parseLocalDate("2026-13-01")).toBeNull();
    expect(parseLocalDate("7 December")).toBeNull();
    expect(parseLocalDate(null)).toBeNull();
  });
});

describe("calendar days", () => {
  it("adds days across month and year ends and finds the Monday of a week", () => {
    expect(addDays("2026-12-28", 7)).toBe("2027-01-04");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(mondayOf("2026-12-07")).toBe("2026-12-07");
    expect(mondayOf("2026-12-13")).toBe("2026-12-07");
    expect(mondayOf("2027-01-01")).toBe("2026-12-28");
  });

  it("puts an instant on the day it falls on in the zone", () => {
    const instant = new Date("2026-12-06T23:30:00Z");
    expect(localDateOf(instant, "UTC")).toBe("2026-12-06");
    expect(localDateOf(instant, "Europe/Berlin")).toBe("2026-12-07");
    expect(localDateOf(instant, "America/New_York")).toBe("2026-12-06");
  });
});

describe("startOfLocalDay", () => {
  it("finds local midnight on either side of a DST change", () => {
    expect(startOfLocalDay("2026-03-29", "Europe/Berlin").toISOString()).toBe(
      "2026-03-28T23:00:00.000Z",
    );
    expect(startOfLocalDay("2026-03-30", "Europe/Berlin").toISOString()).toBe(
      "2026-03-29T22:00:00.000Z",
    );
    expect(startOfLocalDay("2026-10-04", "Australia/Sydney").toISOString()).toBe(
      "2026-10-03T14:00:00.000Z",
    );
    expect(startOfLocalDay("2026-10-05", "Australia/Sydney").toISOString()).toBe(
      "2026-10-04T13:00:00.000Z",
    );
  });

  it("starts the day at 01:00 where DST skips midnight", () => {
    // Chile moves from -04 to -03 at midnight on 6 September 2026.
    expect(startOfLocalDay("2026-09-06", "America/Santiago").toISOString()).toBe(
      "2026-09-06T04:00:00.000Z",
    );
  });

  it("finds local midnight on either side of an autumn DST change", () => {
    expect(startOfLocalDay("2026-10-25", "Europe/Berlin").toISOString()).toBe(
      "2026-10-24T22:00:00.000Z",
    );
    expect(startOfLocalDay("2026-10-26", "Europe/Berlin").toISOString()).toBe(
      "2026-10-25T23:00:00.000Z",
    );
    expect(startOfLocalDay("2026-11-01", "America/New_York").toISOString()).toBe(
      "2026-11-01T04:00:00.000Z",
    );
    expect(startOfLocalDay("2026-11-02", "America/New_York").toISOString()).toBe(
      "2026-11-02T05:00:00.000Z",
    );
  });

  it("starts the day at 01:00 in Beirut, where DST also skips midnight", () => {
    expect(startOfLocalDay("2026-03-29", "Asia/Beirut").toISOString()).toBe(
      "2026-03-28T22:00:00.000Z",
    );
  });

  it("starts the day at the first midnight when the clocks go back around it", () => {
    // Chile goes back from -03 to -04 at midnight on 5 April 2026: 23:00 repeats, midnight does not.
    expect(startOfLocalDay("2026-04-05", "America/Santiago").toISOString()).toBe(
      "2026-04-05T04:00:00.000Z",
    );
    // Cuba goes back from 01:00 to 00:00 on 1 November 2026, so midnight comes twice.
    expect(startOfLocalDay("2026-11-01", "America/Havana").toISOString()).toBe(
      "2026-11-01T04:00:00.000Z",
    );
  });
});

describe("chooseWeek", () => {
  // Sunday 29 March 2026, 00:30 in Berlin: the night clocks go forward.
  const now = new Date("2026-03-28T23:30:00Z");

  it("defaults to the current week in the visitor's zone, which can differ from UTC's", () => {
    const berlin = chooseWeek(null, now, "Europe/Berlin", 8);
    expect(berlin.week).toBe("2026-03-23");
    expect(berlin.previous).toBeNull();
    expect(berlin.next).toBe("2026-03-30");
    expect(berlin.from.toISOString()).toBe("2026-03-22T23:00:00.000Z");
    // The week is 167 hours long: the DST change falls inside it.
    expect(berlin.to.toISOString()).toBe("2026-03-29T22:00:00.000Z");

    // Sunday 22:00 in Berlin is already Monday 05:00 in Tokyo.
    const sundayNight = new Date("2026-03-29T20:00:00Z");
    expect(chooseWeek(null, sundayNight, "Europe/Berlin", 8).week).toBe("2026-03-23");
    expect(chooseWeek(null, sundayNight, "Asia/Tokyo", 8).week).toBe("2026-03-30");
  });

  it("snaps to the Monday and keeps the week between now and the limit", () => {
    expect(chooseWeek("2026-04-09", now, "Europe/Berlin", 8)).toMatchObject({
      week: "2026-04-06",
      previous: "2026-03-30",
      next: "2026-04-13",
    });
    expect(chooseWeek("2026-01-05", now, "Europe/Berlin", 8).week).toBe("2026-03-23");
    expect(chooseWeek("2027-01-04", now, "Europe/Berlin", 8)).toMatchObject({
      week: "2026-05-18",
      next: null,
    });
    expect(chooseWeek("not-a-date", now, "Europe/Berlin", 8).week).toBe("2026-03-23");
  });

  it("bounds a New York week by local midnights when DST starts or ends inside it", () => {
    const spring = chooseWeek(null, new Date("2026-03-04T15:00:00Z"), "America/New_York", 8);
    expect(spring.week).toBe("2026-03-02");
    expect(spring.from.toISOString()).toBe("2026-03-02T05:00:00.000Z");
    expect(spring.to.toISOString()).toBe("2026-03-09T04:00:00.000Z");

    const autumn = chooseWeek(null, new Date("2026-10-28T15:00:00Z"), "America/New_York", 8);
    expect(autumn.week).toBe("2026-10-26");
    expect(autumn.from.toISOString()).toBe("2026-10-26T04:00:00.000Z");
    // 169 hours: the clocks go back on Sunday 1 November.
    expect(autumn.to.toISOString()).toBe("2026-11-02T05:00:00.000Z");
  });
});

describe("groupByLocalDay", () => {
  const slot = (iso: string) => ({
    start: new Date(iso),
    end: new Date(new Date(iso).getTime() + 30 * 60_000),
  });

  it("groups slots by the visitor's day, in time order", () => {
    const slots = [
      slot("2026-12-08T08:00:00Z"),
      slot("2026-12-07T23:30:00Z"),
      slot("2026-12-07T08:00:00Z"),
    ];
    const tokyo = groupByLocalDay(slots, "Asia/Tokyo");
    expect(
      tokyo.map((day) => [day.date, day.slots.map((s) => formatTime(s.start, "Asia/Tokyo"))]),
    ).toEqual([
      ["2026-12-07", ["17:00"]],
      ["2026-12-08", ["08:30", "17:00"]],
    ]);
    const utc = groupByLocalDay(slots, "UTC");
    expect(utc.map((day) => [day.date, day.slots.length])).toEqual([
      ["2026-12-07", 2],
      ["2026-12-08", 1],
    ]);
  });
});

describe("formatting", () => {
  const start = new Date("2026-12-07T09:00:00Z");
  const end = new Date("2026-12-07T09:30:00Z");

  it("shows 24-hour local times and long dates", () => {
    expect(formatTime(start, "Europe/Lisbon")).toBe("09:00");
    expect(formatTimeRange(start, end, "Europe/Berlin")).toBe("10:00–10:30");
    expect(formatLongDate(start, "Europe/Berlin")).toBe("Monday, 7 December 2026");
    expect(formatLongDate(new Date("2026-12-07T23:30:00Z"), "Asia/Tokyo")).toBe(
      "Tuesday, 8 December 2026",
    );
    expect(formatTime(new Date("2026-12-07T23:00:00Z"), "Europe/Berlin")).toBe("00:00");
  });

  it("names days and weeks", () => {
    expect(formatDayHeading("2026-12-07")).toBe("Monday, 7 December");
    expect(formatWeekRange("2026-12-07")).toBe("7–13 December 2026");
    expect(formatWeekRange("2026-11-30")).toBe("30 November – 6 December 2026");
    expect(formatWeekRange("2026-12-28")).toBe("28 December 2026 – 3 January 2027");
  });
});

describe("the process's own time zone", () => {
  // Computed with date-fns' wall-clock setters, each answer comes out differently in one of these
  // zones: TZDate resolves a DST change through the zone of the process it runs in.
  const answers = () => [
    startOfLocalDay("2026-04-05", "America/Santiago").toISOString(),
    startOfLocalDay("2026-11-01", "America/Havana").toISOString(),
    startOfLocalDay("2026-03-29", "America/Nuuk").toISOString(),
    addDays("2026-04-04", -7),
  ];

  it("changes no answer", () => {
    const original = process.env.TZ;
    try {
      for (const zone of [
        "UTC",
        "Australia/Sydney",
        "America/Los_Angeles",
        "Europe/Berlin",
        "America/Nuuk",
      ]) {
        process.env.TZ = zone;
        expect(answers(), zone).toEqual([
          "2026-04-05T04:00:00.000Z",
          "2026-11-01T04:00:00.000Z",
          "2026-03-29T01:00:00.000Z",
          "2026-03-28",
        ]);
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });
});
