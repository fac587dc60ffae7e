// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderInRoute } from "~/testing/render-in-route";
import { CalendarChoicesForm, type CalendarChoices } from "./calendar-choices-form";

afterEach(cleanup);

const choices: CalendarChoices = {
  unavailable: null,
  message: null,
  calendars: [
    {
      id: "dana@example.com",
      summary: "dana@example.com",
      primary: true,
      writable: true,
      countsAsBusy: true,
      receivesSessions: true,
    },
    {
      id: "work@group.calendar.google.com",
      summary: "Work",
      primary: false,
      writable: true,
      countsAsBusy: false,
      receivesSessions: false,
    },
    {
      id: "holidays@group.calendar.google.com",
      summary: "Holidays",
      primary: false,
      writable: false,
      countsAsBusy: false,
      receivesSessions: false,
    },
  ],
  missing: [{ id: "old@group.calendar.google.com", countsAsBusy: true, receivesSessions: false }],
};

describe("CalendarChoicesForm", () => {
  it("asks the two questions as named groups, ticked as saved, and posts the choice", async () => {
    const posted = renderInRoute(<CalendarChoicesForm choices={choices} pending={false} />);
    const busy = screen.getByRole("group", { name: "Calendars that make you busy" });
    expect(within(busy).getByRole("checkbox", { name: /dana@example.com/ })).toHaveProperty(
      "checked",
      true,
    );
    fireEvent.click(within(busy).getByRole("checkbox", { name: "Work" }));
    const sessions = screen.getByRole("group", { name: "Calendar for new sessions" });
    expect(
      within(sessions).getByRole("radio", { name: "Holidays (read-only for you)" }),
    ).toHaveProperty("disabled", true);
    expect(screen.getByRole("alert").textContent).toContain(
      "A calendar you chose is no longer in your Google account",
    );
    fireEvent.click(screen.getByRole("button", { name: "Save calendars" }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]?.getAll("busyCalendarIds")).toEqual([
      "dana@example.com",
      "work@group.calendar.google.com",
    ]);
    expect(posted[0]?.get("sessionCalendarId")).toBe("dana@example.com");
  });

  it("shows a refusal by its question, and says what to do when the list cannot be read", () => {
    renderInRoute(
      <CalendarChoicesForm
        choices={choices}
        errors={{ fields: { busyCalendarIds: "Choose at least one calendar." } }}
        pending={false}
      />,
    );
    const busy = screen.getByRole("group", { name: "Calendars that make you busy" });
    expect(busy.getAttribute("aria-describedby")).toBe("busyCalendarIds-error");
    expect(screen.getByText("Choose at least one calendar.")).toBeTruthy();
    cleanup();
    renderInRoute(
      <CalendarChoicesForm
        choices={{
          unavailable: "no_list_access",
          message: "Reconnect Google Calendar and allow TimeTap to see your list of calendars.",
          calendars: [],
          missing: [],
        }}
        pending={false}
      />,
    );
    expect(screen.getByText(/Reconnect Google Calendar/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Save calendars" })).toBeNull();
  });
});
