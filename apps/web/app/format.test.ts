import { describe, expect, it } from "vitest";
import { formatPrice, minorUnitDigits } from "./format";

describe("formatPrice", () => {
  it("shows free packages as Free and others in their own currency", () => {
    expect(formatPrice(0, null)).toBe("Free");
    expect(formatPrice(9000, "EUR")).toBe("€90.00");
    expect(formatPrice(1999, "USD")).toBe("$19.99");
    expect(formatPrice(5000, "JPY")).toBe("¥5,000");
  });
});

describe("minorUnitDigits", () => {
  it("knows cents from currencies without a minor unit", () => {
    expect(minorUnitDigits("EUR")).toBe(2);
    expect(minorUnitDigits("JPY")).toBe(0);
    expect(minorUnitDigits("BHD")).toBe(3);
  });
});
