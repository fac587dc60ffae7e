import { DEMO_HOST } from "@timetap/db";
import { describe, expect, it } from "vitest";
import {
  bookingInput,
  liveDemoEvents,
  MONDAY_TEN_BERLIN,
  otherHost,
} from "../testing/booking-fixtures.ts";
import { useBookingHarness } from "../testing/suite-hooks.ts";
import { runDueEmails } from "../notifications/email-outbox.service.ts";

const { harness, intro } = useBookingHarness();

const HOUR_MS = 3_600_000;
const demoHost = () => harness.db.host.findUniqueOrThrow({ where: { email: DEMO_HOST.email } });

/** `count` 30-minute bookings of the intro, an hour apart from `first`, straight in the database. */
async function seedBookings(first: Date, count: number, status: "CONFIRMED" | "CANCELLED") {
  const host = await demoHost();
  await harness.db.booking.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      hostId: host.id,
      packageId: intro.id,
      startTime: new Date(first.getTime() + i * HOUR_MS),
      endTime: new Date(first.getTime() + i * HOUR_MS + HOUR_MS / 2),
      customerEmail: `${status.toLowerCase()}-${i}@example.com`,
      status,
      accessToken: `${status}-${first.toISOString()}-${i}`,
    })),
  });
}

describe("host.bookings", () => {
  it("pages upcoming bookings 50 at a time, soonest first, and filters them by status", async () => {
    await seedBookings(MONDAY_TEN_BERLIN, 52, "CONFIRMED");
    await seedBookings(new Date(MONDAY_TEN_BERLIN.getTime() + HOUR_MS / 2), 1, "CANCELLED");
    await seedBookings(new Date("2030-01-01T09:00:00Z"), 3, "CONFIRMED");
    const host = await demoHost();
    const bookings = harness.caller({ sessionHostId: host.id }).host.bookings;

    const first = await bookings({ when: "upcoming", page: 1 });
    expect(first).toMatchObject({ page: 1, pageCount: 2, total: 53 });
    expect(first.bookings).toHaveLength(50);
    expect(first.bookings[0]).toMatchObject({ startTime: MONDAY_TEN_BERLIN, status: "CONFIRMED" });
    expect(first.bookings[1]).toMatchObject({ status: "CANCELLED" });
    expect((await bookings({ when: "upcoming", page: 2 })).bookings).toHaveLength(3);

    const confirmed = await bookings({ when: "upcoming", status: "confirmed", page: 2 });
    expect(confirmed).toMatchObject({ total: 52, pageCount: 2 });
    expect(confirmed.bookings.map((b) => b.customerEmail)).toEqual([
      "confirmed-50@example.com",
      "confirmed-51@example.com",
    ]);
    const cancelled = await bookings({ when: "upcoming", status: "cancelled", page: 1 });
    expect(cancelled.bookings.map((b) => b.status)).toEqual(["CANCELLED"]);

    const past = await bookings({ when: "past", page: 1 });
    expect(past).toMatchObject({ total: 3, pageCount: 1 });
    expect(past.bookings.map((b) => b.startTime)).toEqual([
      new Date("2030-01-01T11:00:00Z"),
      new Date("2030-01-01T10:00:00Z"),
      new Date("2030-01-01T09:00:00Z"),
    ]);
  });

  it("shows only the host's own bookings and refuses a page that is not a page", async () => {
    await seedBookings(MONDAY_TEN_BERLIN, 2, "CONFIRMED");
    const other = await otherHost(harness);
    const asOther = harness.caller({ sessionHostId: other.id }).host;
    await expect(asOther.bookings({ when: "upcoming", page: 1 })).resolves.toMatchObject({
      bookings: [],
      total: 0,
    });
    await expect(asOther.bookings({ when: "upcoming", page: 0 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Pages start at 1."),
    });
    await expect(harness.caller().host.bookings({ when: "past", page: 1 })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});

describe("host.retrySync", () => {
  it("retries a refused event at once: it lands on the calendar with its Meet link", async () => {
    harness.emulator.failNext("events.insert", { status: 400, reason: "invalid" });
    const booking = await harness
      .caller()
      .booking.create(bookingInput(intro.id, MONDAY_TEN_BERLIN));
    const host = harness.caller({ sessionHostId: (await demoHost()).id }).host;
    await expect(host.booking({ bookingId: booking.id })).resolves.toMatchObject({
      calendarSync: "failed",
      calendarError: expect.stringContaining("400 invalid"),
    });

    await expect(host.retrySync({ bookingId: booking.id })).resolves.toMatchObject({
      calendarSync: "done",
      calendarError: null,
    });
    expect(liveDemoEvents(harness)).toHaveLength(1);
    await expect(host.booking({ bookingId: booking.id })).resolves.toMatchObject({
      meetLink: liveDemoEvents(harness)[0]?.hangoutLink,
      calendarSync: "done",
    });
    await expect(host.retrySync({ bookingId: booking.id })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "This booking has no failed calendar work to retry.",
    });
  });

  it("asks the host to reconnect before retrying parked work, and is NOT_FOUND for other hosts", async () => {
    harness.emulator.revokeUser(DEMO_HOST.email);
    const booking = await harness
      .caller()
      .booking.create(bookingInput(intro.id, MONDAY_TEN_BERLIN));
    const demo = harness.caller({ sessionHostId: (await demoHost()).id }).host;
    await expect(demo.retrySync({ bookingId: booking.id })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "Reconnect Google Calendar first; then this booking syncs again.",
    });
    const other = harness.caller({ sessionHostId: (await otherHost(harness)).id }).host;
    await expect(other.retrySync({ bookingId: booking.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await harness.db.calendarSync.findFirstOrThrow()).toMatchObject({ state: "parked" });
  });
});

describe("host.bookings and undelivered emails", () => {
  it("names an email the mail server refused for good, with the server's reason", async () => {
    harness.catcher.reject("gone@example.com", "550 5.1.1 gone@example.com: no such mailbox");
    await harness
      .caller()
      .booking.create(bookingInput(intro.id, MONDAY_TEN_BERLIN, "gone@example.com"));
    const host = harness.caller({ sessionHostId: (await demoHost()).id }).host;
    const [before] = (await host.bookings({ when: "upcoming", page: 1 })).bookings;
    expect(before?.undeliveredEmails).toEqual([]);

    await runDueEmails(harness.deps);
    const [after] = (await host.bookings({ when: "upcoming", page: 1 })).bookings;
    expect(after?.undeliveredEmails).toEqual([
      {
        kind: "booking_confirmed",
        recipient: "gone@example.com",
        reason: expect.stringContaining("550 5.1.1 gone@example.com: no such mailbox"),
      },
    ]);
    expect((await host.booking({ bookingId: after!.id })).undeliveredEmails).toHaveLength(1);
  });
});
