import { describe, expect, it } from "vitest";
import { eventIdForBooking } from "./event-id.ts";
import { sessionEvent as booking, useEmulatorWithHost } from "./testing/host-grant.ts";
import { googleFor, hostEmail } from "./testing/index.ts";

const { emulator, grant } = await useEmulatorWithHost();

const since = { since: new Date("2030-03-01T00:00:00Z") };

describe("listEventChanges", () => {
  it("lists every event with its booking id, then only what changed since the sync token", async () => {
    const google = googleFor(emulator);
    await google.createCalendarEvent(grant.refreshToken, booking("booking-1"));
    await google.createCalendarEvent(grant.refreshToken, booking("booking-2"));
    const first = await google.listEventChanges(grant.refreshToken, "primary", since);
    expect(first.changes.map((c) => c.bookingId)).toEqual(["booking-1", "booking-2"]);

    emulator.moveEvent(hostEmail, eventIdForBooking("booking-1"), {
      start: "2030-03-05T09:00:00Z",
      end: "2030-03-05T10:00:00Z",
    });
    emulator.deleteEvent(hostEmail, eventIdForBooking("booking-2"));
    const next = await google.listEventChanges(grant.refreshToken, "primary", {
      syncToken: first.nextSyncToken,
    });
    expect(next.changes).toEqual([
      {
        eventId: eventIdForBooking("booking-1"),
        bookingId: "booking-1",
        deleted: false,
        start: new Date("2030-03-05T09:00:00Z"),
        end: new Date("2030-03-05T10:00:00Z"),
      },
      expect.objectContaining({ bookingId: "booking-2", deleted: true }),
    ]);

    const quiet = await google.listEventChanges(grant.refreshToken, "primary", {
      syncToken: next.nextSyncToken,
    });
    expect(quiet.changes).toEqual([]);
  });

  it("asks for a full sync when the token belongs to another calendar", async () => {
    const google = googleFor(emulator);
    const work = emulator.addCalendar(hostEmail, "Work");
    const { nextSyncToken } = await google.listEventChanges(grant.refreshToken, work.id, since);
    await expect(
      google.listEventChanges(grant.refreshToken, "primary", { syncToken: nextSyncToken }),
    ).rejects.toMatchObject({ status: 410, reason: "fullSyncRequired", kind: "permanent" });
  });
});
