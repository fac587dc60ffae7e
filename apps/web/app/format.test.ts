import { describe, expect, it } from "vitest";
import { formatPrice } from "./format";

describe("formatPrice", () => {
  it("shows free packages as Free and others in euros", () => {
    expect(formatPrice(0)).toBe("Free");
    expect(formatPrice(9000)).toBe("€90.00");
    expect(formatPrice(1999)).toBe("€19.99");
  });
});
