// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import type { ComponentProps } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { renderInRoute } from "~/testing/render-in-route";
import { HostBookings } from "./host-bookings";

type Props = ComponentProps<typeof HostBookings>;
type Row = Props["list"]["bookings"][number];

const renderList = (bookings: Row[], overrides: Partial<Props> = {}) =>
  renderInRoute(
    <HostBookings
      list={{ bookings, page: 1, pageCount: 1, total: bookings.length }}
      query={{ when: "upcoming", status: "all", page: 1 }}
      hostSlug="demo"
      timeZone="Europe/Berlin"
      {...overrides}
    />,
  );

afterEach(cleanup);

const row = (overrides: Partial<Row>): Row => ({
  id: "a",
  startTime: new Date("2026-12-07T09:00:00Z"),
  endTime: new Date("2026-12-07T09:30:00Z"),
  status: "CONFIRMED",
  customerEmail: "sam@example.com",
  customerName: null,
  meetLink: null,
  package: { id: "intro", name: "Free intro call" },
  calendarAction: "create",
  calendarSync: "done",
  calendarError: null,
  calendarIssue: null,
  googleStartTime: null,
  googleEndTime: null,
  undeliveredEmails: [],
  ...overrides,
});

describe("HostBookings", () => {
  it("shows each booking in the host's zone, its calendar state in words and its Meet link", () => {
    renderList([
      row({ meetLink: "https://meet.google.com/abc-defg-hij" }),
      row({
        id: "b",
        customerName: "Robin",
        startTime: new Date("2026-12-08T13:00:00Z"),
        endTime: new Date("2026-12-08T13:30:00Z"),
        calendarSync: "parked",
      }),
    ]);
    expect(screen.getByText(/10:00.10:30/)).toBeTruthy();
    expect(screen.getByText("Free intro call with sam@example.com")).toBeTruthy();
    expect(screen.getByText("Free intro call with Robin")).toBeTruthy();
    expect(screen.getByText("On your calendar")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Meet link" }).getAttribute("href")).toBe(
      "https://meet.google.com/abc-defg-hij",
    );
    expect(screen.getByText("Waiting for you to reconnect Google")).toBeTruthy();
  });

  it("says which email about a booking was not delivered, with the mail server's reason", () => {
    renderList([
      row({
        undeliveredEmails: [
          {
            kind: "booking_confirmed",
            recipient: "sam@example.com",
            reason: "550 5.1.1 sam@example.com: no such mailbox",
          },
        ],
      }),
    ]);
    expect(
      screen.getByText(
        "Confirmation email not delivered: 550 5.1.1 sam@example.com: no such mailbox",
      ),
    ).toBeTruthy();
  });

  it("invites the host to share the page when nothing is booked", () => {
    renderList([]);
    expect(screen.getByText("No bookings yet. Share your page to get your first.")).toBeTruthy();
  });

  it("moves a booking on the booking page, and retries failed calendar work from the list", async () => {
    const posted = renderList([
      row({ id: "booking-7", calendarSync: "failed", calendarError: "400 invalid" }),
    ]);
    expect(screen.getByText("Google refused: it did not accept the event")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Move: sam@example.com" }).getAttribute("href")).toBe(
      "/demo/book?package=intro&move=booking-7",
    );
    fireEvent.click(screen.getByRole("button", { name: "Retry now: sam@example.com" }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(Object.fromEntries(posted[0]!)).toEqual({
      bookingId: "booking-7",
      intent: "retry-sync",
    });
  });

  it("cancels a booking only after the host confirms, and shows why a change failed", async () => {
    const posted = renderList([row({ id: "booking-7" })], {
      error: "This session has already started, so it can no longer be cancelled.",
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

  it("filters by time and status, marking the list shown, and pages 50 at a time", () => {
    renderList([row({ status: "CANCELLED" })], {
      list: { bookings: [row({ status: "CANCELLED" })], page: 2, pageCount: 3, total: 101 },
      query: { when: "past", status: "cancelled", page: 2 },
    });
    expect(screen.getByRole("link", { name: "Past" }).getAttribute("aria-current")).toBe("page");
    expect(screen.getByRole("link", { name: "Upcoming" }).getAttribute("href")).toBe(
      "/dashboard?when=upcoming&status=cancelled&page=1",
    );
    expect(screen.getByRole("link", { name: "Next page" }).getAttribute("href")).toBe(
      "/dashboard?when=past&status=cancelled&page=3",
    );
    expect(screen.getByText("Page 2 of 3")).toBeTruthy();
    expect(screen.getByText(/· Cancelled$/)).toBeTruthy();
    expect(screen.queryByRole("link", { name: /^Move/ })).toBeNull();
  });

  it("says when the host deleted or moved a session's event in Google, with a way to put it back", () => {
    renderList([
      row({ calendarIssue: "removed", customerName: "Robin" }),
      row({
        id: "b",
        calendarIssue: "moved",
        googleStartTime: new Date("2026-12-07T13:00:00Z"),
        googleEndTime: new Date("2026-12-07T13:30:00Z"),
      }),
    ]);
    expect(screen.getByText(/Removed from your calendar in Google/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Restore the event: Robin" })).toBeTruthy();
    expect(
      screen.getByText(/Moved in your Google calendar to Monday, 7 December 2026, 14:00–14:30/),
    ).toBeTruthy();
    expect(
      screen.getByRole("button", { name: "Put the event back: sam@example.com" }),
    ).toBeTruthy();
    expect(
      screen.getByRole("button", { name: "Accept the new time: sam@example.com" }),
    ).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Accept the new time: Robin" })).toBeNull();
  });

  it("shows why the new time from Google could not be accepted on that booking's row", () => {
    const moved = {
      calendarIssue: "moved" as const,
      googleStartTime: new Date("2026-12-07T13:00:00Z"),
      googleEndTime: new Date("2026-12-07T13:30:00Z"),
    };
    renderList([row({ ...moved, customerName: "Robin" }), row({ ...moved, id: "b" })], {
      rowError: { bookingId: "b", message: "The new time overlaps another session." },
    });
    const shownOn = screen.getByRole("alert").closest("li")?.textContent;
    expect(shownOn).toContain("The new time overlaps another session.");
    expect(shownOn).toContain("with sam@example.com");
    expect(screen.getAllByRole("alert")).toHaveLength(1);
  });
});
