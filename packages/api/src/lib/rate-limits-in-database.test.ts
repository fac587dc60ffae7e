import { createDb, Prisma, type Db } from "@timetap/db";
import { createTestDb } from "@timetap/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRateLimits, defaultRateLimits } from "./rate-limits.ts";

let db: Awaited<ReturnType<typeof createTestDb>>;
/** A second web process's connection: its own pool on a server; PGlite serves one process. */
let elsewhere: Pick<Db, "prisma" | "rawSql" | "close">;
beforeAll(async () => {
  db = await createTestDb();
  elsewhere = db.url ? await createDb({ databaseUrl: db.url }) : { ...db, close: async () => {} };
});
afterAll(async () => {
  await elsewhere.close();
  await db.close();
});

const hour = 3600;
const settings = (points: number) => ({
  ...defaultRateLimits,
  signInPerIp: { points, durationSeconds: hour },
});
const inDatabase = (store: Pick<Db, "prisma" | "rawSql">, points: number) =>
  createRateLimits({ kind: "database", ...store }, settings(points));
const stored = (ip: string) =>
  db.prisma.rateLimit.findUniqueOrThrow({ where: { key: `signInPerIp:${ip}` } });

/**
 * Limits on booking changes per address and per email, counted in the database through a RawSql
 * that records which of its methods are used.
 */
function bookingLimitsWatched(perIp: number, perEmail: number) {
  const used: string[] = [];
  const rawSql = new Proxy(db.rawSql, {
    get(target, property) {
      used.push(String(property));
      return (Reflect.get(target, property) as () => unknown).bind(target);
    },
  });
  const limits = createRateLimits(
    { kind: "database", prisma: db.prisma, rawSql },
    {
      ...defaultRateLimits,
      bookingChangesPerIp: { points: perIp, durationSeconds: hour },
      bookingChangesPerEmail: { points: perEmail, durationSeconds: hour },
    },
  );
  return { limits, rawSql, used };
}

/** The windows stored for `keys`, in key order. */
const storedWindows = (...keys: string[]) =>
  db.prisma.rateLimit.findMany({ where: { key: { in: keys } }, orderBy: { key: "asc" } });

