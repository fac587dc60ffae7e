import { authenticate, requireCalendar, type CalendarContext } from "./calendar-context.ts";
import type { StoredEvent } from "./calendar-store.ts";
import { changesSince, pagedSyncToken, syncTokenFor } from "./sync-token.ts";
import type { EventPath } from "./event-routes.ts";
import { eventResource } from "./event-resource.ts";
import { parseInstant } from "./event-time.ts";
import { GoogleError } from "./google-error.ts";
import type { ParsedRequest, Reply } from "./http.ts";
import { eventReadScopes } from "./scopes.ts";

function propertyFilters(values: string[], name: string): [string, string][] {
  return values.map((value) => {
    const at = value.indexOf("=");
    if (at <= 0) throw new GoogleError(400, "invalid", `Invalid value for: ${name}`);
    return [value.slice(0, at), value.slice(at + 1)];
  });
}

function matchesText(event: StoredEvent, q: string): boolean {
  const text = [
    event.summary,
    event.description,
    event.location,
    ...event.attendees.map((a) => a.email),
  ]
    .filter((s) => s !== undefined)
    .join(" ")
    .toLowerCase();
  return q
    .toLowerCase()
    .split(/\s+/)
    .every((word) => text.includes(word));
}

export function listEvents(ctx: CalendarContext, req: ParsedRequest, path: EventPath): Reply {
  const email = authenticate(ctx, req, eventReadScopes);
  const calendar = requireCalendar(ctx, email, path.calendarId);
  const query = req.url.searchParams;
  const timeMin = parseInstant(query.get("timeMin") ?? undefined, "timeMin");
  const timeMax = parseInstant(query.get("timeMax") ?? undefined, "timeMax");
  const privateFilters = propertyFilters(
    query.getAll("privateExtendedProperty"),
    "privateExtendedProperty",
  );
  const sharedFilters = propertyFilters(
    query.getAll("sharedExtendedProperty"),
    "sharedExtendedProperty",
  );
  const [offsetText, pageSync] = (query.get("pageToken") ?? "0").split("~");
  const syncToken = pageSync ?? query.get("syncToken");
  const since = syncToken === null ? undefined : changesSince(calendar, syncToken, query);
  // A sync lists deleted events too: the client learns what to remove.
  const showDeleted = since !== undefined || query.get("showDeleted") === "true";
  const q = query.get("q");
  const orderBy = query.get("orderBy");
  if (orderBy === "startTime" && query.get("singleEvents") !== "true") {
    throw new GoogleError(
      400,
      "invalid",
      "The requested ordering is not available for the particular query.",
    );
  }
  const maxResults = Math.min(Number(query.get("maxResults") ?? 250), 2500);
  if (!Number.isInteger(maxResults) || maxResults < 1)
    throw new GoogleError(400, "invalid", "Invalid value for: maxResults");
  const offset = Number(offsetText);
  if (!Number.isInteger(offset) || offset < 0)
    throw new GoogleError(400, "invalid", "Invalid page token value.");

  const matching = [...calendar.events.values()]
    .filter((e) => since === undefined || e.version > since)
    .filter((e) => showDeleted || e.status !== "cancelled")
    .filter((e) => timeMin === undefined || e.endMs > timeMin)
    .filter((e) => timeMax === undefined || e.startMs < timeMax)
    .filter((e) => privateFilters.every(([k, v]) => e.extendedProperties?.private?.[k] === v))
    .filter((e) => sharedFilters.every(([k, v]) => e.extendedProperties?.shared?.[k] === v))
    .filter((e) => q === null || matchesText(e, q))
    .sort((a, b) => (orderBy === "startTime" ? a.startMs - b.startMs : a.updated - b.updated));
  const page = matching.slice(offset, offset + maxResults);
  const hasMore = offset + maxResults < matching.length;
  const lastUpdated = Math.max(0, ...[...calendar.events.values()].map((e) => e.updated));
  return {
    status: 200,
    json: {
      kind: "calendar#events",
      etag: `"${lastUpdated}"`,
      summary: calendar.owner,
      updated: new Date(lastUpdated || ctx.clock.now()).toISOString(),
      timeZone: "UTC",
      accessRole: "owner",
      defaultReminders: [],
      ...(hasMore
        ? { nextPageToken: pagedSyncToken(offset + maxResults, syncToken) }
        : { nextSyncToken: syncTokenFor(calendar) }),
      items: page.map((e) => eventResource(calendar, e)),
    },
  };
}
