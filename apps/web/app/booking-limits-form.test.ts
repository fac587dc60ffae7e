import { describe, expect, it } from "vitest";
import { hostLimitsFormValues, hostLimitsFromForm, limitsSummary } from "./booking-limits-form";

function form(entries: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.append(name, value);
  return data;
}

const filled = {
  horizonDays: "14",
  bufferBeforeMinutes: "5",
  bufferAfterMinutes: "15",
  dailyMaximum: "4",
  startIntervalMinutes: "30",
  upcomingPerCustomer: "2",
};

describe("hostLimitsFromForm", () => {
  it("reads the rules as numbers", () => {
    expect(hostLimitsFromForm(form(filled)).limits).toEqual({
      horizonDays: 14,
      bufferBeforeMinutes: 5,
      bufferAfterMinutes: 15,
      dailyMaximum: 4,
      startIntervalMinutes: 30,
      upcomingPerCustomer: 2,
    });
  });

  it("reads empty buffers as none, an empty maximum as no limit, no interval as the session's length", () => {
    const empty = {
      horizonDays: "60",
      bufferBeforeMinutes: "",
      bufferAfterMinutes: "",
      dailyMaximum: "",
      startIntervalMinutes: "",
      upcomingPerCustomer: "3",
    };
    expect(hostLimitsFromForm(form(empty)).limits).toEqual({
      horizonDays: 60,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      dailyMaximum: null,
      startIntervalMinutes: null,
      upcomingPerCustomer: 3,
    });
  });

  it("shows stored rules, no limit and the session's length as empty", () => {
    expect(
      hostLimitsFormValues({
        horizonDays: 60,
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 10,
        dailyMaximum: null,
        startIntervalMinutes: null,
        upcomingPerCustomer: 3,
      }),
    ).toEqual({
      horizonDays: "60",
      bufferBeforeMinutes: "0",
      bufferAfterMinutes: "10",
      dailyMaximum: "",
      startIntervalMinutes: "",
      upcomingPerCustomer: "3",
    });
  });

  it("puts missing days and unreadable numbers on their field, keeping what was typed", () => {
    const result = hostLimitsFromForm(
      form({
        ...filled,
        horizonDays: "",
        dailyMaximum: "many",
        startIntervalMinutes: "7",
        upcomingPerCustomer: "",
      }),
    );
    expect(result.limits).toBeUndefined();
    expect(result.errors).toEqual({
      horizonDays: "Give a number of days.",
      upcomingPerCustomer: "Give a number of sessions.",
      dailyMaximum: "Give a number, like 15.",
      startIntervalMinutes: "Pick one of the choices.",
    });
    expect(result.values).toMatchObject({ dailyMaximum: "many" });
  });

  it("leaves numbers out of range to the API, which says why by the field", () => {
    expect(hostLimitsFromForm(form({ ...filled, horizonDays: "400" })).limits).toMatchObject({
      horizonDays: 400,
    });
  });
});

describe("limitsSummary", () => {
  const none = {
    horizonDays: null,
    bufferBeforeMinutes: null,
    bufferAfterMinutes: null,
    startIntervalMinutes: null,
    minimumNoticeMinutes: null,
  };

  it("names only the package's own rules, in a short line", () => {
    expect(limitsSummary(none)).toBe("");
    expect(limitsSummary({ ...none, bufferAfterMinutes: 15, horizonDays: 30 })).toBe(
      "15 min buffer after · books up to 30 days ahead",
    );
    expect(limitsSummary({ ...none, startIntervalMinutes: 15, minimumNoticeMinutes: 1440 })).toBe(
      "starts every 15 min · 1 day notice",
    );
  });
});
