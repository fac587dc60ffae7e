import { describe, expect, it } from "vitest";
import { packageFormValues, packageFromForm } from "./package-form";

function form(entries: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.append(name, value);
  return data;
}

const filled = {
  name: "Deep dive",
  description: "Line one\r\nLine two",
  durationMinutes: "45",
  price: "120.50",
  currency: "EUR",
  active: "on",
};

describe("packageFromForm", () => {
  it("reads the fields, the price in minor units of its currency", () => {
    expect(packageFromForm(form(filled)).fields).toEqual({
      name: "Deep dive",
      description: "Line one\r\nLine two",
      durationMinutes: 45,
      priceCents: 12050,
      currency: "EUR",
      active: true,
    });
    expect(
      packageFromForm(form({ ...filled, price: "5000", currency: "JPY" })).fields,
    ).toMatchObject({ priceCents: 5000, currency: "JPY" });
    expect(packageFromForm(form({ ...filled, price: "7,5" })).fields).toMatchObject({
      priceCents: 750,
    });
  });

  it("makes an empty or zero price free, without a currency, and an unchecked box hidden", () => {
    const { active: _, ...unchecked } = filled;
    for (const price of ["", "0", "0.00"])
      expect(packageFromForm(form({ ...unchecked, price })).fields).toMatchObject({
        priceCents: 0,
        currency: null,
        active: false,
      });
  });

  it("puts unreadable numbers on their field and keeps what was typed", () => {
    const result = packageFromForm(
      form({ ...filled, durationMinutes: "", price: "ninety", name: "Kept" }),
    );
    expect(result.errors).toEqual({
      durationMinutes: "Give the length in minutes.",
      price: "Give the price as a number, like 90 or 90.50, or leave it empty for free.",
    });
    expect(result.values).toMatchObject({ name: "Kept", price: "ninety" });
    expect(packageFromForm(form({ ...filled, price: "9.999" })).errors).toEqual({
      price: "Give at most 2 decimals.",
    });
    expect(packageFromForm(form({ ...filled, price: "9.5", currency: "JPY" })).errors).toEqual({
      price: "JPY has no smaller unit: give a whole amount.",
    });
  });
});

describe("packageFormValues", () => {
  it("shows a stored price in the currency's major unit, and free as empty", () => {
    const pkg = { name: "A", description: "", durationMinutes: 30, active: true };
    expect(packageFormValues({ ...pkg, priceCents: 12050, currency: "EUR" }).price).toBe("120.50");
    expect(packageFormValues({ ...pkg, priceCents: 0, currency: null })).toMatchObject({
      price: "",
      currency: "EUR",
    });
  });
});
