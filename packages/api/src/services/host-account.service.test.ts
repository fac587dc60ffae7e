import { seedDemo } from "@timetap/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiHarness } from "../testing/api-harness.ts";
import { consentAndGetCode } from "../testing/google-consent.ts";

let harness: Awaited<ReturnType<typeof createApiHarness>>;
beforeAll(async () => {
  harness = await createApiHarness();
  await seedDemo(harness.db);
});
afterAll(() => harness?.close());

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
