import { DEMO_HOST } from "@timetap/db";
import { describe, expect, it } from "vitest";
import { bookingInput, MONDAY_MORNING, MONDAY_TEN_BERLIN } from "../testing/booking-fixtures.ts";
import { useBookingHarness } from "../testing/suite-hooks.ts";

const { harness, intro } = useBookingHarness();

const asHost = async () => {
  const host = await harness.db.host.findUniqueOrThrow({ where: { email: DEMO_HOST.email } });
  return harness.caller({ sessionHostId: host.id }).host;
};
const monday = () => ({
  hostSlug: "demo",
  packageId: intro.id,
  from: MONDAY_MORNING,
  to: new Date("2030-01-08T00:00:00Z"),
});
const offered = async () =>
  (await harness.caller().availability.slots(monday())).slots.map((s) => s.start.toISOString());
const tenBerlin = MONDAY_TEN_BERLIN.toISOString();
const busyAtTen = (calendarId?: string) =>
  harness.emulator.addEvent(DEMO_HOST.email, {
    calendarId,
    start: MONDAY_TEN_BERLIN,
    end: new Date(MONDAY_TEN_BERLIN.getTime() + 30 * 60_000),
  });

describe("host.calendars", () => {
  it("lists the host's calendars; until they choose, the primary one counts and receives sessions", async () => {
    const work = harness.emulator.addCalendar(DEMO_HOST.email, "Work");
    expect(await (await asHost()).calendars()).toEqual({
      unavailable: null,
      message: null,
      calendars: [
        expect.objectContaining({ primary: true, countsAsBusy: true, receivesSessions: true }),
        expect.objectContaining({
          id: work.id,
          summary: "Work",
          countsAsBusy: false,
          receivesSessions: false,
        }),
      ],
      missing: [],
    });
  });

  it("says to reconnect when the grant does not let TimeTap list calendars", async () => {
    const host = await harness.db.host.findUniqueOrThrow({ where: { email: DEMO_HOST.email } });
    const narrow = harness.emulator.issueRefreshToken(DEMO_HOST.email, {
      scopes: [
        "https://www.googleapis.com/auth/calendar.events",
        "https://www.googleapis.com/auth/calendar.freebusy",
      ],
    });
    await harness.db.host.update({
      where: { id: host.id },
      data: { googleRefreshToken: harness.tokens.encrypt(narrow, host.id) },
    });
    expect(await (await asHost()).calendars()).toMatchObject({
      unavailable: "no_list_access",
      message: expect.stringContaining("Reconnect Google Calendar"),
      calendars: [],
    });
    expect(await offered()).not.toEqual([]);
  });
});

describe("host.updateCalendars", () => {
  it("makes a secondary calendar's events busy: its times are no longer offered", async () => {
    const work = harness.emulator.addCalendar(DEMO_HOST.email, "Work");
    busyAtTen(work.id);
    expect(await offered()).toContain(tenBerlin);
    const host = await asHost();
    await host.updateCalendars({
      busyCalendarIds: [DEMO_HOST.email, work.id],
      sessionCalendarId: DEMO_HOST.email,
    });
    expect(await offered()).not.toContain(tenBerlin);
    expect(harness.emulator.requests().at(-1)).toMatchObject({
      operation: "freebusy",
      body: { items: [{ id: "primary" }, { id: work.id }] },
    });
  });

  it("puts new session events on the chosen calendar, and cancels them there", async () => {
    const sessions = harness.emulator.addCalendar(DEMO_HOST.email, "Coaching");
    await (
      await asHost()
    ).updateCalendars({ busyCalendarIds: [sessions.id], sessionCalendarId: sessions.id });
    const booking = await harness
      .caller()
      .booking.create(bookingInput(intro.id, MONDAY_TEN_BERLIN));
    const inSessions = () => harness.emulator.events(DEMO_HOST.email, sessions.id);
    expect(inSessions()).toMatchObject([{ status: "confirmed" }]);
    expect(harness.emulator.events(DEMO_HOST.email)).toEqual([]);
    await harness.caller().booking.cancel({ id: booking.id, token: booking.token });
    await expect.poll(() => inSessions()[0]?.status).toBe("cancelled");
  });

  it("reports a chosen calendar that Google no longer lists, and still offers times", async () => {
    const family = harness.emulator.addCalendar(DEMO_HOST.email, "Family");
    const host = await asHost();
    await host.updateCalendars({
      busyCalendarIds: [DEMO_HOST.email, family.id],
      sessionCalendarId: DEMO_HOST.email,
    });
    harness.emulator.removeCalendar(DEMO_HOST.email, family.id);
    expect((await host.calendars()).missing).toEqual([
      { id: family.id, countsAsBusy: true, receivesSessions: false },
    ]);
    busyAtTen();
    const { slots, calendarDegraded } = await harness.caller().availability.slots(monday());
    expect(calendarDegraded).toBe(false);
    expect(slots.map((s) => s.start.toISOString())).not.toContain(tenBerlin);
  });

  it("refuses a calendar that is not the host's, and an empty choice", async () => {
    const host = await asHost();
    await expect(
      host.updateCalendars({
        busyCalendarIds: ["someone-else@group.calendar.google.com"],
        sessionCalendarId: DEMO_HOST.email,
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("no longer in your Google account"),
    });
    await expect(
      host.updateCalendars({ busyCalendarIds: [], sessionCalendarId: DEMO_HOST.email }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("at least one calendar"),
    });
  });

  it("asks a host without a connected calendar to connect it first", async () => {
    const host = await asHost();
    await host.disconnectCalendar();
    await expect(
      host.updateCalendars({
        busyCalendarIds: [DEMO_HOST.email],
        sessionCalendarId: DEMO_HOST.email,
      }),
    ).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "Connect Google Calendar first, then choose your calendars.",
    });
  });
});
