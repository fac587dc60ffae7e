import { seedDemo } from "@timetap/db";
import { beforeAll, describe, expect, it } from "vitest";
import { useApiHarness } from "../testing/suite-hooks.ts";
import { otherHost } from "../testing/booking-fixtures.ts";

const harness = useApiHarness({ now: new Date("2030-01-07T06:00:00Z") });
let hostId: string;
beforeAll(async () => {
  hostId = (await seedDemo(harness.db)).id;
});

const signedIn = () => harness.caller({ sessionHostId: hostId });
const withKey = (key: string) => harness.caller({ authorization: `Bearer ${key}` });

describe("host API keys", () => {
  it("shows a new key once, lists it without the key, and the key then works as the host", async () => {
    const created = await signedIn().host.createApiKey({ name: "  CRM sync  " });
    expect(created).toEqual({
      id: expect.any(String),
      name: "CRM sync",
      key: expect.stringMatching(/^tt_[\w-]{32}$/),
      createdAt: new Date("2030-01-07T06:00:00Z"),
      lastUsedAt: null,
      scopes: ["read_bookings", "manage_bookings", "manage_settings"],
      expiresAt: null,
    });
    const stored = await harness.db.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.hashedKey).not.toContain(created.key);

    await expect(withKey(created.key).host.me()).resolves.toMatchObject({ slug: "demo" });
    const listed = await signedIn().host.apiKeys();
    expect(listed).toEqual([
      {
        id: created.id,
        name: "CRM sync",
        createdAt: created.createdAt,
        lastUsedAt: new Date("2030-01-07T06:00:00Z"),
        scopes: ["read_bookings", "manage_bookings", "manage_settings"],
        expiresAt: null,
      },
    ]);
    expect(JSON.stringify(listed)).not.toContain(created.key);
  });

  it("stops a revoked key at its next request", async () => {
    const { id, key } = await signedIn().host.createApiKey({ name: "Old script" });
    await expect(withKey(key).host.me()).resolves.toBeTruthy();
    await signedIn().host.revokeApiKey({ id });
    await expect(withKey(key).host.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect((await signedIn().host.apiKeys()).map((listed) => listed.id)).not.toContain(id);
  });

  it("leaves key management to a signed-in host: an API key cannot list, mint or revoke keys", async () => {
    const { id, key } = await signedIn().host.createApiKey({ name: "Leaky" });
    const forbidden = {
      code: "FORBIDDEN",
      message: "Only a host signed in on the dashboard can do this, not an API key.",
    };
    await expect(withKey(key).host.apiKeys()).rejects.toMatchObject(forbidden);
    await expect(withKey(key).host.createApiKey({ name: "Another" })).rejects.toMatchObject(
      forbidden,
    );
    await expect(withKey(key).host.revokeApiKey({ id })).rejects.toMatchObject(forbidden);
    await expect(harness.caller().host.apiKeys()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("never lets one host see or revoke another's keys", async () => {
    const { id, key } = await signedIn().host.createApiKey({ name: "Mine" });
    const other = await otherHost(harness);
    const asOther = harness.caller({ sessionHostId: other.id });
    expect(await asOther.host.apiKeys()).toEqual([]);
    await expect(asOther.host.revokeApiKey({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(withKey(key).host.me()).resolves.toMatchObject({ slug: "demo" });
  });

  it("lets a key do only what its host ticked, and says which box it needs", async () => {
    const { key } = await signedIn().host.createApiKey({
      name: "Reader",
      scopes: ["read_bookings"],
    });
    const reader = withKey(key);
    await expect(reader.host.bookings({ when: "upcoming" })).resolves.toBeTruthy();
    await expect(reader.host.me()).resolves.toMatchObject({ slug: "demo" });
    await expect(
      reader.host.cancelBooking({ bookingId: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message:
        "This API key may not do this: it needs “Manage bookings”. Make a key with that ticked on the dashboard.",
    });
    await expect(
      reader.host.updateProfile({ name: "Hijacked", slug: "hijacked", timeZone: "UTC" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("Manage settings"),
    });
    expect((await harness.db.host.findUniqueOrThrow({ where: { id: hostId } })).slug).toBe("demo");

    const { key: settingsOnly } = await signedIn().host.createApiKey({
      name: "Settings",
      scopes: ["manage_settings"],
    });
    await expect(withKey(settingsOnly).host.weeklyHours()).resolves.toBeTruthy();
    await expect(withKey(settingsOnly).host.upcomingBookings()).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("Read bookings"),
    });
    // A host's own session is never limited by scopes.
    await expect(signedIn().host.upcomingBookings()).resolves.toBeTruthy();
  });

  it("keeps keys made before scopes at full access", async () => {
    const { id, key } = await signedIn().host.createApiKey({ name: "Legacy" });
    // As the migration left them: the column default, every scope.
    await harness.db.$executeRaw`UPDATE api_key SET scopes = DEFAULT WHERE id = ${id}`;
    await expect(withKey(key).host.bookings({ when: "upcoming" })).resolves.toBeTruthy();
    await expect(withKey(key).host.weeklyHours()).resolves.toBeTruthy();
  });

  it("refuses a key after the expiry its host picked, with the date it ended", async () => {
    const { key, expiresAt } = await signedIn().host.createApiKey({
      name: "Trial",
      scopes: ["read_bookings"],
      expiresInDays: 30,
    });
    expect(expiresAt).toEqual(new Date("2030-02-06T06:00:00Z"));
    await expect(withKey(key).host.bookings({ when: "upcoming" })).resolves.toBeTruthy();
    harness.setNow(new Date("2030-02-06T06:00:00Z"));
    try {
      await expect(withKey(key).host.bookings({ when: "upcoming" })).rejects.toMatchObject({
        code: "UNAUTHORIZED",
        message: "This API key expired on 2030-02-06. Make a new one on the dashboard.",
      });
    } finally {
      harness.setNow(new Date("2030-01-07T06:00:00Z"));
    }
  });

  it("leaves onboarding and disconnecting Google to a signed-in host", async () => {
    const { key } = await signedIn().host.createApiKey({ name: "Full" });
    const forbidden = { code: "FORBIDDEN", message: expect.stringContaining("signed in") };
    await expect(
      withKey(key).host.completeOnboarding({ name: "X", slug: "taken-over", timeZone: "UTC" }),
    ).rejects.toMatchObject(forbidden);
    await expect(withKey(key).host.disconnectCalendar()).rejects.toMatchObject(forbidden);
  });

  it("asks for at least one scope and a sensible expiry", async () => {
    await expect(
      signedIn().host.createApiKey({ name: "Nothing", scopes: [] }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Tick at least one thing the key may do."),
    });
    await expect(
      signedIn().host.createApiKey({ name: "Forever", expiresInDays: 0 }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("A key lasts at least a day."),
    });
  });

  it("asks for a name", async () => {
    await expect(signedIn().host.createApiKey({ name: "   " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Name the key."),
    });
  });
});
