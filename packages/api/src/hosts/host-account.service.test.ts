import { seedDemo } from "@timetap/db";
import { beforeAll, describe, expect, it } from "vitest";
import { MONDAY_MORNING } from "../testing/booking-fixtures.ts";
import { useApiHarness } from "../testing/suite-hooks.ts";
import { consentAndGetCode } from "../testing/google-consent.ts";

// Pinned: the new host's page is read in January 2030, which must lie within its horizon.
const harness = useApiHarness({ now: MONDAY_MORNING });
beforeAll(async () => {
  await seedDemo(harness.db);
});

async function signIn(email: string, name = "Casey Coach") {
  const code = await consentAndGetCode(harness.deps.google, harness.emulator, { email, name });
  return harness.caller().auth.signInWithGoogle({ code });
}

describe("signing in with Google", () => {
  it("creates a new host with the calendar connected and the refresh token encrypted", async () => {
    const result = await signIn("Casey@Example.com");
    expect(result.needsOnboarding).toBe(true);
    const host = await harness.db.host.findUniqueOrThrow({ where: { id: result.hostId } });
    expect(host).toMatchObject({
      email: "casey@example.com",
      name: "Casey Coach",
      calendarStatus: "connected",
    });
    expect(host.googleRefreshToken).toMatch(/^v1:/);
    const refreshToken = harness.tokens.decrypt(host.googleRefreshToken ?? "");
    // The stored token really works at Google: it reads the host's calendar.
    await expect(
      harness.deps.google.getCalendarBusyTimes(
        refreshToken,
        new Date(),
        new Date(Date.now() + 3_600_000),
      ),
    ).resolves.toEqual([]);
  });

  it("finds the same host on the next sign-in instead of creating another", async () => {
    const first = await signIn("returning@example.com");
    await harness.caller({ sessionHostId: first.hostId }).host.completeOnboarding({
      slug: "returning",
      name: "Returning Host",
      timeZone: "Europe/Paris",
    });
    const second = await signIn("returning@example.com");
    expect(second).toEqual({ hostId: first.hostId, needsOnboarding: false });
    expect(await harness.db.host.count({ where: { email: "returning@example.com" } })).toBe(1);
  });

  it("rejects a code that was already used", async () => {
    const code = await consentAndGetCode(harness.deps.google, harness.emulator, {
      email: "twice@example.com",
      name: "Twice",
    });
    await harness.caller().auth.signInWithGoogle({ code });
    await expect(harness.caller().auth.signInWithGoogle({ code })).rejects.toThrow();
  });

  it("builds an authorization URL on the configured Google with offline access and the state", async () => {
    const { url } = await harness.caller().auth.googleAuthorizationUrl({ state: "s".repeat(32) });
    const parsed = new URL(url);
    expect(parsed.origin + parsed.pathname).toBe(`${harness.emulator.url}/o/oauth2/v2/auth`);
    expect(parsed.searchParams.get("state")).toBe("s".repeat(32));
    expect(parsed.searchParams.get("access_type")).toBe("offline");
  });
});

describe("onboarding", () => {
  it("gives a clear CONFLICT when the address is taken, and BAD_REQUEST for a malformed one", async () => {
    const { hostId } = await signIn("newbie@example.com");
    const api = harness.caller({ sessionHostId: hostId });
    await expect(
      api.host.completeOnboarding({ slug: "demo", name: "Newbie", timeZone: "Europe/Berlin" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "The address /demo is taken. Please pick another.",
    });
    await expect(
      api.host.completeOnboarding({
        slug: "Has Spaces",
        name: "Newbie",
        timeZone: "Europe/Berlin",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      api.host.completeOnboarding({ slug: "newbie", name: "Newbie", timeZone: "Mars/Olympus" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await api.host.completeOnboarding({ slug: "newbie", name: "Newbie", timeZone: "Asia/Tokyo" });
    await expect(api.host.me()).resolves.toMatchObject({ slug: "newbie", timeZone: "Asia/Tokyo" });
  });

  it("is closed to callers who are not signed in", async () => {
    await expect(harness.caller().host.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("disconnecting the calendar", () => {
  it("revokes the token at Google and forgets it", async () => {
    const { hostId } = await signIn("leaving@example.com");
    const stored = (await harness.db.host.findUniqueOrThrow({ where: { id: hostId } }))
      .googleRefreshToken;
    const refreshToken = harness.tokens.decrypt(stored ?? "");
    await expect(
      harness.caller({ sessionHostId: hostId }).host.disconnectCalendar(),
    ).resolves.toEqual({
      calendarStatus: "disconnected",
    });
    const host = await harness.db.host.findUniqueOrThrow({ where: { id: hostId } });
    expect(host.googleRefreshToken).toBeNull();
    await expect(
      harness.deps.google.getCalendarBusyTimes(
        refreshToken,
        new Date(),
        new Date(Date.now() + 60_000),
      ),
    ).rejects.toMatchObject({ kind: "revoked" });
  });
});

describe("a new host's first page", () => {
  it("is bookable right after onboarding: weekday hours in the host's zone and a free intro call", async () => {
    const { hostId } = await signIn("fresh@example.com", "Fresh Host");
    await harness.caller({ sessionHostId: hostId }).host.completeOnboarding({
      slug: "fresh-host",
      name: "Fresh Host",
      timeZone: "America/New_York",
    });
    const { packages } = await harness.caller().catalog.host({ slug: "fresh-host" });
    expect(packages).toMatchObject([{ name: "Intro call", durationMinutes: 30, priceCents: 0 }]);
    const rules = await harness.db.availabilityRule.findMany({
      where: { hostId },
      orderBy: { weekday: "asc" },
    });
    expect(rules.map((r) => [r.weekday, r.startMinute, r.endMinute])).toEqual(
      [1, 2, 3, 4, 5].map((weekday) => [weekday, 540, 1020]),
    );
    // Monday 2030-01-07 09:00 in New York is 14:00 UTC.
    const { slots } = await harness.caller().availability.slots({
      hostSlug: "fresh-host",
      packageId: packages[0]!.id,
      from: new Date("2030-01-07T00:00:00Z"),
      to: new Date("2030-01-08T00:00:00Z"),
    });
    expect(slots[0]?.start.toISOString()).toBe("2030-01-07T14:00:00.000Z");
  });
});

describe("host.upcomingBookings", () => {
  it("lists the signed-in host's future bookings with their calendar state, and nobody else's", async () => {
    const demo = await harness.db.host.findUniqueOrThrow({ where: { slug: "demo" } });
    const pkg = await harness.db.sessionPackage.findFirstOrThrow({ where: { hostId: demo.id } });
    const start = new Date(MONDAY_MORNING.getTime() + 86_400_000);
    await harness.db.booking.create({
      data: {
        hostId: demo.id,
        packageId: pkg.id,
        startTime: start,
        endTime: new Date(start.getTime() + 30 * 60_000),
        customerEmail: "listed@example.com",
        accessToken: "t".repeat(43),
        calendarSyncs: {
          create: { action: "create", state: "pending", lastError: "503 backendError" },
        },
      },
    });
    const list = await harness.caller({ sessionHostId: demo.id }).host.upcomingBookings();
    expect(list).toMatchObject([
      {
        customerEmail: "listed@example.com",
        calendarSync: "pending",
        calendarError: "503 backendError",
      },
    ]);
    const { hostId: other } = await signIn("other-host@example.com");
    await expect(harness.caller({ sessionHostId: other }).host.upcomingBookings()).resolves.toEqual(
      [],
    );
  });
});
