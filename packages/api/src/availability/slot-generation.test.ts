import { describe, expect, it } from "vitest";
import type { BookingLimits } from "./booking-limits.ts";
import type { AvailabilityRule, GenerateSlotsInput, Interval } from "./slot-generation.ts";
import { generateSlots, MAX_RANGE_DAYS, overlaps } from "./slot-generation.ts";

const BERLIN = "Europe/Berlin";
const NEW_YORK = "America/New_York";
const NINE = 9 * 60;
const FIVE_PM = 17 * 60;

const weekdays = (startMinute: number, endMinute: number): AvailabilityRule[] =>
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute, endMinute }));

/** Every Sunday 01:00–04:00 local: spans the DST switch in both Europe and the US. */
const sundayNight: AvailabilityRule = { weekday: 0, startMinute: 60, endMinute: 240 };

const at = (iso: string) => new Date(iso);
const interval = (start: string, end: string): Interval => ({ start: at(start), end: at(end) });

function slots(
  overrides: Partial<Omit<GenerateSlotsInput, "limits">> &
    Pick<GenerateSlotsInput, "from" | "to"> & { limits?: Partial<BookingLimits> },
) {
  return generateSlots({
    timeZone: BERLIN,
    rules: weekdays(NINE, FIVE_PM),
    durationMinutes: 30,
    now: at("2020-01-01T00:00:00Z"),
    busy: [],
    bookings: [],
    ...overrides,
    limits: {
      minimumNoticeMinutes: 0,
      horizonDays: 10_000, // the examples lie years after `now`
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      dailyMaximum: null,
      startIntervalMinutes: overrides.durationMinutes ?? 30,
      ...overrides.limits,
    },
  });
}

const starts = (result: Interval[]) => result.map((slot) => slot.start.toISOString());

function expectRealDuration(result: Interval[], minutes: number) {
  for (const slot of result) {
    expect(slot.end.getTime() - slot.start.getTime()).toBe(minutes * 60_000);
  }
}

function startsOnUtcDate(result: Interval[], date: string) {
  return starts(result).filter((start) => start.startsWith(date));
}

describe("generateSlots: weekly hours", () => {
  it("offers a Berlin winter Monday 09:00–17:00 as 16 half-hour slots from 08:00Z", () => {
    const result = slots({
      from: at("2026-01-12T00:00:00+01:00"),
      to: at("2026-01-13T00:00:00+01:00"),
    });
    expect(result).toHaveLength(16);
    expect(result[0]).toEqual(interval("2026-01-12T08:00:00Z", "2026-01-12T08:30:00Z"));
    expect(result.at(-1)).toEqual(interval("2026-01-12T15:30:00Z", "2026-01-12T16:00:00Z"));
  });

  it("offers a Berlin summer Monday from 07:00Z", () => {
    const result = slots({
      from: at("2026-07-06T00:00:00+02:00"),
      to: at("2026-07-07T00:00:00+02:00"),
    });
    expect(result).toHaveLength(16);
    expect(result[0]).toEqual(interval("2026-07-06T07:00:00Z", "2026-07-06T07:30:00Z"));
    expect(result.at(-1)).toEqual(interval("2026-07-06T14:30:00Z", "2026-07-06T15:00:00Z"));
  });

  it("offers nothing on the weekend and 16 slots on each weekday of a full week", () => {
    const result = slots({
      from: at("2026-01-10T00:00:00+01:00"),
      to: at("2026-01-17T00:00:00+01:00"),
    });
    expect(startsOnUtcDate(result, "2026-01-10")).toEqual([]);
    expect(startsOnUtcDate(result, "2026-01-11")).toEqual([]);
    for (const day of ["12", "13", "14", "15", "16"]) {
      expect(startsOnUtcDate(result, `2026-01-${day}`)).toHaveLength(16);
    }
    expect(result).toHaveLength(80);
  });

  it("reads the weekday in the host's zone, not in UTC", () => {
    // Monday 09:00 in Auckland (UTC+13 in January) is still Sunday in UTC.
    const result = slots({
      timeZone: "Pacific/Auckland",
      from: at("2026-01-12T00:00:00+13:00"),
      to: at("2026-01-13T00:00:00+13:00"),
    });
    expect(result).toHaveLength(16);
    expect(result[0]?.start.toISOString()).toBe("2026-01-11T20:00:00.000Z");
  });

  it("fits 8 one-hour slots into 09:00–17:00", () => {
    const result = slots({
      durationMinutes: 60,
      from: at("2026-01-12T00:00:00+01:00"),
      to: at("2026-01-13T00:00:00+01:00"),
    });
    expect(starts(result)).toEqual(
      [8, 9, 10, 11, 12, 13, 14, 15].map(
        (h) => `2026-01-12T${String(h).padStart(2, "0")}:00:00.000Z`,
      ),
    );
    expectRealDuration(result, 60);
  });

  it("offers nothing when the package does not fit in the hours", () => {
    const result = slots({
      rules: weekdays(NINE, NINE + 45),
      durationMinutes: 60,
      from: at("2026-01-12T00:00:00+01:00"),
      to: at("2026-01-13T00:00:00+01:00"),
    });
    expect(result).toEqual([]);
  });

  it("offers a slot once when two rules of the same day overlap", () => {
    const result = slots({
      rules: [
        { weekday: 1, startMinute: NINE, endMinute: 12 * 60 },
        { weekday: 1, startMinute: 11 * 60, endMinute: 13 * 60 },
      ],
      from: at("2026-01-12T00:00:00+01:00"),
      to: at("2026-01-13T00:00:00+01:00"),
    });
    expect(starts(result)).toEqual([
      "2026-01-12T08:00:00.000Z",
      "2026-01-12T08:30:00.000Z",
      "2026-01-12T09:00:00.000Z",
      "2026-01-12T09:30:00.000Z",
      "2026-01-12T10:00:00.000Z",
      "2026-01-12T10:30:00.000Z",
      "2026-01-12T11:00:00.000Z",
      "2026-01-12T11:30:00.000Z",
    ]);
  });
});

