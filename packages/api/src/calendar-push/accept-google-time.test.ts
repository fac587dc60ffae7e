import { DEMO_HOST } from "@timetap/db";
import { eventIdForBooking } from "@timetap/google";
import { beforeEach, describe, expect, it } from "vitest";
import { runDueEmails } from "../notifications/email-outbox.service.ts";
import {
  bookingInput,
  customerEmailsOnly,
  liveDemoEvents,
  MONDAY_TEN_BERLIN,
} from "../testing/booking-fixtures.ts";
import { inviteOf } from "../testing/email-invite.ts";
import {
  heardWithin,
  minutesAfter as later,
  useWatchedCalendarHarness,
} from "../testing/watched-calendar-harness.ts";

const { harness, intro, asHost, rowOf } = await useWatchedCalendarHarness();
/** Monday 2030-01-07 20:00–20:30 in Berlin: after the demo host's weekly hours. */
const EVENING = { start: later(MONDAY_TEN_BERLIN, 600), end: later(MONDAY_TEN_BERLIN, 630) };

beforeEach(() => customerEmailsOnly(harness));

/** A booking whose confirmation went out, its event then moved by the host in Google to `to`. */
async function movedInGoogle(to: { start: Date; end: Date }, customerEmail = "cora@example.com") {
  const booking = await harness
    .caller()
    .booking.create(bookingInput(intro.id, MONDAY_TEN_BERLIN, customerEmail));
  expect(await runDueEmails(harness.deps)).toEqual(["sent"]);
  harness.emulator.moveEvent(DEMO_HOST.email, eventIdForBooking(booking.id), to);
  await expect
    .poll(() => rowOf(booking.id), heardWithin)
    .toMatchObject({ calendarIssue: "moved", googleStartTime: to.start });
  return booking;
}

describe("accepting the time the host moved a session's event to in Google", () => {
  it("moves the booking there (outside weekly hours, as the host chose it) and emails the customer once, as a move", async () => {
    const booking = await movedInGoogle(EVENING);
    const writes = () =>
      harness.emulator
        .requests()
        .filter((r) => r.operation?.startsWith("events.") && r.method !== "GET");
    const writesBefore = writes().length;

    await (await asHost()).acceptGoogleTime({ bookingId: booking.id });

    expect(await rowOf(booking.id)).toMatchObject({
      startTime: EVENING.start,
      endTime: EVENING.end,
      calendarIssue: null,
      googleStartTime: null,
    });
    // The event stays where the host put it: nothing is written to Google.
    expect(writes()).toHaveLength(writesBefore);
    expect(liveDemoEvents(harness)).toMatchObject([
      { start: { dateTime: EVENING.start.toISOString() } },
    ]);
    expect(await runDueEmails(harness.deps)).toEqual(["sent"]);
    expect(await runDueEmails(harness.deps)).toEqual([]);
    const [confirmed, moved] = harness.catcher.messages();
    expect(moved?.subject).toBe("Moved: Free intro call with Dana Demo");
    expect(moved?.to).toEqual(["cora@example.com"]);
    expect(moved?.text).toContain("When: Monday, 7 January 2030, 20:00–20:30 (Europe/Berlin)");
    expect(inviteOf(moved).event.uid).toBe(inviteOf(confirmed).event.uid);
    expect(inviteOf(moved).sequence).toBe(1);
    expect(inviteOf(moved).content).toMatch(/^DTSTART:20300107T190000Z\r?$/m);
    // Answered: nothing is left to accept or put back.
    await expect(
      (await asHost()).acceptGoogleTime({ bookingId: booking.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a time another session or, with the buffers, a busy time holds, with a sentence, and changes nothing", async () => {
    const noon = { start: later(MONDAY_TEN_BERLIN, 120), end: later(MONDAY_TEN_BERLIN, 150) };
    const other = await harness
      .caller()
      .booking.create(bookingInput(intro.id, noon.start, "olly@example.com"));
    await runDueEmails(harness.deps);
    const booking = await movedInGoogle(noon);
    const refusal = {
      code: "CONFLICT",
      message:
        "The new time overlaps another session or a busy time in your calendars, so the booking stays where it is. Put the event back, or free that time first.",
    };
    await expect(
      (await asHost()).acceptGoogleTime({ bookingId: booking.id }),
    ).rejects.toMatchObject(refusal);

    await (await asHost()).cancelBooking({ bookingId: other.id });
    await runDueEmails(harness.deps);
    // Right after the session, within the 15 minutes the host keeps free after each one.
    await harness.db.host.update({
      where: { email: DEMO_HOST.email },
      data: { bufferAfterMinutes: 15 },
    });
    harness.emulator.addEvent(DEMO_HOST.email, { start: noon.end, end: later(noon.end, 15) });
    await expect(
      (await asHost()).acceptGoogleTime({ bookingId: booking.id }),
    ).rejects.toMatchObject(refusal);

    expect(await rowOf(booking.id)).toMatchObject({
      startTime: MONDAY_TEN_BERLIN,
      calendarIssue: "moved",
      googleStartTime: noon.start,
    });
    expect(await runDueEmails(harness.deps)).toEqual([]);
  });

  it("is for a signed-in host or an API key that manages bookings", async () => {
    const booking = await movedInGoogle(EVENING);
    const keyWith = async (scopes: Array<"read_bookings" | "manage_bookings">) => {
      const { key } = await (await asHost()).createApiKey({ name: scopes.join(" "), scopes });
      return harness.caller({ authorization: `Bearer ${key}` });
    };
    const reader = await keyWith(["read_bookings"]);
    await expect(reader.host.acceptGoogleTime({ bookingId: booking.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("Manage bookings"),
    });
    expect(await rowOf(booking.id)).toMatchObject({ calendarIssue: "moved" });
    const manager = await keyWith(["manage_bookings"]);
    await manager.host.acceptGoogleTime({ bookingId: booking.id });
    expect(await rowOf(booking.id)).toMatchObject({
      startTime: EVENING.start,
      calendarIssue: null,
    });
  });
});
