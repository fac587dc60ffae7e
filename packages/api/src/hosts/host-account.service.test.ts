import { createHash } from "node:crypto";
import { DEMO_HOST, seedDemo } from "@timetap/db";
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

/** Signs in with a given Google account (its `sub`), as the consent page's "Account id" does. */
async function signInAs(sub: string, email: string, choices: { withholdCalendar?: boolean } = {}) {
  const code = await consentAndGetCode(harness.deps.google, harness.emulator, {
    email,
    name: "Casey Coach",
    sub,
    ...choices,
  });
  return harness.caller().auth.signInWithGoogle({ code });
}

const anotherAccount =
  /^This email already belongs to another TimeTap account, which signs in with a different Google account\./;

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
    expect(host.googleRefreshToken).toMatch(/^v2:/);
    const refreshToken = harness.tokens.decrypt(host.googleRefreshToken ?? "", host.id);
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

describe("who a Google account signs in as", () => {
  it("refuses a second Google account reporting a host's email, and leaves the host as it was", async () => {
    const { hostId } = await signInAs("first-account", "owner@example.com");
    const before = await harness.db.host.findUniqueOrThrow({ where: { id: hostId } });
    await expect(signInAs("second-account", "Owner@Example.com")).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(anotherAccount),
    });
    expect(await harness.db.host.findUniqueOrThrow({ where: { id: hostId } })).toEqual(before);
    expect(await harness.db.host.count({ where: { email: "owner@example.com" } })).toBe(1);
    await expect(signInAs("first-account", "owner@example.com")).resolves.toMatchObject({
      hostId,
    });
  });

  it("keeps the host of an account whose email changed at Google, with the new email", async () => {
    const { hostId } = await signInAs("moving-account", "old-address@example.com");
    await expect(signInAs("moving-account", "new-address@example.com")).resolves.toMatchObject({
      hostId,
    });
    const host = await harness.db.host.findUniqueOrThrow({ where: { id: hostId } });
    expect(host.email).toBe("new-address@example.com");
    expect(await harness.db.host.count({ where: { email: "old-address@example.com" } })).toBe(0);
  });

  it("refuses to move an account onto the email of another host", async () => {
    await signInAs("holder-account", "held@example.com");
    const { hostId } = await signInAs("mover-account", "mover@example.com");
    await expect(signInAs("mover-account", "held@example.com")).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(anotherAccount),
    });
    const host = await harness.db.host.findUniqueOrThrow({ where: { id: hostId } });
    expect(host.email).toBe("mover@example.com");
  });

  it("refuses an account whose email Google has not verified, creating no host", async () => {
    harness.emulator.createUser("unverified@example.com", "Una", {
      sub: "unverified-account",
      emailVerified: false,
    });
    await expect(signInAs("unverified-account", "unverified@example.com")).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("Google has not verified the email address"),
    });
    expect(await harness.db.host.count({ where: { email: "unverified@example.com" } })).toBe(0);
  });

  it("lets the first account with the email of a host from before (no sub) claim it, once", async () => {
    const demo = await harness.db.host.findUniqueOrThrow({ where: { email: DEMO_HOST.email } });
    expect(demo.googleSub).toBeNull();
    await expect(signInAs("demo-account", DEMO_HOST.email)).resolves.toMatchObject({
      hostId: demo.id,
      needsOnboarding: false,
    });
    await expect(signInAs("late-account", DEMO_HOST.email)).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const claimed = await harness.db.host.findUniqueOrThrow({ where: { id: demo.id } });
    expect(claimed.googleSub).toBe("demo-account");
  });
});

describe("the calendar permission", () => {
  it("signs in a host who unticked it, without connecting the calendar; granting it connects", async () => {
    const { hostId } = await signInAs("no-calendar", "no-calendar@example.com", {
      withholdCalendar: true,
    });
    const api = harness.caller({ sessionHostId: hostId });
    await expect(api.host.me()).resolves.toMatchObject({ calendarStatus: "not_granted" });
    const host = await harness.db.host.findUniqueOrThrow({ where: { id: hostId } });
    expect(host.googleRefreshToken).toBeNull();
    await signInAs("no-calendar", "no-calendar@example.com");
    await expect(api.host.me()).resolves.toMatchObject({ calendarStatus: "connected" });
  });
});

describe("PKCE", () => {
  const verifier = "a-verifier-of-at-least-43-characters-0123456789";
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  const codeWithChallenge = () =>
    consentAndGetCode(
      harness.deps.google,
      harness.emulator,
      { email: "pkce@example.com", name: "Pat" },
      { codeChallenge: challenge },
    );

  it("puts the S256 challenge in the authorization URL", async () => {
    const { url } = await harness.caller().auth.googleAuthorizationUrl({
      state: "s".repeat(32),
      codeChallenge: challenge,
    });
    const parsed = new URL(url);
    expect(parsed.searchParams.get("code_challenge")).toBe(challenge);
    expect(parsed.searchParams.get("code_challenge_method")).toBe("S256");
  });

  it("signs in only with the verifier the code was issued for", async () => {
    const api = harness.caller();
    await expect(
      api.auth.signInWithGoogle({ code: await codeWithChallenge(), codeVerifier: "x".repeat(43) }),
    ).rejects.toThrow();
    await expect(api.auth.signInWithGoogle({ code: await codeWithChallenge() })).rejects.toThrow();
    expect(await harness.db.host.count({ where: { email: "pkce@example.com" } })).toBe(0);
    await expect(
      api.auth.signInWithGoogle({ code: await codeWithChallenge(), codeVerifier: verifier }),
    ).resolves.toMatchObject({ needsOnboarding: true });
  });

  it("refuses a malformed verifier or challenge with BAD_REQUEST", async () => {
    const api = harness.caller();
    await expect(
      api.auth.signInWithGoogle({ code: "4/x", codeVerifier: "short" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      api.auth.googleAuthorizationUrl({ state: "s".repeat(32), codeChallenge: "not a hash" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
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
    const refreshToken = harness.tokens.decrypt(stored ?? "", hostId);
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
    // One under way (started 10 minutes ago), one that ended as it began, one cancelled.
    const minutes = (n: number) => new Date(MONDAY_MORNING.getTime() + n * 60_000);
    for (const [from, to, email, status] of [
      [-10, 20, "under-way@example.com", "CONFIRMED"],
      [-40, -10, "ended@example.com", "CONFIRMED"],
      [60, 90, "cancelled@example.com", "CANCELLED"],
    ] as const)
      await harness.db.booking.create({
        data: {
          hostId: demo.id,
          packageId: pkg.id,
          startTime: minutes(from),
          endTime: minutes(to),
          customerEmail: email,
          accessToken: email.padEnd(43, "t"),
          status,
        },
      });
    const list = await harness.caller({ sessionHostId: demo.id }).host.upcomingBookings();
    expect(list).toMatchObject([
      { customerEmail: "under-way@example.com" },
      {
        customerEmail: "listed@example.com",
        calendarSync: "pending",
        calendarError: "503 backendError",
      },
    ]);
    // Once it ends, as the clock reads, the session is no longer listed.
    harness.setNow(minutes(20));
    try {
      const later = await harness.caller({ sessionHostId: demo.id }).host.upcomingBookings();
      expect(later.map(({ customerEmail }) => customerEmail)).toEqual(["listed@example.com"]);
    } finally {
      harness.setNow(MONDAY_MORNING);
    }
    const { hostId: other } = await signIn("other-host@example.com");
    await expect(harness.caller({ sessionHostId: other }).host.upcomingBookings()).resolves.toEqual(
      [],
    );
  });
});
