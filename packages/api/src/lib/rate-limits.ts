import { Prisma, type PrismaClient, type RawSql } from "@timetap/db";
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import {
  addToWindows,
  addToWindowsStatement,
  RateLimiterOneStatement,
  type CountedWindow,
} from "./rate-limiter-one-statement.ts";
import { reservationOf, reservedPoints } from "./reserved-points.ts";
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
/** Attempts to count: each a kind and the address or email it is counted against. */
type Counts = ReadonlyArray<readonly [RateLimitKind, string]>;
/** A counted window as JSON gives it back. */
type CountedWindowJson = Omit<CountedWindow, "expire"> & { expire: string | null };

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

/**
 * A write's own statement counting its attempt (RateLimits.countInWrite): `counted` runs as a CTE,
 * named `cte` in the other two; the write is made only where `withinLimits(cte)` (a boolean over
 * it) holds; `windows(cte)` selects the counted windows as JSON text, which `judge` reads: past a
 * limit, the RateLimitedError consumeAll would give. `keys`: the `rate_limit` rows it writes, so
 * that one statement never counts a row twice (booking-write-batches.ts).
 */
export interface CountInWrite {
  counted: Prisma.Sql;
  withinLimits(cte: string): Prisma.Sql;
  windows(cte: string): Prisma.Sql;
  keys: string[];
  judge(windows: string): Promise<void>;
}

/** The counted windows as JSON text, from the CTE `cte`: text reads alike on both drivers. */
const countedWindowsJson = (cte: string) => Prisma.sql`(SELECT json_agg(json_build_object('key',
  key, 'points', points, 'expire', expire)) FROM ${Prisma.raw(cte)})::text`;

