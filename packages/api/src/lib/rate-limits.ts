import type { PrismaClient, RateLimit as RateLimitRow } from "@timetap/db";
import { RateLimiterMemory, type RateLimiterRes } from "rate-limiter-flexible";
import { RateLimitedError } from "./service-errors.ts";

/** What is counted, and by whom: a client address (`PerIp`) or a customer email. */
export const rateLimitKinds = [
  "bookingChangesPerIp",
  "bookingChangesPerEmail",
  "slotsPerIp",
  "signInPerIp",
  "apiKeyFailuresPerIp",
] as const;
export type RateLimitKind = (typeof rateLimitKinds)[number];

export interface RateLimit {
  points: number;
  durationSeconds: number;
}
export type RateLimitSettings = Record<RateLimitKind, RateLimit>;

/** Generous for people, tight for scripts; each is configurable (README, "Configuration"). */
export const defaultRateLimits: RateLimitSettings = {
  bookingChangesPerIp: { points: 30, durationSeconds: 3600 },
  bookingChangesPerEmail: { points: 10, durationSeconds: 3600 },
  slotsPerIp: { points: 120, durationSeconds: 60 },
  signInPerIp: { points: 20, durationSeconds: 900 },
  apiKeyFailuresPerIp: { points: 10, durationSeconds: 900 },
};

/**
 * Counted in each process's own memory even on a server database. Looking at free times writes
 * nothing else, and cached answers (a month of slots from memory) would otherwise each wait for a
 * database write; with N web processes an address may look N times as often, which still stops a
 * scraper. Sign-ins, wrong API keys and booking changes, which write anyway, stay shared.
 */
const countedPerProcess: ReadonlySet<RateLimitKind> = new Set(["slotsPerIp"]);

/**
 * Where the counts live: this process's memory (the embedded database serves one process), or
 * the database, so that every web process of a server deployment shares them.
 */
export type RateLimitStore = { kind: "memory" } | { kind: "database"; prisma: PrismaClient };

type Counts = Pick<RateLimitRow, "points" | "expire">;

/** How many attempts `key` made in its window, and when the window ends (null: no attempt). */
interface Counter {
  add(key: string): Promise<Counts>;
  get(key: string): Promise<Counts | null>;
}

function memoryCounter(kind: RateLimitKind, limit: RateLimit): Counter {
  // Never refuses by itself: the points are compared with the limit below, as for the database.
  const limiter = new RateLimiterMemory({
    keyPrefix: kind,
    points: Number.MAX_SAFE_INTEGER,
    duration: limit.durationSeconds,
  });
  const counts = (res: RateLimiterRes): Counts => ({
    points: res.consumedPoints,
    expire: new Date(Date.now() + res.msBeforeNext),
  });
  return {
    add: async (key) => counts(await limiter.consume(key)),
    get: async (key) => {
      const res = await limiter.get(key);
      return res ? counts(res) : null;
    },
  };
}

/**
 * Counts in the `rate_limit` table with one statement per attempt: a row whose window has ended
 * starts a new one in place. Every attempt of one address updates the same row, so it is held
 * only for that statement, never across a transaction. Should the database fail, the attempt is
 * counted in this process's memory rather than refusing every booking.
 */
function databaseCounter(prisma: PrismaClient, kind: RateLimitKind, limit: RateLimit): Counter {
  const insurance = memoryCounter(kind, limit);
  return {
    add: async (key) => {
      const now = new Date();
      const expire = new Date(now.getTime() + limit.durationSeconds * 1000);
      try {
        const [row] = await prisma.$queryRaw<Counts[]>`
          INSERT INTO rate_limit (key, points, expire) VALUES (${`${kind}:${key}`}, 1, ${expire})
          ON CONFLICT (key) DO UPDATE SET
            points = CASE WHEN rate_limit.expire <= ${now} THEN 1 ELSE rate_limit.points + 1 END,
            expire = CASE WHEN rate_limit.expire <= ${now} THEN EXCLUDED.expire
                          ELSE rate_limit.expire END
          RETURNING points, expire`;
        return row!;
      } catch {
        return insurance.add(key);
      }
    },
    get: async (key) => {
      try {
        return await prisma.rateLimit.findFirst({
          where: { key: `${kind}:${key}`, expire: { gt: new Date() } },
          select: { points: true, expire: true },
        });
      } catch {
        return insurance.get(key);
      }
    },
  };
}

/** Rows of windows that ended over an hour ago are deleted every five minutes. */
function sweepEndedWindows(prisma: PrismaClient): void {
  const timer = setInterval(() => {
    prisma.rateLimit
      .deleteMany({ where: { expire: { lt: new Date(Date.now() - 3_600_000) } } })
      // A failed sweep leaves the rows for the next one; they no longer count either way.
      .catch(() => undefined);
  }, 300_000);
  timer.unref();
}

export type RateLimits = ReturnType<typeof createRateLimits>;

export function createRateLimits(
  store: RateLimitStore,
  settings: RateLimitSettings = defaultRateLimits,
) {
  const counters = new Map<RateLimitKind, Counter>(
    rateLimitKinds.map((kind) => [
      kind,
      store.kind === "database" && !countedPerProcess.has(kind)
        ? databaseCounter(store.prisma, kind, settings[kind])
        : memoryCounter(kind, settings[kind]),
    ]),
  );
  if (store.kind === "database") sweepEndedWindows(store.prisma);
  const counter = (kind: RateLimitKind) => counters.get(kind)!;
  const refused = (kind: RateLimitKind, { expire }: Counts) =>
    new RateLimitedError(
      kind,
      Math.max(1, Math.ceil(((expire?.getTime() ?? 0) - Date.now()) / 1000)),
    );

  return {
    /** Counts one attempt; past the limit, a RateLimitedError saying when to try again. */
    async consume(kind: RateLimitKind, key: string): Promise<void> {
      const counts = await counter(kind).add(key);
      if (counts.points > settings[kind].points) throw refused(kind, counts);
    },
    /** Refuses when `key` has used up its limit, without counting this call. */
    async check(kind: RateLimitKind, key: string): Promise<void> {
      const counts = await counter(kind).get(key);
      if (counts && counts.points >= settings[kind].points) throw refused(kind, counts);
    },
  };
}
