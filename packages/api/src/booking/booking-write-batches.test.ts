import { randomUUID } from "node:crypto";
import { composedSql, isExclusionViolation, type Prisma, type RawSql } from "@timetap/db";
import { describe, expect, it } from "vitest";
import { createAllDayHost } from "../testing/booking-fixtures.ts";
import { useApiHarness } from "../testing/suite-hooks.ts";
import { createRateLimits } from "../lib/rate-limits.ts";
import type { BookingWrite } from "./booking-insert.ts";
import { createBookingWrites } from "./booking-write-batches.ts";

const NOW = new Date("2030-01-07T06:00:00Z");
const harness = useApiHarness({ now: NOW });
const HOUR_MS = 3_600_000;

/** An event per statement index: awaited with `wait`, happened with `done`, in either order. */
function perStatement() {
  const events = new Map<number, { happened: Promise<void>; done: () => void }>();
  const of = (index: number) => {
    if (!events.has(index)) {
      let done!: () => void;
      const happened = new Promise<void>((resolve) => (done = resolve));
      events.set(index, { happened, done });
    }
    return events.get(index)!;
  };
  return { wait: (index: number) => of(index).happened, done: (index: number) => of(index).done() };
}

/**
 * Db.rawSql, counting the bookings each statement writes, and noting which statements (by their
 * index) were under way when each began; `inFlight` under way at once. `answerAfter` holds a
 * statement's answer back until what it names has happened, to order statements as a test needs.
 */
