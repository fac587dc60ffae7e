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

  it("asks for a name", async () => {
    await expect(signedIn().host.createApiKey({ name: "   " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Name the key."),
    });
  });
});
