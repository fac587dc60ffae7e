import { DEMO_HOST } from "@timetap/db";
import { describe, expect, it } from "vitest";
import { bookingInput, MONDAY_TEN_BERLIN } from "../testing/booking-fixtures.ts";
import { useBookingHarness } from "../testing/suite-hooks.ts";

// A host's bookable settings are kept per process (bookable.ts); what the host changes must
// still apply to the very next booking.
const { harness, intro } = useBookingHarness();
const HOUR_MS = 3_600_000;
const at = (hours: number) => new Date(MONDAY_TEN_BERLIN.getTime() + hours * HOUR_MS);

async function asDemoHost() {
  const demo = await harness.db.host.findUniqueOrThrow({ where: { email: DEMO_HOST.email } });
  return harness.caller({ sessionHostId: demo.id });
}

/** A customer looks at Monday on the booking page, and books a first session there. */
async function pageViewedAndBooked() {
  await harness.caller().availability.slots({
    hostSlug: "demo",
    packageId: intro.id,
    from: at(0),
    to: at(8),
  });
  return harness.caller().booking.create(bookingInput(intro.id, at(0), "first@example.com"));
}

describe("what a host changes applies to the next booking", () => {
  it("refuses a package archived after its page was viewed and booked", async () => {
    await pageViewedAndBooked();
    await (await asDemoHost()).host.archivePackage({ packageId: intro.id });
    await expect(
      harness.caller().booking.create(bookingInput(intro.id, at(1))),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "This session is not available for booking.",
    });
  });

  it("queues no reminder or host notice once the host switched them off", async () => {
    await pageViewedAndBooked();
    await (
      await asDemoHost()
    ).host.updateEmailSettings({ hostNotices: false, reminder24h: false, reminder1h: false });
    const booking = await harness.caller().booking.create(bookingInput(intro.id, at(26)));
    const queued = await harness.db.email.findMany({ where: { bookingId: booking.id } });
    expect(queued.map((email) => email.kind)).toEqual(["booking_confirmed"]);
  });

  it("leaves a booking to the worker once Google asked to slow down for the host", async () => {
    await harness.caller().availability.slots({
      hostSlug: "demo",
      packageId: intro.id,
      from: at(0),
      to: at(8),
    });
    harness.emulator.failNext("events.insert", { status: 429, reason: "rateLimitExceeded" });
    const first = await harness.caller().booking.create(bookingInput(intro.id, at(0), "a@x.org"));
    expect(first.calendarSync).toBe("pending");
    const second = await harness.caller().booking.create(bookingInput(intro.id, at(1), "b@x.org"));
    expect(second.calendarSync).toBe("pending");
    const inserts = harness.emulator
      .requests()
      .filter((request) => request.operation === "events.insert");
    expect(inserts).toHaveLength(1);
  });
});
