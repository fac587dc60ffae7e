import { authenticate, ownCalendar, type CalendarContext } from "./calendar-context.ts";
import type { BusyBlock, Calendar } from "./calendar-store.ts";
import { googleTime, parseInstant } from "./event-time.ts";
import { GoogleError } from "./google-error.ts";
import { asRecord, stringField, type ParsedRequest, type Reply } from "./http.ts";
import { freeBusyScopes } from "./scopes.ts";

/** Opaque, non-cancelled events and test-added blocks, clipped to the window and merged as Google does. */
function busyBlocks(calendar: Calendar, timeMin: number, timeMax: number): BusyBlock[] {
  const blocks = [
    ...[...calendar.events.values()]
      .filter((e) => e.status !== "cancelled" && e.transparency !== "transparent")
      .map((e) => ({ startMs: e.startMs, endMs: e.endMs })),
    ...calendar.busy,
  ]
    .filter((b) => b.endMs > timeMin && b.startMs < timeMax && b.endMs > b.startMs)
    .map((b) => ({ startMs: Math.max(b.startMs, timeMin), endMs: Math.min(b.endMs, timeMax) }))
    .sort((a, b) => a.startMs - b.startMs);
  const merged: BusyBlock[] = [];
  for (const block of blocks) {
    const last = merged[merged.length - 1];
    if (last && block.startMs <= last.endMs) last.endMs = Math.max(last.endMs, block.endMs);
    else merged.push({ ...block });
  }
  return merged;
}

export function queryFreeBusy(ctx: CalendarContext, req: ParsedRequest): Reply {
  const email = authenticate(ctx, req, freeBusyScopes);
  const body = asRecord(req.body);
  if (!body) throw new GoogleError(400, "parseError", "Parse Error");
  const timeMinText = stringField(body, "timeMin");
  const timeMaxText = stringField(body, "timeMax");
  const timeMin = parseInstant(timeMinText, "timeMin");
  const timeMax = parseInstant(timeMaxText, "timeMax");
  if (timeMin === undefined) throw new GoogleError(400, "required", "Missing timeMin parameter.");
  if (timeMax === undefined) throw new GoogleError(400, "required", "Missing timeMax parameter.");
  if (timeMax < timeMin)
    throw new GoogleError(400, "timeRangeEmpty", "The specified time range is empty.");
  const items = Array.isArray(body["items"]) ? body["items"] : [];
  const calendars: Record<string, unknown> = {};
  for (const item of items) {
    const id = stringField(asRecord(item), "id");
    if (id === undefined) continue;
    const calendar = ownCalendar(ctx, email, id);
    calendars[id] = calendar
      ? {
          busy: busyBlocks(calendar, timeMin, timeMax).map((b) => ({
            start: googleTime(b.startMs),
            end: googleTime(b.endMs),
          })),
        }
      : { errors: [{ domain: "global", reason: "notFound" }], busy: [] };
  }
  return {
    status: 200,
    json: {
      kind: "calendar#freeBusy",
      timeMin: new Date(timeMin).toISOString(),
      timeMax: new Date(timeMax).toISOString(),
      calendars,
    },
  };
}
