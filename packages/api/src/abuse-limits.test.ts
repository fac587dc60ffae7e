import { DEMO_HOST } from "@timetap/db";
import superjson from "superjson";
import { beforeEach, describe, expect, it } from "vitest";
import { apiOverHttp } from "./testing/api-over-http.ts";
import { createRateLimits } from "./lib/rate-limits.ts";
import { generateApiKey, hashApiKey } from "./hosts/api-key.ts";
import { bookingInput } from "./testing/booking-fixtures.ts";
import { useBookingHarness } from "./testing/suite-hooks.ts";

const hour = 3600;
const limits = {
  bookingChangesPerIp: { points: 3, durationSeconds: hour },
  bookingChangesPerEmail: { points: 2, durationSeconds: hour },
  slotsPerIp: { points: 2, durationSeconds: 60 },
  signInPerIp: { points: 1, durationSeconds: 900 },
  apiKeyFailuresPerIp: { points: 2, durationSeconds: 900 },
};
const { harness, intro } = useBookingHarness({ limitStore: "database", limits });
beforeEach(async () => {
  await harness.db.rateLimit.deleteMany();
});

/** Monday 7 January 2030 in Berlin, at `hour`:`minute`. */
const monday = (hour: number, minute = 0) => new Date(Date.UTC(2030, 0, 7, hour - 1, minute));
const from = (clientIp: string) => harness.caller({ clientIp });

describe("abuse limits", () => {
  it("refuses a fourth booking from one address with TOO_MANY_REQUESTS, writing nothing; another address still books", async () => {
    for (const [i, start] of [monday(10), monday(11), monday(12)].entries())
      await from("203.0.113.7").booking.create(bookingInput(intro.id, start, `c${i}@example.com`));

    await expect(
      from("203.0.113.7").booking.create(bookingInput(intro.id, monday(13), "c9@example.com")),
    ).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: "Too many attempts. Please try again in 60 minutes.",
    });
    expect(await harness.db.booking.count()).toBe(3);
    await expect(
      from("198.51.100.2").booking.create(bookingInput(intro.id, monday(13), "c9@example.com")),
    ).resolves.toMatchObject({ customerEmail: "c9@example.com" });
  });

  it("counts booking attempts refused before the write: an unknown package, a time not offered, a taken time", async () => {
    await from("198.51.100.3").booking.create(bookingInput(intro.id, monday(10), "c0@example.com"));
    const probe = (packageId: string, start: Date, email: string) =>
      from("203.0.113.8").booking.create(bookingInput(packageId, start, email));

    await expect(probe("no-such-package", monday(11), "p1@example.com")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(probe(intro.id, monday(3), "p2@example.com")).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(probe(intro.id, monday(10), "p3@example.com")).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(probe(intro.id, monday(14), "p4@example.com")).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    expect(await harness.db.booking.count()).toBe(1);
  });

  it("counts a customer's email across addresses, cancellations included", async () => {
    const booked = await from("203.0.113.1").booking.create(
      bookingInput(intro.id, monday(10), "Cora@Example.com"),
    );
    await from("203.0.113.2").booking.cancel({ id: booked.id, token: booked.token });
    await expect(
      from("203.0.113.3").booking.create(bookingInput(intro.id, monday(11), "cora@example.com")),
    ).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });

  it("limits looking up free times per address", async () => {
    const range = { hostSlug: "demo", packageId: intro.id, from: monday(0), to: monday(23) };
    await from("203.0.113.7").availability.slots(range);
    await from("203.0.113.7").availability.slots(range);
    await expect(from("203.0.113.7").availability.slots(range)).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    // Counted in the process's memory: a look at free times writes nothing to the database.
    expect(await harness.db.rateLimit.count()).toBe(0);
  });

  it("stops an address that keeps presenting wrong API keys, even once it finds a right one", async () => {
    const host = await harness.db.host.findUniqueOrThrow({ where: { email: DEMO_HOST.email } });
    const key = generateApiKey();
    await harness.db.apiKey.create({
      data: { hostId: host.id, name: "k", hashedKey: hashApiKey(key) },
    });
    const withKey = (apiKey: string) =>
      harness.caller({ clientIp: "203.0.113.9", authorization: `Bearer ${apiKey}` }).host.me();

    await expect(withKey(generateApiKey())).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(withKey(generateApiKey())).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(withKey(key)).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    // The key itself is fine from elsewhere.
    await expect(
      harness.caller({ clientIp: "198.51.100.9", authorization: `Bearer ${key}` }).host.me(),
    ).resolves.toMatchObject({ email: DEMO_HOST.email });
  });

  it("counts wrong API keys wherever they are tried, such as when asking for a move's times", async () => {
    const booked = await from("198.51.100.30").booking.create(bookingInput(intro.id, monday(10)));
    const movingWith = (apiKey: string) =>
      harness
        .caller({ clientIp: "203.0.113.31", authorization: `Bearer ${apiKey}` })
        .availability.slots({
          hostSlug: "demo",
          packageId: intro.id,
          from: monday(0),
          to: monday(23),
          reschedule: { id: booked.id },
        });
    await expect(movingWith(generateApiKey())).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(movingWith(generateApiKey())).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Those two wrong keys used up the address's allowance: even a right key is refused now.
    const host = await harness.db.host.findUniqueOrThrow({ where: { email: DEMO_HOST.email } });
    const key = generateApiKey();
    await harness.db.apiKey.create({
      data: { hostId: host.id, name: "m", hashedKey: hashApiKey(key) },
    });
    await expect(
      harness.caller({ clientIp: "203.0.113.31", authorization: `Bearer ${key}` }).host.me(),
    ).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });

  it("shares the counts between web processes through the database", async () => {
    // A second process: its own limiter over the same database.
    const elsewhere = createRateLimits(
      { kind: "database", prisma: harness.db, rawSql: harness.deps.rawSql },
      limits,
    );
    await harness.deps.limits.consume("bookingChangesPerIp", "203.0.113.5");
    await elsewhere.consume("bookingChangesPerIp", "203.0.113.5");
    await harness.deps.limits.consume("bookingChangesPerIp", "203.0.113.5");
    await expect(elsewhere.consume("bookingChangesPerIp", "203.0.113.5")).rejects.toMatchObject({
      name: "RateLimitedError",
    });
  });
});

