import { authenticate, type CalendarContext } from "./calendar-context.ts";
import type { ParsedRequest, Reply } from "./http.ts";
import { calendarListScopes } from "./scopes.ts";

/** calendarList.list: the caller's calendars, the primary one marked, as Google lists them. */
export function listCalendars(ctx: CalendarContext, req: ParsedRequest): Reply {
  const email = authenticate(ctx, req, calendarListScopes);
  return {
    status: 200,
    json: {
      kind: "calendar#calendarList",
      etag: `"${ctx.clock.now()}"`,
      items: ctx.calendars.listFor(email).map((calendar) => ({
        kind: "calendar#calendarListEntry",
        id: calendar.id,
        summary: calendar.summary,
        timeZone: "UTC",
        accessRole: "owner",
        selected: true,
        ...(calendar.primary ? { primary: true } : {}),
      })),
    },
  };
}
