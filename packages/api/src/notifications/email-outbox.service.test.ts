import ical from "node-ical";
import { DEMO_HOST } from "@timetap/db";
import { eventIdForBooking } from "@timetap/google";
import { beforeEach, describe, expect, it } from "vitest";
import { useBookingHarness } from "../testing/suite-hooks.ts";
import {
  bookingInput,
  demoWithCalendar,
  liveDemoEvents,
  MONDAY_MORNING,
} from "../testing/booking-fixtures.ts";
import { runDueEmails } from "./email-outbox.service.ts";

const { harness, intro } = useBookingHarness();
// These tests are about the customer's confirmation and cancellation alone; the host's notices
// and the reminders have their own files.
const customerEmailsOnly = () =>
  harness.db.host.update({
    where: { email: DEMO_HOST.email },
    data: { hostNotices: false, reminder24h: false, reminder1h: false },
  });
beforeEach(customerEmailsOnly);
const TUESDAY_TEN_BERLIN = new Date("2030-01-08T09:00:00Z");

const book = (customerEmail = "cora@example.com") =>
  harness.caller().booking.create(bookingInput(intro.id, TUESDAY_TEN_BERLIN, customerEmail));

const later = (ms: number) => harness.setNow(new Date(MONDAY_MORNING.getTime() + ms));

/** "Free intro call with Dana Demo": how the emails name the session. */
async function sessionName() {
  const pkg = await harness.db.sessionPackage.findUniqueOrThrow({ where: { id: intro.id } });
  return `${pkg.name} with ${DEMO_HOST.name}`;
}

function inviteOf(message: { attachments: Array<{ filename: string | null; content: string }> }) {
  const content = message.attachments.find((a) => a.filename === "invite.ics")?.content ?? "";
  const event = Object.values(ical.sync.parseICS(content)).find((e) => e?.type === "VEVENT");
  if (event?.type !== "VEVENT") throw new Error("the email has no invite.ics with an event");
  return { content, event };
}

