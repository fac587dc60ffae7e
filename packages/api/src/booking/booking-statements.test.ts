import { describe, expect, it } from "vitest";
import { bookingInput, createAllDayHost, demoWithCalendar } from "../testing/booking-fixtures.ts";
import { useApiHarness } from "../testing/suite-hooks.ts";
import { createContext } from "../context.ts";
import { createApiDeps } from "../deps.ts";
import { createRateLimits } from "../lib/rate-limits.ts";
import { createCaller } from "../root.ts";

const harness = useApiHarness({ now: new Date("2030-01-07T06:00:00Z") });

/** Records what is asked of `client` under `name`; methods come back bound to the client. */
function watched<Client extends object>(client: Client, name: string, used: string[]) {
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (typeof value !== "function") return value;
      used.push(`${name}.${String(property)}`);
      return value.bind(target);
    },
  });
}

/**
 * The harness's dependencies, recording each use of Prisma and of Db.rawSql in `used`; the abuse
 * limits counted in the database, as on a server database.
 */
function watchedDeps() {
  const used: string[] = [];
  const rawSql = watched(harness.deps.rawSql, "rawSql", used);
  const deps = createApiDeps({
    ...harness.deps,
    db: watched(harness.db, "prisma", used),
    rawSql,
    limits: createRateLimits({ kind: "database", prisma: harness.db, rawSql }),
  });
  return { deps, used };
}

describe("a new booking's trips to the database", () => {
  // Each Prisma operation, raw ones included, costs about half a millisecond of CPU in Prisma's
  // query compiler; the booking path's statements go straight to the driver (Db.rawSql).
  it("are a read with its abuse-limit counts and a write, then for the host's next bookings one statement, none through Prisma", async () => {
    const host = await createAllDayHost(harness.db, {
      email: "statements@example.com",
      name: "Statements",
      slug: "statements",
    });
    const { deps, used } = watchedDeps();
    const book = (hour: number) =>
      createCaller(createContext(deps, { clientIp: "203.0.113.60" })).booking.create({
        hostSlug: "statements",
        packageId: host.packages[0]!.id,
        startTime: new Date(Date.UTC(2030, 0, 8, hour)),
        customerEmail: `customer-${hour}@example.com`,
      });
    // The first booking of the host reads its bookable settings, kept for the next ones.
    await book(9);
    expect(used.filter((use) => use.startsWith("rawSql"))).toEqual([
      "rawSql.$queryRaw",
      "rawSql.$queryRaw",
    ]);
    used.length = 0;

    // Its bookings as read and written are kept: the next booking is checked against them, and
    // counted and written in one statement.
    const booking = await book(10);
    expect(booking.calendarSync).toBe("skipped");
    expect(used).toEqual(["rawSql.$queryRaw"]);
    // Both bookings were counted against the address, this one against its email.
    const counted = await harness.db.rateLimit.findMany({
      where: { key: { endsWith: "203.0.113.60" } },
    });
    expect(counted.map(({ points }) => points)).toEqual([2]);
    expect(
      await harness.db.rateLimit.findUnique({
        where: { key: "bookingChangesPerEmail:customer-10@example.com" },
      }),
    ).toMatchObject({ points: 1 });
    expect(await harness.db.booking.count({ where: { hostId: host.id } })).toBe(2);
  });
});

describe("a new booking's trips to the database with Google connected", () => {
  it("are the same one, then one that records the event and its Meet link, read back from nothing", async () => {
    const { intro } = await demoWithCalendar(harness);
    const { deps, used } = watchedDeps();
    const book = (start: Date, email: string) =>
      createCaller(createContext(deps, { clientIp: "203.0.113.61" })).booking.create(
        bookingInput(intro.id, start, email),
      );
    await book(new Date("2030-01-08T09:00:00Z"), "first@example.com");
    used.length = 0;

    const booking = await book(new Date("2030-01-08T10:00:00Z"), "second@example.com");
    expect(booking).toMatchObject({ calendarSync: "synced" });
    expect(booking.meetLink).toMatch(/^https:\/\/meet\.google\.com\//);
    expect(used).toEqual(["rawSql.$queryRaw", "rawSql.$queryRaw"]);
    // What it answered is what was recorded.
    expect(
      await createCaller(createContext(harness.deps, {})).booking.get({
        id: booking.id,
        token: booking.token,
      }),
    ).toEqual(booking);
  });
});
