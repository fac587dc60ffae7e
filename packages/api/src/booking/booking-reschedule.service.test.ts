import { DEMO_HOST } from "@timetap/db";
import { eventIdForBooking } from "@timetap/google";
import { describe, expect, it } from "vitest";
import {
  bookingInput,
  liveDemoEvents,
  MONDAY_MORNING,
  MONDAY_TEN_BERLIN,
  otherHost,
} from "../testing/booking-fixtures.ts";
import { useBookingHarness } from "../testing/suite-hooks.ts";
import { runDueSyncs } from "../calendar-sync/calendar-sync.service.ts";

const { harness, intro } = useBookingHarness();

/** Monday 2030-01-07 14:00 in Berlin. */
const MONDAY_TWO_BERLIN = new Date("2030-01-07T13:00:00Z");
const minutesLater = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);

const liveEvents = () => liveDemoEvents(harness);
const patches = () =>
  harness.emulator.requests().filter((request) => request.operation === "events.patch");
const offeredOnMonday = async () =>
  (
    await harness.caller().availability.slots({
      hostSlug: "demo",
      packageId: intro.id,
      from: MONDAY_MORNING,
      to: new Date("2030-01-08T00:00:00Z"),
    })
  ).slots.map((slot) => slot.start);

async function book(startTime = MONDAY_TEN_BERLIN, email = "cora@example.com") {
  return harness.caller().booking.create(bookingInput(intro.id, startTime, email));
}

describe("booking.reschedule by the customer", () => {
  it("moves the booking and its calendar event, keeps the Meet link, and frees the old time", async () => {
    const booking = await book();
    const moved = await harness.caller().booking.reschedule({
      id: booking.id,
      token: booking.token,
      startTime: MONDAY_TWO_BERLIN,
    });

    expect(moved).toEqual({
      ...booking,
      startTime: MONDAY_TWO_BERLIN,
      endTime: minutesLater(MONDAY_TWO_BERLIN, 30),
    });
    expect(patches()).toEqual([
      expect.objectContaining({
        path: `/calendar/v3/calendars/primary/events/${eventIdForBooking(booking.id)}`,
        query: expect.objectContaining({ sendUpdates: "all" }),
      }),
    ]);
    expect(liveEvents()).toEqual([
      expect.objectContaining({
        start: expect.objectContaining({ dateTime: "2030-01-07T13:00:00.000Z" }),
        end: expect.objectContaining({ dateTime: "2030-01-07T13:30:00.000Z" }),
        hangoutLink: booking.meetLink,
      }),
    ]);
    expect(harness.emulator.invitations()).toContainEqual(
      expect.objectContaining({ to: "cora@example.com", kind: "update" }),
    );
    expect(harness.logger.lines).toContainEqual(
      expect.objectContaining({
        event: "booking_rescheduled",
        bookingId: booking.id,
        by: "customer",
        from: MONDAY_TEN_BERLIN.toISOString(),
        to: MONDAY_TWO_BERLIN.toISOString(),
      }),
    );
    const offered = await offeredOnMonday();
    expect(offered).toContainEqual(MONDAY_TEN_BERLIN);
    expect(offered).not.toContainEqual(MONDAY_TWO_BERLIN);
  });

  it("refuses a time that is not offered or that someone else holds, and keeps the booking", async () => {
    const booking = await book();
    await book(MONDAY_TWO_BERLIN, "someone@example.com");
    const move = (startTime: Date) =>
      harness.caller().booking.reschedule({ id: booking.id, token: booking.token, startTime });

    await expect(move(minutesLater(MONDAY_TEN_BERLIN, 10))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "This time is not offered. Please pick another.",
    });
    await expect(move(MONDAY_TWO_BERLIN)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      harness.caller().booking.reschedule({
        id: booking.id,
        token: booking.token,
        startTime: "not a time" as unknown as Date,
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Pick a new time."),
    });
    await expect(
      harness.caller().booking.get({ id: booking.id, token: booking.token }),
    ).resolves.toEqual(booking);
    expect(patches()).toEqual([]);
  });

  it("is NOT_FOUND without the token, and refused once cancelled or started", async () => {
    const booking = await book();
    const move = (token = booking.token) =>
      harness.caller().booking.reschedule({ id: booking.id, token, startTime: MONDAY_TWO_BERLIN });

    await expect(move("not-the-token")).rejects.toMatchObject({ code: "NOT_FOUND" });
    harness.setNow(minutesLater(MONDAY_TEN_BERLIN, 5));
    await expect(move()).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "This session has already started, so it can no longer be moved.",
    });
    harness.setNow(MONDAY_MORNING);
    await harness.caller().booking.cancel({ id: booking.id, token: booking.token });
    await expect(move()).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "This booking was cancelled, so it cannot be moved. Please book a new time.",
    });
  });
});

