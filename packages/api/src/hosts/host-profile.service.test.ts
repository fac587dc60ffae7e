import { DEMO_HOST } from "@timetap/db";
import { beforeEach, describe, expect, it } from "vitest";
import { bookingInput, MONDAY_TEN_BERLIN, otherHost } from "../testing/booking-fixtures.ts";
import { useBookingHarness } from "../testing/suite-hooks.ts";

const { harness, intro } = useBookingHarness();
let asDemo: ReturnType<typeof harness.caller>;
beforeEach(async () => {
  await harness.db.hostSlugRedirect.deleteMany();
  const demo = await harness.db.host.findUniqueOrThrow({ where: { email: DEMO_HOST.email } });
  asDemo = harness.caller({ sessionHostId: demo.id });
});

const profile = { name: "Dana D.", slug: "dana", timeZone: "Europe/Berlin" };

describe("host.updateProfile", () => {
  it("renames the host and moves their page; the old address answers with the new one", async () => {
    await expect(asDemo.host.updateProfile(profile)).resolves.toEqual(profile);

    const atNew = await harness.caller().catalog.host({ slug: "dana" });
    expect(atNew.host).toEqual({ name: "Dana D.", slug: "dana", timeZone: "Europe/Berlin" });
    const atOld = await harness.caller().catalog.host({ slug: "demo" });
    expect(atOld.host.slug).toBe("dana");
    expect(atOld.packages).toEqual(atNew.packages);
    // A customer on an old link can still book.
    await expect(
      harness.caller().booking.create(bookingInput(intro.id, MONDAY_TEN_BERLIN)),
    ).resolves.toMatchObject({ startTime: MONDAY_TEN_BERLIN });
  });

  it("keeps every old address redirecting after several moves, and lets the host move back", async () => {
    await asDemo.host.updateProfile(profile);
    await asDemo.host.updateProfile({ ...profile, slug: "dana-coaching" });

    for (const slug of ["demo", "dana"])
      expect((await harness.caller().catalog.host({ slug })).host.slug).toBe("dana-coaching");

    await asDemo.host.updateProfile({ ...profile, slug: "demo" });
    for (const slug of ["demo", "dana", "dana-coaching"])
      expect((await harness.caller().catalog.host({ slug })).host.slug).toBe("demo");
  });

  it("refuses an address another host has, or had and still redirects", async () => {
    const olga = await otherHost(harness);
    const asOlga = harness.caller({ sessionHostId: olga.id });
    const taken = (slug: string) => ({
      code: "CONFLICT",
      message: `The address /${slug} is taken. Please pick another.`,
    });

    await expect(asDemo.host.updateProfile({ ...profile, slug: "olga" })).rejects.toMatchObject(
      taken("olga"),
    );
    await asDemo.host.updateProfile(profile);
    await expect(
      asOlga.host.updateProfile({ name: "Olga", slug: "demo", timeZone: "UTC" }),
    ).rejects.toMatchObject(taken("demo"));
    expect((await harness.caller().catalog.host({ slug: "demo" })).host.slug).toBe("dana");
  });

  it("refuses a malformed address, an empty name and an unknown zone", async () => {
    await expect(asDemo.host.updateProfile({ ...profile, slug: "Not OK" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(asDemo.host.updateProfile({ ...profile, name: " " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Enter your name."),
    });
    await expect(
      asDemo.host.updateProfile({ ...profile, timeZone: "Mars/Olympus" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("time zone") });
  });

  it("a new time zone keeps every booking at its instant and reads the hours in the new zone", async () => {
    const booked = await harness.caller().booking.create(bookingInput(intro.id, MONDAY_TEN_BERLIN));

    await asDemo.host.updateProfile({ ...profile, slug: "demo", timeZone: "America/New_York" });

    const [upcoming] = await asDemo.host.upcomingBookings();
    expect(upcoming).toMatchObject({ id: booked.id, startTime: MONDAY_TEN_BERLIN });
    const { slots } = await harness.caller().availability.slots({
      hostSlug: "demo",
      packageId: intro.id,
      from: new Date("2030-01-08T00:00:00Z"),
      to: new Date("2030-01-09T00:00:00Z"),
    });
    // Tuesday 09:00 in New York is 14:00 UTC.
    expect(slots[0]?.start).toEqual(new Date("2030-01-08T14:00:00Z"));
  });
});
