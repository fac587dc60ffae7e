import { beforeEach, describe, expect, it } from "vitest";
import {
  bookingInput,
  customerEmailsOnly,
  MONDAY_TEN_BERLIN,
} from "../testing/booking-fixtures.ts";
import { inviteOf } from "../testing/email-invite.ts";
import { useBookingHarness } from "../testing/suite-hooks.ts";
import { runDueEmails } from "./email-outbox.service.ts";

const { harness, intro } = useBookingHarness();
beforeEach(() => customerEmailsOnly(harness));
/** Tuesday 2030-01-08 10:00 and Wednesday 2030-01-09 15:00 in Berlin. */
const TUESDAY_TEN_BERLIN = new Date("2030-01-08T09:00:00Z");
const WEDNESDAY_THREE_BERLIN = new Date("2030-01-09T14:00:00Z");

describe("the customer's emails when their booking moves", () => {
  it("each move is its own email with the new times and an .ics moving the same event; the cancellation follows them", async () => {
    const booking = await harness
      .caller()
      .booking.create(bookingInput(intro.id, MONDAY_TEN_BERLIN, "cora@example.com"));
    const access = { id: booking.id, token: booking.token };
    expect(await runDueEmails(harness.deps)).toEqual(["sent"]);
    await harness.caller().booking.reschedule({ ...access, startTime: TUESDAY_TEN_BERLIN });
    expect(await runDueEmails(harness.deps)).toEqual(["sent"]);
    await harness.caller().booking.reschedule({ ...access, startTime: WEDNESDAY_THREE_BERLIN });
    expect(await runDueEmails(harness.deps)).toEqual(["sent"]);
    await harness.caller().booking.cancel(access);
    expect(await runDueEmails(harness.deps)).toEqual(["sent"]);
    expect(await runDueEmails(harness.deps)).toEqual([]);

    const messages = harness.catcher.messages();
    const id = (which: string) => `<booking-${booking.id}.${which}@timetap.test>`;
    expect(messages.map((m) => m.messageId)).toEqual([
      id("booking_confirmed"),
      id("booking_moved.1"),
      id("booking_moved.2"),
      id("booking_cancelled"),
    ]);
    const [confirmed, firstMove, secondMove, cancelled] = messages.map(inviteOf);
    const uid = confirmed?.event.uid;
    expect(uid).toMatch(/@google\.com$/);

    expect(messages[1]?.subject).toBe("Moved: Free intro call with Dana Demo");
    expect(messages[1]?.to).toEqual(["cora@example.com"]);
    expect(messages[1]?.text).toContain(
      "When: Tuesday, 8 January 2030, 10:00–10:30 (Europe/Berlin)",
    );
    expect(messages[1]?.text).toContain(`Join with Google Meet: ${booking.meetLink}`);
    expect(firstMove?.content).toMatch(/^METHOD:REQUEST\r?$/m);
    expect(firstMove?.content).toMatch(/^DTSTART:20300108T090000Z\r?$/m);
    expect(firstMove?.content).toMatch(/^DTEND:20300108T093000Z\r?$/m);
    expect(firstMove?.event.uid).toBe(uid);
    expect(firstMove?.sequence).toBe(1);

    expect(messages[2]?.text).toContain(
      "When: Wednesday, 9 January 2030, 15:00–15:30 (Europe/Berlin)",
    );
    expect(secondMove?.content).toMatch(/^METHOD:REQUEST\r?$/m);
    expect(secondMove?.event.start.toISOString()).toBe(WEDNESDAY_THREE_BERLIN.toISOString());
    expect(secondMove?.event.uid).toBe(uid);
    expect(secondMove?.sequence).toBe(2);

    expect(cancelled?.content).toMatch(/^METHOD:CANCEL\r?$/m);
    expect(cancelled?.event.uid).toBe(uid);
    expect(cancelled?.sequence).toBe(3);
    expect(confirmed?.sequence).toBe(0);
  });

  it("a move still unsent when the booking is cancelled is dropped: the customer hears only that it is off", async () => {
    const booking = await harness
      .caller()
      .booking.create(bookingInput(intro.id, MONDAY_TEN_BERLIN, "cora@example.com"));
    const access = { id: booking.id, token: booking.token };
    await harness.caller().booking.reschedule({ ...access, startTime: TUESDAY_TEN_BERLIN });
    await harness.caller().booking.cancel(access);
    expect(await runDueEmails(harness.deps)).toEqual(["sent", "sent"]);
    const messages = harness.catcher.messages();
    expect(messages.map((m) => m.subject).sort()).toEqual([
      "Booked: Free intro call with Dana Demo",
      "Cancelled: Free intro call with Dana Demo",
    ]);
    const cancellation = messages.find((m) => m.subject.startsWith("Cancelled"));
    expect(inviteOf(cancellation).sequence).toBe(2);
  });

  it("a move that changes nothing sends nothing", async () => {
    const booking = await harness
      .caller()
      .booking.create(bookingInput(intro.id, MONDAY_TEN_BERLIN, "cora@example.com"));
    await harness.caller().booking.reschedule({
      id: booking.id,
      token: booking.token,
      startTime: MONDAY_TEN_BERLIN,
    });
    expect(await runDueEmails(harness.deps)).toEqual(["sent"]);
    expect(harness.catcher.messages().map((m) => m.subject)).toEqual([
      "Booked: Free intro call with Dana Demo",
    ]);
  });
});
