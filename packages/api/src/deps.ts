import { createBookingWrites, type BookingWrites } from "./booking/booking-write-batches.ts";
import {
  inProcessHostChanges,
  type HostChanges,
  type PrismaClient,
  type RawSql,
} from "@timetap/db";
import type { Mailer } from "@timetap/email";
import type { GoogleClient } from "@timetap/google";
import type { Clock } from "./lib/clock.ts";
import type { Logger } from "./lib/logger.ts";
import { createMetrics, type Metrics } from "./lib/metrics.ts";
import type { RateLimits } from "./lib/rate-limits.ts";
import { BusyTimesCache } from "./availability/busy-times-cache.ts";
import { listenForHostChanges } from "./availability/host-changed.ts";
import { SlotsAnswers } from "./availability/slots-answers.ts";
import type { Bookable } from "./availability/bookable.ts";
import { HostKeyedCache } from "./availability/host-keyed-cache.ts";
import { createHostLocks, type HostLocks } from "./booking/host-booking-lock.ts";
import { createBookingLedgers, type BookingLedgers } from "./booking/booking-ledger.ts";
import type { TokenCipher } from "./lib/token-crypto.ts";

/** Knobs with production defaults; tests shorten them. */
export interface ApiSettings {
  /** How long booking.create waits for Google before answering with `calendarSync: "pending"`. */
  syncDeadlineMs: number;
  /** How long an availability lookup waits for Google's busy times before serving degraded slots. */
  busyTimesDeadlineMs: number;
  /** How long a claimed sync row stays reserved for the worker that claimed it. */
  syncLeaseMs: number;
  /** How long a claimed email row stays reserved for the worker sending it. */
  emailLeaseMs: number;
  /** How many calendar-sync attempts one worker runs at once (rows of different bookings). */
  syncConcurrency: number;
  /** How long a Google push channel is asked to live. */
  channelTtlMs: number;
  /** How long before its end a channel is renewed. */
  channelRenewBeforeMs: number;
  /** How long a channel row stays claimed by the process opening it. */
  channelLeaseMs: number;
  /** How long after a failed watch the next try waits. */
  channelRetryMs: number;
  /** How often each connected host's calendar is compared with their bookings without a notification. */
  reconcileIntervalMs: number;
  /**
   * How many statements writing new bookings may be under way at once; the bookings ready
   * meanwhile go together in the next (booking/booking-write-batches.ts).
   */
  bookingStatementsInFlight: number;
}

export const defaultApiSettings: ApiSettings = {
  syncDeadlineMs: 3_000,
  busyTimesDeadlineMs: 2_500,
  // Renewed by the running attempt (a Google call may take 10 s plus 5 s of conference wait; an
  // SMTP send 30 s), so they can be short: a stopped worker's rows are taken up within this plus
  // one poll interval.
  syncLeaseMs: 10_000,
  emailLeaseMs: 10_000,
  // Attempts mostly wait on Google: with it answering in 300 ms, 32 at once let two worker
  // processes take about 50 rows a second (`pnpm bench`), 10 only about 25.
  syncConcurrency: 32,
  // Google's own default lifetime for calendar channels; renewed a day ahead.
  channelTtlMs: 7 * 24 * 3_600_000,
  channelRenewBeforeMs: 24 * 3_600_000,
  channelLeaseMs: 60_000,
  channelRetryMs: 10 * 60_000,
  // Notifications come within seconds; the schedule only makes up for those lost on the way.
  reconcileIntervalMs: 5 * 60_000,
  // Two keep both of a small server's cores busy (the web process and the database), and leave
  // bookings waiting to go together (`pnpm bench`). The embedded database runs one statement at
  // a time anyway: there, a second statement under way only keeps bookings from joining it.
  bookingStatementsInFlight: 2,
};

const BUSY_TIMES_TTL_MS = 5 * 60_000;

/** What every procedure may use; built once per process and shared by all requests. */
export interface ApiDeps {
  db: PrismaClient;
  /**
   * The same database for the booking path's raw statements, without Prisma's query pipeline
   * (Db.rawSql); a Prisma client fits too.
   */
  rawSql: RawSql;
  google: GoogleClient;
  /** TimeTap's own email: the SMTP transport the composition root built. */
  mailer: Mailer;
  /** Where the app is served, for links in emails ("https://timetap.example", no trailing /). */
  appUrl: string;
  tokens: TokenCipher;
  clock: Clock;
  logger: Logger;
  /** Abuse limits: the composition root picks their store (memory, or the server database). */
  limits: RateLimits;
  busyTimes: BusyTimesCache;
  /** `availability.slots` answers as sent, until they expire or their host changes. */
  slotsAnswers: SlotsAnswers;
  /** Hosts' bookable settings (availability/bookable.ts), until they expire or their host changes. */
  bookables: HostKeyedCache<Bookable>;
  /** Hosts' bookings as this process last read or wrote them (booking/booking-ledger.ts). */
  bookingLedgers: BookingLedgers;
  /** How web processes sharing the database tell each other of host changes (host-changed.ts). */
  hostChanges: HostChanges;
  settings: ApiSettings;
  /** This process's turns of booking writes per host (booking/host-booking-lock.ts). */
  hostLocks: HostLocks;
  /** New bookings written together, through `rawSql` (booking/booking-write-batches.ts). */
  bookingWrites: BookingWrites;
  /** Prometheus metrics; the composition root builds them first when Google reports to them. */
  metrics: Metrics;
}

/** `hostChanges`: the database's (Db.hostChanges); by default this process is the only one. */
export function createApiDeps(
  parts: Omit<
    ApiDeps,
    | "busyTimes"
    | "slotsAnswers"
    | "bookables"
    | "bookingLedgers"
    | "hostChanges"
    | "settings"
    | "metrics"
    | "hostLocks"
    | "bookingWrites"
  > & {
    hostChanges?: HostChanges;
    settings?: Partial<ApiSettings>;
    metrics?: Metrics;
  },
): ApiDeps {
  const hostChanges = parts.hostChanges ?? inProcessHostChanges();
  const settings = { ...defaultApiSettings, ...parts.settings };
  const deps: ApiDeps = {
    ...parts,
    metrics: parts.metrics ?? createMetrics(parts),
    busyTimes: new BusyTimesCache(BUSY_TIMES_TTL_MS, parts.clock),
    slotsAnswers: new SlotsAnswers(parts.clock, () => hostChanges.listening),
    bookables: new HostKeyedCache(parts.clock, () => hostChanges.listening, { maxEntries: 10_000 }),
    bookingLedgers: createBookingLedgers(parts.clock, () => hostChanges.listening),
    hostChanges,
    settings,
    hostLocks: createHostLocks(),
    bookingWrites: createBookingWrites(parts.rawSql, settings.bookingStatementsInFlight),
  };
  listenForHostChanges(deps);
  return deps;
}
