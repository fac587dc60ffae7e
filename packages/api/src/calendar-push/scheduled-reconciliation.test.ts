import { DEMO_HOST } from "@timetap/db";
import { eventIdForBooking } from "@timetap/google";
import { beforeEach, describe, expect, it } from "vitest";
import { runDueSyncs } from "../calendar-sync/calendar-sync.service.ts";
import { connectCalendar } from "../hosts/host-calendar.ts";
import {
  bookingInput,
  liveDemoEvents,
  MONDAY_MORNING,
  MONDAY_TEN_BERLIN,
} from "../testing/booking-fixtures.ts";
import { useBookingHarness } from "../testing/suite-hooks.ts";
import { minutesAfter as later } from "../testing/watched-calendar-harness.ts";
import { reconcileDueHosts } from "./scheduled-reconciliation.ts";

// No channel is opened and no webhook listens: Google's notifications never arrive.
const { harness, intro } = useBookingHarness();
// Each test starts with the host due and its calendar not yet listed, as one never looked at.
beforeEach(async () => {
  await harness.db.host.updateMany({ data: { reconcileDueAt: null } });
  await harness.db.calendarChannel.updateMany({ data: { syncToken: null } });
});

const demoHost = () => harness.db.host.findUniqueOrThrow({ where: { email: DEMO_HOST.email } });
const asHost = async () => harness.caller({ sessionHostId: (await demoHost()).id }).host;
const rowOf = async (bookingId: string) =>
  (await (await asHost()).bookings({ when: "upcoming", page: 1 })).bookings.find(
    (b) => b.id === bookingId,
  );
/** The next scheduled look, one interval on. */
const intervalLater = (times = 1) =>
  harness.setNow(
    later(MONDAY_MORNING, (times * harness.deps.settings.reconcileIntervalMs) / 60_000),
  );
const book = (startTime: Date, customerEmail = "cora@example.com") =>
  harness.caller().booking.create(bookingInput(intro.id, startTime, customerEmail));
const listings = () =>
  harness.emulator.requests().filter((r) => r.operation === "events.list").length;

/** The demo host's bookings made while its calendar was not connected; then it connects. */
async function bookedWhileDisconnected() {
  const host = await demoHost();
  await harness.db.host.update({
    where: { id: host.id },
    data: { googleRefreshToken: null, calendarStatus: "disconnected" },
  });
  const booking = await book(MONDAY_TEN_BERLIN);
  expect(booking.calendarSync).toBe("skipped");
  await connectCalendar(harness.deps, host.id, harness.emulator.issueRefreshToken(DEMO_HOST.email));
  return booking;
}

describe("reconciliation on a schedule", () => {
  it("flags events the host moved or deleted in Google although no notification came", async () => {
    const moved = await book(MONDAY_TEN_BERLIN);
    const deleted = await book(later(MONDAY_TEN_BERLIN, 120), "dora@example.com");
    expect(await reconcileDueHosts(harness.deps)).toEqual([(await demoHost()).id]);

    harness.emulator.moveEvent(DEMO_HOST.email, eventIdForBooking(moved.id), {
      start: later(MONDAY_TEN_BERLIN, 60),
      end: later(MONDAY_TEN_BERLIN, 90),
    });
    harness.emulator.deleteEvent(DEMO_HOST.email, eventIdForBooking(deleted.id));
    // Not due yet: the host was looked at a moment ago.
    expect(await reconcileDueHosts(harness.deps)).toEqual([]);
    expect(await rowOf(moved.id)).toMatchObject({ calendarIssue: null });

    intervalLater();
    expect(await reconcileDueHosts(harness.deps)).toHaveLength(1);
    expect(harness.emulator.notifications()).toEqual([]);
    expect(await rowOf(moved.id)).toMatchObject({
      calendarIssue: "moved",
      googleStartTime: later(MONDAY_TEN_BERLIN, 60),
    });
    expect(await rowOf(deleted.id)).toMatchObject({ calendarIssue: "removed" });
    // Flags are the host's to answer: nothing was queued for Google.
    expect(await runDueSyncs(harness.deps)).toEqual([]);
  });

  it("makes the event, with its Meet link, of a booking that has none, once", async () => {
    const booking = await bookedWhileDisconnected();
    expect(liveDemoEvents(harness)).toEqual([]);

    await reconcileDueHosts(harness.deps);
    expect(harness.logger.lines).toContainEqual(
      expect.objectContaining({
        event: "calendar_event_missing_create_queued",
        bookingId: booking.id,
      }),
    );
    expect(await runDueSyncs(harness.deps)).toEqual(["synced"]);
    const events = liveDemoEvents(harness);
    expect(events).toMatchObject([
      { id: eventIdForBooking(booking.id), start: { dateTime: MONDAY_TEN_BERLIN.toISOString() } },
    ]);
    const row = await rowOf(booking.id);
    expect(row?.meetLink).toMatch(/^https:\/\/meet\.google\.com\//);
    expect(row).toMatchObject({ calendarSync: "done", calendarIssue: null });

    intervalLater();
    expect(await reconcileDueHosts(harness.deps)).toHaveLength(1);
    expect(await runDueSyncs(harness.deps)).toEqual([]);
    expect(await harness.db.calendarSync.count({ where: { bookingId: booking.id } })).toBe(2);
    expect(liveDemoEvents(harness)).toHaveLength(1);
  });

  it("makes again an event Google no longer has at all, with a new Meet link", async () => {
    const booking = await book(MONDAY_TEN_BERLIN);
    const firstLink = (await rowOf(booking.id))?.meetLink;
    expect(firstLink).toBeTruthy();
    // The Google account forgot everything (the development emulator restarts empty); the host
    // connects it again.
    harness.emulator.reset();
    await connectCalendar(
      harness.deps,
      (await demoHost()).id,
      harness.emulator.issueRefreshToken(DEMO_HOST.email),
    );

    await reconcileDueHosts(harness.deps);
    expect(await runDueSyncs(harness.deps)).toEqual(["synced"]);
    expect(liveDemoEvents(harness)).toMatchObject([{ id: eventIdForBooking(booking.id) }]);
    const row = await rowOf(booking.id);
    expect(row?.meetLink).toMatch(/^https:\/\/meet\.google\.com\//);
    expect(row?.meetLink).not.toBe(firstLink);

    intervalLater();
    await reconcileDueHosts(harness.deps);
    expect(await runDueSyncs(harness.deps)).toEqual([]);
    expect(liveDemoEvents(harness)).toHaveLength(1);
  });

  it("leaves a deleted event to the host rather than making it again", async () => {
    const booking = await book(MONDAY_TEN_BERLIN);
    await reconcileDueHosts(harness.deps);
    harness.emulator.deleteEvent(DEMO_HOST.email, eventIdForBooking(booking.id));
    intervalLater();
    await reconcileDueHosts(harness.deps);
    expect(await runDueSyncs(harness.deps)).toEqual([]);
    expect(liveDemoEvents(harness)).toEqual([]);
    expect(await rowOf(booking.id)).toMatchObject({ calendarIssue: "removed" });
  });

  it("lets one of two processes look at a host, not both", async () => {
    await book(MONDAY_TEN_BERLIN);
    const before = listings();
    const [first, second] = await Promise.all([
      reconcileDueHosts(harness.deps),
      reconcileDueHosts(harness.deps),
    ]);
    expect([...(first ?? []), ...(second ?? [])]).toEqual([(await demoHost()).id]);
    // One look: the session calendar's changes, and which of its sessions' events exist.
    expect(listings() - before).toBe(2);
  });
});
