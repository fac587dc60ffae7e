import { DEMO_HOST } from "@timetap/db";
import { eventIdForBooking } from "@timetap/google";
import { describe, expect, it } from "vitest";
import {
  bookingInput,
  liveDemoEvents,
  MONDAY_MORNING,
  MONDAY_TEN_BERLIN,
  otherHost,
  withOwnHarness,
} from "../testing/booking-fixtures.ts";
import { useBookingHarness } from "../testing/suite-hooks.ts";
import { runDueSyncs } from "../calendar-sync/calendar-sync.service.ts";

const { harness, intro } = useBookingHarness();

const liveEvents = (h = harness) => liveDemoEvents(h);
const deletes = (h = harness) =>
  h.emulator.requests().filter((request) => request.operation === "events.delete");
const MONDAY_WEEK = {
  hostSlug: "demo",
  from: MONDAY_MORNING,
  to: new Date("2030-01-08T00:00:00Z"),
};

async function book(startTime = MONDAY_TEN_BERLIN) {
  return harness.caller().booking.create(bookingInput(intro.id, startTime));
}

describe("booking.cancel by the customer", () => {
  it("cancels, removes the calendar event with Google's notice to the customer, and frees the time", async () => {
    const booking = await book();
    expect(liveEvents()).toHaveLength(1);
    const offeredBefore = await harness
      .caller()
      .availability.slots({ ...MONDAY_WEEK, packageId: intro.id });
    const freeBusyCalls = () =>
      harness.emulator.requests().filter((r) => r.operation === "freebusy").length;
    const lookupsBefore = freeBusyCalls();

    const result = await harness.caller().booking.cancel({ id: booking.id, token: booking.token });

    expect(result).toEqual({ id: booking.id, status: "CANCELLED", cancelledAt: MONDAY_MORNING });
    await expect(
      harness.caller().booking.status({ id: booking.id, token: booking.token }),
    ).resolves.toEqual(result);
    expect(liveEvents()).toEqual([]);
    expect(deletes()).toEqual([
      expect.objectContaining({
        path: `/calendar/v3/calendars/primary/events/${eventIdForBooking(booking.id)}`,
        query: expect.objectContaining({ sendUpdates: "all" }),
      }),
    ]);
    expect(harness.emulator.invitations()).toContainEqual(
      expect.objectContaining({ to: "cora@example.com", kind: "cancel" }),
    );
    expect(harness.logger.lines).toContainEqual(
      expect.objectContaining({
        event: "booking_cancelled",
        bookingId: booking.id,
        by: "customer",
      }),
    );

    // The time is offered again (Google was asked afresh, not served from the cache) and can be
    // booked by someone else.
    const offeredAfter = await harness
      .caller()
      .availability.slots({ ...MONDAY_WEEK, packageId: intro.id });
    expect(freeBusyCalls()).toBe(lookupsBefore + 1);
    expect(offeredAfter.slots.map((slot) => slot.start)).toContainEqual(MONDAY_TEN_BERLIN);
    expect(offeredAfter.slots).toHaveLength(offeredBefore.slots.length + 1);
    await expect(
      harness
        .caller()
        .booking.create(bookingInput(intro.id, MONDAY_TEN_BERLIN, "other@example.com")),
    ).resolves.toMatchObject({ calendarSync: "synced" });
  });

  it("is the same the second time: one cancellation, one removal at Google", async () => {
    const booking = await book();
    const first = await harness.caller().booking.cancel({ id: booking.id, token: booking.token });
    harness.setNow(new Date(MONDAY_MORNING.getTime() + 60_000));
    const second = await harness.caller().booking.cancel({ id: booking.id, token: booking.token });
    expect(second).toEqual(first);
    expect(deletes()).toHaveLength(1);
    expect(await harness.db.calendarSync.count({ where: { action: "delete" } })).toBe(1);
  });

  it("is NOT_FOUND without the booking's token, and leaves the booking alone", async () => {
    const booking = await book();
    await expect(
      harness.caller().booking.cancel({ id: booking.id, token: "not-the-token" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      harness.caller().booking.status({ id: booking.id, token: "not-the-token" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      harness.caller().booking.cancel({ id: booking.id, token: "" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await harness.db.booking.findUniqueOrThrow({ where: { id: booking.id } })).toMatchObject(
      { status: "CONFIRMED", cancelledAt: null },
    );
    expect(liveEvents()).toHaveLength(1);
  });

  it("refuses once the session has started, with a sentence saying so", async () => {
    const booking = await book();
    harness.setNow(new Date(MONDAY_TEN_BERLIN.getTime() + 60_000));
    await expect(
      harness.caller().booking.cancel({ id: booking.id, token: booking.token }),
    ).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "This session has already started, so it can no longer be cancelled.",
    });
    await expect(
      harness.caller().booking.status({ id: booking.id, token: booking.token }),
    ).resolves.toMatchObject({ status: "CONFIRMED", cancelledAt: null });
    expect(liveEvents()).toHaveLength(1);
  });
});

describe("booking.cancel while Google fails", () => {
  it("cancels at once on a 503, logs one JSON line, and the worker removes the event later", async () => {
    const booking = await book();
    harness.emulator.failNext("events.delete", { status: 503, reason: "backendError" });

    await expect(
      harness.caller().booking.cancel({ id: booking.id, token: booking.token }),
    ).resolves.toMatchObject({ status: "CANCELLED" });
    expect(liveEvents()).toHaveLength(1);
    expect(harness.logger.lines.filter((line) => line.event === "calendar_sync_failed")).toEqual([
      expect.objectContaining({
        bookingId: booking.id,
        action: "delete",
        googleStatus: 503,
        next: "pending",
      }),
    ]);

    harness.setNow(new Date(MONDAY_MORNING.getTime() + 60_000));
    expect(await runDueSyncs(harness.deps)).toEqual(["synced"]);
    expect(liveEvents()).toEqual([]);
    expect(await runDueSyncs(harness.deps)).toEqual([]);
  });

  it("never leaves an event behind when Google was down for the booking and the cancellation", async () => {
    harness.emulator.failNext("events.insert", { status: 503, reason: "backendError" });
    const booking = await book();
    expect(booking.calendarSync).toBe("pending");
    await harness.caller().booking.cancel({ id: booking.id, token: booking.token });

    harness.setNow(new Date(MONDAY_MORNING.getTime() + 3_600_000));
    await runDueSyncs(harness.deps);
    expect(liveEvents()).toEqual([]);
    expect(harness.emulator.requests().filter((r) => r.operation === "events.insert")).toHaveLength(
      1,
    );
    const syncs = await harness.db.calendarSync.findMany({ orderBy: { action: "asc" } });
    expect(syncs.map(({ action, state }) => ({ action, state }))).toEqual([
      { action: "create", state: "skipped" },
      { action: "delete", state: "done" },
    ]);
  });

  it("removes the event that a create still in flight makes after the cancellation", async () => {
    const options = { google: { timeoutMs: 4_000 }, settings: { syncDeadlineMs: 200 } };
    await withOwnHarness(options, async (slow, slowIntro) => {
      slow.emulator.setLatency("events.insert", 1_000);
      const booking = await slow
        .caller()
        .booking.create(bookingInput(slowIntro.id, MONDAY_TEN_BERLIN));
      expect(booking.calendarSync).toBe("pending");

      // The create attempt read the booking before it was cancelled and is still at Google.
      await slow.caller().booking.cancel({ id: booking.id, token: booking.token });
      expect(deletes(slow)).toEqual([]);

      await expect.poll(() => liveEvents(slow).length, { timeout: 5_000 }).toBe(1);
      await expect
        .poll(
          async () =>
            (await slow.db.calendarSync.findFirstOrThrow({ where: { action: "create" } })).state,
          {
            timeout: 5_000,
          },
        )
        .toBe("done");
      expect(await runDueSyncs(slow.deps)).toEqual(["synced"]);
      expect(liveEvents(slow)).toEqual([]);
    });
  });
});

describe("host.cancelBooking", () => {
  it("lets the host cancel their own booking, and no one else's", async () => {
    const booking = await book();
    const demo = await harness.db.host.findUniqueOrThrow({ where: { email: DEMO_HOST.email } });
    const other = await otherHost(harness);

    await expect(
      harness.caller({ sessionHostId: other.id }).host.cancelBooking({ bookingId: booking.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      harness.caller().host.cancelBooking({ bookingId: booking.id }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(liveEvents()).toHaveLength(1);

    await expect(
      harness.caller({ sessionHostId: demo.id }).host.cancelBooking({ bookingId: booking.id }),
    ).resolves.toMatchObject({ status: "CANCELLED" });
    expect(liveEvents()).toEqual([]);
    await expect(
      harness.caller({ sessionHostId: demo.id }).host.upcomingBookings(),
    ).resolves.toEqual([]);
    expect(harness.logger.lines).toContainEqual(
      expect.objectContaining({ event: "booking_cancelled", bookingId: booking.id, by: "host" }),
    );
  });

  it("never calls Google for a host without a calendar", async () => {
    const demo = await harness.db.host.update({
      where: { email: DEMO_HOST.email },
      data: { googleRefreshToken: null, calendarStatus: "disconnected" },
    });
    const booking = await book();
    expect(booking.calendarSync).toBe("skipped");
    await harness.caller({ sessionHostId: demo.id }).host.cancelBooking({ bookingId: booking.id });
    expect(harness.emulator.requests()).toEqual([]);
    expect(
      await harness.db.calendarSync.findFirstOrThrow({ where: { action: "delete" } }),
    ).toMatchObject({ state: "skipped" });
  });
});
