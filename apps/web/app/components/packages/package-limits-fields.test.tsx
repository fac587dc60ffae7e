// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { NEW_PACKAGE } from "~/package-form";
import { renderInRoute } from "~/testing/render-in-route";
import { PackageLimitsFields } from "./package-limits-fields";

afterEach(cleanup);

const defaults = {
  horizonDays: 60,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 10,
  dailyMaximum: null,
  startIntervalMinutes: null,
  upcomingPerCustomer: 3,
  minimumNoticeMinutes: 120,
};

describe("PackageLimitsFields", () => {
  it("offers the host's default on every rule, saying what it is", () => {
    renderInRoute(
      <PackageLimitsFields formId="new" values={NEW_PACKAGE} errors={{}} defaults={defaults} />,
    );
    expect(screen.getByText("Empty: use my default (60 days)")).toBeTruthy();
    expect(screen.getByText("Empty: use my default (none)")).toBeTruthy();
    expect(screen.getByText("Empty: use my default (10 min)")).toBeTruthy();
    const interval = screen.getByLabelText<HTMLSelectElement>("Start times every");
    expect(interval.value).toBe("");
    expect(interval.selectedOptions[0]!.text).toBe("Use my default (the session's length)");
    const notice = screen.getByLabelText<HTMLSelectElement>("Minimum notice");
    expect(notice.selectedOptions[0]!.text).toBe("Use my default (2 hours)");
  });

  it("shows an error by its field, read out with it, and keeps what was typed", () => {
    renderInRoute(
      <PackageLimitsFields
        formId="p1"
        values={{ ...NEW_PACKAGE, bufferAfterMinutes: "121", minimumNoticeMinutes: "90" }}
        errors={{ bufferAfterMinutes: "Keep a buffer of at most 120 minutes." }}
        defaults={defaults}
      />,
    );
    const buffer = screen.getByLabelText<HTMLInputElement>("Buffer after (minutes)");
    expect(buffer.value).toBe("121");
    expect(buffer.getAttribute("aria-invalid")).toBe("true");
    expect(buffer.getAttribute("aria-describedby")).toBe(
      "p1-bufferAfterMinutes-about p1-bufferAfterMinutes-error",
    );
    expect(document.getElementById("p1-bufferAfterMinutes-error")?.textContent).toBe(
      "Keep a buffer of at most 120 minutes.",
    );
    // A notice set through the API, not among the usual choices, is still shown as it is.
    const notice = screen.getByLabelText<HTMLSelectElement>("Minimum notice");
    expect(notice.selectedOptions[0]!.text).toBe("1.5 hours");
  });
});
