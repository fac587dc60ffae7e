import { DEMO_HOST } from "@timetap/db";
import { beforeEach, describe, expect, it } from "vitest";
import { bookingInput } from "../testing/booking-fixtures.ts";
import { useBookingHarness } from "../testing/suite-hooks.ts";
import { runDueEmails } from "./email-outbox.service.ts";

const { harness, intro } = useBookingHarness();
/** Monday 2030-01-07 06:00Z is "now"; the session is the next day at 10:00 in Berlin. */
const TUESDAY_TEN_BERLIN = new Date("2030-01-08T09:00:00Z");
const WEDNESDAY_TEN_BERLIN = new Date("2030-01-09T09:00:00Z");
const MINUTE_MS = 60_000;

const book = (startTime = TUESDAY_TEN_BERLIN) =>
  harness.caller().booking.create(bookingInput(intro.id, startTime, "cora@example.com"));
/** The reminders Cora got, by subject, oldest first. */
const reminders = () =>
  harness.catcher
    .messages()
    .filter((m) => m.to.includes("cora@example.com") && m.subject.startsWith("Reminder:"))
    .map((m) => m.subject);
/** The worker runs at `iso` (twice: each reminder goes once); the reminders sent by then. */
async function remindersBy(iso: string) {
  harness.setNow(new Date(iso));
  await runDueEmails(harness.deps);
  await runDueEmails(harness.deps);
  return reminders();
}
const IN_24H = "Reminder: Free intro call with Dana Demo in 24 hours";
const IN_1H = "Reminder: Free intro call with Dana Demo in 1 hour";

beforeEach(async () => {
  await harness.db.host.update({
    where: { email: DEMO_HOST.email },
    data: { reminder24h: true, reminder1h: true },
  });
});

describe("the customer's reminders", () => {
  it("go 24 hours and 1 hour before the session, not a minute earlier, each once", async () => {
    const booking = await book();
    await runDueEmails(harness.deps);
    expect(reminders()).toEqual([]);

    expect(await remindersBy("2030-01-07T08:59:00Z")).toEqual([]);
    expect(await remindersBy("2030-01-07T09:00:00Z")).toEqual([IN_24H]);

    expect(await remindersBy("2030-01-08T07:59:00Z")).toEqual([IN_24H]);
    expect(await remindersBy("2030-01-08T08:00:00Z")).toEqual([IN_24H, IN_1H]);

    const last = harness.catcher.messages().at(-1);
    expect(last?.text).toContain("Your session with Dana Demo starts in 1 hour.");
    expect(last?.text).toContain("When: Tuesday, 8 January 2030, 10:00–10:30 (Europe/Berlin)");
    expect(last?.text).toContain(`Join with Google Meet: ${booking.meetLink}`);
    expect(last?.text).toContain(`/bookings/${booking.id}?token=`);
  });

  it("skip a reminder whose instant has passed when the session is booked, and follow the host's choice", async () => {
    // Monday 16:00 in Berlin, booked at 07:00 there: the day-ahead reminder's time is gone.
    const booking = await book(new Date("2030-01-07T15:00:00Z"));
    const kinds = async () =>
      (await harness.db.email.findMany({ where: { bookingId: booking.id } })).map((e) => e.kind);
    expect((await kinds()).filter((kind) => kind.startsWith("reminder"))).toEqual(["reminder_1h"]);

    const host = harness.caller({
      sessionHostId: (
        await harness.db.host.findUniqueOrThrow({ where: { email: DEMO_HOST.email } })
      ).id,
    });
    await host.host.updateEmailSettings({
      hostNotices: true,
      reminder24h: true,
      reminder1h: false,
    });
    expect((await kinds()).filter((kind) => kind.startsWith("reminder"))).toEqual([]);
    expect(await remindersBy("2030-01-07T14:00:00Z")).toEqual([]);
  });

  it("are dropped with a cancellation", async () => {
    const booking = await book();
    await harness.caller().booking.cancel({ id: booking.id, token: booking.token });
    expect(await remindersBy("2030-01-08T08:30:00Z")).toEqual([]);
    expect(harness.catcher.messages().map((m) => m.subject)).toContain(
      "Cancelled: Free intro call with Dana Demo",
    );
  });

  it("move with a reschedule: due before the new start, not the old one", async () => {
    const booking = await book();
    await harness.caller().booking.reschedule({
      id: booking.id,
      token: booking.token,
      startTime: WEDNESDAY_TEN_BERLIN,
    });
    expect(await remindersBy("2030-01-08T08:00:00Z")).toEqual([]);
    expect(await remindersBy("2030-01-08T09:00:00Z")).toEqual([IN_24H]);
    expect(harness.catcher.messages().at(-1)?.text).toContain(
      "When: Wednesday, 9 January 2030, 10:00–10:30",
    );
  });

  it("are never sent once the session has started, however late the worker runs", async () => {
    const booking = await book();
    await runDueEmails(harness.deps);
    // The worker was down through both reminders' times and comes back a minute into the session.
    harness.setNow(new Date(TUESDAY_TEN_BERLIN.getTime() + MINUTE_MS));
    expect(await runDueEmails(harness.deps)).toEqual(["dropped", "dropped"]);
    expect(reminders()).toEqual([]);
    expect(
      await harness.db.email.count({ where: { bookingId: booking.id, state: "pending" } }),
    ).toBe(0);
  });
});
