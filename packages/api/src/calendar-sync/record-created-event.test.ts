import { setTimeout as sleep } from "node:timers/promises";
import { beforeEach, describe, expect, it } from "vitest";
import { bookingInput, customerEmailsOnly } from "../testing/booking-fixtures.ts";
import { useBookingHarness } from "../testing/suite-hooks.ts";
import { recordCreatedEvent } from "./record-created-event.ts";

const { harness, intro } = useBookingHarness();
beforeEach(() => customerEmailsOnly(harness));
const TUESDAY_TEN_BERLIN = new Date("2030-01-08T09:00:00Z");
const event = {
  googleEventId: "ev-1",
  googleCalendarId: "primary",
  meetLink: "https://meet.google.com/abc-defg-hij",
};

/** A booking whose first attempt failed, its sync row now leased to `mine`. */
async function bookingWithLeasedSync() {
  harness.emulator.failNext("events.insert", { status: 503, reason: "backendError" });
  const booking = await harness.caller().booking.create(bookingInput(intro.id, TUESDAY_TEN_BERLIN));
  expect(booking.calendarSync).toBe("pending");
  const sync = await harness.db.calendarSync.update({
    where: { id: (await harness.db.calendarSync.findFirstOrThrow()).id },
    data: { leaseToken: "mine", lockedUntil: new Date("2100-01-01T00:00:00Z") },
  });
  return { booking, row: { id: sync.id, bookingId: booking.id, lease: { token: "mine" } } };
}

const bookingRow = (id: string) => harness.db.booking.findUniqueOrThrow({ where: { id } });
const syncRow = (id: string) => harness.db.calendarSync.findUniqueOrThrow({ where: { id } });
const handOverConfirmation = (tx: Pick<typeof harness.db, "email">, bookingId: string) =>
  tx.email.updateMany({
    where: { bookingId, kind: "booking_confirmed" },
    data: { handedOverAt: new Date() },
  });

describe("recording a created event in one statement", () => {
  it("marks the row done and gives the booking its event and Meet link, while the lease is its own", async () => {
    const { booking, row } = await bookingWithLeasedSync();

    expect(await recordCreatedEvent(harness.deps.rawSql, row, event, true)).toBe("recorded");

    expect(await syncRow(row.id)).toMatchObject({
      state: "done",
      lastError: null,
      leaseToken: null,
      lockedUntil: null,
    });
    expect(await bookingRow(booking.id)).toMatchObject(event);
  });

  it("writes nothing once another attempt holds the lease", async () => {
    const { booking, row } = await bookingWithLeasedSync();

    const taken = { ...row, lease: { token: "someone else's" } };
    expect(await recordCreatedEvent(harness.deps.rawSql, taken, event, true)).toBe("lease_lost");

    expect(await syncRow(row.id)).toMatchObject({ state: "pending", leaseToken: "mine" });
    expect(await bookingRow(booking.id)).toMatchObject({ meetLink: null, googleEventId: null });
  });

  it("writes nothing when the confirmation went out without the link: the follow-up is owed", async () => {
    const { booking, row } = await bookingWithLeasedSync();
    await handOverConfirmation(harness.db, booking.id);

    expect(await recordCreatedEvent(harness.deps.rawSql, row, event, true)).toBe("follow_up_owed");
    expect(await syncRow(row.id)).toMatchObject({ state: "pending", leaseToken: "mine" });
    expect(await bookingRow(booking.id)).toMatchObject({ meetLink: null });
    // A link the booking already had owes nothing more.
    expect(await recordCreatedEvent(harness.deps.rawSql, row, event, false)).toBe("recorded");
  });

  it("sees a hand-over that commits while it waits for the confirmation's row", async () => {
    const { booking, row } = await bookingWithLeasedSync();
    let recording: Promise<string> | undefined;
    await harness.db.$transaction(async (tx) => {
      await handOverConfirmation(tx, booking.id);
      // The statement starts while the hand-over holds the confirmation's row, uncommitted.
      recording = recordCreatedEvent(harness.deps.rawSql, row, event, true);
      await sleep(200);
    });

    expect(await recording).toBe("follow_up_owed");
    expect(await bookingRow(booking.id)).toMatchObject({ meetLink: null });
  });
});
