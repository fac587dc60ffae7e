import { DEMO_HOST } from "@timetap/db";
import { beforeEach, describe, expect, it } from "vitest";
import {
  bookingInput,
  MONDAY_MORNING,
  MONDAY_TEN_BERLIN,
  otherHost,
} from "../testing/booking-fixtures.ts";
import { useBookingHarness } from "../testing/suite-hooks.ts";

const { harness, intro } = useBookingHarness();
let asDemo: ReturnType<typeof harness.caller>;
beforeEach(async () => {
  const demo = await harness.db.host.findUniqueOrThrow({ where: { email: DEMO_HOST.email } });
  // The seed resets the demo's own two packages; the ones a test added go.
  await harness.db.sessionPackage.deleteMany({
    where: { hostId: demo.id, name: { notIn: ["Free intro call", "Coaching session"] } },
  });
  asDemo = harness.caller({ sessionHostId: demo.id });
});

const deepDive = {
  name: "Deep dive",
  description: "First line\r\nSecond line",
  durationMinutes: 45,
  priceCents: 12050,
  currency: "eur",
};

const hostNames = async () => (await asDemo.host.packages()).map((pkg) => pkg.name);
const publicNames = async () =>
  (await harness.caller().catalog.host({ slug: "demo" })).packages.map((pkg) => pkg.name);

