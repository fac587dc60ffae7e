// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { BookingFormFields } from "./booking-form";

const slot = (iso: string) => ({
  start: new Date(iso),
  end: new Date(new Date(iso).getTime() + 30 * 60_000),
});
const slots = [
  slot("2026-12-07T09:00:00Z"),
  slot("2026-12-07T09:30:00Z"),
  slot("2026-12-08T14:00:00Z"),
];

afterEach(cleanup);

function renderForm(props: Partial<Parameters<typeof BookingFormFields>[0]> = {}) {
  return render(
    <form>
      <BookingFormFields
        slots={slots}
        timeZone="Europe/Lisbon"
        errors={undefined}
        values={undefined}
        submitting={false}
        {...props}
      />
    </form>,
  );
}

describe("BookingFormFields", () => {
  it("offers each slot as a startTime radio under its local day", () => {
    renderForm({ timeZone: "Europe/Berlin" });
    const monday = screen.getByRole("group", { name: "Monday, 7 December" });
    const radios = within(monday).getAllByRole<HTMLInputElement>("radio");
    expect(radios.map((radio) => [radio.name, radio.value])).toEqual([
      ["startTime", "2026-12-07T09:00:00.000Z"],
      ["startTime", "2026-12-07T09:30:00.000Z"],
    ]);
    expect(within(monday).getByRole("radio", { name: "10:30" })).toBeTruthy();
    const tuesday = screen.getByRole("group", { name: "Tuesday, 8 December" });
    expect(within(tuesday).getByRole("radio", { name: "15:00" })).toBeTruthy();
  });

  it("summarises the chosen slot", () => {
    renderForm();
    fireEvent.click(screen.getByRole("radio", { name: "14:00" }));
    expect(screen.getByText("Tuesday, 8 December, 14:00–14:30")).toBeTruthy();
  });

  it("says so when the week has no free times", () => {
    renderForm({ slots: [], emptyHint: <a href="?week=2026-12-14">Try next week</a> });
    expect(screen.getByText("No free times this week.")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Try next week" })).toBeTruthy();
    expect(screen.queryByRole("radio")).toBeNull();
  });

  it("shows errors where they belong and keeps what was typed", () => {
    renderForm({
      errors: {
        fields: {
          customerEmail: "Enter a valid email address.",
          startTime: "This time was just booked. Please pick another.",
        },
      },
      values: { startTime: "2026-12-07T09:30:00.000Z", customerEmail: "not-an-email" },
    });
    const email = screen.getByLabelText<HTMLInputElement>("Email");
    expect(email.value).toBe("not-an-email");
    expect(email.getAttribute("aria-invalid")).toBe("true");
    const describedBy = email.getAttribute("aria-describedby") ?? "";
    expect(document.getElementById(describedBy)?.textContent).toBe("Enter a valid email address.");
    expect(screen.getByRole("alert").textContent).toBe(
      "This time was just booked. Please pick another.",
    );
    expect(screen.getByRole<HTMLInputElement>("radio", { name: "09:30" }).checked).toBe(true);
    expect(screen.getByLabelText<HTMLInputElement>("Name").value).toBe("");
  });
});
