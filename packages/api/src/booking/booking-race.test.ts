import type { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { composedSql, DEMO_HOST, type Prisma } from "@timetap/db";
import { useBookingHarness } from "../testing/suite-hooks.ts";
import { bookingInput } from "../testing/booking-fixtures.ts";
import { createContext, type RequestAuth } from "../context.ts";
import { createApiDeps } from "../deps.ts";
import { createCaller } from "../root.ts";

const { harness, intro } = useBookingHarness();
const MINUTE = 60_000;

/** Every racer's answer: the booking, or the tRPC code it was refused with. */
async function race(requests: Array<() => Promise<{ startTime: Date; endTime: Date }>>) {
  const settled = await Promise.allSettled(requests.map((request) => request()));
  return settled.map((result) =>
    result.status === "fulfilled" ? result.value : (result.reason as TRPCError).code,
  );
}

describe("bookings of one host racing for overlapping times", () => {
  // On PostgreSQL, two overlapping inserts checked at once could deadlock inside the exclusion
  // constraint and answer 500 (run with TEST_DATABASE_URL to race on a server).
  // 180 bookings on one database: slow on a busy machine, hence its own time limit.
  it(
    "are never a 500: one booking stands per time, the others are CONFLICT",
    { timeout: 120_000 },
    async () => {
      const hour = await harness.db.sessionPackage.findFirstOrThrow({
        where: { host: { slug: "demo" }, durationMinutes: 60 },
      });
      const answers = [];
      // A deadlock needs two inserts checked at the same moment: three rounds give it chances.
      for (let week = 0; week < 3; week++) {
        const requests = [];
        for (let day = 0; day < 4; day++) {
          // Tuesday to Friday, 10:00 in Berlin: an hour from 10:00 overlaps half hours at 10:00
          // and 10:30.
          const ten = Date.UTC(2030, 0, 8 + 7 * week + day, 9);
          for (let racer = 0; racer < 5; racer++) {
            for (const [packageId, start] of [
              [hour.id, ten],
              [intro.id, ten],
              [intro.id, ten + 30 * MINUTE],
            ] as const) {
              const email = `r${answers.length + requests.length}@example.com`;
              const input = bookingInput(packageId, new Date(start), email);
              requests.push(() => harness.caller().booking.create(input));
            }
          }
        }
        answers.push(...(await race(requests)));
      }

      const refusals = answers.filter((answer) => typeof answer === "string");
      expect(new Set(refusals)).toEqual(new Set(["CONFLICT"]));
      const booked = answers
        .filter((answer) => typeof answer !== "string")
        .sort((a, b) => a.startTime.getTime() - b.startTime.getTime());
      // Each day's racers leave the hour, or one or both half hours: never two at one time.
      expect(booked.length).toBeGreaterThanOrEqual(12);
      booked.slice(1).forEach((booking, i) => {
        expect(booking.startTime.getTime()).toBeGreaterThanOrEqual(booked[i]!.endTime.getTime());
      });
      expect(await harness.db.booking.count({ where: { status: "CONFIRMED" } })).toBe(
        booked.length,
      );
    },
  );

  it("moving bookings onto one time at once leaves one there; the other moves are CONFLICT", async () => {
    const starts = [0, 1, 2, 3].map((i) => new Date(Date.UTC(2030, 0, 9, 8 + i)));
    const bookings = [];
    for (const [i, start] of starts.entries())
      bookings.push(
        await harness
          .caller()
          .booking.create(bookingInput(intro.id, start, `mover-${i}@example.com`)),
      );
    const target = new Date(Date.UTC(2030, 0, 10, 9));

    const answers = await race(
      bookings.map(
        (booking) => () =>
          harness
            .caller()
            .booking.reschedule({ id: booking.id, token: booking.token, startTime: target }),
      ),
    );

    expect(answers.filter((answer) => typeof answer === "string")).toEqual(
      Array(3).fill("CONFLICT"),
    );
    expect(
      await harness.db.booking.count({ where: { startTime: target, status: "CONFIRMED" } }),
    ).toBe(1);
  });
});

describe("bookings of one host racing for times that do not overlap", () => {
  /** Tuesday to Friday of the demo week, 10:00 in Berlin, and `later` minutes after it. */
  const starts = (day: number, later: number) =>
    [0, later].map((minutes) => new Date(Date.UTC(2030, 0, 8 + day, 9, minutes)));

  // Each pair fits on its own but breaks the host's limit together.
  const races = [
    {
      rule: "the host's buffer",
      limits: { bufferAfterMinutes: 30 },
      later: 30,
      emails: ["first@example.com", "second@example.com"],
      refusal: "This time was just booked. Please pick another.",
    },
    {
      rule: "the host's daily maximum",
      limits: { dailyMaximum: 1 },
      later: 360,
      emails: ["morning@example.com", "afternoon@example.com"],
      refusal: "This day is fully booked. Please pick another day.",
    },
    {
      rule: "a customer's allowance of upcoming sessions",
      limits: { upcomingPerCustomer: 1 },
      later: 360,
      emails: ["cora@example.com", "Cora@example.com"],
      refusal:
        "You already have 1 upcoming session with Dana Demo. Please book another once one has taken place, or cancel one first.",
    },
  ];
  // Within one process a host's bookings take turns in memory; from two processes (each with its
  // own turns and caches, on one database) the host's booking version keeps them apart.
  for (const race of races)
    for (const processes of [1, 2])
      it(`keep ${race.rule} from ${processes} process(es): one of each pair stands, the other is CONFLICT`, async () => {
        await harness.db.host.update({ where: { email: DEMO_HOST.email }, data: race.limits });
        const callers = [harness.caller, processes === 2 ? anotherProcess() : harness.caller];
        for (let day = 0; day < 4; day++) {
          const settled = await Promise.allSettled(
            starts(day, race.later).map((start, i) =>
              callers[i]!().booking.create(
                bookingInput(intro.id, start, `${day}.${race.emails[i]!}`),
              ),
            ),
          );
          const answers = settled.map((result) =>
            result.status === "fulfilled"
              ? "booked"
              : `${(result.reason as TRPCError).code}: ${(result.reason as TRPCError).message}`,
          );
          expect(answers.sort()).toEqual([`CONFLICT: ${race.refusal}`, "booked"]);
        }
        expect(await harness.db.booking.count()).toBe(4);
      });

  it("keep the host's buffer between a move and a new booking from two processes", async () => {
    await harness.db.host.update({
      where: { email: DEMO_HOST.email },
      data: { bufferAfterMinutes: 30 },
    });
    const elsewhere = anotherProcess();
    for (let day = 0; day < 4; day++) {
      const [ten, halfPastTen] = starts(day, 30);
      // Booked at 14:00 that day, then moved to 10:30 while another customer books 10:00.
      const moving = await harness
        .caller()
        .booking.create(
          bookingInput(intro.id, new Date(ten!.getTime() + 4 * 3_600_000), `m${day}@x.org`),
        );
      const settled = await Promise.allSettled([
        harness
          .caller()
          .booking.reschedule({ id: moving.id, token: moving.token, startTime: halfPastTen! }),
        elsewhere().booking.create(bookingInput(intro.id, ten!, `n${day}@x.org`)),
      ]);
      const refused = settled.filter((result) => result.status === "rejected");
      expect(refused.map((result) => (result.reason as TRPCError).code)).toEqual(["CONFLICT"]);
    }
  });
});

describe("a new booking whose host keeps changing under it", () => {
  it("reads and writes again, then waits for the host's row lock, and stands once", async () => {
    // Another process moves the host's booking version on before each of this one's writes.
    let overtaken = 0;
    const rawSql = new Proxy(harness.deps.rawSql, {
      get(target, property) {
        const value = Reflect.get(target, property) as unknown;
        if (typeof value !== "function") return value;
        if (property !== "$queryRaw") return value.bind(target);
        return async (sql: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => {
          if (composedSql(sql, values).sql.includes("new_booking")) {
            overtaken++;
            await target.$executeRaw`UPDATE host SET booking_version = booking_version + 1`;
          }
          return (value as typeof target.$queryRaw).call(target, sql, ...values);
        };
      },
    });
    const deps = createApiDeps({ ...harness.deps, rawSql });
    const start = new Date(Date.UTC(2030, 0, 8, 9));
    const booking = await createCaller(createContext(deps, {})).booking.create(
      bookingInput(intro.id, start),
    );
    expect(overtaken).toBe(3);
    expect(booking.startTime).toEqual(start);
    expect(await harness.db.booking.count()).toBe(1);
    expect(await harness.db.email.count({ where: { bookingId: booking.id } })).toBeGreaterThan(0);
  });
});

/** A caller of a second web process on the same database: its own turns per host and caches. */
function anotherProcess() {
  const deps = createApiDeps({ ...harness.deps });
  return (auth: RequestAuth = {}) => createCaller(createContext(deps, auth));
}
