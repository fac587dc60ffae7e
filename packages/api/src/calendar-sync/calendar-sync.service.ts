import type { Prisma, SyncState } from "@timetap/db";
import { eventIdForBooking, GoogleApiError } from "@timetap/google";
import type { ApiDeps } from "../deps.ts";
import { hostChanged, type HostChangeDeps } from "../availability/host-changed.ts";
import { PRIMARY, sessionCalendarIdOf } from "../hosts/chosen-calendars.ts";
import { calendarSyncState, markNeedsReauth } from "../hosts/host-calendar.ts";
import { withinDeadline } from "../lib/deadline.ts";
import { followUpLateMeetLink } from "../notifications/meet-link-followup.ts";
import { underLease, type Lease } from "../lib/outbox-lease.ts";
import { claimSyncs } from "./claim-syncs.ts";
import { recordCreatedEvent } from "./record-created-event.ts";
import { decideAfterFailure, isRateLimited, type SyncFailureKind } from "./sync-backoff.ts";

type SyncDeps = Pick<
  ApiDeps,
  "db" | "rawSql" | "google" | "tokens" | "clock" | "logger" | "settings" | "mailer"
> &
  HostChangeDeps;

/** `lease_lost`: the attempt outlived its lease and another took the row over; its outcome stands. */
export type SyncOutcome = "synced" | "pending" | "parked" | "skipped" | "failed" | "lease_lost";

/** An attempt's outcome and, for an event it created, the Meet link recorded with it. */
export interface SyncResult {
  outcome: SyncOutcome;
  meetLink?: string | null;
}

/** What an attempt reads of its row, the row's booking, the host and the package. */
const syncRowSelect = {
  id: true,
  bookingId: true,
  action: true,
  attempts: true,
  booking: {
    select: {
      id: true,
      hostId: true,
      status: true,
      startTime: true,
      endTime: true,
      customerEmail: true,
      customerName: true,
      meetLink: true,
      googleEventId: true,
      googleCalendarId: true,
      host: {
        select: {
          id: true,
          name: true,
          timeZone: true,
          calendarStatus: true,
          googleRefreshToken: true,
          sessionCalendarId: true,
        },
      },
      package: { select: { name: true } },
    },
  },
} satisfies Prisma.CalendarSyncSelect;

/** A sync row as an attempt needs it; `attempts` already counts this attempt. */
export type SyncRow = Prisma.CalendarSyncGetPayload<{ select: typeof syncRowSelect }>;

type ClaimedSync = SyncRow & { lease: Lease; stillMine: () => Promise<boolean> };

/**
 * One attempt at a leased row: do its Google work, then record what happened. `known` is the row
 * as the request that just wrote it (leased to itself) knows it, which spares reading it back.
 */
async function attempt(
  deps: SyncDeps,
  lease: Lease,
  stillMine: () => Promise<boolean>,
  known?: SyncRow,
): Promise<SyncResult> {
  const sync: ClaimedSync = {
    ...(known ??
      (await deps.db.calendarSync.findUniqueOrThrow({
        where: { id: lease.id },
        select: syncRowSelect,
      }))),
    lease,
    stillMine,
  };
  const { host } = sync.booking;
  const state = calendarSyncState(host);
  if (state !== "pending" || !host.googleRefreshToken)
    return { outcome: await finish(deps, sync, { state }) };
  const refreshToken = deps.tokens.decrypt(host.googleRefreshToken, host.id);
  switch (sync.action) {
    case "create":
      return createEvent(deps, sync, refreshToken);
    case "update":
      return { outcome: await moveEvent(deps, sync, refreshToken) };
    case "delete":
      return { outcome: await deleteEvent(deps, sync, refreshToken) };
  }
}

