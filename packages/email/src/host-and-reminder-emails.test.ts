import { describe, expect, it } from "vitest";
import type { BookingEmailData } from "./booking-email-data.ts";
import { hostBookingMovedEmail, hostBookingNewEmail } from "./host-notice-emails.ts";
import { reminder1hEmail, reminder24hEmail } from "./reminder-email.ts";

const session: BookingEmailData = {
  uid: "evt9@google.com",
  sequence: 0,
  stamp: new Date("2027-03-01T08:00:00Z"),
  host: { name: "Ines Host", email: "ines@example.com", timeZone: "Europe/Lisbon" },
  customer: { name: "Kim <K>", email: "kim@example.com", timeZone: "Asia/Tokyo" },
  packageName: "Deep dive",
  start: new Date("2027-03-03T10:00:00Z"),
  end: new Date("2027-03-03T11:00:00Z"),
  meetLink: "https://meet.google.com/xyz-abcd-efg",
  manageUrl: "https://timetap.example/bookings/b9?token=t9",
};
const links = { dashboardUrl: "https://timetap.example/dashboard" };

describe("the host's notices", () => {
  it("name the customer, their address and the time in the host's zone, and link the dashboard", () => {
    const email = hostBookingNewEmail(session, links);
    expect(email.subject).toBe("New booking: Deep dive with Kim <K>");
    expect(email.text).toContain("Email: kim@example.com");
    expect(email.text).toContain("When: Wednesday, 3 March 2027, 10:00–11:00 (Europe/Lisbon)");
    expect(email.text).not.toContain("Asia/Tokyo");
    expect(email.html).toContain('href="https://timetap.example/dashboard"');
    expect(email.html).toContain("Kim &lt;K&gt;");
    expect(email.text).toContain("turn these notices off on your dashboard");
    expect(email).not.toHaveProperty("calendar");
  });

  it("say a moved session's new time; a customer without a name is named by address", () => {
    const email = hostBookingMovedEmail(
      { ...session, customer: { ...session.customer, name: null } },
      links,
    );
    expect(email.subject).toBe("Moved: Deep dive with kim@example.com");
    expect(email.text).toContain("kim@example.com moved this session to a new time.");
  });
});

describe("the reminders", () => {
  it("say how soon, when in both zones, how to join and how to move or cancel", () => {
    const day = reminder24hEmail(session);
    expect(day.subject).toBe("Reminder: Deep dive with Ines Host in 24 hours");
    expect(day.text).toContain("When: Wednesday, 3 March 2027, 19:00–20:00 (Asia/Tokyo)");
    expect(day.text).toContain("Join with Google Meet: https://meet.google.com/xyz-abcd-efg");
    expect(day.text).toContain(
      "Move or cancel your booking: https://timetap.example/bookings/b9?token=t9",
    );
    expect(day.text).toContain("Sent by TimeTap on behalf of your host.");
    const hour = reminder1hEmail({ ...session, meetLink: null });
    expect(hour.subject).toBe("Reminder: Deep dive with Ines Host in 1 hour");
    expect(hour.text).not.toContain("meet.google.com");
    expect(hour.html).toContain("max-width:560px");
  });
});