describe("generateSlots: the requested window", () => {
  it("excludes slots before a mid-day from and includes a slot starting just before to", () => {
    const result = slots({
      from: at("2026-01-12T12:00:00+01:00"),
      to: at("2026-01-12T13:45:00+01:00"),
    });
    expect(starts(result)).toEqual([
      "2026-01-12T11:00:00.000Z",
      "2026-01-12T11:30:00.000Z",
      "2026-01-12T12:00:00.000Z",
      "2026-01-12T12:30:00.000Z",
    ]);
    expect(result.at(-1)?.end.toISOString()).toBe("2026-01-12T13:00:00.000Z");
  });

  it("excludes a slot starting exactly at to", () => {
    const result = slots({
      from: at("2026-01-12T12:00:00+01:00"),
      to: at("2026-01-12T12:30:00+01:00"),
    });
    expect(starts(result)).toEqual(["2026-01-12T11:00:00.000Z"]);
  });

  it("returns nothing for an empty window and rejects one longer than MAX_RANGE_DAYS", () => {
    const from = at("2026-01-12T00:00:00Z");
    expect(slots({ from, to: from })).toEqual([]);
    const tooFar = new Date(from.getTime() + (MAX_RANGE_DAYS * 24 + 1) * 3_600_000);
    expect(() => slots({ from, to: tooFar })).toThrow(RangeError);
  });

  it("rejects an unknown time zone and a non-positive duration", () => {
    const window = { from: at("2026-01-12T00:00:00Z"), to: at("2026-01-13T00:00:00Z") };
    expect(() => slots({ ...window, timeZone: "Mars/Olympus" })).toThrow(RangeError);
    expect(() => slots({ ...window, durationMinutes: 0 })).toThrow(RangeError);
  });
});

describe("generateSlots: minimum notice", () => {
  it("starts at 12:30 local when booked at 10:05 with two hours' notice", () => {
    const result = slots({
      now: at("2026-01-12T10:05:00+01:00"),
      limits: { minimumNoticeMinutes: 120 },
      from: at("2026-01-12T00:00:00+01:00"),
      to: at("2026-01-13T00:00:00+01:00"),
    });
    expect(result[0]?.start.toISOString()).toBe("2026-01-12T11:30:00.000Z");
    expect(result).toHaveLength(9);
  });

  it("keeps a slot starting exactly at now + notice", () => {
    const result = slots({
      now: at("2026-01-12T10:30:00+01:00"),
      limits: { minimumNoticeMinutes: 120 },
      from: at("2026-01-12T00:00:00+01:00"),
      to: at("2026-01-13T00:00:00+01:00"),
    });
    expect(result[0]?.start.toISOString()).toBe("2026-01-12T11:30:00.000Z");
  });
});

