import type { CalendarConnect } from "./calendar-connection.ts";
import { googleCall, type CallContext } from "./google-call.ts";

export interface EventChange {
  eventId: string;
  /** `extendedProperties.private.bookingId`: set on every event TimeTap creates. */
  bookingId: string | null;
  deleted: boolean;
  start: Date | null;
  end: Date | null;
}

export interface EventChanges {
  changes: EventChange[];
  /** Pass it next time to hear only of later changes. */
  nextSyncToken: string;
}

const instant = (time: { dateTime?: string | null; date?: string | null } | undefined) => {
  const text = time?.dateTime ?? time?.date;
  return text ? new Date(text) : null;
};

export function createEventChanges(connect: CalendarConnect, context: CallContext) {
  /**
   * The calendar's events changed since `syncToken`, or all of them ending after `since` (and
   * starting before `until`, when given) when there is no token; deleted ones included either way. A token Google no longer honours fails with 410
   * (`fullSyncRequired`, permanent): list again without one.
   */
  async function listEventChanges(
    refreshToken: string,
    calendarId: string,
    from: { syncToken: string } | { since: Date; until?: Date },
  ): Promise<EventChanges> {
    const { api, secrets } = await connect(refreshToken);
    const changes: EventChange[] = [];
    let pageToken: string | undefined;
    for (;;) {
      const query =
        "syncToken" in from
          ? { syncToken: from.syncToken }
          : // Deleted ones too: a session event the host deleted before the first look counts.
            {
              timeMin: from.since.toISOString(),
              timeMax: from.until?.toISOString(),
              singleEvents: true,
              showDeleted: true,
            };
      const { data } = await googleCall(context, "events.list", secrets, (signal) =>
        api.events.list({ calendarId, maxResults: 250, pageToken, ...query }, { signal }),
      );
      for (const event of data.items ?? []) {
        if (!event.id) continue;
        changes.push({
          eventId: event.id,
          bookingId: event.extendedProperties?.private?.["bookingId"] ?? null,
          deleted: event.status === "cancelled",
          start: instant(event.start),
          end: instant(event.end),
        });
      }
      pageToken = data.nextPageToken ?? undefined;
      if (!pageToken) return { changes, nextSyncToken: data.nextSyncToken ?? "" };
    }
  }

  return { listEventChanges };
}
