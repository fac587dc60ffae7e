import { DEMO_HOST } from "@timetap/db";
import { describe, expect, it } from "vitest";
import { hostChanged } from "../availability/host-changed.ts";
import {
  bookingInput,
  liveDemoEvents,
  MONDAY_TEN_BERLIN,
  otherHost,
} from "../testing/booking-fixtures.ts";
import { useBookingHarness } from "../testing/suite-hooks.ts";

const { harness } = useBookingHarness();

/** Monday 2030-01-07 10:30 in Berlin: half an hour into a 60-minute session booked at 10:00. */
const MONDAY_HALF_PAST_TEN_BERLIN = new Date("2030-01-07T09:30:00Z");
const MONDAY_RANGE = { from: MONDAY_TEN_BERLIN, to: new Date("2030-01-08T00:00:00Z") };

/**
 * A 60-minute coaching session booked for Monday 10:00–11:00, its event on Google; then the host
 * starts Mondays at 09:30, so 10:30 is offered and overlaps the session's own time.
 */
async function bookedHourThenHalfHourGrid() {
  const demo = await harness.db.host.findUniqueOrThrow({ where: { email: DEMO_HOST.email } });
  const coaching = await harness.db.sessionPackage.findFirstOrThrow({
    where: { hostId: demo.id, durationMinutes: 60 },
  });
  const booking = await harness
    .caller()
    .booking.create(bookingInput(coaching.id, MONDAY_TEN_BERLIN));
  expect(liveDemoEvents(harness)).toHaveLength(1);
  await harness.db.availabilityRule.updateMany({
    where: { hostId: demo.id, weekday: 1 },
    data: { startMinute: 9 * 60 + 30 },
  });
  // Written past the weekly-hours service: tell this process, as the service would.
  hostChanged(harness.deps, demo.id, "settings");
  const slots = (reschedule?: { id: string; token?: string }, auth = {}) =>
    harness
      .caller(auth)
      .availability.slots({ hostSlug: "demo", packageId: coaching.id, ...MONDAY_RANGE, reschedule })
      .then((answer) => answer.slots.map((slot) => slot.start));
  return { demo, coaching, booking, slots };
}

/** The session's one event, moved to 10:30 with the Meet link it had. */
function expectOneEventAtHalfPastTen(meetLink: string | null) {
  expect(liveDemoEvents(harness)).toEqual([
    expect.objectContaining({
      start: expect.objectContaining({ dateTime: "2030-01-07T09:30:00.000Z" }),
      hangoutLink: meetLink,
    }),
  ]);
}

describe("moving a booking to a time that overlaps its current one", () => {
  it("offers the overlapping time to its customer, and moves booking and event there", async () => {
    const { booking, slots } = await bookedHourThenHalfHourGrid();
    expect(await slots()).not.toContainEqual(MONDAY_HALF_PAST_TEN_BERLIN);
    expect(await slots({ id: booking.id, token: booking.token })).toContainEqual(
      MONDAY_HALF_PAST_TEN_BERLIN,
    );

    const moved = await harness.caller().booking.reschedule({
      id: booking.id,
      token: booking.token,
      startTime: MONDAY_HALF_PAST_TEN_BERLIN,
    });
    expect(moved).toMatchObject({
      startTime: MONDAY_HALF_PAST_TEN_BERLIN,
      endTime: new Date("2030-01-07T10:30:00Z"),
    });
    expectOneEventAtHalfPastTen(booking.meetLink);
  });

  it("lets the host do the same, signed in and without the token", async () => {
    const { demo, booking, slots } = await bookedHourThenHalfHourGrid();
    const asHost = { sessionHostId: demo.id };
    expect(await slots({ id: booking.id }, asHost)).toContainEqual(MONDAY_HALF_PAST_TEN_BERLIN);

    await expect(
      harness.caller(asHost).host.rescheduleBooking({
        bookingId: booking.id,
        startTime: MONDAY_HALF_PAST_TEN_BERLIN,
      }),
    ).resolves.toMatchObject({ startTime: MONDAY_HALF_PAST_TEN_BERLIN });
    expectOneEventAtHalfPastTen(booking.meetLink);
  });

  it("still refuses a time another booking holds", async () => {
    const { coaching, booking, slots } = await bookedHourThenHalfHourGrid();
    // 11:30–12:30 in Berlin, right after the 10:30 the moving session could take.
    const halfPastEleven = new Date("2030-01-07T10:30:00Z");
    await harness
      .caller()
      .booking.create(bookingInput(coaching.id, halfPastEleven, "o@example.com"));
    const offered = await slots({ id: booking.id, token: booking.token });
    expect(offered).toContainEqual(MONDAY_HALF_PAST_TEN_BERLIN);
    expect(offered).not.toContainEqual(halfPastEleven);
    await expect(
      harness.caller().booking.reschedule({
        id: booking.id,
        token: booking.token,
        startTime: halfPastEleven,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("lets the database move a booking's own row onto an overlapping time in one UPDATE", async () => {
    const { booking } = await bookedHourThenHalfHourGrid();
    await expect(
      harness.db.booking.update({
        where: { id: booking.id },
        data: { startTime: MONDAY_HALF_PAST_TEN_BERLIN, endTime: new Date("2030-01-07T10:30:00Z") },
      }),
    ).resolves.toMatchObject({ startTime: MONDAY_HALF_PAST_TEN_BERLIN });
  });
});

describe("availability.slots with a booking to move", () => {
  it("is NOT_FOUND for a wrong token, a caller who is not its host, or another host's page", async () => {
    const { booking, slots } = await bookedHourThenHalfHourGrid();
    const other = await otherHost(harness);
    await expect(slots({ id: booking.id, token: "not-the-token" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(slots({ id: booking.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(slots({ id: booking.id }, { sessionHostId: other.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
