import { composedSql, type Prisma } from "@timetap/db";
import { describe, expect, it } from "vitest";
import { createAllDayHost } from "../testing/booking-fixtures.ts";
import { useApiHarness } from "../testing/suite-hooks.ts";
import { createContext } from "../context.ts";
import { createApiDeps } from "../deps.ts";
import { createCaller } from "../root.ts";

const NOW = new Date("2030-01-07T06:00:00Z");
const harness = useApiHarness({ now: NOW });

/** Each raw statement asked of `client` (Prisma or Db.rawSql), as text and values, into `asked`. */
function recording<Client extends object>(client: Client, asked: Prisma.Sql[]): Client {
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (typeof value !== "function") return value;
      if (property !== "$queryRaw" && property !== "$executeRaw") return value.bind(target);
      return (query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => {
        asked.push(composedSql(query, values));
        return Reflect.apply(value, target, [query, ...values]) as unknown;
      };
    },
  });
}

interface PlanNode {
  "Relation Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  Plans?: PlanNode[];
}

/** How many rows of the booking table the plan's scans looked at, kept or filtered out. */
function bookingRowsLookedAt(node: PlanNode): number {
  const own =
    node["Relation Name"] === "booking"
      ? ((node["Actual Rows"] ?? 0) +
          (node["Rows Removed by Filter"] ?? 0) +
          (node["Rows Removed by Index Recheck"] ?? 0)) *
        (node["Actual Loops"] ?? 1)
      : 0;
  return (node.Plans ?? []).reduce((sum, child) => sum + bookingRowsLookedAt(child), own);
}

/** Runs `statement` again under EXPLAIN ANALYZE, in a transaction rolled back: nothing stays. */
async function rowsLookedAt(statement: Prisma.Sql): Promise<number> {
  let looked = 0;
  await harness.db
    .$transaction(async (tx) => {
      const [row] = await tx.$queryRawUnsafe<Array<{ "QUERY PLAN": unknown }>>(
        `EXPLAIN (ANALYZE, FORMAT JSON) ${statement.text}`,
        ...statement.values,
      );
      const plan = row!["QUERY PLAN"];
      const [{ Plan }] = (typeof plan === "string" ? JSON.parse(plan) : plan) as [
        { Plan: PlanNode },
      ];
      looked = bookingRowsLookedAt(Plan);
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  return looked;
}
class RolledBack extends Error {}

describe("a host with years of bookings behind them", () => {
  it("is booked and browsed by statements that look only at the bookings near the time asked and at the customer's own, not at every past or coming one", async () => {
    const host = await createAllDayHost(harness.db, {
      email: "veteran@example.com",
      name: "Veteran",
      slug: "veteran",
    });
    const packageId = host.packages[0]!.id;
    // 3,000 sessions, one every 8 hours up to the day before, some with the customer who books.
    await harness.db.$executeRaw`
      INSERT INTO booking (id, host_id, package_id, start_time, end_time, customer_email,
        access_token, updated_at)
      SELECT 'past-' || i, ${host.id}, ${packageId},
        ${NOW}::timestamptz - make_interval(hours => 8 * i),
        ${NOW}::timestamptz - make_interval(hours => 8 * i) + interval '30 minutes',
        CASE WHEN i % 2 = 0 THEN 'loyal@example.com' ELSE 'other-' || i || '@example.com' END,
        'past-token-' || i, now()
      FROM generate_series(2, 3001) AS i`;
    // And a full diary ahead: 300 sessions with other customers, from the week after next on.
    await harness.db.$executeRaw`
      INSERT INTO booking (id, host_id, package_id, start_time, end_time, customer_email,
        access_token, updated_at)
      SELECT 'ahead-' || i, ${host.id}, ${packageId},
        ${NOW}::timestamptz + make_interval(days => 14, hours => 4 * i),
        ${NOW}::timestamptz + make_interval(days => 14, hours => 4 * i) + interval '30 minutes',
        'ahead-' || i || '@example.com', 'ahead-token-' || i, now()
      FROM generate_series(1, 300) AS i`;
    // As PostgreSQL's autovacuum does within a minute of that many new rows, and the embedded
    // database's upkeep every hour (embedded-upkeep.ts): the planner knows what the table holds.
    await harness.db.$executeRaw`ANALYZE booking`;
    const asked: Prisma.Sql[] = [];
    const deps = createApiDeps({
      ...harness.deps,
      db: recording(harness.db, asked),
      rawSql: recording(harness.deps.rawSql, asked),
    });
    const caller = createCaller(createContext(deps, { clientIp: "203.0.113.70" }));
    const book = (hour: number) =>
      caller.booking.create({
        hostSlug: "veteran",
        packageId,
        startTime: new Date(Date.UTC(2030, 0, 8, hour)),
        customerEmail: "loyal@example.com",
      });

    // The first booking reads the host's bookings around its time; the next is checked against
    // what was kept. Both count the customer's upcoming sessions with the host.
    expect(await book(9)).toMatchObject({ calendarSync: "skipped" });
    expect(await book(10)).toMatchObject({ calendarSync: "skipped" });
    const { slots } = await caller.availability.slots({
      hostSlug: "veteran",
      packageId,
      from: NOW,
      to: new Date(NOW.getTime() + 7 * 24 * 3_600_000),
    });
    // The two booked half hours are not offered again.
    expect(slots.map((slot) => slot.start.toISOString())).not.toContain("2030-01-08T09:00:00.000Z");
    expect(slots.length).toBeGreaterThan(300);

    const readingBookings = asked.filter((statement) => /FROM booking\b/.test(statement.text));
    // The booking's read, its two writes and the slots' read.
    expect(readingBookings.length).toBeGreaterThanOrEqual(4);

    // The host's dashboard lists the coming sessions, soonest first, from the new ones on.
    const listedFrom = asked.length;
    const hostCaller = createCaller(createContext(deps, { sessionHostId: host.id }));
    const upcoming = await hostCaller.host.upcomingBookings();
    expect(upcoming.slice(0, 3).map(({ startTime }) => startTime.toISOString())).toEqual([
      "2030-01-08T09:00:00.000Z",
      "2030-01-08T10:00:00.000Z",
      "2030-01-21T10:00:00.000Z",
    ]);
    expect(upcoming).toHaveLength(50);
    const listing = asked.slice(listedFrom);
    expect(listing.length, "the list is asked by a statement looked at here").toBeGreaterThan(0);
    // It looks at the page it shows and the session under way, not at the 3,000 past bookings
    // before them, nor at every one of the 302 coming ones.
    for (const statement of listing)
      expect(await rowsLookedAt(statement), statement.text).toBeLessThanOrEqual(51);
    for (const statement of readingBookings)
      // Within a few days of the times asked there are the two new bookings and about 6 past
      // ones, and the customer has 1 upcoming; reading the whole history would look at 3,000,
      // every upcoming booking (for the customer's count) at 300.
      expect(await rowsLookedAt(statement), statement.text).toBeLessThan(50);
  });
});