describe("the booking confirmation email", () => {
  it("goes to the customer once, with the Meet link, the manage link and an invitation to the Google event", async () => {
    const booking = await book();
    expect(booking.meetLink).toMatch(/^https:\/\/meet\.google\.com\//);

    expect(await runDueEmails(harness.deps)).toEqual(["sent"]);
    expect(await runDueEmails(harness.deps)).toEqual([]);
    later(24 * 3600_000);
    expect(await runDueEmails(harness.deps)).toEqual([]);

    const messages = harness.catcher.messages();
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message?.to).toEqual(["cora@example.com"]);
    expect(message?.subject).toBe(`Booked: ${await sessionName()}`);
    expect(message?.messageId).toBe(`<booking-${booking.id}.booking_confirmed@timetap.test>`);
    expect(message?.text).toContain(`Join with Google Meet: ${booking.meetLink}`);
    expect(message?.text).toContain("Tuesday, 8 January 2030, 10:00–10:30 (Europe/Berlin)");
    expect(message?.text).toContain(
      `http://timetap.test/bookings/${booking.id}?token=${encodeURIComponent(booking.token)}`,
    );

    const { content, event } = inviteOf(message!);
    expect(content).toMatch(/^METHOD:REQUEST\r?$/m);
    expect(content).toMatch(/^DTSTART:20300108T090000Z\r?$/m);
    expect(content).toMatch(/^DTEND:20300108T093000Z\r?$/m);
    const [googleEvent] = liveDemoEvents(harness);
    expect(googleEvent?.id).toBe(eventIdForBooking(booking.id));
    expect(event.uid).toBe(`${googleEvent?.id}@google.com`);
    expect(event.start.toISOString()).toBe(TUESDAY_TEN_BERLIN.toISOString());
  });

  it("gives the time in the zone the customer booked in, and in the host's", async () => {
    await harness.caller().booking.create({
      ...bookingInput(intro.id, TUESDAY_TEN_BERLIN),
      customerTimeZone: "America/New_York",
    });
    expect(await runDueEmails(harness.deps)).toEqual(["sent"]);
    const [message] = harness.catcher.messages();
    expect(message?.text).toContain(
      "When: Tuesday, 8 January 2030, 04:00–04:30 (America/New_York)",
    );
    expect(message?.text).toContain(
      `${DEMO_HOST.name}'s time: Tuesday, 8 January 2030, 10:00–10:30 (Europe/Berlin)`,
    );
    await expect(
      harness.caller().booking.create({
        ...bookingInput(intro.id, new Date("2030-01-08T10:00:00Z")),
        customerTimeZone: "Mars/Olympus",
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Pick a time zone from the list."),
    });
  });

  it("says the Meet link will be sent separately when the host has no calendar connected", async () => {
    await harness.db.calendarSync.deleteMany();
    await harness.db.booking.deleteMany();
    await demoWithCalendar(harness, { connected: false });
    await customerEmailsOnly();
    const booking = await book();
    expect(booking.meetLink).toBeNull();

    expect(await runDueEmails(harness.deps)).toEqual(["sent"]);
    const [message] = harness.catcher.messages();
    expect(message?.text).toContain("Your Meet link will be sent separately.");
    expect(message?.text).not.toContain("meet.google.com");
  });

  it("is delivered once the mail server is back, while the booking stood all along", async () => {
    await harness.catcher.stopSmtp();
    let booking;
    try {
      booking = await book();
      expect(booking).toMatchObject({ calendarSync: "synced" });
      expect(await runDueEmails(harness.deps)).toEqual(["pending"]);
      const row = await harness.db.email.findFirstOrThrow({ where: { bookingId: booking.id } });
      expect(row).toMatchObject({ state: "pending", attempts: 1 });
      expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
    } finally {
      await harness.catcher.startSmtp();
    }
    // Not before its backoff is over; then exactly once.
    expect(await runDueEmails(harness.deps)).toEqual([]);
    later(10_000);
    expect(await runDueEmails(harness.deps)).toEqual(["sent"]);
    expect(await runDueEmails(harness.deps)).toEqual([]);
    expect(harness.catcher.messages().map((m) => m.messageId)).toEqual([
      `<booking-${booking.id}.booking_confirmed@timetap.test>`,
    ]);
    const status = await harness.caller().booking.status({ id: booking.id, token: booking.token });
    expect(status.status).toBe("CONFIRMED");
  });

  it("fails with the server's reason when the address is refused for good; the booking stands", async () => {
    harness.catcher.reject("nobody@example.com", "550 5.1.1 nobody@example.com: no such mailbox");
    const booking = await book("nobody@example.com");

    expect(await runDueEmails(harness.deps)).toEqual(["failed"]);
    later(24 * 3600_000);
    expect(await runDueEmails(harness.deps)).toEqual([]);
    const row = await harness.db.email.findFirstOrThrow({ where: { bookingId: booking.id } });
    expect(row).toMatchObject({ state: "failed", attempts: 1 });
    expect(row.lastError).toContain("550 5.1.1 nobody@example.com: no such mailbox");
    expect(harness.catcher.messages()).toEqual([]);
    const status = await harness.caller().booking.status({ id: booking.id, token: booking.token });
    expect(status.status).toBe("CONFIRMED");
  });
});

describe("the cancellation email", () => {
  it("tells the customer, with an .ics that cancels the same event", async () => {
    const booking = await book();
    await harness.caller().booking.cancel({ id: booking.id, token: booking.token });

    expect(await runDueEmails(harness.deps)).toEqual(["sent", "sent"]);
    const byKind = (kind: string) =>
      harness.catcher
        .messages()
        .find((m) => m.messageId === `<booking-${booking.id}.${kind}@timetap.test>`);
    const [confirmation, cancellation] = [byKind("booking_confirmed"), byKind("booking_cancelled")];
    expect(cancellation?.subject).toBe(`Cancelled: ${await sessionName()}`);
    const cancelled = inviteOf(cancellation!);
    expect(cancelled.content).toMatch(/^METHOD:CANCEL\r?$/m);
    expect(cancelled.event.uid).toBe(inviteOf(confirmation!).event.uid);
  });
});
