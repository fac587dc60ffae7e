import { seedDemo } from "@timetap/db";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { useApiHarness } from "../testing/suite-hooks.ts";

const harness = useApiHarness();
beforeAll(async () => {
  await seedDemo(harness.db);
});

describe("catalog.host", () => {
  it("returns the host and its active packages, in the host's order", async () => {
    const { host, packages } = await harness.caller().catalog.host({ slug: "demo" });
    expect(host).toEqual({ name: "Dana Demo", slug: "demo", timeZone: "Europe/Berlin" });
    expect(packages.map((p) => [p.name, p.durationMinutes, p.priceCents])).toEqual([
      ["Free intro call", 30, 0],
      ["Coaching session", 60, 9000],
    ]);
  });

  it("hides inactive packages", async () => {
    const host = await harness.db.host.findUniqueOrThrow({ where: { slug: "demo" } });
    await harness.db.sessionPackage.create({
      data: { hostId: host.id, name: "Retired", durationMinutes: 45, kind: "paid", active: false },
    });
    const { packages } = await harness.caller().catalog.host({ slug: "demo" });
    expect(packages.map((p) => p.name)).not.toContain("Retired");
  });

  it("is NOT_FOUND for an unknown slug", async () => {
    await expect(harness.caller().catalog.host({ slug: "nobody" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("is BAD_REQUEST with the zod message for a malformed slug", async () => {
    const error = await harness
      .caller()
      .catalog.host({ slug: "Not A Slug" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect((error as TRPCError).message).toContain("lowercase letters");
  });
});

describe("health.check", () => {
  it("reports the database as up", async () => {
    await expect(harness.caller().health.check()).resolves.toMatchObject({
      ok: true,
      database: "up",
    });
  });
});
