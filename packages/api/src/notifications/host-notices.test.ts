import { DEMO_HOST } from "@timetap/db";
import { describe, expect, it } from "vitest";
import { bookingInput } from "../testing/booking-fixtures.ts";
import { useBookingHarness } from "../testing/suite-hooks.ts";
import { runDueEmails } from "./email-outbox.service.ts";

const { harness, intro } = useBookingHarness();
const TUESDAY_TEN_BERLIN = new Date("2030-01-08T09:00:00Z");
const WEDNESDAY_TEN_BERLIN = new Date("2030-01-09T09:00:00Z");

const demoHost = () => harness.db.host.findUniqueOrThrow({ where: { email: DEMO_HOST.email } });
const hostCaller = async () => harness.caller({ sessionHostId: (await demoHost()).id });
const book = () =>
  harness.caller().booking.create(bookingInput(intro.id, TUESDAY_TEN_BERLIN, "cora@example.com"));
/** What reached the host's inbox, oldest first. */
const toHost = () => harness.catcher.messages().filter((m) => m.to.includes(DEMO_HOST.email));

describe("the host's notices", () => {
  it("tell the host of a booking, of each move and of a cancellation the customer made", async () => {
    const booking = await book();
    // Written with the booking: there before any worker ran.
    expect(
      await harness.db.email.count({ where: { bookingId: booking.id, kind: "host_booking_new" } }),
    ).toBe(1);
    await runDueEmails(harness.deps);
    const [made] = toHost();
    expect(made?.subject).toBe("New booking: Free intro call with Cora Customer");
    expect(made?.text).toContain("Cora Customer booked a session with you.");
    expect(made?.text).toContain("Email: cora@example.com");
    expect(made?.text).toContain("When: Tuesday, 8 January 2030, 10:00–10:30 (Europe/Berlin)");
    expect(made?.text).toContain("Open your dashboard: http://timetap.test/dashboard");
    expect(made?.attachments).toEqual([]);

    const customer = { id: booking.id, token: booking.token };
    await harness.caller().booking.reschedule({ ...customer, startTime: WEDNESDAY_TEN_BERLIN });
    await harness.caller().booking.reschedule({ ...customer, startTime: TUESDAY_TEN_BERLIN });
    await harness.caller().booking.reschedule({ ...customer, startTime: WEDNESDAY_TEN_BERLIN });
    await runDueEmails(harness.deps);
    const moves = toHost().filter((m) => m.subject.startsWith("Moved:"));
    expect(moves).toHaveLength(3);
    expect(new Set(moves.map((m) => m.messageId)).size).toBe(3);
    expect(moves[2]?.text).toContain("Cora Customer moved this session to a new time.");
    expect(moves[2]?.text).toContain("When: Wednesday, 9 January 2030, 10:00–10:30");

    await harness.caller().booking.cancel(customer);
    await runDueEmails(harness.deps);
    expect(toHost().at(-1)?.subject).toBe("Cancelled: Free intro call with Cora Customer");
    expect(toHost().at(-1)?.text).toContain("The time is free again on your booking page.");
  });

  it("are not sent for changes the host made, nor once the host turned them off", async () => {
    const host = await hostCaller();
    expect(await host.host.emailSettings()).toEqual({
      hostNotices: true,
      reminder24h: true,
      reminder1h: false,
    });
    const booking = await book();
    await host.host.rescheduleBooking({ bookingId: booking.id, startTime: WEDNESDAY_TEN_BERLIN });
    await host.host.cancelBooking({ bookingId: booking.id });
    await runDueEmails(harness.deps);
    expect(toHost().map((m) => m.subject)).toEqual([
      "New booking: Free intro call with Cora Customer",
    ]);

    await host.host.updateEmailSettings({
      hostNotices: false,
      reminder24h: true,
      reminder1h: false,
    });
    expect((await host.host.emailSettings()).hostNotices).toBe(false);
    const second = await book();
    await harness.caller().booking.cancel({ id: second.id, token: second.token });
    await runDueEmails(harness.deps);
    expect(toHost()).toHaveLength(1);
    expect(harness.catcher.messages().map((m) => m.subject)).toContain(
      "Cancelled: Free intro call with Dana Demo",
    );
  });

  it("settings are refused with a sentence when they are not on or off", async () => {
    const host = await hostCaller();
    await expect(
      host.host.updateEmailSettings({
        hostNotices: "yes" as unknown as boolean,
        reminder24h: true,
        reminder1h: false,
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Choose on or off."),
    });
  });
});
