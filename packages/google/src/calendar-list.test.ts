import { describe, expect, it } from "vitest";
import { GoogleApiError } from "./errors.ts";
import { useEmulatorWithHost } from "./testing/host-grant.ts";
import { googleFor, hostEmail } from "./testing/index.ts";

const { emulator, grant } = await useEmulatorWithHost();

const day = { from: new Date("2030-03-04T00:00:00Z"), to: new Date("2030-03-05T00:00:00Z") };

describe("listCalendars", () => {
  it("lists the primary calendar first, then the host's other calendars", async () => {
    const work = emulator.addCalendar(hostEmail, "Work");
    expect(await googleFor(emulator).listCalendars(grant.refreshToken)).toEqual([
      { id: hostEmail, summary: hostEmail, primary: true, writable: true },
      { id: work.id, summary: "Work", primary: false, writable: true },
    ]);
  });

  it("no longer lists a calendar the host deleted", async () => {
    const family = emulator.addCalendar(hostEmail, "Family");
    emulator.removeCalendar(hostEmail, family.id);
    const ids = (await googleFor(emulator).listCalendars(grant.refreshToken)).map((c) => c.id);
    expect(ids).toEqual([hostEmail]);
  });

  it("is refused without the calendar-list scope", async () => {
    const narrow = emulator.issueRefreshToken(hostEmail, {
      scopes: ["https://www.googleapis.com/auth/calendar.events"],
    });
    const error = await googleFor(emulator)
      .listCalendars(narrow)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GoogleApiError);
    expect(error).toMatchObject({ status: 403, reason: "insufficientPermissions" });
  });
});

describe("getCalendarBusyTimes over several calendars", () => {
  it("merges the busy times of every chosen calendar", async () => {
    const work = emulator.addCalendar(hostEmail, "Work");
    emulator.addEvent(hostEmail, { start: "2030-03-04T09:00:00Z", end: "2030-03-04T10:00:00Z" });
    emulator.addEvent(hostEmail, {
      calendarId: work.id,
      start: "2030-03-04T07:00:00Z",
      end: "2030-03-04T08:00:00Z",
    });
    const busy = await googleFor(emulator).getCalendarBusyTimes(
      grant.refreshToken,
      day.from,
      day.to,
      ["primary", work.id],
    );
    expect(busy).toEqual([
      { start: new Date("2030-03-04T07:00:00Z"), end: new Date("2030-03-04T08:00:00Z") },
      { start: new Date("2030-03-04T09:00:00Z"), end: new Date("2030-03-04T10:00:00Z") },
    ]);
  });

  it("skips a calendar that is gone and still reads the others", async () => {
    const gone = emulator.addCalendar(hostEmail, "Old team");
    emulator.addEvent(hostEmail, { start: "2030-03-04T09:00:00Z", end: "2030-03-04T10:00:00Z" });
    emulator.removeCalendar(hostEmail, gone.id);
    const busy = await googleFor(emulator).getCalendarBusyTimes(
      grant.refreshToken,
      day.from,
      day.to,
      ["primary", gone.id],
    );
    expect(busy).toEqual([
      { start: new Date("2030-03-04T09:00:00Z"), end: new Date("2030-03-04T10:00:00Z") },
    ]);
  });
});