function windowsFromJson(json: string): CountedWindow[] {
  return (JSON.parse(json) as CountedWindowJson[]).map(({ key, points, expire }) => ({
    key,
    points,
    expire: expire ? new Date(expire) : null,
  }));
}

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

  /** The kind is counted in the database (shared by the web processes), not in memory. */
  const inDatabase = ([kind]: Counts[number]) => limiter(kind) instanceof RateLimiterOneStatement;
  const reserved = reservedPoints();
  /** The points an attempt of each kind counts in the database (reserved-points.ts); 1 in memory. */
  const reservations = new Map(
    rateLimitKinds.map((kind) => [
      kind,
      limiter(kind) instanceof RateLimiterOneStatement ? reservationOf(settings[kind].points) : 1,
    ]),
  );
  const reservation = (kind: RateLimitKind) => reservations.get(kind)!;
  /** The counts still to make: those this process's reserved points do not cover. */
  const unreserved = (counts: Counts) =>
    counts.filter(
      ([kind, key]) =>
        reservation(kind) === 1 || !reserved.take(limiter(kind).getKey(key), Date.now()),
    );

  /** Counts one attempt; past the limit, a RateLimitedError saying when to try again. */
  async function consume(kind: RateLimitKind, key: string): Promise<void> {
    const points = reservation(kind);
    const stored = limiter(kind).getKey(key);
    if (points > 1 && reserved.take(stored, Date.now())) return;
    try {
      const counted = await limiter(kind).consume(key, points);
      reserved.keep(stored, points, Date.now() + counted.msBeforeNext);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw refused(kind, error.msBeforeNext);
      throw error;
    }
  }

  /** Every count is kept in the database, so a statement of the caller's can make them all. */
  const allInDatabase = (counts: Counts) => store.kind === "database" && counts.every(inDatabase);
  /** Each count's kind by its key in the `rate_limit` table. */
  const limiterKeys = (counts: Counts) =>
    new Map(counts.map(([kind, key]) => [limiter(kind).getKey(key), kind]));
  /** One attempt more in the window of each key (with the points it reserves). */
  const oneMoreIn = (kindOf: Map<string, RateLimitKind>) =>
    [...kindOf].map(([key, kind]) => ({
      key,
      points: reservation(kind),
      msDuration: settings[kind].durationSeconds * 1000,
    }));
  /**
   * Refuses past the first limit reached by the counted windows, and keeps the points reserved in
   * the others; counts any missing on its own.
   */
  async function judge(
    counts: Counts,
    kindOf: Map<string, RateLimitKind>,
    windows: CountedWindow[],
  ): Promise<void> {
    const counted = new Map(windows.map((window) => [kindOf.get(window.key), window]));
    for (const [kind, key] of counts) {
      const window = counted.get(kind);
      if (!window) await consume(kind, key);
      else if (window.points > settings[kind].points)
        throw refused(kind, (window.expire?.getTime() ?? Date.now()) - Date.now());
      else if (window.expire) reserved.keep(window.key, reservation(kind), window.expire.getTime());
    }
  }

  /**
   * Counts one attempt against each of `counts` (different kinds); past any limit, the
   * RateLimitedError of the first. Those kept in the database are counted in one statement, a
   * trip to the database instead of one per count (with the driver's round trip a tenth of a
   * booking's CPU on PostgreSQL); should the database fail, each is counted on its own, which
   * falls back to the process's memory.
   */
  async function consumeAll(all: Counts): Promise<void> {
    await countAll(unreserved(all));
  }

  /** consumeAll of counts no reserved point covers. */
  async function countAll(counts: Counts): Promise<void> {
    const shared = counts.filter(inDatabase);
    if (store.kind === "memory" || shared.length < 2) {
      for (const [kind, key] of counts) await consume(kind, key);
      return;
    }
    const kindOf = limiterKeys(shared);
    let windows;
    try {
      windows = await addToWindows(store.rawSql, oneMoreIn(kindOf));
    } catch {
      for (const [kind, key] of counts) await consume(kind, key);
      return;
    }
    await judge(counts, kindOf, windows);
  }

  return {
    consume,
    consumeAll,
    /**
     * consumeAll, and the rows of `read` (a SELECT) through `db`, in ONE statement when every
     * count is kept in the database: the booking's checks read with its counts, a round trip
     * fewer (on PostgreSQL each costs the web server a socket write and a wake-up of the database
     * process: a quarter of its CPU for three). Past a limit, the RateLimitedError as from
     * consumeAll, though the read was made. A database that fails fails the call: `read` could
     * not be made either.
     */
    async consumeAllAlong<Row extends object>(
      db: RawSql,
      all: Counts,
      read: Prisma.Sql,
    ): Promise<Row[]> {
      const counts = unreserved(all);
      if (!counts.length || !allInDatabase(counts)) {
        await countAll(counts);
        return db.$queryRaw<Row[]>(read);
      }
      const kindOf = limiterKeys(counts);
      // The windows come back as JSON text in a column of every row: the read may have no row of
      // its own (then one row of nulls, without `readRow`), and text reads alike on both drivers.
      const rows = await db.$queryRaw<
        Array<Row & { readRow: boolean | null; countedWindows: string }>
      >`
        WITH counted AS (${addToWindowsStatement(oneMoreIn(kindOf))})
        SELECT r.*, k."countedWindows"
        FROM (SELECT ${countedWindowsJson("counted")} AS "countedWindows") k
        LEFT JOIN (SELECT true AS "readRow", q.* FROM (${read}) q) r ON true`;
      await judge(counts, kindOf, windowsFromJson(rows[0]!.countedWindows));
      return rows.filter((row) => row.readRow);
    },
    /**
     * consumeAll, counted by the statement of a write (CountInWrite) when every count is kept in
     * the database: the booking's insert, with no trip of its own; the write is not made past a
     * limit. Otherwise counted here and now, and undefined: the statement has nothing to count.
     */
    async countInWrite(all: Counts): Promise<CountInWrite | undefined> {
      const counts = unreserved(all);
      if (!counts.length || !allInDatabase(counts)) {
        await countAll(counts);
        return undefined;
      }
      const kindOf = limiterKeys(counts);
      const most = [...kindOf].map(
        ([key, kind]) => Prisma.sql`(${key}::text, ${settings[kind].points}::int)`,
      );
      return {
        counted: addToWindowsStatement(oneMoreIn(kindOf)),
        withinLimits: (cte) => Prisma.sql`NOT EXISTS (
          SELECT 1 FROM ${Prisma.raw(cte)} c
            JOIN (VALUES ${Prisma.join(most)}) l(key, most) ON l.key = c.key
          WHERE c.points > l.most)`,
        windows: countedWindowsJson,
        keys: [...kindOf.keys()],
        judge: (windows) => judge(counts, kindOf, windowsFromJson(windows)),
      };
    },
    /** Refuses when `key` has used up its limit, without counting this call. */
    async check(kind: RateLimitKind, key: string): Promise<void> {
      const used = await limiter(kind).get(key);
      if (used && used.consumedPoints >= settings[kind].points)
        throw refused(kind, used.msBeforeNext);
    },
  };
}
