import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { BookingLimits } from "./booking-limits.ts";
import type {
  AvailabilityRule,
  BookedSession,
  GenerateSlotsInput,
  Interval,
} from "./slot-generation.ts";
import { generateSlots } from "./slot-generation.ts";

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const ZONES = Intl.supportedValuesOf("timeZone");
/** The pinned years whose transitions the windows are drawn around. */
const FIRST_DAY = Date.UTC(2027, 0, 1);
const LAST_DAY = Date.UTC(2029, 0, 1);

/**
 * The oracle: the slots the rules promise, worked out from wall times with Luxon's zone data
 * and the plain definitions (no shared helper, no interval tricks). A wall time that does not
 * exist is no slot; one that happens twice counts from its first occurrence.
 */
function expectedSlots(input: GenerateSlotsInput): number[] {
  const { timeZone: zone, limits, durationMinutes } = input;
  const earliest = Math.max(
    input.from.getTime(),
    input.now.getTime() + limits.minimumNoticeMinutes * MINUTE_MS,
  );
  const latest = Math.min(input.to.getTime(), input.now.getTime() + limits.horizonDays * DAY_MS);
  const starts = new Set<number>();
  const firstDate = DateTime.fromJSDate(input.from, { zone }).startOf("day");
  const lastDate = DateTime.fromMillis(input.to.getTime() - 1, { zone });
  for (
    let date = DateTime.utc(firstDate.year, firstDate.month, firstDate.day);
    date.toISODate()! <= lastDate.toISODate()!;
    date = date.plus({ days: 1 })
  ) {
    for (const rule of input.rules.filter((r) => r.weekday === date.weekday % 7)) {
      for (
        let m = rule.startMinute;
        m + durationMinutes <= rule.endMinute;
        m += limits.startIntervalMinutes
      ) {
        const start = firstOccurrence(date, m, zone);
        if (start === null) continue;
        const end = DateTime.fromMillis(start + durationMinutes * MINUTE_MS, { zone });
        const endDate = DateTime.utc(end.year, end.month, end.day);
        const endWall = endDate.diff(date, "days").days * 1440 + end.hour * 60 + end.minute;
        if (endWall > rule.endMinute || start < earliest || start >= latest) continue;
        starts.add(start);
      }
    }
  }
  const dayOf = (instant: Date | number) =>
    DateTime.fromMillis(typeof instant === "number" ? instant : instant.getTime(), {
      zone,
    }).toISODate();
  const widened = (i: Interval, before: number, after: number) => ({
    start: i.start.getTime() - before * MINUTE_MS,
    end: i.end.getTime() + after * MINUTE_MS,
  });
  const meets = (a: { start: number; end: number }, b: { start: number; end: number }) =>
    a.start < b.end && b.start < a.end;
  return [...starts]
    .sort((a, b) => a - b)
    .filter((start) => {
      const session = {
        start: new Date(start),
        end: new Date(start + durationMinutes * MINUTE_MS),
      };
      const buffered = widened(session, limits.bufferBeforeMinutes, limits.bufferAfterMinutes);
      const sameDay = input.bookings.filter((b) => dayOf(b.start) === dayOf(start)).length;
      if (limits.dailyMaximum !== null && sameDay >= limits.dailyMaximum) return false;
      if (input.busy.some((busy) => meets(buffered, widened(busy, 0, 0)))) return false;
      return !input.bookings.some(
        (b) =>
          meets(buffered, widened(b, 0, 0)) ||
          meets(widened(session, 0, 0), widened(b, b.bufferBeforeMinutes, b.bufferAfterMinutes)),
      );
    });
}

/** The earliest instant the zone's clocks read `minute` past midnight on `date`, or null. */
function firstOccurrence(date: DateTime, minute: number, zone: string): number | null {
  const wall = {
    year: date.year,
    month: date.month,
    day: date.day,
    hour: Math.floor(minute / 60),
    minute: minute % 60,
  };
  const found = DateTime.fromObject(wall, { zone });
  const reads = (t: DateTime) =>
    t.year === wall.year &&
    t.month === wall.month &&
    t.day === wall.day &&
    t.hour === wall.hour &&
    t.minute === wall.minute;
  if (!reads(found)) return null;
  // Luxon picks the later of two occurrences; the earlier one used the offset before the change.
  const offsetBefore = DateTime.fromMillis(found.toMillis() - 6 * 60 * MINUTE_MS, { zone }).offset;
  const earlier = DateTime.fromMillis(
    found.toMillis() - (offsetBefore - found.offset) * MINUTE_MS,
    { zone },
  );
  return offsetBefore > found.offset && reads(earlier) ? earlier.toMillis() : found.toMillis();
}

/** Midnight UTC of each day in the pinned years on which the zone's offset changes. */
function transitions(zone: string): number[] {
  const offset = (day: number) => DateTime.fromMillis(day, { zone }).offset;
  const found: number[] = [];
  // Clocks change at most a few times a year: look a week at a time, then find the day.
  for (let week = FIRST_DAY; week < LAST_DAY; week += 7 * DAY_MS) {
    if (offset(week) === offset(week + 7 * DAY_MS)) continue;
    for (let day = week; day < week + 7 * DAY_MS; day += DAY_MS) {
      if (offset(day) !== offset(day + DAY_MS)) found.push(day);
    }
  }
  return found;
}

