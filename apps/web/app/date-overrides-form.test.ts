import { describe, expect, it } from "vitest";
import { dateHoursFromForm, daysOffFromForm } from "./date-overrides-form";

function form(entries: Array<[string, string]>) {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe("daysOffFromForm", () => {
  it("reads a range with its note", () => {
    expect(
      daysOffFromForm(
        form([
          ["from", "2027-08-02"],
          ["to", "2027-08-09"],
          ["note", "On holiday"],
        ]),
      ),
    ).toEqual({ from: "2027-08-02", to: "2027-08-09", note: "On holiday" });
  });

  it("takes a single day off when the last day is left empty", () => {
    expect(
      daysOffFromForm(
        form([
          ["from", "2027-02-03"],
          ["to", ""],
        ]),
      ),
    ).toEqual({
      from: "2027-02-03",
      to: "2027-02-03",
      note: "",
    });
  });
});

describe("dateHoursFromForm", () => {
  it("reads the date's intervals, skipping empty rows, an end at midnight as the day's end", () => {
    expect(
      dateHoursFromForm(
        form([
          ["date", "2030-03-31"],
          ["start", "01:00"],
          ["end", "04:00"],
          ["start", ""],
          ["end", ""],
          ["start", "22:00"],
          ["end", "00:00"],
        ]),
      ),
    ).toEqual({
      hours: {
        date: "2030-03-31",
        intervals: [
          { startMinute: 60, endMinute: 240 },
          { startMinute: 1320, endMinute: 1440 },
        ],
      },
    });
  });

  it("says so when a row's times cannot be read", () => {
    expect(
      dateHoursFromForm(
        form([
          ["date", "2030-03-31"],
          ["start", "1pm"],
          ["end", "14:00"],
        ]),
      ),
    ).toEqual({
      error: "Enter a start and an end time.",
    });
  });
});
