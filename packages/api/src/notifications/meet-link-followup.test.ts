import { MEET_LINK_LATER } from "@timetap/email";
import { beforeEach, describe, expect, it } from "vitest";
import { runDueSyncs } from "../calendar-sync/calendar-sync.service.ts";
import { bookingInput, customerEmailsOnly, MONDAY_MORNING } from "../testing/booking-fixtures.ts";
import { inviteOf } from "../testing/email-invite.ts";
import { useBookingHarness } from "../testing/suite-hooks.ts";
import { runDueEmails } from "./email-outbox.service.ts";

const { harness, intro } = useBookingHarness();
beforeEach(() => customerEmailsOnly(harness));
const TUESDAY_TEN_BERLIN = new Date("2030-01-08T09:00:00Z");
const HOUR = 3600_000;

const later = (ms: number) => harness.setNow(new Date(MONDAY_MORNING.getTime() + ms));
const book = () =>
  harness.caller().booking.create(bookingInput(intro.id, TUESDAY_TEN_BERLIN, "cora@example.com"));
const messageIdOf = (bookingId: string, kind: string) =>
  `<booking-${bookingId}.${kind}@timetap.test>`;
const meetLinkOf = async (booking: { id: string; token: string }) =>
  (await harness.caller().booking.get({ id: booking.id, token: booking.token })).meetLink;

/** Ways Google can leave a booking without its Meet link at first, and how it gets it later. */
const lateLinks = [
  {
    name: "Google refused the event once (503)",
    fail: () => harness.emulator.failNext("events.insert", { status: 503, reason: "backendError" }),
    recover: () => undefined,
  },
  {
    name: "Google's Meet conference was still pending",
    fail: () => harness.emulator.conferencePending({ ms: HOUR }),
    recover: () => harness.emulator.advanceTime(HOUR + 1_000),
  },
];

describe("the Meet link that comes after the confirmation", () => {
  it.each(lateLinks)(
    "$name: the confirmation says it will follow, then exactly one follow-up carries it",
    async ({ fail, recover }) => {
      fail();
      const booking = await book();
      expect(booking).toMatchObject({ meetLink: null, calendarSync: "pending" });

      expect(await runDueEmails(harness.deps)).toEqual(["sent"]);
      const [confirmation] = harness.catcher.messages();
      expect(confirmation?.text).toContain(MEET_LINK_LATER);

      recover();
      later(HOUR);
      expect(await runDueSyncs(harness.deps)).toEqual(["synced"]);
      const meetLink = await meetLinkOf(booking);
      expect(meetLink).toMatch(/^https:\/\/meet\.google\.com\//);

      expect(await runDueEmails(harness.deps)).toEqual(["sent"]);
      later(2 * HOUR);
      expect(await runDueSyncs(harness.deps)).toEqual([]);
      expect(await runDueEmails(harness.deps)).toEqual([]);

      const messages = harness.catcher.messages();
      expect(messages.map((m) => m.messageId)).toEqual([
        messageIdOf(booking.id, "booking_confirmed"),
        messageIdOf(booking.id, "meet_link_followup"),
      ]);
      const followUp = messages[1];
      expect(followUp?.to).toEqual(["cora@example.com"]);
      expect(followUp?.subject).toBe("Meet link: Free intro call with Dana Demo");
      expect(followUp?.text).toContain(`Join with Google Meet: ${meetLink}`);
      expect(followUp?.html).toContain(`href="${meetLink}"`);
      const invite = inviteOf(followUp);
      expect(invite.event.uid).toBe(inviteOf(confirmation).event.uid);
      expect(invite.event.location).toBe(meetLink);
      expect(invite.sequence).toBeGreaterThan(inviteOf(confirmation).sequence);
    },
  );

  it("is not sent when the link came in time: the confirmation carries it", async () => {
    const booking = await book();
    expect(booking.meetLink).toMatch(/^https:\/\/meet\.google\.com\//);
    expect(await runDueEmails(harness.deps)).toEqual(["sent"]);
    later(HOUR);
    expect(await runDueSyncs(harness.deps)).toEqual([]);
    expect(await runDueEmails(harness.deps)).toEqual([]);
    const messages = harness.catcher.messages();
    expect(messages.map((m) => m.messageId)).toEqual([
      messageIdOf(booking.id, "booking_confirmed"),
    ]);
    expect(messages[0]?.text).toContain(`Join with Google Meet: ${booking.meetLink}`);
  });

  it("is not sent when the link arrived while the confirmation still waited in the outbox", async () => {
    harness.emulator.failNext("events.insert", { status: 503, reason: "backendError" });
    const booking = await book();
    later(HOUR);
    expect(await runDueSyncs(harness.deps)).toEqual(["synced"]);
    expect(await runDueEmails(harness.deps)).toEqual(["sent"]);
    expect(await runDueEmails(harness.deps)).toEqual([]);
    const messages = harness.catcher.messages();
    expect(messages).toHaveLength(1);
    expect(messages[0]?.text).toContain(`Join with Google Meet: ${await meetLinkOf(booking)}`);
    expect(messages[0]?.text).not.toContain(MEET_LINK_LATER);
  });

  it("is sent once when the link arrives while the mail server is taking the confirmation", async () => {
    harness.emulator.failNext("events.insert", { status: 503, reason: "backendError" });
    const booking = await book();
    later(HOUR);
    const syncsMeanwhile: unknown[] = [];
    harness.catcher.whenAccepted(async () => {
      harness.catcher.whenAccepted(undefined);
      syncsMeanwhile.push(...(await runDueSyncs(harness.deps)));
    });
    // The run claims one row at a time, so it also finds the follow-up its hand-over queued.
    expect(await runDueEmails(harness.deps)).toEqual(["sent", "sent"]);
    expect(syncsMeanwhile).toEqual(["synced"]);
    expect(harness.catcher.messages()[0]?.text).toContain(MEET_LINK_LATER);
    expect(await runDueEmails(harness.deps)).toEqual([]);
    expect(harness.catcher.messages().map((m) => m.messageId)).toEqual([
      messageIdOf(booking.id, "booking_confirmed"),
      messageIdOf(booking.id, "meet_link_followup"),
    ]);
  });
});