describe("booking.reschedule while Google fails", () => {
  it("moves the booking at once on a 503, and the worker moves the event later", async () => {
    const booking = await book();
    harness.emulator.failNext("events.patch", { status: 503, reason: "backendError" });
    await harness.caller().booking.reschedule({
      id: booking.id,
      token: booking.token,
      startTime: MONDAY_TWO_BERLIN,
    });
    expect(harness.logger.lines).toContainEqual(
      expect.objectContaining({
        event: "calendar_sync_failed",
        bookingId: booking.id,
        action: "update",
        googleStatus: 503,
      }),
    );
    expect(liveEvents()[0]).toMatchObject({
      start: expect.objectContaining({ dateTime: "2030-01-07T09:00:00.000Z" }),
    });

    const demo = await harness.db.host.findUniqueOrThrow({ where: { email: DEMO_HOST.email } });
    const listed = () => harness.caller({ sessionHostId: demo.id }).host.upcomingBookings();
    await expect(listed()).resolves.toMatchObject([
      { startTime: MONDAY_TWO_BERLIN, calendarAction: "update", calendarSync: "pending" },
    ]);

    harness.setNow(minutesLater(MONDAY_MORNING, 1));
    expect(await runDueSyncs(harness.deps)).toEqual(["synced"]);
    await expect(listed()).resolves.toMatchObject([
      { calendarAction: "update", calendarSync: "done" },
    ]);
    expect(liveEvents()).toEqual([
      expect.objectContaining({
        start: expect.objectContaining({ dateTime: "2030-01-07T13:00:00.000Z" }),
      }),
    ]);
  });

  it("waits for the event to exist before moving it, and ends with one event at the new time", async () => {
    harness.emulator.failNext("events.insert", { status: 503, reason: "backendError" });
    const booking = await book();
    await harness.caller().booking.reschedule({
      id: booking.id,
      token: booking.token,
      startTime: MONDAY_TWO_BERLIN,
    });
    expect(patches()).toEqual([]);

    harness.setNow(minutesLater(MONDAY_MORNING, 60));
    expect(await runDueSyncs(harness.deps)).toEqual(["synced"]);
    expect(await runDueSyncs(harness.deps)).toEqual(["synced"]);
    expect(liveEvents()).toEqual([
      expect.objectContaining({
        start: expect.objectContaining({ dateTime: "2030-01-07T13:00:00.000Z" }),
      }),
    ]);
  });
});

describe("host.rescheduleBooking", () => {
  it("lets the host move their own booking, and no one else's", async () => {
    const booking = await book();
    const demo = await harness.db.host.findUniqueOrThrow({ where: { email: DEMO_HOST.email } });
    const other = await otherHost(harness);
    const input = { bookingId: booking.id, startTime: MONDAY_TWO_BERLIN };

    await expect(
      harness.caller({ sessionHostId: other.id }).host.rescheduleBooking(input),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      harness.caller({ sessionHostId: demo.id }).host.rescheduleBooking(input),
    ).resolves.toMatchObject({ startTime: MONDAY_TWO_BERLIN });
    expect(patches()).toHaveLength(1);
  });

  it("lets an API key move a booking, or ask for its move's times, only with “Manage bookings”", async () => {
    const booking = await book();
    const demo = await harness.db.host.findUniqueOrThrow({ where: { email: DEMO_HOST.email } });
    const keyWith = async (scopes: Array<"read_bookings" | "manage_bookings">) => {
      const { key } = await harness
        .caller({ sessionHostId: demo.id })
        .host.createApiKey({ name: scopes.join(" "), scopes });
      return harness.caller({ authorization: `Bearer ${key}` });
    };
    const movesTimes = {
      hostSlug: "demo",
      packageId: intro.id,
      from: MONDAY_MORNING,
      to: new Date("2030-01-08T00:00:00Z"),
      reschedule: { id: booking.id },
    };
    const input = { bookingId: booking.id, startTime: MONDAY_TWO_BERLIN };
    const reader = await keyWith(["read_bookings"]);
    const needsManage = { code: "FORBIDDEN", message: expect.stringContaining("Manage bookings") };
    await expect(reader.availability.slots(movesTimes)).rejects.toMatchObject(needsManage);
    await expect(reader.host.rescheduleBooking(input)).rejects.toMatchObject(needsManage);

    const manager = await keyWith(["manage_bookings"]);
    await expect(manager.availability.slots(movesTimes)).resolves.toBeTruthy();
    await expect(manager.host.rescheduleBooking(input)).resolves.toMatchObject({
      startTime: MONDAY_TWO_BERLIN,
    });
  });
});
