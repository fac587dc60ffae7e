import { GoogleError } from "./google-error.ts";
import { asRecord, stringField } from "./http.ts";

const dateTimePattern =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/i;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface EventTime {
  ms: number;
  allDay: boolean;
}

/**
 * One formatter per zone, made once: making one costs ICU about a millisecond, more than all the
 * rest of an event's insert, which would show as Google's own latency in the bench. Only zones
 * that exist are kept, so the map stays as small as the zones the callers use.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | undefined {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      });
    } catch {
      return undefined;
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function isTimeZone(timeZone: string): boolean {
  return formatterFor(timeZone) !== undefined;
}

function zoneOffsetMs(timeZone: string, instant: number): number {
  const parts = formatterFor(timeZone)!.formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    part("year"),
    part("month") - 1,
    part("day"),
    part("hour"),
    part("minute"),
    part("second"),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** Wall-clock time in a zone to an instant; the second pass settles offsets that change around DST. */
function zonedToInstant(localMs: number, timeZone: string): number {
  const guess = localMs - zoneOffsetMs(timeZone, localMs);
  return localMs - zoneOffsetMs(timeZone, guess);
}

function parseDateTime(value: string, timeZone: string | undefined, which: string): number {
  const match = dateTimePattern.exec(value);
  if (!match) throw new GoogleError(400, "invalid", `Invalid ${which} time.`);
  const [, y, mo, d, h, mi, s, fraction, offset] = match;
  const localMs = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s ?? 0),
    Number((fraction ?? "0").padEnd(3, "0").slice(0, 3)),
  );
  if (offset === undefined) {
    if (!timeZone)
      throw new GoogleError(400, "required", `Missing time zone definition for ${which} time.`);
    return zonedToInstant(localMs, timeZone);
  }
  if (offset.toUpperCase() === "Z") return localMs;
  const sign = offset.startsWith("-") ? -1 : 1;
  const [oh, om] = offset.slice(1).split(":").map(Number);
  return localMs - sign * ((oh ?? 0) * 60 + (om ?? 0)) * 60_000;
}

/** Reads an EventDateTime ({dateTime, timeZone} or {date}) as Google validates it. */
export function parseEventTime(value: unknown, which: "start" | "end"): EventTime {
  const record = asRecord(value);
  if (!record) throw new GoogleError(400, "required", `Missing ${which} time.`);
  const dateTime = stringField(record, "dateTime");
  const date = stringField(record, "date");
  const timeZone = stringField(record, "timeZone");
  if (timeZone !== undefined && !isTimeZone(timeZone)) {
    throw new GoogleError(400, "invalid", `Invalid time zone definition for ${which} time.`);
  }
  if (dateTime !== undefined && date !== undefined) {
    throw new GoogleError(
      400,
      "invalid",
      `Only one of date and dateTime may be set for ${which} time.`,
    );
  }
  if (dateTime !== undefined)
    return { ms: parseDateTime(dateTime, timeZone, which), allDay: false };
  if (date !== undefined) {
    const match = datePattern.exec(date);
    if (!match) throw new GoogleError(400, "invalid", `Invalid ${which} time.`);
    return { ms: Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])), allDay: true };
  }
  throw new GoogleError(400, "required", `Missing ${which} time.`);
}

export function parseEventRange(start: unknown, end: unknown): { startMs: number; endMs: number } {
  const parsedStart = parseEventTime(start, "start");
  const parsedEnd = parseEventTime(end, "end");
  if (parsedStart.allDay !== parsedEnd.allDay) {
    throw new GoogleError(
      400,
      "invalid",
      "Start and end times must either both be date or both be dateTime.",
    );
  }
  if (parsedEnd.ms < parsedStart.ms)
    throw new GoogleError(400, "timeRangeEmpty", "The specified time range is empty.");
  return { startMs: parsedStart.ms, endMs: parsedEnd.ms };
}

/** RFC 3339 instant as Google writes it in responses: UTC, no milliseconds. */
export function googleTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function parseInstant(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const match = dateTimePattern.exec(value);
  if (!match || match[8] === undefined)
    throw new GoogleError(400, "invalid", `Bad Request: invalid ${name}`);
  return parseDateTime(value, undefined, name);
}
