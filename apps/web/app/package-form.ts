import type { AppRouter, inferRouterOutputs } from "@timetap/api";
import {
  packageLimitsFormValues,
  packageLimitsFromForm,
  type PackageLimitsFormValues,
} from "~/booking-limits-form";
import { minorUnitDigits } from "~/format";

export type HostPackage = inferRouterOutputs<AppRouter>["host"]["packages"][number];

/** What the package form holds, as typed, so a refused form comes back as the host left it. */
export interface PackageFormValues extends PackageLimitsFormValues {
  name: string;
  description: string;
  durationMinutes: string;
  price: string;
  currency: string;
  active: boolean;
}

export const NEW_PACKAGE: PackageFormValues = {
  name: "",
  description: "",
  durationMinutes: "30",
  price: "",
  currency: "EUR",
  active: true,
  horizonDays: "",
  bufferBeforeMinutes: "",
  bufferAfterMinutes: "",
  startIntervalMinutes: "",
  minimumNoticeMinutes: "",
};

/**
 * A stored package as the form shows it: the price back in the currency's major unit, a limit
 * left to the host's default empty.
 */
export function packageFormValues(
  pkg: Omit<HostPackage, "id" | "kind" | "position">,
): PackageFormValues {
  const currency = pkg.currency ?? "EUR";
  const digits = minorUnitDigits(currency);
  return {
    name: pkg.name,
    description: pkg.description,
    durationMinutes: String(pkg.durationMinutes),
    price: pkg.priceCents === 0 ? "" : (pkg.priceCents / 10 ** digits).toFixed(digits),
    currency,
    active: pkg.active,
    ...packageLimitsFormValues(pkg),
  };
}

/** The package form's values, and the fields for the API when the numbers can be read. */
export function packageFromForm(form: FormData) {
  const limits = packageLimitsFromForm(form);
  const values: PackageFormValues = {
    ...limits.values,
    name: String(form.get("name") ?? ""),
    description: String(form.get("description") ?? ""),
    durationMinutes: String(form.get("durationMinutes") ?? "").trim(),
    price: String(form.get("price") ?? "").trim(),
    currency: String(form.get("currency") ?? "").trim(),
    active: form.get("active") === "on",
  };
  const errors: Record<string, string> = { ...limits.errors };
  const durationMinutes = Number(values.durationMinutes);
  if (!values.durationMinutes || !Number.isFinite(durationMinutes))
    errors.durationMinutes = "Give the length in minutes.";
  const priceCents = minorUnits(values.price, values.currency);
  if (typeof priceCents === "string") errors.price = priceCents;
  if (Object.keys(errors).length > 0 || typeof priceCents === "string") return { values, errors };
  return {
    values,
    fields: {
      name: values.name,
      description: values.description,
      durationMinutes,
      priceCents,
      currency: priceCents > 0 ? values.currency || null : null,
      active: values.active,
      ...limits.limits,
    },
  };
}

/** "90", "90.5" or "90,50" in the currency's minor units; empty is free; a sentence if unreadable. */
function minorUnits(price: string, currency: string): number | string {
  if (price === "") return 0;
  const match = /^(\d{1,9})(?:[.,](\d+))?$/.exec(price);
  if (!match) return "Give the price as a number, like 90 or 90.50, or leave it empty for free.";
  // An unknown code is the API's to refuse, by the currency field; cents are the usual guess.
  let digits = 2;
  try {
    digits = minorUnitDigits(currency);
  } catch {
    // A malformed code: the API says so.
  }
  const fraction = match[2] ?? "";
  if (fraction.length > digits)
    return digits === 0
      ? `${currency} has no smaller unit: give a whole amount.`
      : `Give at most ${digits} decimals.`;
  return Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
}
