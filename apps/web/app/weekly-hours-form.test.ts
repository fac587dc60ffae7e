import { describe, expect, it } from "vitest";
import { hoursFromForm, minutesToTime, NOTICE_CHOICES, noticeLabel } from "./weekly-hours-form";

function form(entries: Array<[string, string]>) {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe("hoursFromForm", () => {
  it("reads the available days' intervals, several on a day, and the notice", () => {
    expect(
      hoursFromForm(
        form([
          ["available-1", "on"],
          ["start-1", "09:00"],
          ["end-1", "12:00"],
          ["start-1", "13:30"],
          ["end-1", "17:00"],
          // Tuesday is off: its times are ignored.
          ["start-2", "09:00"],
          ["end-2", "17:00"],
          ["available-0", "on"],
          ["start-0", "20:00"],
          ["end-0", "00:00"],
          ["notice", "240"],
        ]),
      ),
    ).toEqual({
      hours: {
        minimumNoticeMinutes: 240,
        rules: [
          { weekday: 1, startMinute: 540, endMinute: 720 },
          { weekday: 1, startMinute: 810, endMinute: 1020 },
          { weekday: 0, startMinute: 1200, endMinute: 1440 },
        ],
      },
    });
  });

  it("ignores interval rows left empty, as the form shows them without JavaScript", () => {
    expect(
      hoursFromForm(
        form([
          ["available-2", "on"],
          ["start-2", "09:00"],
          ["end-2", "12:00"],
          ["start-2", ""],
          ["end-2", ""],
          ["start-2", "14:00"],
          ["end-2", "18:00"],
          ["notice", "0"],
        ]),
      ),
    ).toEqual({
      hours: {
        minimumNoticeMinutes: 0,
        rules: [
          { weekday: 2, startMinute: 540, endMinute: 720 },
          { weekday: 2, startMinute: 840, endMinute: 1080 },
        ],
      },
    });
  });

  it("names the day with a row that has a start but no end", () => {
    expect(
      hoursFromForm(
        form([
          ["available-4", "on"],
          ["start-4", "09:00"],
          ["end-4", ""],
          ["notice", "0"],
        ]),
      ),
    ).toEqual({ dayErrors: { 4: "Enter a start and an end time." } });
  });

  it("names the day whose times cannot be read", () => {
    expect(
      hoursFromForm(
        form([
          ["available-3", "on"],
          ["start-3", "9am"],
          ["end-3", "17:00"],
          ["notice", "0"],
        ]),
      ),
    ).toEqual({ dayErrors: { 3: "Enter a start and an end time." } });
  });
});

describe("minutesToTime", () => {
  it("writes minutes as a time input's value, the end of the day as midnight", () => {
    expect(minutesToTime(570)).toBe("09:30");
    expect(minutesToTime(1440)).toBe("00:00");
  });
});

describe("noticeLabel", () => {
  it("says each notice choice in hours below a day, else in days", () => {
    expect(NOTICE_CHOICES.map(noticeLabel)).toEqual([
      "No notice",
      "1 hour",
      "2 hours",
      "4 hours",
      "12 hours",
      "1 day",
      "2 days",
      "7 days",
    ]);
  });
});
