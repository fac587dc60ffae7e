import type { Prisma } from "@timetap/db";
import type { ApiDeps } from "../deps.ts";
import { sessionCalendarIdOf } from "../hosts/chosen-calendars.ts";
import { queueMissingEvents } from "./missing-events.ts";
import { reconcileCalendar } from "./reconcile-events.ts";

type ScheduleDeps = Pick<ApiDeps, "db" | "google" | "tokens" | "clock" | "logger" | "settings">;

export const RECONCILE_BATCH_SIZE = 10;

/**
 * Compares the calendars of the connected hosts whose look is due with their bookings, as a
 * notification would (changes since the sync token) and beyond (bookings left without an event:
 * missing-events.ts), so a notification Google never sent, or one lost on the way, is made up
 * for within `settings.reconcileIntervalMs`. Each host is claimed first by moving its next look
 * an interval ahead (a conditional update, so of several processes exactly one wins); a process
 * that dies during a look leaves the host to the next interval. Returns the hosts looked at.
 */
export async function reconcileDueHosts(deps: ScheduleDeps): Promise<string[]> {
  const now = deps.clock.now();
  const due: Prisma.HostWhereInput = {
    OR: [{ reconcileDueAt: null }, { reconcileDueAt: { lte: now } }],
  };
  const candidates = await deps.db.host.findMany({
    where: { ...due, calendarStatus: "connected", googleRefreshToken: { not: null } },
    orderBy: { reconcileDueAt: { sort: "asc", nulls: "first" } },
    select: { id: true },
    take: RECONCILE_BATCH_SIZE,
  });
  const looked: string[] = [];
  for (const { id } of candidates) {
    const claimed = await deps.db.host.updateMany({
      where: { id, ...due },
      data: { reconcileDueAt: new Date(now.getTime() + deps.settings.reconcileIntervalMs) },
    });
    if (claimed.count !== 1) continue;
    looked.push(id);
    try {
      await reconcileHost(deps, id);
    } catch (error) {
      deps.logger.warn("calendar_reconcile_failed", {
        hostId: id,
        message: (error as Error).message,
      });
    }
  }
  return looked;
}

/** One host's look: its session calendar's changes, then the bookings without an event. */
async function reconcileHost(deps: ScheduleDeps, hostId: string) {
  const host = await deps.db.host.findUniqueOrThrow({ where: { id: hostId } });
  const channel = await deps.db.calendarChannel.findUnique({
    where: { hostId_calendarId: { hostId, calendarId: sessionCalendarIdOf(host) } },
  });
  if (channel) await reconcileCalendar(deps, channel, host);
  await queueMissingEvents(deps, host);
}
