// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { CalendarStatusCard } from "./calendar-status-card";

afterEach(cleanup);

describe("CalendarStatusCard", () => {
  it.each([
    ["connected", "Connected", /go on your Google Calendar with a Meet link/],
    ["disconnected", "Not connected", /will not appear on your calendar until you connect it/],
    ["needs_reauth", "Needs reconnect", /Reconnect, and waiting bookings will be added/],
    ["not_granted", "Not connected", /Google's calendar permission was not granted/],
  ] as const)("tells a %s host where they stand", (status, label, detail) => {
    render(
      <CalendarStatusCard status={status}>
        <button type="button">Action</button>
      </CalendarStatusCard>,
    );
    expect(screen.getByTestId("calendar-status").textContent).toBe(label);
    expect(screen.getByText(detail)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Action" })).toBeTruthy();
  });
});
