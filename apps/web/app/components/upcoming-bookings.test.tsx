// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import type { ComponentProps } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { renderInRoute } from "~/testing/render-in-route";
import { UpcomingBookings } from "./upcoming-bookings";

const renderList = (props: ComponentProps<typeof UpcomingBookings>) =>
  renderInRoute(<UpcomingBookings {...props} />);

afterEach(cleanup);

const base = {
  customerEmail: "sam@example.com",
  customerName: null,
  package: { name: "Free intro call" },
  calendarError: null,
  calendarAction: "create" as const,
};

describe("UpcomingBookings", () => {
  it("shows each booking in the host's zone with its calendar state and Meet link", () => {
    renderList({
      timeZone: "Europe/Berlin",
      bookings: [
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
      ],
    });
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
    renderList({ timeZone: "UTC", bookings: [] });
    expect(screen.getByText("No bookings yet. Share your page to get your first.")).toBeTruthy();
  });

  it("cancels a booking only after the host confirms, and shows why a cancellation failed", async () => {
    const posted = renderList({
      timeZone: "UTC",
      error: "This session has already started, so it can no longer be cancelled.",
      bookings: [
        {
          ...base,
          id: "booking-7",
          startTime: new Date("2026-12-07T09:00:00Z"),
          endTime: new Date("2026-12-07T09:30:00Z"),
          meetLink: null,
          calendarSync: "done",
        },
      ],
    });
    expect(screen.getByRole("alert").textContent).toBe(
      "This session has already started, so it can no longer be cancelled.",
    );
    const confirm = screen.getByRole("button", { name: "Yes, cancel it", hidden: true });
    expect(confirm.closest("details")?.open).toBe(false);
    fireEvent.click(screen.getByText("Cancel"));
    fireEvent.click(confirm);
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(Object.fromEntries(posted[0]!)).toEqual({ bookingId: "booking-7", intent: "cancel" });
  });

  it("says an event is being moved after a reschedule", () => {
    renderList({
      timeZone: "UTC",
      bookings: [
        {
          ...base,
          id: "moved",
          startTime: new Date("2026-12-07T09:00:00Z"),
          endTime: new Date("2026-12-07T09:30:00Z"),
          meetLink: "https://meet.google.com/abc-defg-hij",
          calendarAction: "update",
          calendarSync: "pending",
        },
      ],
    });
    expect(screen.getByText("Moving on your calendar…")).toBeTruthy();
  });
});
