import type { PrismaClient, RawSql } from "@timetap/db";
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { addToWindows, RateLimiterOneStatement } from "./rate-limiter-one-statement.ts";
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
export type RateLimitStore =
  { kind: "memory" } | { kind: "database"; prisma: PrismaClient; rawSql: RawSql };

export type RateLimits = ReturnType<typeof createRateLimits>;

export function createRateLimits(
  store: RateLimitStore,
  settings: RateLimitSettings = defaultRateLimits,
) {
  const limiters = new Map<RateLimitKind, RateLimiterAbstract>(
    rateLimitKinds.map((kind) => {
      const options = {
        keyPrefix: kind,
        points: settings[kind].points,
        duration: settings[kind].durationSeconds,
      };
      if (store.kind === "memory" || countedPerProcess.has(kind))
        return [kind, new RateLimiterMemory(options)];
      // Should the database fail, count in memory rather than refuse every booking.
      const limiter = new RateLimiterOneStatement({
        ...options,
        prisma: store.prisma,
        rawSql: store.rawSql,
        insuranceLimiter: new RateLimiterMemory(options),
      });
      return [kind, limiter];
    }),
  );
  const limiter = (kind: RateLimitKind) => limiters.get(kind)!;
  const refused = (kind: RateLimitKind, msBeforeNext: number) =>
    new RateLimitedError(kind, Math.max(1, Math.ceil(msBeforeNext / 1000)));

  /** Counts one attempt; past the limit, a RateLimitedError saying when to try again. */
  async function consume(kind: RateLimitKind, key: string): Promise<void> {
    try {
      await limiter(kind).consume(key);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw refused(kind, error.msBeforeNext);
      throw error;
    }
  }

  return {
    consume,
    /**
     * Counts one attempt against each of `counts` (different kinds); past any limit, the
     * RateLimitedError of the first. Those kept in the database are counted in one statement, a
     * trip to the database instead of one per count (with the driver's round trip a tenth of a
     * booking's CPU on PostgreSQL); should the database fail, each is counted on its own, which
     * falls back to the process's memory.
     */
    async consumeAll(counts: ReadonlyArray<readonly [RateLimitKind, string]>): Promise<void> {
      const shared = counts.filter(([kind]) => limiter(kind) instanceof RateLimiterOneStatement);
      if (store.kind === "memory" || shared.length < 2) {
        for (const [kind, key] of counts) await consume(kind, key);
        return;
      }
      const kindOf = new Map(shared.map(([kind, key]) => [limiter(kind).getKey(key), kind]));
      let windows;
      try {
        windows = await addToWindows(
          store.rawSql,
          [...kindOf].map(([key, kind]) => ({
            key,
            points: 1,
            msDuration: settings[kind].durationSeconds * 1000,
          })),
        );
      } catch {
        for (const [kind, key] of counts) await consume(kind, key);
        return;
      }
      const counted = new Map(windows.map((window) => [kindOf.get(window.key), window]));
      for (const [kind, key] of counts) {
        const window = counted.get(kind);
        if (!window) await consume(kind, key);
        else if (window.points > settings[kind].points)
          throw refused(kind, (window.expire?.getTime() ?? Date.now()) - Date.now());
      }
    },
    /** Refuses when `key` has used up its limit, without counting this call. */
    async check(kind: RateLimitKind, key: string): Promise<void> {
      const used = await limiter(kind).get(key);
      if (used && used.consumedPoints >= settings[kind].points)
        throw refused(kind, used.msBeforeNext);
    },
  };
}
