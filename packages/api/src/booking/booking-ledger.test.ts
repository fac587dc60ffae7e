import type { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { DEMO_HOST } from "@timetap/db";
import { useBookingHarness } from "../testing/suite-hooks.ts";
import { bookingInput } from "../testing/booking-fixtures.ts";
import { createContext, type RequestAuth } from "../context.ts";
import { createApiDeps } from "../deps.ts";
import { createRateLimits, defaultRateLimits } from "../lib/rate-limits.ts";
import { getBookingLimits, updateBookingLimits } from "../hosts/booking-limits.service.ts";
import { createCaller } from "../root.ts";

// Checked against what this process keeps of the host's bookings (booking-ledger.ts), a booking
// must still meet every rule that a read would enforce.
const { harness, intro } = useBookingHarness();

/** Tuesday 2030-01-08 at `hour`:`minute` in Berlin, where the demo host works. */
const tuesday = (hour: number, minute = 0) => new Date(Date.UTC(2030, 0, 8, hour - 1, minute));

/** A web process of its own on the same database: its own turns, caches and kept bookings. */
function webProcess(auth: RequestAuth = {}) {
  const deps = createApiDeps({ ...harness.deps });
  return { deps, book: (start: Date, email: string) => caller(deps, auth, start, email) };
}

function caller(
  deps: ReturnType<typeof createApiDeps>,
  auth: RequestAuth,
  start: Date,
  email: string,
) {
  return createCaller(createContext(deps, auth)).booking.create(
    bookingInput(intro.id, start, email),
  );
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => "booked",
    (error: TRPCError) => error.code,
  );

describe("a booking checked against the host's bookings this process keeps", () => {
  it("keeps the buffer of a booking another process wrote since", async () => {
    await harness.db.host.update({
      where: { email: DEMO_HOST.email },
      data: { bufferAfterMinutes: 30 },
    });
    const here = webProcess();
    const elsewhere = webProcess();
    await here.book(tuesday(10), "a@example.com");
    // Unknown to what `here` keeps: 11:00 to 11:30, and its buffer to 12:00.
    await elsewhere.book(tuesday(11), "b@example.com");

    expect(await refusal(here.book(tuesday(11, 30), "c@example.com"))).toBe("CONFLICT");
    expect(await harness.db.booking.count()).toBe(2);
  });

  it("books a time it keeps as taken when the booking there was cancelled unheard", async () => {
    const here = webProcess();
    await here.book(tuesday(10), "a@example.com");
    const eleven = await here.book(tuesday(11), "b@example.com");
    // Cancelled without this process hearing of it (another process's notice still on its way).
    await harness.db.booking.update({ where: { id: eleven.id }, data: { status: "CANCELLED" } });

    const again = await here.book(tuesday(11), "c@example.com");
    expect(again.startTime).toEqual(tuesday(11));
  });

  it("keeps the buffers the host set since it was kept", async () => {
    const here = webProcess();
    const host = await harness.db.host.findUniqueOrThrow({ where: { email: DEMO_HOST.email } });
    await here.book(tuesday(10), "a@example.com");
    const limits = await getBookingLimits(here.deps, host.id);
    await updateBookingLimits(here.deps, host.id, { ...limits, bufferAfterMinutes: 60 });

    // 10:00 to 10:30 now keeps the host free until 11:30.
    expect(await refusal(here.book(tuesday(10, 30), "b@example.com"))).toBe("CONFLICT");
    expect(await harness.db.booking.count()).toBe(1);
  });

  it("writes nothing past an abuse limit it counts in the same statement", async () => {
    const limits = createRateLimits(
      { kind: "database", prisma: harness.db, rawSql: harness.deps.rawSql },
      { ...defaultRateLimits, bookingChangesPerIp: { points: 2, durationSeconds: 3600 } },
    );
    const deps = createApiDeps({ ...harness.deps, limits });
    const auth = { clientIp: "203.0.113.80" };
    await caller(deps, auth, tuesday(10), "a@example.com");
    await caller(deps, auth, tuesday(11), "b@example.com");

    expect(await refusal(caller(deps, auth, tuesday(12), "c@example.com"))).toBe(
      "TOO_MANY_REQUESTS",
    );
    expect(await harness.db.booking.count()).toBe(2);
    expect(
      await harness.db.rateLimit.findUnique({ where: { key: "bookingChangesPerIp:203.0.113.80" } }),
    ).toMatchObject({ points: 3 });
  });

  it("refuses a customer their allowance of upcoming sessions, counted in the write", async () => {
    await harness.db.host.update({
      where: { email: DEMO_HOST.email },
      data: { upcomingPerCustomer: 1 },
    });
    const here = webProcess();
    await here.book(tuesday(10), "same@example.com");

    expect(await refusal(here.book(tuesday(11), "SAME@example.com"))).toBe("CONFLICT");
    expect(await harness.db.booking.count()).toBe(1);
  });
});