describe("generateSlots: busy times", () => {
  const monday = { from: at("2026-01-12T00:00:00+01:00"), to: at("2026-01-13T00:00:00+01:00") };
  const localStarts = (result: Interval[]) =>
    result.map((slot) =>
      slot.start.toLocaleTimeString("en-GB", {
        timeZone: BERLIN,
        hour: "2-digit",
        minute: "2-digit",
      }),
    );

  it("removes both slots a 10:15–10:45 block touches", () => {
    const result = slots({
      ...monday,
      busy: [interval("2026-01-12T10:15:00+01:00", "2026-01-12T10:45:00+01:00")],
    });
    expect(localStarts(result)).not.toContain("10:00");
    expect(localStarts(result)).not.toContain("10:30");
    expect(localStarts(result)).toContain("09:30");
    expect(localStarts(result)).toContain("11:00");
    expect(result).toHaveLength(14);
  });

  it("keeps slots that only touch a busy block", () => {
    const result = slots({
      ...monday,
      busy: [
        interval("2026-01-12T09:40:00+01:00", "2026-01-12T10:00:00+01:00"),
        interval("2026-01-12T11:00:00+01:00", "2026-01-12T11:30:00+01:00"),
      ],
    });
    const local = localStarts(result);
    expect(local).not.toContain("09:30");
    expect(local).toContain("10:00");
    expect(local).toContain("10:30");
    expect(local).not.toContain("11:00");
    expect(local).toContain("11:30");
  });

  it("handles unsorted, overlapping and nested busy blocks", () => {
    const result = slots({
      ...monday,
      busy: [
        interval("2026-01-12T13:30:00+01:00", "2026-01-12T15:00:00+01:00"),
        interval("2026-01-12T09:00:00+01:00", "2026-01-12T09:20:00+01:00"),
        interval("2026-01-12T12:50:00+01:00", "2026-01-12T13:10:00+01:00"),
        interval("2026-01-12T13:00:00+01:00", "2026-01-12T14:00:00+01:00"),
        interval("2026-01-12T10:00:00+01:00", "2026-01-12T12:00:00+01:00"),
        interval("2026-01-12T10:30:00+01:00", "2026-01-12T10:45:00+01:00"),
      ],
    });
    expect(localStarts(result)).toEqual(["09:30", "12:00", "15:00", "15:30", "16:00", "16:30"]);
  });

  it("lets a busy block from outside the window still remove slots it covers", () => {
    const result = slots({
      ...monday,
      busy: [interval("2026-01-11T00:00:00Z", "2026-01-12T12:00:00+01:00")],
    });
    expect(localStarts(result)[0]).toBe("12:00");
  });
});

