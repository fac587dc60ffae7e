import { describe, expect, it } from "vitest";
import { eventIdForBooking } from "./event-id.ts";

describe("eventIdForBooking", () => {
  it("is a valid base32hex event id for any booking id", () => {
    for (const id of [
      "",
      "b",
      "clx9k2m0p0000abcd",
      "ÜNICODE ✓ booking/with spaces",
      "x".repeat(5000),
    ]) {
      expect(eventIdForBooking(id)).toMatch(/^[a-v0-9]{5,1024}$/);
    }
  });

  it("is deterministic and distinct per booking", () => {
    expect(eventIdForBooking("booking-1")).toBe(eventIdForBooking("booking-1"));
    expect(eventIdForBooking("booking-1")).not.toBe(eventIdForBooking("booking-2"));
  });
});