const minuteOfDay = fc.oneof(
  fc.constantFrom(0, 60, 90, 120, 150, 180, 1440),
  fc.integer({ min: 0, max: 96 }).map((quarter) => quarter * 15),
);
/** Per weekday up to two intervals; 0 and 24:00 and the small hours, where clocks change, are common. */
const weeklyHours = fc
  .array(
    fc.record({
      weekday: fc.integer({ min: 0, max: 6 }),
      bounds: fc.uniqueArray(minuteOfDay, { minLength: 2, maxLength: 4 }),
    }),
    { minLength: 1, maxLength: 10 },
  )
  .map((days) =>
    days.flatMap(({ weekday, bounds }): AvailabilityRule[] => {
      const sorted = [...bounds].sort((a, b) => a - b);
      const rules = [{ weekday, startMinute: sorted[0]!, endMinute: sorted[1]! }];
      if (sorted.length === 4)
        rules.push({ weekday, startMinute: sorted[2]!, endMinute: sorted[3]! });
      return rules;
    }),
  );

const buffer = fc.integer({ min: 0, max: 24 }).map((five) => five * 5);

/** A window of up to two days around one of the zone's transitions (any days if it has none). */
function scenario(zone: string, rules: fc.Arbitrary<AvailabilityRule[]> = weeklyHours) {
  const days = transitions(zone);
  const anchor = days.length
    ? fc.constantFrom(...days)
    : fc.integer({ min: 0, max: 700 }).map((n) => FIRST_DAY + n * DAY_MS);
  return fc
    .record({
      anchor,
      fromHours: fc.integer({ min: -60, max: 12 }),
      lengthHours: fc.integer({ min: 1, max: 48 }),
      nowHours: fc.integer({ min: 0, max: 48 }),
      rules,
      durationMinutes: fc.constantFrom(15, 30, 45, 60, 90),
      interval: fc.constantFrom<number | "length">(5, 10, 15, 30, 60, "length"),
      limits: fc.record({
        minimumNoticeMinutes: fc.integer({ min: 0, max: 600 }),
        horizonDays: fc.integer({ min: 1, max: 6 }),
        bufferBeforeMinutes: buffer,
        bufferAfterMinutes: buffer,
        dailyMaximum: fc.option(fc.integer({ min: 1, max: 3 })),
      }),
      busy: fc.array(
        fc.record({
          at: fc.integer({ min: -180, max: 2400 }),
          minutes: fc.integer({ min: 5, max: 240 }),
        }),
        { maxLength: 3 },
      ),
      bookings: fc.array(
        fc.record({
          at: fc.integer({ min: -180, max: 2400 }),
          minutes: fc.integer({ min: 5, max: 120 }),
          before: buffer,
          after: buffer,
        }),
        { maxLength: 6 },
      ),
    })
    .map((s): GenerateSlotsInput => {
      const from = new Date(s.anchor + s.fromHours * 3_600_000);
      const span = (at: number, minutes: number): Interval => ({
        start: new Date(from.getTime() + at * MINUTE_MS),
        end: new Date(from.getTime() + (at + minutes) * MINUTE_MS),
      });
      const limits: BookingLimits = {
        ...s.limits,
        startIntervalMinutes: s.interval === "length" ? s.durationMinutes : s.interval,
      };
      return {
        timeZone: zone,
        rules: s.rules,
        durationMinutes: s.durationMinutes,
        from,
        to: new Date(from.getTime() + s.lengthHours * 3_600_000),
        now: new Date(from.getTime() - s.nowHours * 3_600_000),
        limits,
        busy: s.busy.map((b) => span(b.at, b.minutes)),
        bookings: s.bookings.map((b): BookedSession => ({
          ...span(b.at, b.minutes),
          bufferBeforeMinutes: b.before,
          bufferAfterMinutes: b.after,
        })),
      };
    });
}

describe("generateSlots against a Luxon oracle", () => {
  it("offers exactly the oracle's slots in every IANA zone around its 2027–2028 clock changes", () => {
    for (const zone of ZONES) {
      fc.assert(
        fc.property(scenario(zone), (input) => {
          const actual = generateSlots(input).map((slot) => slot.start.getTime());
          expect(actual, zone).toEqual(expectedSlots(input));
        }),
        { numRuns: 2, seed: 20270101 },
      );
    }
  });

  it("applies buffers, the daily maximum, the horizon and the start interval like the oracle", () => {
    // Hours around the clock put every booking and busy time next to offered slots.
    const allDay = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
      weekday,
      startMinute: 0,
      endMinute: 1440,
    }));
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES).chain((zone) => scenario(zone, fc.constant(allDay))),
        (input) => {
          const actual = generateSlots(input).map((slot) => slot.start.getTime());
          expect(actual, input.timeZone).toEqual(expectedSlots(input));
        },
      ),
      { numRuns: 80, seed: 20270101 },
    );
  });
});
