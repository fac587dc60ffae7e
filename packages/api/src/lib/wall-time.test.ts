import { describe, expect, it } from "vitest";
import { calendarDateKey, wallTimeToInstant } from "./wall-time.ts";

const at = (date: string, hh: number, mm: number, zone: string) =>
  wallTimeToInstant(calendarDateKey(date), hh * 60 + mm, zone);

describe("wallTimeToInstant", () => {
  it("reads an ordinary wall time in the zone's offset that day", () => {
    expect(at("2026-07-01", 9, 0, "Europe/Berlin")).toEqual({
      instant: new Date("2026-07-01T07:00:00Z"),
      skipped: false,
    });
    expect(at("2026-12-01", 9, 0, "America/New_York").instant.toISOString()).toBe(
      "2026-12-01T14:00:00.000Z",
    );
  });

  it("gives the first occurrence of a time the autumn change repeats", () => {
    // Berlin, 25 October 2026: 02:30 happens at 00:30Z (summer time), then again at 01:30Z.
    expect(at("2026-10-25", 2, 30, "Europe/Berlin")).toEqual({
      instant: new Date("2026-10-25T00:30:00Z"),
      skipped: false,
    });
  });

  it("marks a time the spring change skips, placing it in the offset before the gap", () => {
    // Berlin, 29 March 2026: the clock jumps from 02:00 to 03:00 at 01:00Z.
    expect(at("2026-03-29", 2, 30, "Europe/Berlin")).toEqual({
      instant: new Date("2026-03-29T01:30:00Z"),
      skipped: true,
    });
    // Santiago, 6 September 2026: midnight is skipped; the day starts at 01:00, at 04:00Z.
    expect(at("2026-09-06", 0, 0, "America/Santiago")).toEqual({
      instant: new Date("2026-09-06T04:00:00Z"),
      skipped: true,
    });
  });

  it("puts a day a zone skipped entirely where the next one starts", () => {
    // Samoa skipped 30 December 2011: 29 December 23:59:59 (-10:00) was followed by 31 December.
    expect(at("2011-12-30", 0, 0, "Pacific/Apia")).toEqual({
      instant: new Date("2011-12-30T10:00:00Z"),
      skipped: true,
    });
  });
});
