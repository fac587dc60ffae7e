import { describe, expect, it } from "vitest";
import { bookingsHref, parseBookingsQuery } from "./bookings-query";

describe("parseBookingsQuery", () => {
  it("reads the list from the address, and falls back to upcoming confirmed bookings", () => {
    const parse = (search: string) => parseBookingsQuery(new URLSearchParams(search));
    expect(parse("when=past&status=cancelled&page=3")).toEqual({
      when: "past",
      status: "cancelled",
      page: 3,
    });
    expect(parse("when=soon&status=maybe&page=-1")).toEqual({
      when: "upcoming",
      status: "confirmed",
      page: 1,
    });
    expect(parse("page=2.5").page).toBe(1);
  });

  it("writes a list back as the dashboard's address", () => {
    expect(bookingsHref({ when: "past", status: "all", page: 2 })).toBe(
      "/dashboard?when=past&status=all&page=2",
    );
  });
});
