import { describe, expect, it } from "vitest";
import { daysWithTimes, firstFreeWeek, monthOverview, nextFreeDayAfterWeek } from "./free-days";

const slot = (iso: string, minutes = 30) => ({
  start: new Date(iso),
  end: new Date(new Date(iso).getTime() + minutes * 60_000),
});

describe("daysWithTimes and firstFreeWeek", () => {
  it("opens on the week of the first free time, days read in the visitor's zone", () => {
    // Sunday 2027-03-28 23:30 in London is already Monday 29 March in Berlin.
    const slots = [slot("2027-04-02T08:00:00Z"), slot("2027-03-28T22:30:00Z")];
    expect(daysWithTimes(slots, "Europe/London")).toEqual(["2027-03-28", "2027-04-02"]);
    expect(firstFreeWeek(daysWithTimes(slots, "Europe/London"))).toBe("2027-03-22");
    expect(daysWithTimes(slots, "Europe/Berlin")).toEqual(["2027-03-29", "2027-04-02"]);
    expect(firstFreeWeek(daysWithTimes(slots, "Europe/Berlin"))).toBe("2027-03-29");
    expect(firstFreeWeek([])).toBeNull();
  });

  it("finds the first free time after the week shown, across the week DST starts in", () => {
    // Europe/Berlin moves its clocks on Sunday 2027-03-28: that week is an hour short.
    const free = daysWithTimes(
      [slot("2027-03-23T08:00:00Z"), slot("2027-03-28T22:00:00Z"), slot("2027-04-07T07:00:00Z")],
      "Europe/Berlin",
    );
    expect(free).toEqual(["2027-03-23", "2027-03-29", "2027-04-07"]);
    expect(nextFreeDayAfterWeek(free, "2027-03-22")).toBe("2027-03-29");
    expect(nextFreeDayAfterWeek(free, "2027-03-29")).toBe("2027-04-07");
    expect(nextFreeDayAfterWeek(free, "2027-04-05")).toBeNull();
  });
});

describe("monthOverview", () => {
  it("lays a month out Monday to Sunday and marks the days with times", () => {
    // February 2027 starts on a Monday and fills four whole weeks.
    const weeks = monthOverview("2027-02-17", ["2027-02-02", "2027-03-01"]);
    expect(weeks).toHaveLength(4);
    expect(weeks[0]?.[0]).toEqual({ date: "2027-02-01", hasTimes: false });
    expect(weeks[0]?.[1]).toEqual({ date: "2027-02-02", hasTimes: true });
    expect(weeks[3]?.[6]).toEqual({ date: "2027-02-28", hasTimes: false });
  });

  it("leaves the neighbouring months' days empty, across a year end", () => {
    // December 2026 runs Tuesday the 1st to Thursday the 31st.
    const weeks = monthOverview("2026-12-31", ["2026-12-31", "2027-01-01"]);
    expect(weeks).toHaveLength(5);
    expect(weeks[0]?.[0]).toBeNull();
    expect(weeks[0]?.[1]).toEqual({ date: "2026-12-01", hasTimes: false });
    expect(weeks[4]?.[3]).toEqual({ date: "2026-12-31", hasTimes: true });
    expect(weeks[4]?.[4]).toBeNull();
  });
});
