import { DEMO_HOST } from "@timetap/db";
import { eventIdForBooking } from "@timetap/google";
import { describe, expect, it } from "vitest";
import type { ApiDeps } from "../deps.ts";
import { bookingInput, liveDemoEvents, MONDAY_TEN_BERLIN } from "../testing/booking-fixtures.ts";
import {
  heardWithin,
  minutesAfter as later,
  useWatchedCalendarHarness,
} from "../testing/watched-calendar-harness.ts";
import { reconcileCalendar } from "./reconcile-events.ts";

const { harness, intro, webhook, asHost, rowOf: flagOf } = await useWatchedCalendarHarness();

async function booked() {
  const booking = await harness.caller().booking.create(bookingInput(intro.id, MONDAY_TEN_BERLIN));
  expect(liveDemoEvents(harness)).toHaveLength(1);
  return booking;
}

describe("events the host changes in Google", () => {
  it("flags a session whose event the host deleted, and restores the event when the host says so", async () => {
    const booking = await booked();
    harness.emulator.deleteEvent(DEMO_HOST.email, eventIdForBooking(booking.id));
    await expect
      .poll(() => flagOf(booking.id), heardWithin)
      .toMatchObject({ calendarIssue: "removed", status: "CONFIRMED" });

    await (await asHost()).putEventBack({ bookingId: booking.id });
    expect(liveDemoEvents(harness)).toMatchObject([
      { id: eventIdForBooking(booking.id), start: { dateTime: MONDAY_TEN_BERLIN.toISOString() } },
    ]);
    expect(await flagOf(booking.id)).toMatchObject({ calendarIssue: null });
  });

  it("flags a session whose event the host moved, with both times, and can put it back", async () => {
    const booking = await booked();
    harness.emulator.moveEvent(DEMO_HOST.email, eventIdForBooking(booking.id), {
      start: later(MONDAY_TEN_BERLIN, 120),
      end: later(MONDAY_TEN_BERLIN, 150),
    });
    await expect
      .poll(() => flagOf(booking.id), heardWithin)
      .toMatchObject({
        calendarIssue: "moved",
        startTime: MONDAY_TEN_BERLIN,
        googleStartTime: later(MONDAY_TEN_BERLIN, 120),
        googleEndTime: later(MONDAY_TEN_BERLIN, 150),
      });

    await (await asHost()).putEventBack({ bookingId: booking.id });
    expect(liveDemoEvents(harness)).toMatchObject([
      { start: { dateTime: MONDAY_TEN_BERLIN.toISOString() } },
    ]);
  });

  it("does not flag a move TimeTap made itself, which leaves nothing to put back", async () => {
    const booking = await booked();
    const host = await asHost();
    await host.rescheduleBooking({
      bookingId: booking.id,
      startTime: later(MONDAY_TEN_BERLIN, 60),
    });
    await expect
      .poll(() => webhook.received.filter((h) => h["x-goog-resource-state"] === "exists").length)
      .toBeGreaterThanOrEqual(2);
    expect(await flagOf(booking.id)).toMatchObject({ calendarIssue: null });
    await expect(host.putEventBack({ bookingId: booking.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
  it("keeps a newer look's flag when an older listing is compared after it", async () => {
    const booking = await booked();
    const channel = await harness.db.calendarChannel.findFirstOrThrow();
    // An older look (here the first look, listing every event from now) whose answer from Google
    // is held until a newer look has seen the host's move and flagged it.
    let listedByOlder = false;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const google = harness.deps.google;
    const slowGoogle: ApiDeps["google"] = {
      ...google,
      listEventChanges: async (...args) => {
        const listed = await google.listEventChanges(...args);
        if (!listedByOlder) {
          listedByOlder = true;
          await held;
        }
        return listed;
      },
    };
    const older = reconcileCalendar(
      { ...harness.deps, google: slowGoogle },
      { ...channel, syncToken: null },
    );
    await expect.poll(() => listedByOlder).toBe(true);

    harness.emulator.moveEvent(DEMO_HOST.email, eventIdForBooking(booking.id), {
      start: later(MONDAY_TEN_BERLIN, 120),
      end: later(MONDAY_TEN_BERLIN, 150),
    });
    await expect
      .poll(() => flagOf(booking.id), heardWithin)
      .toMatchObject({ calendarIssue: "moved" });

    release();
    await older;
    expect(await flagOf(booking.id)).toMatchObject({
      calendarIssue: "moved",
      googleStartTime: later(MONDAY_TEN_BERLIN, 120),
    });
  });
});
