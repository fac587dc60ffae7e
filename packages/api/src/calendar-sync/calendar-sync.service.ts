import type { Prisma, SyncState } from "@timetap/db";
import { eventIdForBooking, GoogleApiError } from "@timetap/google";
import type { ApiDeps } from "../deps.ts";
import { PRIMARY, sessionCalendarIdOf } from "../hosts/chosen-calendars.ts";
import { calendarSyncState, markNeedsReauth } from "../hosts/host-calendar.ts";
import { withinDeadline } from "../lib/deadline.ts";
import { claimSyncs } from "./claim-syncs.ts";
import { decideAfterFailure, type SyncFailureKind } from "./sync-backoff.ts";

type SyncDeps = Pick<ApiDeps, "db" | "google" | "tokens" | "clock" | "logger" | "settings">;

export type SyncOutcome = "synced" | "pending" | "parked" | "skipped" | "failed";

type ClaimedSync = Prisma.CalendarSyncGetPayload<{
  include: { booking: { include: { host: true; package: true } } };
}>;

/** One attempt at a claimed row: do its Google work, then record what happened. */
async function attempt(deps: SyncDeps, syncId: string): Promise<SyncOutcome> {
  const sync = await deps.db.calendarSync.findUniqueOrThrow({
    where: { id: syncId },
    include: { booking: { include: { host: true, package: true } } },
  });
  const { host } = sync.booking;
  const state = calendarSyncState(host);
  if (state !== "pending" || !host.googleRefreshToken) return finish(deps, syncId, { state });
  const refreshToken = deps.tokens.decrypt(host.googleRefreshToken, host.id);
  switch (sync.action) {
    case "create":
      return createEvent(deps, sync, refreshToken);
    case "update":
      return moveEvent(deps, sync, refreshToken);
    case "delete":
      return deleteEvent(deps, sync, refreshToken);
  }
}

async function createEvent(
  deps: SyncDeps,
  sync: ClaimedSync,
  refreshToken: string,
): Promise<SyncOutcome> {
  const { booking } = sync;
  const { host } = booking;
  // Cancelled before its event was made: there is nothing to put on the calendar any more.
  if (booking.status !== "CONFIRMED") return finish(deps, sync.id, { state: "skipped" });

  const calendarId = calendarOf(booking);
  const result = await callGoogle(deps, sync, () =>
    deps.google.createCalendarEvent(
      refreshToken,
      {
        eventId: eventIdForBooking(booking.id),
        requestId: booking.id,
        bookingId: booking.id,
        start: booking.startTime,
        end: booking.endTime,
        timeZone: host.timeZone,
        customerEmail: booking.customerEmail,
        customerName: booking.customerName,
        hostName: host.name,
        packageName: booking.package.name,
      },
      calendarId,
    ),
  );
  if ("outcome" in result) return result.outcome;
  const event = result.value;

  if (!event.meetLink && event.conferenceStatus === "pending") {
    // The event exists; its Meet link does not yet. A later attempt reads the same event (same id).
    await deps.db.booking.update({
      where: { id: booking.id },
      data: { googleEventId: event.googleEventId, googleCalendarId: calendarId },
    });
    return recordFailure(deps, sync, {
      kind: "retryable",
      reason: "conferencePending",
      message: "Meet conference still pending",
    });
  }
  if (!event.meetLink) {
    deps.logger.warn("google_meet_link_missing", {
      bookingId: booking.id,
      conferenceStatus: event.conferenceStatus,
    });
  }
  await deps.db.booking.update({
    where: { id: booking.id },
    data: {
      googleEventId: event.googleEventId,
      googleCalendarId: calendarId,
      meetLink: event.meetLink,
    },
  });
  return succeed(deps, sync);
}

/**
 * Puts the event at the booking's current times. Should the booking move again while Google is
 * answering, the row stays due, so the last move is the one the calendar ends up with.
 */
async function moveEvent(
  deps: SyncDeps,
  sync: ClaimedSync,
  refreshToken: string,
): Promise<SyncOutcome> {
  const { booking } = sync;
  if (booking.status !== "CONFIRMED") return finish(deps, sync.id, { state: "skipped" });
  const result = await callGoogle(deps, sync, () =>
    deps.google.updateCalendarEvent(
      refreshToken,
      eventIdOf(booking),
      {
        start: booking.startTime,
        end: booking.endTime,
        timeZone: booking.host.timeZone,
      },
      calendarOf(booking),
    ),
  );
  if ("outcome" in result) return result.outcome;
  const current = await deps.db.booking.findUniqueOrThrow({ where: { id: booking.id } });
  if (current.startTime.getTime() !== booking.startTime.getTime())
    return finish(deps, sync.id, { state: "pending", nextAttemptAt: deps.clock.now() });
  return succeed(deps, sync);
}

/**
 * Removes a cancelled booking's event; Google emails the customer the cancellation. The event id
 * is derived from the booking id, so this also finds an event whose creation was never recorded.
 */