async function createEvent(
  deps: SyncDeps,
  sync: ClaimedSync,
  refreshToken: string,
): Promise<SyncResult> {
  const { booking } = sync;
  const { host } = booking;
  // Cancelled before its event was made: there is nothing to put on the calendar any more.
  if (booking.status !== "CONFIRMED")
    return { outcome: await finish(deps, sync, { state: "skipped" }) };

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
  if ("outcome" in result) return result;
  const event = result.value;

  if (!event.meetLink && event.conferenceStatus === "pending") {
    // The event exists; its Meet link does not yet. A later attempt reads the same event (same id).
    const outcome = await recordFailure(
      deps,
      sync,
      { kind: "retryable", reason: "conferencePending", message: "Meet conference still pending" },
      { googleEventId: event.googleEventId, googleCalendarId: calendarId },
    );
    return { outcome };
  }
  if (!event.meetLink) {
    deps.logger.warn("google_meet_link_missing", {
      bookingId: booking.id,
      conferenceStatus: event.conferenceStatus,
    });
  }
  const learnt = {
    googleEventId: event.googleEventId,
    googleCalendarId: calendarId,
    meetLink: event.meetLink,
  };
  const linkIsNew = Boolean(event.meetLink && !booking.meetLink);
  const recorded = await recordCreatedEvent(deps.rawSql, sync, learnt, linkIsNew);
  if (recorded === "lease_lost") return { outcome: leaseLost(deps, sync) };
  if (recorded === "recorded") return { outcome: synced(deps, sync), meetLink: event.meetLink };
  // The link, the Meet-link email it owes the customer, and the row's outcome commit together.
  const outcome = await succeed(deps, sync, learnt, (tx) =>
    followUpLateMeetLink(tx, deps, booking.id),
  );
  return outcome === "synced" ? { outcome, meetLink: event.meetLink } : { outcome };
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
  if (booking.status !== "CONFIRMED") return finish(deps, sync, { state: "skipped" });
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
  // Not a failure: the attempt is given back.
  if (current.startTime.getTime() !== booking.startTime.getTime())
    return finish(deps, sync, {
      state: "pending",
      nextAttemptAt: deps.clock.now(),
      attempts: sync.attempts - 1,
    });
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

/** More to write in the outcome's transaction, after the booking's change (a follow-up email). */
type AlsoWritten = (tx: Prisma.TransactionClient) => Promise<void>;

async function succeed(
  deps: SyncDeps,
  sync: ClaimedSync,
  bookingChange?: Prisma.BookingUpdateInput,
  alsoWritten?: AlsoWritten,
): Promise<SyncOutcome> {
  const outcome = await finish(
    deps,
    sync,
    { state: "done", lastError: null },
    bookingChange,
    alsoWritten,
  );
  return outcome === "synced" ? synced(deps, sync) : outcome;
}

/** The row's outcome, recorded as `done`. */
function synced(deps: SyncDeps, sync: ClaimedSync): SyncOutcome {
  deps.logger.info("calendar_sync_done", {
    bookingId: sync.bookingId,
    action: sync.action,
    attempts: sync.attempts,
  });
  return "synced";
}

/**
 * The Google call's value, or the outcome its recorded failure led to. The lease is confirmed
 * right before the call, so a worker whose lease was taken over never sends the same change.
 */
async function callGoogle<T>(
  deps: SyncDeps,
  sync: ClaimedSync,
  call: () => Promise<T>,
): Promise<{ value: T } | { outcome: SyncOutcome }> {
  if (!(await sync.stillMine())) return { outcome: leaseLost(deps, sync) };
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
  bookingChange?: Prisma.BookingUpdateInput,
): Promise<SyncOutcome> {
  const { attempts } = sync;
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
  const outcome = await finish(
    deps,
    sync,
    { ...decision, lastError: lastError.slice(0, 500) },
    bookingChange,
  );
  if (decision.state === "pending" && isRateLimited(failure))
    await backOffHost(deps, hostId, decision.nextAttemptAt);
  return outcome;
}

/** Google asked to slow down for this host: all their calendar work waits as long as this row. */
async function backOffHost(deps: SyncDeps, hostId: string, until: Date) {
  const { count } = await deps.db.host.updateMany({
    where: {
      id: hostId,
      OR: [{ googleBackoffUntil: null }, { googleBackoffUntil: { lt: until } }],
    },
    data: { googleBackoffUntil: until },
  });
  // A new booking of the host reads this (booking.service.ts) from its kept settings.
  if (count > 0) hostChanged(deps, hostId, "backoff");
}

/**
 * Records the attempt's outcome, and what it learnt of the booking, while the lease is still its
 * own; otherwise another attempt took the row over and records its outcome instead.
 */
async function finish(
  deps: SyncDeps,
  sync: ClaimedSync,
  update:
    | {
        state: Exclude<SyncState, "done">;
        attempts?: number;
        nextAttemptAt?: Date;
        lastError?: string;
      }
    | { state: "done"; lastError: null },
  bookingChange?: Prisma.BookingUpdateInput,
  alsoWritten?: AlsoWritten,
): Promise<SyncOutcome> {
  const recorded = await deps.db.$transaction(async (tx) => {
    const { count } = await tx.calendarSync.updateMany({
      where: { id: sync.id, leaseToken: sync.lease.token },
      data: { ...update, lockedUntil: null, leaseToken: null },
    });
    if (count !== 1) return false;
    if (bookingChange)
      await tx.booking.update({ where: { id: sync.bookingId }, data: bookingChange });
    await alsoWritten?.(tx);
    return true;
  });
  if (!recorded) return leaseLost(deps, sync);
  return update.state === "done" ? "synced" : update.state;
}

function leaseLost(deps: SyncDeps, sync: ClaimedSync): SyncOutcome {
  deps.logger.warn("calendar_sync_lease_lost", { syncId: sync.id, bookingId: sync.bookingId });
  return "lease_lost";
}

/**
 * One attempt under its lease, never throwing: after an unexpected error the lease is no longer
 * renewed and expires, and the attempt counts as one the worker stopped during.
 */
export async function runLeasedSync(deps: SyncDeps, lease: Lease): Promise<SyncOutcome | "error"> {
  const result = await attemptUnderLease(deps, lease);
  return result === "error" ? result : result.outcome;
}

async function attemptUnderLease(
  deps: SyncDeps,
  lease: Lease,
  known?: SyncRow,
): Promise<SyncResult | "error"> {
  try {
    return await underLease(deps, "calendar_sync", lease, deps.settings.syncLeaseMs, (held) =>
      attempt(deps, lease, held.stillMine, known),
    );
  } catch (error) {
    deps.logger.error("calendar_sync_crashed", {
      syncId: lease.id,
      message: (error as Error).message,
    });
    return "error";
  }
}

/**
 * Right after a booking change commits: its row, leased to this request already or claimed now,
 * is tried within the deadline. Past the deadline the attempt keeps going in the background and
 * records its own outcome; the caller answers "pending" meanwhile. A row the request wrote leased
 * to itself comes with what the request knows of it (`known`). Returns the attempt's result when
 * it ended within the deadline.
 */
export async function syncNow(
  deps: SyncDeps,
  row: { id: string } | Lease,
  known?: SyncRow,
): Promise<SyncResult | undefined> {
  const lease = "token" in row ? row : (await claimSyncs(deps, { id: row.id, limit: 1 }))[0];
  if (!lease) return undefined;
  const ended = await withinDeadline(
    attemptUnderLease(deps, lease, known),
    deps.settings.syncDeadlineMs,
  );
  return ended && ended.value !== "error" ? ended.value : undefined;
}

/** Leases up to `limit` due rows and runs their attempts side by side. */
export async function runDueSyncs(deps: SyncDeps, options: { limit?: number } = {}) {
  const leases = await claimSyncs(deps, { limit: options.limit ?? deps.settings.syncConcurrency });
  return Promise.all(leases.map((lease) => runLeasedSync(deps, lease)));
}