describe("host packages", () => {
  it("lists the host's packages in order and adds a new one last, on the public page too", async () => {
    const created = await asDemo.host.createPackage(deepDive);
    expect(created).toMatchObject({
      name: "Deep dive",
      description: "First line\nSecond line",
      durationMinutes: 45,
      priceCents: 12050,
      currency: "EUR",
      kind: "paid",
      active: true,
    });
    expect(await hostNames()).toEqual(["Free intro call", "Coaching session", "Deep dive"]);
    const { packages } = await harness.caller().catalog.host({ slug: "demo" });
    expect(packages.at(-1)).toMatchObject({
      name: "Deep dive",
      description: "First line\nSecond line",
      priceCents: 12050,
      currency: "EUR",
    });
    expect(packages[0]).toMatchObject({ name: "Free intro call", priceCents: 0, currency: null });
  });

  it("refuses a bad currency, a length off the 5-minute steps or outside 5–480, a long name, a price without currency", async () => {
    const refused = async (
      fields: Partial<Parameters<typeof asDemo.host.createPackage>[0]>,
      message: string,
    ) =>
      expect(asDemo.host.createPackage({ ...deepDive, ...fields })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringContaining(message),
      });
    await refused({ currency: "EUX" }, "Use an ISO 4217 currency code");
    await refused({ durationMinutes: 7 }, "Use steps of 5 minutes.");
    await refused({ durationMinutes: 481 }, "at most 8 hours");
    await refused({ durationMinutes: 0 }, "at least 5 minutes");
    await refused({ name: "x".repeat(81) }, "Use at most 80 characters.");
    await refused({ name: "  " }, "Name the package.");
    await refused({ description: "x".repeat(1001) }, "Use at most 1,000 characters.");
    await refused({ currency: null }, "Pick the currency of the price.");
    expect(await hostNames()).toEqual(["Free intro call", "Coaching session"]);
  });

  it("makes a package free at price 0, without a currency", async () => {
    const free = await asDemo.host.createPackage({ ...deepDive, priceCents: 0, currency: "USD" });
    expect(free).toMatchObject({ priceCents: 0, currency: null, kind: "free_intro" });
  });

  it("updates a package; a new length leaves existing bookings as they were", async () => {
    const booking = await harness
      .caller()
      .booking.create(bookingInput(intro.id, MONDAY_TEN_BERLIN));
    const updated = await asDemo.host.updatePackage({
      ...deepDive,
      packageId: intro.id,
      name: "Intro, longer",
      durationMinutes: 60,
    });
    expect(updated).toMatchObject({ name: "Intro, longer", durationMinutes: 60, kind: "paid" });
    const fetched = await harness.caller().booking.get({ id: booking.id, token: booking.token });
    expect([fetched.startTime, fetched.endTime]).toEqual([booking.startTime, booking.endTime]);
    await expect(
      asDemo.host.updatePackage({ ...deepDive, packageId: intro.id, durationMinutes: 7 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("saves a package's own booking limits in the same write, and its times follow them", async () => {
    const limits = {
      horizonDays: 2,
      bufferAfterMinutes: 15,
      startIntervalMinutes: 15 as const,
      minimumNoticeMinutes: 0,
    };
    const created = await asDemo.host.createPackage({ ...deepDive, ...limits });
    expect(created).toMatchObject({ ...limits, bufferBeforeMinutes: null });
    expect((await asDemo.host.packages()).at(-1)).toMatchObject(limits);

    const { slots } = await harness.caller().availability.slots({
      hostSlug: "demo",
      packageId: created.id,
      from: MONDAY_MORNING,
      to: new Date("2030-01-14T00:00:00Z"),
    });
    // Every 15 minutes from 9:00 in Berlin, and nothing from two days after now (Monday 07:00).
    expect(slots.slice(0, 2).map((slot) => slot.start)).toEqual([
      new Date("2030-01-07T08:00:00Z"),
      new Date("2030-01-07T08:15:00Z"),
    ]);
    expect(slots.at(-1)!.start.getTime()).toBeLessThan(Date.parse("2030-01-09T06:00:00Z"));

    // Null goes back to the host's default; a limit left out stays as it is.
    const { bufferAfterMinutes: _, ...kept } = limits;
    const updated = await asDemo.host.updatePackage({
      ...deepDive,
      packageId: created.id,
      horizonDays: null,
      bufferBeforeMinutes: 10,
    });
    expect(updated).toMatchObject({
      ...kept,
      horizonDays: null,
      bufferBeforeMinutes: 10,
      bufferAfterMinutes: 15,
    });
    await expect(
      asDemo.host.updatePackageLimits({ packageId: created.id, bufferAfterMinutes: null }),
    ).resolves.toMatchObject({ bufferAfterMinutes: null, bufferBeforeMinutes: 10 });
  });

  it("refuses a package's limits out of range, by their field, and saves nothing", async () => {
    for (const [field, value, message] of [
      ["horizonDays", 0, "Open bookings at least 1 day ahead."],
      ["bufferAfterMinutes", 121, "Keep a buffer of at most 120 minutes."],
      ["startIntervalMinutes", 20, "Start times can be every 5, 10, 15, 30 or 60 minutes."],
      ["minimumNoticeMinutes", -1, "Notice cannot be negative."],
    ] as const) {
      const fields = { ...deepDive, [field]: value };
      const refusal = await asDemo.host.createPackage(fields).catch((error: unknown) => error);
      expect(refusal).toMatchObject({
        code: "BAD_REQUEST",
        cause: { issues: [expect.objectContaining({ path: [field], message })] },
      });
      await expect(
        asDemo.host.updatePackage({ ...fields, packageId: intro.id }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    expect(await hostNames()).toEqual(["Free intro call", "Coaching session"]);
  });

  it("hides an inactive package from the public page but keeps it in the host's list", async () => {
    await asDemo.host.updatePackage({ ...deepDive, packageId: intro.id, active: false });
    expect(await hostNames()).toContain("Deep dive");
    expect(await publicNames()).toEqual(["Coaching session"]);
  });

  it("reorders the packages, on the public page too, and refuses a list that is not exactly them", async () => {
    const created = await asDemo.host.createPackage(deepDive);
    const [first, second] = await asDemo.host.packages();
    const order = [created.id, second!.id, first!.id];
    const reordered = await asDemo.host.reorderPackages({ packageIds: order });
    expect(reordered.map((pkg) => pkg.id)).toEqual(order);
    expect(await publicNames()).toEqual(["Deep dive", "Coaching session", "Free intro call"]);

    const other = await otherHost(harness);
    const theirs = await harness
      .caller({ sessionHostId: other.id })
      .host.createPackage({ ...deepDive, name: "Theirs" });
    for (const packageIds of [
      [created.id, second!.id],
      [created.id, second!.id, first!.id, theirs.id],
      [created.id, second!.id, theirs.id],
      [created.id, second!.id, first!.id, first!.id],
    ])
      await expect(asDemo.host.reorderPackages({ packageIds })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
    expect(await hostNames()).toEqual(["Deep dive", "Coaching session", "Free intro call"]);
    await harness.db.sessionPackage.delete({ where: { id: theirs.id } });
  });

  it("answers NOT_FOUND for another host's package", async () => {
    const other = await otherHost(harness);
    const asOther = harness.caller({ sessionHostId: other.id });
    await expect(
      asOther.host.updatePackage({ ...deepDive, packageId: intro.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(asOther.host.archivePackage({ packageId: intro.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await publicNames()).toEqual(["Free intro call", "Coaching session"]);
    await expect(harness.caller().host.packages()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("an archived package", () => {
  it("leaves the lists and cannot be booked, while its existing booking can be fetched, moved and cancelled", async () => {
    const booking = await harness
      .caller()
      .booking.create(bookingInput(intro.id, MONDAY_TEN_BERLIN));
    const left = await asDemo.host.archivePackage({ packageId: intro.id });
    expect(left.map((pkg) => pkg.name)).toEqual(["Coaching session"]);
    expect(await publicNames()).toEqual(["Coaching session"]);

    await expect(
      harness.caller().availability.slots({
        hostSlug: "demo",
        packageId: intro.id,
        from: MONDAY_MORNING,
        to: new Date("2030-01-14T00:00:00Z"),
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      harness.caller().booking.create(bookingInput(intro.id, new Date("2030-01-08T09:00:00Z"))),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(asDemo.host.archivePackage({ packageId: intro.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    const ref = { id: booking.id, token: booking.token };
    await expect(harness.caller().booking.get(ref)).resolves.toMatchObject({
      package: { id: intro.id, name: "Free intro call" },
    });
    const later = new Date("2030-01-08T12:00:00Z");
    const week = { from: MONDAY_MORNING, to: new Date("2030-01-14T00:00:00Z") };
    const options = await harness.caller().booking.rescheduleSlots({ ...ref, ...week });
    expect(options.package).toMatchObject({ id: intro.id, name: "Free intro call" });
    expect(options.slots.map((slot) => slot.start)).toContainEqual(later);
    await expect(
      harness.caller().booking.rescheduleSlots({ ...ref, token: "wrong", ...week }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      harness.caller().booking.reschedule({ ...ref, startTime: later }),
    ).resolves.toMatchObject({ startTime: later, endTime: new Date("2030-01-08T12:30:00Z") });
    await harness.caller().booking.cancel(ref);
    await expect(harness.caller().booking.status(ref)).resolves.toMatchObject({
      status: "CANCELLED",
    });
    await expect(
      harness.caller().booking.rescheduleSlots({ ...ref, ...week }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });
});
