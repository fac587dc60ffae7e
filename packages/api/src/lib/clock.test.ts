import { describe, expect, it } from "vitest";
import { clockStartingAt } from "./clock.ts";

describe("clockStartingAt", () => {
  it("reads the pinned instant at first, then moves forward at real speed", () => {
    let real = Date.parse("2026-11-29T21:30:00Z"); // a Sunday night
    const clock = clockStartingAt(new Date("2027-02-01T07:00:00Z"), () => real);
    expect(clock.now().toISOString()).toBe("2027-02-01T07:00:00.000Z");
    real += 90_000;
    expect(clock.now().toISOString()).toBe("2027-02-01T07:01:30.000Z");
  });
});
