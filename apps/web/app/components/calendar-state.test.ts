import { describe, expect, it } from "vitest";
import { calendarStateSentence, canRetry } from "./calendar-state";

describe("calendarStateSentence", () => {
  it("tells a host in words where each piece of calendar work stands", () => {
    const work = (
      calendarAction: "create" | "update" | "delete",
      calendarSync: "pending" | "done" | "skipped" | "failed" | "parked",
      calendarError: string | null = null,
    ) => calendarStateSentence({ calendarAction, calendarSync, calendarError });

    expect(work("create", "done")).toBe("On your calendar");
    expect(work("update", "done")).toBe("Moved on your calendar");
    expect(work("update", "pending")).toBe("Moving on your calendar…");
    expect(work("create", "pending", "503 backendError Service unavailable")).toBe(
      "Google did not answer; retrying",
    );
    expect(work("create", "parked", "401 invalid_grant")).toBe(
      "Waiting for you to reconnect Google",
    );
    expect(work("create", "failed", "400 invalid Google events.insert failed")).toBe(
      "Google refused: it did not accept the event",
    );
    expect(work("update", "failed", "418 teapot I am a teapot")).toBe(
      "Google refused: 418 teapot I am a teapot",
    );
    expect(work("create", "failed", "the worker stopped during 12 attempts")).toBe(
      "Not synced: the worker stopped during 12 attempts",
    );
    expect(work("create", "skipped")).toBe("Not on a calendar");
  });

  it("offers a retry for failed or parked work only", () => {
    const retry = (calendarSync: "pending" | "done" | "failed" | "parked") =>
      canRetry({ calendarAction: "create", calendarSync, calendarError: null });
    expect([retry("failed"), retry("parked"), retry("pending"), retry("done")]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});