async function deleteEvent(
  deps: SyncDeps,
  sync: ClaimedSync,
  refreshToken: string,
): Promise<SyncOutcome> {
  const result = await callGoogle(deps, sync, () =>
    deps.google.deleteCalendarEvent(
      refreshToken,
      eventIdOf(sync.booking),
      calendarOf(sync.booking),
    ),
  );
  if ("outcome" in result) return result.outcome;
  return succeed(deps, sync);
}

/** The event a follow-up acts on: the one recorded, or the id its create would have used. */
const eventIdOf = (booking: ClaimedSync["booking"]) =>
  booking.googleEventId ?? eventIdForBooking(booking.id);

/**
 * The calendar holding the booking's event: the one recorded with it; an event made before
 * calendars could be chosen is on the primary one; one not made yet goes to the session calendar.
 */
const calendarOf = (booking: ClaimedSync["booking"]) =>
  booking.googleCalendarId ?? (booking.googleEventId ? PRIMARY : sessionCalendarIdOf(booking.host));

async function succeed(deps: SyncDeps, sync: ClaimedSync) {
  const attempts = sync.attempts + 1;
  await finish(deps, sync.id, { state: "done", attempts, lastError: null });
  deps.logger.info("calendar_sync_done", {
    bookingId: sync.bookingId,
    action: sync.action,
    attempts,
  });
  return "synced" as const;
}

/** The Google call's value, or the outcome its recorded failure led to. */
async function callGoogle<T>(
  deps: SyncDeps,
  sync: ClaimedSync,
  call: () => Promise<T>,
): Promise<{ value: T } | { outcome: SyncOutcome }> {
  try {
    return { value: await call() };
  } catch (error) {
    const failure =
      error instanceof GoogleApiError
        ? { kind: error.kind, status: error.status, reason: error.reason, message: error.message }
        : {
            kind: "retryable" as const,
            message: error instanceof Error ? error.message : String(error),
          };
    return { outcome: await recordFailure(deps, sync, failure) };
  }
}

async function recordFailure(
  deps: SyncDeps,
  sync: ClaimedSync,
  failure: {
    kind: SyncFailureKind;
    status?: number | undefined;
    reason?: string | undefined;
    message: string;
  },
): Promise<SyncOutcome> {
  const attempts = sync.attempts + 1;
  const hostId = sync.booking.hostId;
  const decision = decideAfterFailure({ kind: failure.kind, attempts, now: deps.clock.now() });
  deps.logger.error("calendar_sync_failed", {
    bookingId: sync.bookingId,
    hostId,
    action: sync.action,
    attempt: attempts,
    kind: failure.kind,
    googleStatus: failure.status,
    googleReason: failure.reason,
    message: failure.message,
    next: decision.state,
    nextAttemptAt: decision.state === "pending" ? decision.nextAttemptAt.toISOString() : undefined,
  });
  if (failure.kind === "revoked") await markNeedsReauth(deps, hostId);
  const lastError = [failure.status, failure.reason, failure.message].filter(Boolean).join(" ");
  return finish(deps, sync.id, { ...decision, attempts, lastError: lastError.slice(0, 500) });
}

async function finish(
  { db }: SyncDeps,
  syncId: string,
  update:
    | {
        state: Exclude<SyncState, "done">;
        attempts?: number;
        nextAttemptAt?: Date;
        lastError?: string;
      }
    | { state: "done"; attempts: number; lastError: null },
): Promise<SyncOutcome> {
  await db.calendarSync.update({ where: { id: syncId }, data: { ...update, lockedUntil: null } });
  return update.state === "done" ? "synced" : update.state;
}

/** One attempt, never throwing: an unexpected error leaves the row leased, and the lease expires. */
async function attemptSafely(deps: SyncDeps, syncId: string): Promise<SyncOutcome | "error"> {
  try {
    return await attempt(deps, syncId);
  } catch (error) {
    deps.logger.error("calendar_sync_crashed", { syncId, message: (error as Error).message });
    return "error";
  }
}

/**
 * Right after a booking commits: claim its row and try Google within the deadline. Past the
 * deadline the attempt keeps going in the background and records its own outcome; the caller
 * answers "pending" meanwhile.
 */
export async function syncNow(deps: SyncDeps, syncId: string): Promise<void> {
  const [claimed] = await claimSyncs(deps, { id: syncId, limit: 1 });
  if (!claimed) return;
  await withinDeadline(attemptSafely(deps, claimed), deps.settings.syncDeadlineMs);
}

/** What the worker does each tick: every due row, a batch at a time. */
export const SYNC_BATCH_SIZE = 20;

export async function runDueSyncs(deps: SyncDeps, options: { limit?: number } = {}) {
  const ids = await claimSyncs(deps, { limit: options.limit ?? SYNC_BATCH_SIZE });
  const outcomes: Array<SyncOutcome | "error"> = [];
  for (const id of ids) outcomes.push(await attemptSafely(deps, id));
  return outcomes;
}