describe("abuse limits counted in the database", () => {
  it("starts a window that has ended again from one", async () => {
    const limits = inDatabase(db, 2);
    await limits.consume("signInPerIp", "203.0.113.40");
    await limits.consume("signInPerIp", "203.0.113.40");
    await expect(limits.check("signInPerIp", "203.0.113.40")).rejects.toMatchObject({
      name: "RateLimitedError",
    });

    // The hour is over (as seen by every process: the end is stored with the count).
    await db.prisma.rateLimit.update({
      where: { key: "signInPerIp:203.0.113.40" },
      data: { expire: new Date(Date.now() - 1_000) },
    });
    await expect(limits.check("signInPerIp", "203.0.113.40")).resolves.toBeUndefined();
    await expect(limits.consume("signInPerIp", "203.0.113.40")).resolves.toBeUndefined();
    const row = await stored("203.0.113.40");
    expect(row.points).toBe(1);
    expect(row.expire!.getTime()).toBeGreaterThan(Date.now() + (hour - 60) * 1000);
    await limits.consume("signInPerIp", "203.0.113.40");
    await expect(limits.consume("signInPerIp", "203.0.113.40")).rejects.toMatchObject({
      name: "RateLimitedError",
    });
  });

  it("counts every one of many attempts made at once from two processes, also as a window ends", async () => {
    const here = inDatabase(db, 1_000);
    const there = inDatabase(elsewhere, 1_000);
    const attempts = 40;
    const attemptAtOnce = (ip: string) =>
      Promise.all(
        Array.from({ length: attempts }, (_, i) =>
          (i % 2 ? here : there).consume("signInPerIp", ip),
        ),
      );

    await attemptAtOnce("203.0.113.41");
    expect((await stored("203.0.113.41")).points).toBe(attempts);

    await db.prisma.rateLimit.create({
      data: { key: "signInPerIp:203.0.113.42", points: 999, expire: new Date(Date.now() - 1_000) },
    });
    await attemptAtOnce("203.0.113.42");
    expect((await stored("203.0.113.42")).points).toBe(attempts);
  });

  it("counts and checks an attempt with one SQL statement each", async () => {
    // What the limiter asks of the database: methods come back bound to the client, so that
    // Prisma's own reads of its fields are not recorded. Each Prisma operation costs ~0.5 ms of
    // CPU; a raw statement straight to the driver, little.
    const used: string[] = [];
    const watched = <Client extends object>(client: Client, name: string) =>
      new Proxy(client, {
        get(target, property) {
          used.push(`${name}.${String(property)}`);
          const value: unknown = Reflect.get(target, property);
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
    const limits = inDatabase(
      { prisma: watched(db.prisma, "prisma"), rawSql: watched(db.rawSql, "rawSql") },
      2,
    );
    await limits.consume("signInPerIp", "203.0.113.43");
    await limits.check("signInPerIp", "203.0.113.43");
    await limits.consume("signInPerIp", "203.0.113.43");
    await expect(limits.consume("signInPerIp", "203.0.113.43")).rejects.toMatchObject({
      name: "RateLimitedError",
    });
    expect(used).toEqual([
      "rawSql.$queryRaw",
      "rawSql.$queryRaw",
      "rawSql.$queryRaw",
      "rawSql.$queryRaw",
    ]);
  });

  it("counts an address and an email in one statement, refusing past the first limit passed", async () => {
    const { limits, used } = bookingLimitsWatched(3, 1);
    const attempt = (ip: string, email: string) =>
      limits.consumeAll([
        ["bookingChangesPerIp", ip],
        ["bookingChangesPerEmail", email],
      ]);
    await attempt("203.0.113.45", "ada@example.com");
    expect(used).toEqual(["$queryRaw"]);
    await expect(attempt("203.0.113.45", "ada@example.com")).rejects.toMatchObject({
      name: "RateLimitedError",
      limit: "bookingChangesPerEmail",
    });
    await attempt("203.0.113.45", "bea@example.com");
    // The address's third and fourth attempts: the fourth is past its limit, which comes first.
    await expect(attempt("203.0.113.45", "cy@example.com")).rejects.toMatchObject({
      limit: "bookingChangesPerIp",
    });
    const counted = await storedWindows(
      `bookingChangesPerIp:203.0.113.45`,
      `bookingChangesPerEmail:cy@example.com`,
    );
    expect(counted.map(({ key, points }) => [key, points])).toEqual([
      ["bookingChangesPerEmail:cy@example.com", 1],
      ["bookingChangesPerIp:203.0.113.45", 4],
    ]);
  });

  it("counts along with a read in one statement, giving the read's rows, refusing past a limit", async () => {
    const { limits, rawSql, used } = bookingLimitsWatched(5, 2);
    const counts = [
      ["bookingChangesPerIp", "203.0.113.46"],
      ["bookingChangesPerEmail", "eve@example.com"],
    ] as const;
    const read = (rows: number) =>
      Prisma.sql`SELECT n AS "n", now() AS "at" FROM generate_series(1, ${rows}::int) n`;

    const rows = await limits.consumeAllAlong<{ n: number; at: Date }>(rawSql, counts, read(2));
    expect(used).toEqual(["$queryRaw"]);
    expect(rows.map(({ n, at }) => [n, at instanceof Date])).toEqual([
      [1, true],
      [2, true],
    ]);
    // A read without rows still counts.
    expect(await limits.consumeAllAlong(rawSql, counts, read(0))).toEqual([]);
    await expect(limits.consumeAllAlong(rawSql, counts, read(1))).rejects.toMatchObject({
      name: "RateLimitedError",
      limit: "bookingChangesPerEmail",
    });
    const counted = await storedWindows(
      `bookingChangesPerIp:203.0.113.46`,
      `bookingChangesPerEmail:eve@example.com`,
    );
    expect(counted.map(({ key, points }) => [key, points])).toEqual([
      ["bookingChangesPerEmail:eve@example.com", 3],
      ["bookingChangesPerIp:203.0.113.46", 3],
    ]);
    expect(
      counted.every(({ expire }) => expire!.getTime() > Date.now() + hour * 1000 - 60_000),
    ).toBe(true);
  });

  it("keeps counting in the process's memory while the database fails", async () => {
    const down = <Client extends object>(client: Client) =>
      new Proxy(client, {
        get: () => {
          throw new Error("connection refused");
        },
      });
    const limits = inDatabase({ prisma: down(db.prisma), rawSql: down(db.rawSql) }, 2);
    await limits.consume("signInPerIp", "203.0.113.44");
    await limits.consume("signInPerIp", "203.0.113.44");
    await expect(limits.consume("signInPerIp", "203.0.113.44")).rejects.toMatchObject({
      name: "RateLimitedError",
    });
    const both = () =>
      limits.consumeAll([
        ["bookingChangesPerIp", "203.0.113.44"],
        ["bookingChangesPerEmail", "dee@example.com"],
      ]);
    for (let i = 0; i < defaultRateLimits.bookingChangesPerEmail.points; i++) await both();
    await expect(both()).rejects.toMatchObject({ limit: "bookingChangesPerEmail" });
  });
});

describe("a large limit, counted a thousandth at a time (reserved-points.ts)", () => {
  /** Limits of `perIp` booking changes per address in `seconds`, as another process has them. */
  const bookingLimits = (store: Pick<Db, "prisma" | "rawSql">, perIp: number, seconds = hour) =>
    createRateLimits(
      { kind: "database", ...store },
      {
        ...defaultRateLimits,
        bookingChangesPerIp: { points: perIp, durationSeconds: seconds },
      },
    );
  const addressWindow = (ip: string) => storedWindows(`bookingChangesPerIp:${ip}`);

  it("writes an address's row once per five attempts under a limit of 5,000, and each email's every time", async () => {
    const limits = bookingLimits(db, 5_000);
    const read = Prisma.sql`SELECT 1 AS "one"`;
    for (let attempt = 1; attempt <= 11; attempt++) {
      const counts = [
        ["bookingChangesPerIp", "203.0.113.60"],
        ["bookingChangesPerEmail", `guest-${attempt}@example.com`],
      ] as const;
      expect(await limits.consumeAllAlong(db.rawSql, counts, read)).toEqual([{ one: 1 }]);
      // Attempts 1, 6 and 11 each reserved five points: the others were this process's own.
      const [address] = await addressWindow("203.0.113.60");
      expect(address!.points).toBe(5 * Math.ceil(attempt / 5));
    }
    const emails = await db.prisma.rateLimit.findMany({
      where: { key: { startsWith: "bookingChangesPerEmail:guest-" } },
    });
    expect(emails.map(({ points }) => points)).toEqual(Array(11).fill(1));
  });

  it("never lets two processes together past the limit, and refuses both at its end", async () => {
    // 2,000 a window: two points reserved at a time.
    const here = bookingLimits(db, 2_000);
    const there = bookingLimits(elsewhere, 2_000);
    let taken = 0;
    const refused = new Set<string>();
    for (let attempt = 0; refused.size < 2 && attempt < 2_100; attempt++) {
      const limits = attempt % 3 ? here : there;
      try {
        await limits.consume("bookingChangesPerIp", "203.0.113.61");
        taken++;
      } catch (error) {
        expect(error).toMatchObject({ name: "RateLimitedError" });
        refused.add(limits === here ? "here" : "there");
      }
    }
    // At most one reserved point of each process is left unused when the window fills.
    expect(taken).toBeLessThanOrEqual(2_000);
    expect(taken).toBeGreaterThanOrEqual(1_998);
    expect([...refused].sort()).toEqual(["here", "there"]);
  });

  it("counts again in the database once the window of its reserved points has ended", async () => {
    const limits = bookingLimits(db, 5_000, 1);
    await limits.consume("bookingChangesPerIp", "203.0.113.62");
    await limits.consume("bookingChangesPerIp", "203.0.113.62");
    expect((await addressWindow("203.0.113.62"))[0]!.points).toBe(5);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await limits.consume("bookingChangesPerIp", "203.0.113.62");
    // A new window, started from this attempt's reservation: the three points left went with
    // the old one.
    const [renewed] = await addressWindow("203.0.113.62");
    expect(renewed!.points).toBe(5);
    expect(renewed!.expire!.getTime()).toBeGreaterThan(Date.now());
  });
});