describe("the HTTP API under abuse", () => {
  const post = (path: string, body: unknown, clientIp = "203.0.113.20") =>
    apiOverHttp(
      new Request(`http://test/api/trpc/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
      harness.deps,
      { clientIp },
    );

  it("answers 429 with Retry-After past a limit", async () => {
    const attempt = (email: string) =>
      post(
        "booking.create",
        superjson.serialize(bookingInput(intro.id, new Date("2999-01-01"), email)),
      );
    for (const email of ["a@example.com", "b@example.com", "c@example.com"])
      expect((await attempt(email)).status).toBe(400);
    const limited = await attempt("d@example.com");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(3000);
  });

  it("refuses a batch of 50 calls", async () => {
    const paths = Array.from({ length: 50 }, () => "health.check").join(",");
    const response = await apiOverHttp(
      new Request(`http://test/api/trpc/${paths}?batch=1`),
      harness.deps,
      { clientIp: "203.0.113.21" },
    );
    expect(response.status).toBe(400);
    expect(await harness.db.rateLimit.count()).toBe(0);
  });

  it("answers an unexpected failure with a generic sentence; the details go to the log only", async () => {
    const broken = {
      ...harness.deps,
      db: new Proxy(harness.db, {
        get: () => {
          throw new Error("connection to 10.0.0.5 refused (secret detail)");
        },
      }),
    };
    const response = await apiOverHttp(
      new Request(
        `http://test/api/trpc/catalog.host?input=${encodeURIComponent(JSON.stringify({ json: { slug: "demo" } }))}`,
      ),
      broken,
      {},
    );
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).toContain("Something went wrong on our side. Please try again.");
    expect(text).not.toContain("secret detail");
    expect(harness.logger.lines).toContainEqual(
      expect.objectContaining({
        event: "api_internal_error",
        message: expect.stringContaining("secret detail"),
      }),
    );
  });
});
