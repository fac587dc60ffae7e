// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { UpcomingBookings } from "./upcoming-bookings";

afterEach(cleanup);

const base = {
  customerEmail: "sam@example.com",
  customerName: null,
  package: { name: "Free intro call" },
  calendarError: null,
};

describe("UpcomingBookings", () => {
  it("shows each booking in the host's zone with its calendar state and Meet link", () => {
    render(
      <UpcomingBookings
        timeZone="Europe/Berlin"
        bookings={[
          {
            ...base,
            id: "a",
            startTime: new Date("2026-12-07T09:00:00Z"),
            endTime: new Date("2026-12-07T09:30:00Z"),
            meetLink: "https://meet.google.com/abc-defg-hij",
            calendarSync: "done",
          },
          {
            ...base,
            id: "b",
            customerName: "Robin",
            startTime: new Date("2026-12-08T13:00:00Z"),
            endTime: new Date("2026-12-08T13:30:00Z"),
            meetLink: null,
            calendarSync: "parked",
          },
        ]}
      />,
    );
    expect(screen.getByText(/10:00.10:30/)).toBeTruthy();
    expect(screen.getByText("Free intro call with sam@example.com")).toBeTruthy();
    expect(screen.getByText("On your calendar")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Meet link" }).getAttribute("href")).toBe(
      "https://meet.google.com/abc-defg-hij",
    );
    expect(screen.getByText("Free intro call with Robin")).toBeTruthy();
    expect(screen.getByText("Waiting for you to reconnect")).toBeTruthy();
  });

  it("invites the host to share the page when nothing is booked", () => {
    render(<UpcomingBookings timeZone="UTC" bookings={[]} />);
    expect(screen.getByText("No bookings yet. Share your page to get your first.")).toBeTruthy();
  });
});
