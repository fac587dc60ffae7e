import ical from "node-ical";
import { describe, expect, it } from "vitest";
import type { BookingEmailData } from "./booking-email-data.ts";
import { bookingCancelledEmail } from "./booking-cancelled-email.ts";
import { bookingConfirmedEmail } from "./booking-confirmed-email.ts";
import { bookingMovedEmail } from "./booking-moved-email.ts";
import { MEET_LINK_LATER } from "./meet-link-block.ts";
import { meetLinkFollowUpEmail } from "./meet-link-followup-email.ts";

const booking: BookingEmailData = {
  uid: "abc123@google.com",
  sequence: 0,
  stamp: new Date("2027-02-01T07:00:00Z"),
  host: { name: "Ada <Coach>", email: "ada@example.com", timeZone: "Europe/Berlin" },
  customer: { name: "Sam", email: "sam@example.com", timeZone: null },
  packageName: "Intro call",
  start: new Date("2027-02-02T09:00:00Z"),
  end: new Date("2027-02-02T09:30:00Z"),
  meetLink: "https://meet.google.com/abc-defg-hij",
  manageUrl: "https://timetap.example/bookings/b1?token=t1",
};

function eventOf(content: string) {
  const parsed = ical.sync.parseICS(content);
  const event = Object.values(parsed).find((entry) => entry?.type === "VEVENT");
  if (event?.type !== "VEVENT") throw new Error("no VEVENT in the .ics");
  return event;
}

describe("the booking confirmation", () => {
  it("gives the Meet link in both parts and the booking's page to manage it", () => {
    const email = bookingConfirmedEmail(booking);
    expect(email.text).toContain("Join with Google Meet: https://meet.google.com/abc-defg-hij");
    expect(email.html).toContain('href="https://meet.google.com/abc-defg-hij"');
    expect(email.text).toContain(booking.manageUrl);
    expect(email.html).toContain('href="https://timetap.example/bookings/b1?token=t1"');
    expect(email.text).not.toContain(MEET_LINK_LATER);
  });

  it("says the Meet link will follow when there is none yet", () => {
    const email = bookingConfirmedEmail({ ...booking, meetLink: null });
    expect(email.text).toContain("Your Meet link will be sent separately.");
    expect(email.html).toContain("Your Meet link will be sent separately.");
    expect(email.text).not.toContain("meet.google.com");
  });

  it("names host, package and time in the host's zone, and the customer's when it differs", () => {
    const hostOnly = bookingConfirmedEmail(booking);
    expect(hostOnly.text).toContain("Package: Intro call");
    expect(hostOnly.text).toContain("When: Tuesday, 2 February 2027, 10:00–10:30 (Europe/Berlin)");

    const both = bookingConfirmedEmail({
      ...booking,
      customer: { ...booking.customer, timeZone: "America/New_York" },
    });
    expect(both.text).toContain("When: Tuesday, 2 February 2027, 04:00–04:30 (America/New_York)");
    expect(both.text).toContain(
      "Ada <Coach>'s time: Tuesday, 2 February 2027, 10:00–10:30 (Europe/Berlin)",
    );
  });

  it("escapes names in the HTML and fits a phone: one column, no remote assets", () => {
    const { html } = bookingConfirmedEmail(booking);
    expect(html).toContain("Ada &lt;Coach&gt;");
    expect(html).not.toContain("<Coach>");
    expect(html).toContain('name="viewport" content="width=device-width');
    expect(html).toContain("max-width:560px");
    expect(html).not.toMatch(/<img|<link|src=|url\(/);
  });

  it("invites to the event: REQUEST, host organising, customer attending, times in UTC", () => {
    const { calendar } = bookingConfirmedEmail(booking);
    expect(calendar.method).toBe("REQUEST");
    expect(calendar.content).toMatch(/^METHOD:REQUEST\r?$/m);
    expect(calendar.content).toMatch(/^DTSTART:20270202T090000Z\r?$/m);
    expect(calendar.content).toMatch(/^DTEND:20270202T093000Z\r?$/m);
    const event = eventOf(calendar.content);
    expect(event.uid).toBe("abc123@google.com");
    expect(event.start.toISOString()).toBe("2027-02-02T09:00:00.000Z");
    expect(event.end?.toISOString()).toBe("2027-02-02T09:30:00.000Z");
    expect(JSON.stringify(event.organizer).toLowerCase()).toContain("mailto:ada@example.com");
    expect(JSON.stringify(event.attendee).toLowerCase()).toContain("mailto:sam@example.com");
    expect(event.location).toBe(booking.meetLink);
  });
});

describe("the cancellation", () => {
  it("cancels the same event: METHOD:CANCEL with the confirmation's UID", () => {
    const { calendar, text } = bookingCancelledEmail(booking);
    expect(text).toContain("Your session with Ada <Coach> is cancelled.");
    expect(calendar.content).toMatch(/^METHOD:CANCEL\r?$/m);
    const event = eventOf(calendar.content);
    expect(event.uid).toBe("abc123@google.com");
    expect(event.status).toBe("CANCELLED");
  });
});

describe("the move", () => {
  it("gives the new time and moves the same event: REQUEST, same UID, the higher SEQUENCE", () => {
    const moved = {
      ...booking,
      sequence: 2,
      start: new Date("2027-02-03T13:00:00Z"),
      end: new Date("2027-02-03T13:30:00Z"),
    };
    const { calendar, text, html, subject } = bookingMovedEmail(moved);
    expect(subject).toBe("Moved: Intro call with Ada <Coach>");
    expect(text).toContain("When: Wednesday, 3 February 2027, 14:00–14:30 (Europe/Berlin)");
    expect(html).toContain("Wednesday, 3 February 2027, 14:00–14:30 (Europe/Berlin)");
    expect(text).toContain("Join with Google Meet: https://meet.google.com/abc-defg-hij");
    expect(calendar.content).toMatch(/^METHOD:REQUEST\r?$/m);
    const event = eventOf(calendar.content);
    expect(event.uid).toBe("abc123@google.com");
    expect(Number(event.sequence)).toBe(2);
    expect(event.start.toISOString()).toBe("2027-02-03T13:00:00.000Z");
  });
});

describe("the Meet link follow-up", () => {
  it("links the Meet and puts it on the same event", () => {
    const { calendar, text, html, subject } = meetLinkFollowUpEmail({ ...booking, sequence: 1 });
    expect(subject).toBe("Meet link: Intro call with Ada <Coach>");
    expect(text).toContain("Join with Google Meet: https://meet.google.com/abc-defg-hij");
    expect(html).toContain('href="https://meet.google.com/abc-defg-hij"');
    expect(text).not.toContain(MEET_LINK_LATER);
    const event = eventOf(calendar.content);
    expect(event.uid).toBe("abc123@google.com");
    expect(event.location).toBe(booking.meetLink);
    expect(Number(event.sequence)).toBe(1);
  });
});
