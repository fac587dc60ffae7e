import type { HostChangeDeps } from "../availability/host-changed.ts";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@timetap/db";
import { GoogleApiError } from "@timetap/google";
import type { ApiDeps } from "../deps.ts";
import { busyCalendarIdsOf, sessionCalendarIdOf } from "../hosts/chosen-calendars.ts";
import { markNeedsReauth } from "../hosts/host-calendar.ts";
import { newChannelToken } from "./channel-token.ts";
import { reconcileCalendar } from "./reconcile-events.ts";

type ChannelDeps = Pick<
  ApiDeps,
  "db" | "google" | "tokens" | "clock" | "logger" | "appUrl" | "settings"
> &
  HostChangeDeps;

/** Where Google POSTs notifications: a route of the web server, at APP_URL. */
export const calendarWebhookPath = "/webhooks/google/calendar";

export const CHANNEL_BATCH_SIZE = 10;

/** Every calendar that makes the host busy, and the one that receives sessions. */
function watchedCalendars(
  host: Parameters<typeof busyCalendarIdsOf>[0] & Parameters<typeof sessionCalendarIdOf>[0],
) {
  return [...new Set([...busyCalendarIdsOf(host), sessionCalendarIdOf(host)])];
}

/**
 * Adds a row for each calendar the host's choice makes worth watching; the keeper (or
 * `renewDueChannels`) opens their channels. Database only, so connecting a calendar stays quick.
 */
async function addWantedChannels({ db }: Pick<ApiDeps, "db">, hostId: string) {
  const host = await db.host.findUniqueOrThrow({ where: { id: hostId } });
  await db.calendarChannel.createMany({
    data: watchedCalendars(host).map((calendarId) => ({ hostId, calendarId })),
    skipDuplicates: true,
  });
  return host;
}

/**
 * A new grant: every channel of the host is renewed at once (a new one opened, the old one
 * stopped), since the old ones may belong to a Google that forgot them (the development emulator
 * restarts empty). Database only, so signing in stays quick; the keeper does the rest.
 */
export async function resetChannels(deps: Pick<ApiDeps, "db" | "clock">, hostId: string) {
  await deps.db.calendarChannel.updateMany({
    where: { hostId },
    data: { expiresAt: deps.clock.now() },
  });
  await addWantedChannels(deps, hostId);
}

/** After the host chose calendars: rows for the chosen ones, and channels on the others stopped. */
export async function planChannels(deps: ChannelDeps, hostId: string): Promise<void> {
  const host = await addWantedChannels(deps, hostId);
  const unwanted = await deps.db.calendarChannel.findMany({
    where: { hostId, calendarId: { notIn: watchedCalendars(host) } },
  });
  await deps.db.calendarChannel.deleteMany({ where: { id: { in: unwanted.map((c) => c.id) } } });
  if (host.googleRefreshToken) {
    const refreshToken = deps.tokens.decrypt(host.googleRefreshToken, host.id);
    await Promise.all(unwanted.map((row) => stopQuietly(deps, refreshToken, row)));
  }
}

/** On disconnect: every channel of the host stopped at Google, every row gone. */
export async function stopChannels(
  deps: Pick<ApiDeps, "db" | "google" | "logger">,
  hostId: string,
  refreshToken: string,
): Promise<void> {
  const rows = await deps.db.calendarChannel.findMany({ where: { hostId } });
  await deps.db.calendarChannel.deleteMany({ where: { hostId } });
  await Promise.all(rows.map((row) => stopQuietly(deps, refreshToken, row)));
}

/** A channel left open only costs Google a few POSTs we answer 404, until it expires. */
async function stopQuietly(
  deps: Pick<ApiDeps, "google" | "logger">,
  refreshToken: string,
  row: { hostId: string; channelId: string | null; resourceId: string | null },
) {
  if (!row.channelId || !row.resourceId) return;
  try {
    await deps.google.stopChannel(refreshToken, {
      channelId: row.channelId,
      resourceId: row.resourceId,
    });
  } catch (error) {
    deps.logger.warn("calendar_channel_stop_failed", {
      hostId: row.hostId,
      message: (error as Error).message,
    });
  }
}

