import { randomBytes } from "node:crypto";
import { DEMO_HOST, seedDemo } from "@timetap/db";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renewDueChannels } from "./calendar-push/calendar-channels.ts";
import { connectCalendar } from "./hosts/host-calendar.ts";
import { archivePackage } from "./hosts/packages.service.ts";
import { createTokenCipher } from "./lib/token-crypto.ts";
import { createApiHarness } from "./testing/api-harness.ts";
import { apiProcesses } from "./testing/api-processes.ts";
import { bookingInput, createAllDayHost, type Harness } from "./testing/booking-fixtures.ts";

const onServer = Boolean(process.env.TEST_DATABASE_URL);
const DAY_MS = 86_400_000;
const processes = apiProcesses();
let harness: Harness;
let first: { api: string; webhook: string };
let second: { api: string; webhook: string };
let packageId: string;
/** Two days open around the clock, from the start of the day after tomorrow (UTC). */
let from: Date;
const at = (hours: number) => new Date(from.getTime() + hours * 3_600_000);

beforeAll(async () => {
  if (!onServer) return;
  harness = await createApiHarness();
  const tokenKey = randomBytes(32).toString("base64");
  const options = { databaseUrl: harness.databaseUrl!, googleUrl: harness.emulator.url, tokenKey };
  [first, second] = await Promise.all([processes.start(options), processes.start(options)]);
  // Each listens from before it answers: it trusts what it hears 5 s after that at the latest.
  const startedAt = Date.now();
  const host = await seedDemo(harness.db);
  await harness.db.availabilityRule.deleteMany({ where: { hostId: host.id } });
  await harness.db.availabilityRule.createMany({
    data: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
      hostId: host.id,
      weekday,
      startMinute: 0,
      endMinute: 24 * 60,
    })),
  });
  // Connected as the processes would connect it: their key, Google pushing to the first one.
  const asFirst = { ...harness.deps, tokens: createTokenCipher([tokenKey]), appUrl: first.webhook };
  await connectCalendar(asFirst, host.id, harness.emulator.issueRefreshToken(DEMO_HOST.email));
  await renewDueChannels(asFirst);
  packageId = (
    await harness.db.sessionPackage.findFirstOrThrow({
      where: { hostId: host.id, durationMinutes: 30 },
    })
  ).id;
  from = new Date((Math.floor(Date.now() / DAY_MS) + 2) * DAY_MS);
  // A process that starts beside others caches nothing until settled (host-changes.ts, 5 s),
  // and is told of their changes from then on: the tests below ask both to cache, then change.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, startedAt + 5_500 - Date.now())));
});
afterAll(async () => {
  await processes.stopAll();
  await harness?.close();
});

/** The slots one process offers over those two days, as a booking page asks for them. */
async function offeredBy(process: { api: string }, hostSlug = "demo", ofPackage = packageId) {
  const input = { hostSlug, packageId: ofPackage, from, to: at(48) };
  const query = encodeURIComponent(JSON.stringify(superjson.serialize(input)));
  const response = await fetch(`${process.api}/availability.slots?input=${query}`);
  const { result } = (await response.json()) as {
    result: { data: Parameters<typeof superjson.deserialize>[0] };
  };
  const { slots } = superjson.deserialize<{ slots: { start: Date }[] }>(result.data);
  return slots.map((slot) => slot.start.toISOString());
}

const skipReason =
  "The embedded PGlite database serves one process by design; this runs in the PostgreSQL pass (TEST_DATABASE_URL, as in pnpm test:all).";

describe("host changes across web processes", () => {
  it("a booking made through one process leaves the other's slots within a second", async ({
    skip,
  }) => {
    skip(!onServer, skipReason);
    // The second process keeps its answer.
    expect(await offeredBy(second)).toContain(at(1).toISOString());
    const booked = await fetch(`${first.api}/booking.create`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(superjson.serialize(bookingInput(packageId, at(1)))),
    });
    expect(booked.status).toBe(200);
    await expect
      .poll(() => offeredBy(second), { timeout: 1_000, interval: 50 })
      .not.toContain(at(1).toISOString());
  });

  it("Google's push to one process drops the other's busy times within a second", async ({
    skip,
  }) => {
    skip(!onServer, skipReason);
    expect(await offeredBy(second)).toContain(at(5).toISOString());
    harness.emulator.addEvent(DEMO_HOST.email, {
      calendarId: DEMO_HOST.email,
      start: at(5),
      end: at(6),
    });
    await expect
      .poll(() => offeredBy(second), { timeout: 1_000, interval: 50 })
      .not.toContain(at(5).toISOString());
  });
  it("a package the host archives through one process is refused by the other's next booking", async ({
    skip,
  }) => {
    skip(!onServer, skipReason);
    const coaching = await harness.db.sessionPackage.findFirstOrThrow({
      where: { host: { slug: "demo" }, durationMinutes: 60 },
    });
    const book = (startTime: Date) =>
      fetch(`${second.api}/booking.create`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(
          superjson.serialize(bookingInput(coaching.id, startTime, "cleo@example.com")),
        ),
      });
    // The second process has read the package's settings for this booking and keeps them.
    expect((await book(at(20))).status).toBe(200);
    await archivePackage(harness.deps, coaching.hostId, coaching.id);
    await expect
      .poll(async () => (await book(at(22))).status, { timeout: 1_000, interval: 50 })
      .toBe(404);
  });
  it("a booking of a host without Google, made through one process, leaves the other's slots within a second", async ({
    skip,
  }) => {
    skip(!onServer, skipReason);
    // No calendar: no Google push follows the booking; only the booking's own notification tells.
    const nora = await createAllDayHost(harness.db, {
      email: "nora@example.com",
      name: "Nora Nocal",
      slug: "nora",
    });
    const talk = nora.packages[0]!.id;
    expect(await offeredBy(second, "nora", talk)).toContain(at(3).toISOString());
    const input = { ...bookingInput(talk, at(3)), hostSlug: "nora" };
    const booked = await fetch(`${first.api}/booking.create`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(superjson.serialize(input)),
    });
    expect(booked.status).toBe(200);
    await expect
      .poll(() => offeredBy(second, "nora", talk), { timeout: 1_000, interval: 50 })
      .not.toContain(at(3).toISOString());
  });
});
