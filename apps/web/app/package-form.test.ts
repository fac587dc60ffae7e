import { describe, expect, it } from "vitest";
import { packageFormValues, packageFromForm } from "./package-form";

function form(entries: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.append(name, value);
  return data;
}

const NO_OVERRIDES = {
  horizonDays: null,
  bufferBeforeMinutes: null,
  bufferAfterMinutes: null,
  startIntervalMinutes: null,
  minimumNoticeMinutes: null,
};

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
      ...NO_OVERRIDES,
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

describe("a package's own booking rules", () => {
  it("reads each empty field as the host's default, and the others as numbers", () => {
    const rules = {
      horizonDays: " 30 ",
      bufferBeforeMinutes: "",
      bufferAfterMinutes: "15",
      startIntervalMinutes: "",
      minimumNoticeMinutes: "0",
    };
    expect(packageFromForm(form({ ...filled, ...rules })).fields).toMatchObject({
      horizonDays: 30,
      bufferBeforeMinutes: null,
      bufferAfterMinutes: 15,
      startIntervalMinutes: null,
      minimumNoticeMinutes: 0,
    });
    expect(packageFromForm(form({ ...filled, startIntervalMinutes: "15" })).fields).toMatchObject({
      startIntervalMinutes: 15,
    });
  });

  it("puts a rule that is not a number on its field, with the other fields' errors", () => {
    const result = packageFromForm(
      form({ ...filled, bufferAfterMinutes: "a quarter", startIntervalMinutes: "20", price: "x" }),
    );
    expect(result.fields).toBeUndefined();
    expect(result.errors).toEqual({
      bufferAfterMinutes: "Give a number, like 15.",
      startIntervalMinutes: "Pick one of the choices.",
      price: "Give the price as a number, like 90 or 90.50, or leave it empty for free.",
    });
    expect(result.values).toMatchObject({ bufferAfterMinutes: "a quarter" });
  });

  it("shows a stored rule as typed, and the host's default as empty", () => {
    const pkg = { name: "A", description: "", durationMinutes: 30, active: true };
    expect(
      packageFormValues({
        ...pkg,
        priceCents: 0,
        currency: null,
        ...NO_OVERRIDES,
        bufferAfterMinutes: 15,
      }),
    ).toMatchObject({ bufferAfterMinutes: "15", horizonDays: "" });
  });
});

describe("packageFormValues", () => {
  it("shows a stored price in the currency's major unit, and free as empty", () => {
    const pkg = {
      name: "A",
      description: "",
      durationMinutes: 30,
      active: true,
      ...NO_OVERRIDES,
    };
    expect(packageFormValues({ ...pkg, priceCents: 12050, currency: "EUR" }).price).toBe("120.50");
    expect(packageFormValues({ ...pkg, priceCents: 0, currency: null })).toMatchObject({
      price: "",
      currency: "EUR",
    });
  });
});