/**
 * Opens the channels that have none yet and renews those close to expiring. Each row is claimed
 * with a lease first (a conditional update, so of several processes exactly one wins), which
 * keeps one channel per calendar however many web processes run.
 */
export async function renewDueChannels(
  deps: ChannelDeps,
  options: { hostId?: string } = {},
): Promise<unknown[]> {
  const now = deps.clock.now().getTime();
  const { channelRenewBeforeMs, channelLeaseMs } = deps.settings;
  const claimable: Prisma.CalendarChannelWhereInput = {
    OR: [{ channelId: null }, { expiresAt: { lt: new Date(now + channelRenewBeforeMs) } }],
    AND: [{ OR: [{ leaseUntil: null }, { leaseUntil: { lte: new Date(now) } }] }],
  };
  const candidates = await deps.db.calendarChannel.findMany({
    where: {
      ...claimable,
      ...(options.hostId ? { hostId: options.hostId } : {}),
      host: { calendarStatus: "connected", googleRefreshToken: { not: null } },
    },
    orderBy: { expiresAt: { sort: "asc", nulls: "first" } },
    take: CHANNEL_BATCH_SIZE,
  });
  const renewed = [];
  for (const candidate of candidates) {
    const claimed = await deps.db.calendarChannel.updateMany({
      where: { id: candidate.id, ...claimable },
      data: { leaseUntil: new Date(now + channelLeaseMs) },
    });
    if (claimed.count === 1) renewed.push(await openChannel(deps, candidate));
  }
  return renewed;
}

type ChannelRow = Awaited<ReturnType<ApiDeps["db"]["calendarChannel"]["findFirstOrThrow"]>>;

/** One claimed row: a new channel first, then the old one stopped, so no change goes unheard. */
async function openChannel(deps: ChannelDeps, row: ChannelRow) {
  const { db, google, tokens, clock, logger, settings } = deps;
  const host = await db.host.findUniqueOrThrow({ where: { id: row.hostId } });
  const now = clock.now().getTime();
  if (!host.googleRefreshToken) return row;
  const refreshToken = tokens.decrypt(host.googleRefreshToken, host.id);
  const { token, hash } = newChannelToken();
  try {
    const opened = await google.watchCalendar(refreshToken, {
      calendarId: row.calendarId,
      channelId: randomUUID(),
      token,
      address: `${deps.appUrl}${calendarWebhookPath}`,
      ttlSeconds: Math.floor(settings.channelTtlMs / 1000),
    });
    const saved = await db.calendarChannel.updateMany({
      where: { id: row.id },
      data: {
        channelId: opened.channelId,
        resourceId: opened.resourceId,
        tokenHash: hash,
        expiresAt: new Date(now + settings.channelTtlMs),
        leaseUntil: null,
      },
    });
    // The host chose other calendars meanwhile: the new channel has no row to answer for it.
    if (saved.count === 0) await stopQuietly(deps, refreshToken, { ...row, ...opened });
    await stopQuietly(deps, refreshToken, row);
    logger.info("calendar_channel_opened", { hostId: row.hostId, renewed: row.channelId !== null });
    // A first channel's starting point is listed here, not left to its `sync` notification:
    // Google may send that before the row above is saved, and then it is refused as unknown.
    if (saved.count === 1 && row.syncToken === null)
      await reconcileCalendar(deps, row).catch((error: unknown) =>
        logger.warn("calendar_reconcile_failed", {
          hostId: row.hostId,
          message: (error as Error).message,
        }),
      );
    return opened;
  } catch (error) {
    const failure = error instanceof GoogleApiError ? error : undefined;
    logger.warn("calendar_channel_failed", {
      hostId: row.hostId,
      kind: failure?.kind ?? "unknown",
      reason: failure?.reason,
      message: (error as Error).message,
    });
    if (failure?.kind === "revoked") await markNeedsReauth(deps, row.hostId);
    // The lease becomes the wait before the next try; the busy-time TTL covers the meantime.
    await db.calendarChannel.updateMany({
      where: { id: row.id },
      data: { leaseUntil: new Date(now + settings.channelRetryMs) },
    });
    return row;
  }
}