describe("generateSlots: daylight saving time", () => {
  describe("Europe/Berlin (spring forward 2026-03-29, fall back 2026-10-25)", () => {
    it("shifts weekday slots by an hour in UTC across the switch", () => {
      const result = slots({
        from: at("2026-03-27T00:00:00+01:00"),
        to: at("2026-03-31T00:00:00+02:00"),
      });
      expect(startsOnUtcDate(result, "2026-03-27")[0]).toBe("2026-03-27T08:00:00.000Z");
      expect(startsOnUtcDate(result, "2026-03-30")[0]).toBe("2026-03-30T07:00:00.000Z");
      expect(startsOnUtcDate(result, "2026-03-27")).toHaveLength(16);
      expect(startsOnUtcDate(result, "2026-03-30")).toHaveLength(16);
    });

    it("skips the wall times that do not exist on the spring-forward night", () => {
      const result = slots({
        rules: [sundayNight],
        from: at("2026-03-28T12:00:00Z"),
        to: at("2026-03-30T00:00:00Z"),
      });
      // 01:00, 01:30 CET, then 03:00, 03:30 CEST; 02:00 and 02:30 never happen.
      expect(starts(result)).toEqual([
        "2026-03-29T00:00:00.000Z",
        "2026-03-29T00:30:00.000Z",
        "2026-03-29T01:00:00.000Z",
        "2026-03-29T01:30:00.000Z",
      ]);
      expectRealDuration(result, 30);
    });

    it("offers each wall time of the repeated hour once, at its first occurrence", () => {
      const result = slots({
        rules: [sundayNight],
        from: at("2026-10-24T12:00:00Z"),
        to: at("2026-10-26T00:00:00Z"),
      });
      expect(starts(result)).toEqual([
        "2026-10-24T23:00:00.000Z", // 01:00 CEST
        "2026-10-24T23:30:00.000Z", // 01:30 CEST
        "2026-10-25T00:00:00.000Z", // 02:00 CEST, first of two
        "2026-10-25T00:30:00.000Z", // 02:30 CEST, first of two
        "2026-10-25T02:00:00.000Z", // 03:00 CET
        "2026-10-25T02:30:00.000Z", // 03:30 CET
      ]);
      expectRealDuration(result, 30);
    });

    it("drops a slot that would run past the working hours across the gap", () => {
      // 01:45 CET + 45 real minutes is 03:30 CEST, after the 03:00 end of the hours.
      const result = slots({
        rules: [{ weekday: 0, startMinute: 60, endMinute: 180 }],
        durationMinutes: 45,
        from: at("2026-03-28T12:00:00Z"),
        to: at("2026-03-30T00:00:00Z"),
      });
      expect(result).toEqual([interval("2026-03-29T00:00:00Z", "2026-03-29T00:45:00Z")]);
    });
  });

  describe("America/New_York (spring forward 2026-03-08, fall back 2026-11-01)", () => {
    const ny = { timeZone: NEW_YORK };

    it("shifts weekday slots by an hour in UTC across the switch", () => {
      const result = slots({
        ...ny,
        from: at("2026-03-06T00:00:00-05:00"),
        to: at("2026-03-10T00:00:00-04:00"),
      });
      expect(startsOnUtcDate(result, "2026-03-06")[0]).toBe("2026-03-06T14:00:00.000Z");
      expect(startsOnUtcDate(result, "2026-03-09")[0]).toBe("2026-03-09T13:00:00.000Z");
      expect(result).toHaveLength(32);
    });

    it("skips the wall times that do not exist on the spring-forward night", () => {
      const result = slots({
        ...ny,
        rules: [sundayNight],
        from: at("2026-03-07T12:00:00Z"),
        to: at("2026-03-09T12:00:00Z"),
      });
      expect(starts(result)).toEqual([
        "2026-03-08T06:00:00.000Z", // 01:00 EST
        "2026-03-08T06:30:00.000Z", // 01:30 EST
        "2026-03-08T07:00:00.000Z", // 03:00 EDT
        "2026-03-08T07:30:00.000Z", // 03:30 EDT
      ]);
      expectRealDuration(result, 30);
    });

    it("offers each wall time of the repeated hour once, at its first occurrence", () => {
      const result = slots({
        ...ny,
        rules: [sundayNight],
        from: at("2026-10-31T12:00:00Z"),
        to: at("2026-11-02T12:00:00Z"),
      });
      expect(starts(result)).toEqual([
        "2026-11-01T05:00:00.000Z", // 01:00 EDT, first of two
        "2026-11-01T05:30:00.000Z", // 01:30 EDT, first of two
        "2026-11-01T07:00:00.000Z", // 02:00 EST
        "2026-11-01T07:30:00.000Z", // 02:30 EST
        "2026-11-01T08:00:00.000Z", // 03:00 EST
        "2026-11-01T08:30:00.000Z", // 03:30 EST
      ]);
      expectRealDuration(result, 30);
    });
  });

  it("does not depend on the time zone of the server process", () => {
    const original = process.env.TZ;
    const fallBack = () =>
      starts(
        slots({
          rules: [sundayNight],
          from: at("2026-10-24T12:00:00Z"),
          to: at("2026-10-26T00:00:00Z"),
        }),
      );
    try {
      process.env.TZ = "Europe/Berlin";
      const inBerlin = fallBack();
      for (const zone of ["UTC", "America/New_York", "Asia/Kolkata"]) {
        process.env.TZ = zone;
        expect(fallBack()).toEqual(inBerlin);
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });
});

describe("overlaps", () => {
  it("treats intervals as half-open", () => {
    const a = interval("2026-01-12T09:00:00Z", "2026-01-12T10:00:00Z");
    expect(overlaps(a, interval("2026-01-12T10:00:00Z", "2026-01-12T11:00:00Z"))).toBe(false);
    expect(overlaps(a, interval("2026-01-12T08:00:00Z", "2026-01-12T09:00:00Z"))).toBe(false);
    expect(overlaps(a, interval("2026-01-12T09:59:00Z", "2026-01-12T11:00:00Z"))).toBe(true);
    expect(overlaps(a, interval("2026-01-12T09:15:00Z", "2026-01-12T09:45:00Z"))).toBe(true);
  });
});
