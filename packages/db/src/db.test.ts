import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "./client.ts";
import { isExclusionViolation, isUniqueViolation } from "./errors.ts";
import { seedDemo } from "./seed.ts";
import { createTestDb } from "./testing/index.ts";

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db?.close();
});

async function demo() {
  const host = await seedDemo(db.prisma);
  const pkg = await db.prisma.sessionPackage.findFirstOrThrow({
    where: { hostId: host.id, durationMinutes: 60 },
  });
  return { host, pkg };
}

function booking(hostId: string, packageId: string, start: string, minutes = 60) {
  const startTime = new Date(start);
  return {
    hostId,
    packageId,
    startTime,
    endTime: new Date(startTime.getTime() + minutes * 60_000),
    customerEmail: "customer@example.com",
    accessToken: crypto.randomUUID(),
  };
}

describe("database", () => {
  it("seeds the demo host with Mon–Fri 09:00–17:00 and two packages, idempotently", async () => {
    await seedDemo(db.prisma);
    const host = await seedDemo(db.prisma);
    expect(host).toMatchObject({ slug: "demo", timeZone: "Europe/Berlin" });
    const rules = await db.prisma.availabilityRule.findMany({ where: { hostId: host.id } });
    expect(rules.map((r) => r.weekday).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(rules.every((r) => r.startMinute === 540 && r.endMinute === 1020)).toBe(true);
    const packages = await db.prisma.sessionPackage.findMany({
      where: { hostId: host.id },
      orderBy: { durationMinutes: "asc" },
    });
    expect(packages.map((p) => [p.durationMinutes, p.kind])).toEqual([
      [30, "free_intro"],
      [60, "paid"],
    ]);
  });

  it("resets the demo's booking limits and package overrides to the defaults", async () => {
    const { host, pkg } = await demo();
    await db.prisma.host.update({
      where: { id: host.id },
      data: { horizonDays: 7, bufferAfterMinutes: 30, dailyMaximum: 1, startIntervalMinutes: 15 },
    });
    await db.prisma.sessionPackage.update({ where: { id: pkg.id }, data: { horizonDays: 3 } });
    const reset = await seedDemo(db.prisma);
    expect(reset).toMatchObject({
      horizonDays: 60,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      dailyMaximum: null,
      startIntervalMinutes: null,
    });
    expect(
      await db.prisma.sessionPackage.findUniqueOrThrow({ where: { id: pkg.id } }),
    ).toMatchObject({ horizonDays: null });
  });

  it("refuses booking limits outside their ranges", async () => {
    const { host, pkg } = await demo();
    for (const data of [
      { horizonDays: 0 },
      { horizonDays: 366 },
      { bufferBeforeMinutes: 121 },
      { dailyMaximum: 0 },
      { startIntervalMinutes: 20 },
    ]) {
      await expect(db.prisma.host.update({ where: { id: host.id }, data })).rejects.toThrow();
    }
    await expect(
      db.prisma.sessionPackage.update({ where: { id: pkg.id }, data: { bufferAfterMinutes: -1 } }),
    ).rejects.toThrow();
  });

  it("rejects an overlapping confirmed booking of the same host with an exclusion violation", async () => {
    const { host, pkg } = await demo();
    await db.prisma.booking.create({ data: booking(host.id, pkg.id, "2030-01-07T09:00:00Z") });
    const overlap = db.prisma.booking.create({
      data: booking(host.id, pkg.id, "2030-01-07T09:30:00Z"),
    });
    const error = await overlap.catch((e: unknown) => e);
    expect(isExclusionViolation(error)).toBe(true);
    expect(
      await db.prisma.booking.count({
        where: { hostId: host.id, startTime: new Date("2030-01-07T09:30:00Z") },
      }),
    ).toBe(0);
  });

  it("allows back-to-back bookings and re-booking a cancelled slot", async () => {
    const { host, pkg } = await demo();
    await db.prisma.booking.create({ data: booking(host.id, pkg.id, "2030-01-08T09:00:00Z") });
    await db.prisma.booking.create({ data: booking(host.id, pkg.id, "2030-01-08T10:00:00Z") });
    const first = await db.prisma.booking.findFirstOrThrow({
      where: { hostId: host.id, startTime: new Date("2030-01-08T09:00:00Z") },
    });
    await db.prisma.booking.update({ where: { id: first.id }, data: { status: "CANCELLED" } });
    await expect(
      db.prisma.booking.create({ data: booking(host.id, pkg.id, "2030-01-08T09:00:00Z") }),
    ).resolves.toMatchObject({ status: "CONFIRMED" });
  });

  it("lets two hosts hold the same time", async () => {
    const { host, pkg } = await demo();
    const other = await db.prisma.host.create({
      data: { email: "other@example.com", name: "Other", slug: "other", timeZone: "UTC" },
    });
    const otherPkg = await db.prisma.sessionPackage.create({
      data: { hostId: other.id, name: "Chat", durationMinutes: 60, kind: "paid" },
    });
    await db.prisma.booking.create({ data: booking(host.id, pkg.id, "2030-01-09T09:00:00Z") });
    await expect(
      db.prisma.booking.create({ data: booking(other.id, otherPkg.id, "2030-01-09T09:00:00Z") }),
    ).resolves.toBeTruthy();
  });

  it("reports a taken slug as a unique violation", async () => {
    await demo();
    const error = await db.prisma.host
      .create({ data: { email: "x@example.com", name: "X", slug: "demo", timeZone: "UTC" } })
      .catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    expect(isExclusionViolation(error)).toBe(false);
  });

  it("refuses a booking that ends before it starts", async () => {
    const { host, pkg } = await demo();
    const data = {
      ...booking(host.id, pkg.id, "2030-01-10T09:00:00Z"),
      endTime: new Date("2030-01-10T08:00:00Z"),
    };
    await expect(db.prisma.booking.create({ data })).rejects.toThrow();
  });
});