function countingWrites(
  inFlight = 2,
  answerAfter: (
    index: number,
    on: { begun: (index: number) => Promise<void>; answered: (index: number) => Promise<void> },
  ) => Promise<unknown> = async () => {},
) {
  const statements: number[] = [];
  const begunBeside: number[][] = [];
  const underWay = new Set<number>();
  const begun = perStatement();
  const answered = perStatement();
  const rawSql: Pick<RawSql, "$queryRaw"> = {
    $queryRaw: (async (query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => {
      const { sql } = composedSql(query, values);
      const index = statements.push(sql.match(/INSERT INTO booking /g)?.length ?? 0) - 1;
      begunBeside.push([...underWay]);
      underWay.add(index);
      begun.done(index);
      try {
        const rows = await harness.deps.rawSql.$queryRaw(query, ...values);
        await answerAfter(index, { begun: begun.wait, answered: answered.wait });
        return rows;
      } finally {
        underWay.delete(index);
        answered.done(index);
      }
    }) as RawSql["$queryRaw"],
  };
  return { writes: createBookingWrites(rawSql, inFlight), statements, begunBeside };
}

let hostCount = 0;
/** All-day hosts of their own, as many as asked. */
async function hosts(count: number) {
  return Promise.all(
    Array.from({ length: count }, () => {
      const n = ++hostCount;
      return createAllDayHost(harness.db, {
        email: `batch-${n}@example.com`,
        name: `Batch ${n}`,
        slug: `batch-${n}`,
      });
    }),
  );
}

/** A new 30-minute booking of `host` at `start`, as createBooking hands it over. */
function newBooking(
  host: Awaited<ReturnType<typeof hosts>>[number],
  start: Date,
  counting?: BookingWrite["counting"],
): BookingWrite {
  const id = randomUUID();
  return {
    booking: {
      id,
      hostId: host.id,
      packageId: host.packages[0]!.id,
      startTime: start,
      endTime: new Date(start.getTime() + HOUR_MS / 2),
      customerEmail: `customer-${id}@example.com`,
      customerName: null,
      customerTimeZone: null,
      accessToken: randomUUID(),
    },
    sync: { id: randomUUID(), state: "skipped", nextAttemptAt: NOW },
    emails: [
      {
        kind: "booking_confirmed",
        recipient: `customer-${id}@example.com`,
        messageId: `<booking-${id}.booking_confirmed@example.com>`,
        nextAttemptAt: NOW,
      },
    ],
    version: host.bookingVersion,
    customer: { allowance: 10, now: NOW },
    counting,
    notification: null,
  };
}

const tomorrowAt = (hour: number) => new Date(NOW.getTime() + (24 + hour) * HOUR_MS);

describe("new bookings written together", () => {
  it("go in fewer statements while others are under way, each booking whole and as if alone", async () => {
    const [first, second, ...others] = await hosts(6);
    const { writes, statements } = countingWrites();
    const outcomes = await Promise.all(
      [first!, second!, ...others].map((host) => writes.write(newBooking(host, tomorrowAt(3)))),
    );
    expect(outcomes.map(({ written }) => written)).toEqual([true, true, true, true, true, true]);
    // Two went at once, alone; the four that waited for them went in one statement.
    expect(statements).toEqual([1, 1, 4]);
    const written = await harness.db.booking.findMany({
      where: { hostId: { in: [first!, second!, ...others].map(({ id }) => id) } },
      include: { calendarSyncs: true, emails: true },
    });
    expect(written).toHaveLength(6);
    for (const booking of written) {
      expect(booking.calendarSyncs.map(({ state }) => state)).toEqual(["skipped"]);
      expect(booking.emails.map(({ kind }) => kind)).toEqual(["booking_confirmed"]);
    }
    // Each moved its own host's version on, once.
    const versions = await harness.db.host.findMany({
      where: { id: { in: written.map(({ hostId }) => hostId) } },
      select: { bookingVersion: true },
    });
    expect(versions.map(({ bookingVersion }) => bookingVersion)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it("wait, with one statement under way at a time as on the embedded database, for the one before", async () => {
    const { writes, statements } = countingWrites(1);
    const outcomes = await Promise.all(
      (await hosts(4)).map((host) => writes.write(newBooking(host, tomorrowAt(2)))),
    );
    expect(outcomes.every(({ written }) => written)).toBe(true);
    expect(statements).toEqual([1, 3]);
  });

  it("keep each booking's conditions: one whose host moved on is not written, the others are", async () => {
    const [a, b, c, d] = await hosts(4);
    await harness.db.host.update({
      where: { id: d!.id },
      data: { bookingVersion: { increment: 1 } },
    });
    const { writes, statements } = countingWrites();
    const outcomes = await Promise.all(
      [a!, b!, c!, d!].map((host) => writes.write(newBooking(host, tomorrowAt(4)))),
    );
    expect(statements).toEqual([1, 1, 2]);
    expect(outcomes.map(({ written }) => written)).toEqual([true, true, true, false]);
    expect(await harness.db.booking.count({ where: { hostId: d!.id } })).toBe(0);
  });

  it("fail only the booking whose time was taken meanwhile", async () => {
    const [a, b, c, d, e] = await hosts(5);
    // Another process's booking of d's time that did not move d's version on (as none does; the
    // exclusion constraint is the last word).
    await harness.db.booking.create({
      data: {
        hostId: d!.id,
        packageId: d!.packages[0]!.id,
        startTime: tomorrowAt(5),
        endTime: new Date(tomorrowAt(5).getTime() + HOUR_MS / 2),
        customerEmail: "earlier@example.com",
        accessToken: randomUUID(),
      },
    });
    const { writes, statements } = countingWrites();
    const settled = await Promise.allSettled(
      [a!, b!, c!, d!, e!].map((host) => writes.write(newBooking(host, tomorrowAt(5)))),
    );
    // The three that waited went together, failed on d's time, and were written each alone.
    expect(statements).toEqual([1, 1, 3, 1, 1, 1]);
    expect(settled.map(({ status }) => status)).toEqual([
      "fulfilled",
      "fulfilled",
      "fulfilled",
      "rejected",
      "fulfilled",
    ]);
    const refused = settled[3] as PromiseRejectedResult;
    expect(isExclusionViolation(refused.reason)).toBe(true);
    for (const host of [a!, b!, c!, e!])
      expect(await harness.db.booking.count({ where: { hostId: host.id } })).toBe(1);
    expect(await harness.db.booking.count({ where: { hostId: d!.id } })).toBe(1);
  });

  it("never put two bookings of one host, or two counting one abuse-limit row, in one statement", async () => {
    const [a, b, c, d, e] = await hosts(5);
    const limits = createRateLimits({
      kind: "database",
      prisma: harness.db,
      rawSql: harness.deps.rawSql,
    });
    const counted = async (address: string) =>
      (await limits.countInWrite([
        ["bookingChangesPerIp", address],
        ["bookingChangesPerEmail", `${randomUUID()}@example.com`],
      ]))!;
    const [one, two, three, four, shared, sharedToo] = await Promise.all(
      ["192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4", "192.0.2.5", "192.0.2.5"].map(counted),
    );
    // a's answer first; b's once c's first and d's are under way; theirs once b's is handled.
    const { writes, statements, begunBeside } = countingWrites(2, async (index, on) => {
      if (index === 1) await on.begun(2);
      if (index === 2) await on.answered(1).then(() => new Promise(setImmediate));
    });
    const outcomes = await Promise.all([
      writes.write(newBooking(a!, tomorrowAt(6), one)),
      writes.write(newBooking(b!, tomorrowAt(6), two)),
      // Waiting together: c twice, and two bookings from one address.
      writes.write(newBooking(c!, tomorrowAt(6), three)),
      writes.write(newBooking(c!, tomorrowAt(7), four)),
      writes.write(newBooking(d!, tomorrowAt(6), shared)),
      writes.write(newBooking(e!, tomorrowAt(6), sharedToo)),
    ]);
    // c's first with d's, then c's second with e's: only once the first two are written, since
    // they change c's row and the address's (two statements under way that change each other's
    // rows can deadlock).
    expect(statements).toEqual([1, 1, 2, 2]);
    expect(begunBeside[3]).not.toContain(2);
    // c's second booking was checked at the version its first moved on from.
    expect(outcomes.map(({ written }) => written)).toEqual([true, true, true, false, true, true]);
    // Both attempts from the one address were counted against it, each once.
    expect(
      await harness.db.rateLimit.findUnique({ where: { key: "bookingChangesPerIp:192.0.2.5" } }),
    ).toMatchObject({ points: 2 });
  });
});
