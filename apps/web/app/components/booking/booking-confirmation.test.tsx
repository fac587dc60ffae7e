// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { BookingConfirmation, type ConfirmationView } from "./booking-confirmation";

const booking: ConfirmationView = {
  startTime: new Date("2026-12-07T10:00:00Z"),
  endTime: new Date("2026-12-07T10:30:00Z"),
  customerEmail: "sam@example.com",
  host: { name: "Dana Demo", slug: "demo", timeZone: "Europe/Berlin" },
  package: {
    id: "3f1c7a52-2d4b-4a8e-9f3e-2b7d9c1a6e40",
    name: "Free intro call",
    durationMinutes: 30,
  },
  meetLink: "https://meet.google.com/abc-defg-hij",
  calendarSync: "synced",
};

afterEach(cleanup);

describe("BookingConfirmation", () => {
  it("offers the Meet link as a button-like link", () => {
    render(<BookingConfirmation booking={booking} visitorTimeZone="Europe/Lisbon" />);
    expect(screen.getByRole("heading", { name: "You're booked" })).toBeTruthy();
    const join = screen.getByRole("link", { name: "Join with Google Meet" });
    expect(join.getAttribute("href")).toBe("https://meet.google.com/abc-defg-hij");
    expect(screen.queryByText(/will be sent to/)).toBeNull();
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("promises the link by email while the calendar is being updated", () => {
    render(
      <BookingConfirmation
        booking={{ ...booking, meetLink: null, calendarSync: "pending" }}
        visitorTimeZone="Europe/Lisbon"
      />,
    );
    expect(screen.queryByRole("link", { name: "Join with Google Meet" })).toBeNull();
    expect(
      screen.getByText("Your Meet link will be sent to sam@example.com by email."),
    ).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("Adding to the host's calendar…");
  });

  it("shows no progress note when no calendar event will be made", () => {
    render(
      <BookingConfirmation
        booking={{ ...booking, meetLink: null, calendarSync: "skipped" }}
        visitorTimeZone="Europe/Lisbon"
      />,
    );
    expect(
      screen.getByText("Your Meet link will be sent to sam@example.com by email."),
    ).toBeTruthy();
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("gives the time in the visitor's zone and in the host's", () => {
    render(<BookingConfirmation booking={booking} visitorTimeZone="Europe/Lisbon" />);
    expect(screen.getByText("Monday, 7 December 2026, 10:00–10:30 (Europe/Lisbon)")).toBeTruthy();
    expect(screen.getByText("11:00–11:30 in Dana Demo's time zone (Europe/Berlin)")).toBeTruthy();
  });

  it("names the host's day when it is not the visitor's", () => {
    const lateCall = {
      ...booking,
      startTime: new Date("2026-12-07T23:30:00Z"),
      endTime: new Date("2026-12-08T00:00:00Z"),
    };
    render(<BookingConfirmation booking={lateCall} visitorTimeZone="America/New_York" />);
    expect(
      screen.getByText("Monday, 7 December 2026, 18:30–19:00 (America/New_York)"),
    ).toBeTruthy();
    expect(
      screen.getByText(
        "Tuesday, 8 December 2026, 00:30–01:00 in Dana Demo's time zone (Europe/Berlin)",
      ),
    ).toBeTruthy();
  });

  it("says it once when the visitor is in the host's zone", () => {
    render(<BookingConfirmation booking={booking} visitorTimeZone="Europe/Berlin" />);
    expect(screen.getByText("Monday, 7 December 2026, 11:00–11:30 (Europe/Berlin)")).toBeTruthy();
    expect(screen.queryByText(/time zone/)).toBeNull();
  });

  it("says a cancelled booking is cancelled, and offers no Meet link for it", () => {
    render(
      <BookingConfirmation
        booking={booking}
        visitorTimeZone="Europe/Berlin"
        cancelledAt={new Date("2026-12-01T08:00:00Z")}
      />,
    );
    expect(screen.getByRole("heading", { name: "Booking cancelled" })).toBeTruthy();
    expect(screen.queryByRole("heading", { name: "You're booked" })).toBeNull();
    expect(screen.queryByRole("link", { name: "Join with Google Meet" })).toBeNull();
    expect(screen.queryByText(/meet\.google\.com/)).toBeNull();
    expect(
      screen.getByText(/Cancelled on Tuesday, 1 December 2026\. The time is free for others/),
    ).toBeTruthy();
  });
});
