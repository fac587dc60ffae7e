import { describe, expect, it } from "vitest";
import { withoutOwnTime } from "./own-time.ts";

const at = (hhmm: string) => new Date(`2030-01-07T${hhmm}:00Z`);
const block = (start: string, end: string) => ({ start: at(start), end: at(end) });

describe("withoutOwnTime", () => {
  it("cuts the booking's own time out of Google's merged busy blocks, keeping the rest", () => {
    const own = block("10:00", "11:00");
    expect(
      withoutOwnTime(
        [block("08:00", "09:00"), block("09:30", "11:30"), block("10:00", "11:00")],
        own,
      ),
    ).toEqual([block("08:00", "09:00"), block("09:30", "10:00"), block("11:00", "11:30")]);
  });

  it("leaves busy times alone when no booking is being moved", () => {
    expect(withoutOwnTime([block("10:00", "11:00")], null)).toEqual([block("10:00", "11:00")]);
  });
});
