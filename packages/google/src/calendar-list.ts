import type { CalendarConnect } from "./calendar-connection.ts";
import { googleCall, type CallContext } from "./google-call.ts";

export interface CalendarListEntry {
  id: string;
  summary: string;
  primary: boolean;
  /** The account may add events to it (owner or writer): a candidate for session events. */
  writable: boolean;
}

const writableRoles = new Set(["owner", "writer"]);

export function createCalendarList(connect: CalendarConnect, context: CallContext) {
  /** The account's calendars (calendarList.list), the primary one first. */
  async function listCalendars(refreshToken: string): Promise<CalendarListEntry[]> {
    const { api, secrets } = await connect(refreshToken);
    const entries: CalendarListEntry[] = [];
    let pageToken: string | undefined;
    do {
      const { data } = await googleCall(context, "calendarList.list", secrets, (signal) =>
        api.calendarList.list({ pageToken, maxResults: 250 }, { signal }),
      );
      for (const item of data.items ?? []) {
        if (!item.id) continue;
        entries.push({
          id: item.id,
          summary: item.summaryOverride ?? item.summary ?? item.id,
          primary: item.primary === true,
          writable: writableRoles.has(item.accessRole ?? ""),
        });
      }
      pageToken = data.nextPageToken ?? undefined;
    } while (pageToken);
    return entries.sort((a, b) => Number(b.primary) - Number(a.primary));
  }

  return { listCalendars };
}
