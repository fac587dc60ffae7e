import { z } from "zod";
import { recordId } from "../lib/inputs.ts";
import { packageLimitsInput } from "./booking-limits.inputs.ts";

const currencies = new Set(Intl.supportedValuesOf("currency"));

/** What a host edits on a package, as plain fields; create and update add the price rule. */
export const packageFields = z.object({
  name: z.string().trim().min(1, "Name the package.").max(80, "Use at most 80 characters."),
  // Line breaks are kept (a browser sends them as CRLF); they count once each.
  description: z
    .string()
    .transform((text) => text.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().max(1000, "Use at most 1,000 characters."))
    .default(""),
  durationMinutes: z
    .number({ error: "Give the length in minutes." })
    .int("Give the length in whole minutes.")
    .min(5, "Make it at least 5 minutes.")
    .max(480, "Make it at most 8 hours (480 minutes).")
    .multipleOf(5, "Use steps of 5 minutes."),
  /** In the currency's minor units (cents for EUR); 0 makes the package free. */
  priceCents: z
    .number({ error: "Give the price." })
    .int("Give the price in the currency's smallest unit.")
    .min(0, "A price cannot be negative.")
    .max(100_000_000, "This price is too high."),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .refine((code) => currencies.has(code), "Use an ISO 4217 currency code, like EUR.")
    .nullable()
    .default(null),
  /** A hidden package stays in the host's list but is not offered for booking. */
  active: z.boolean().default(true),
});

/** A price needs its currency; a free package has none. Apply after merging any more fields. */
export function priceNeedsCurrency(
  fields: { priceCents: number; currency: string | null },
  context: z.RefinementCtx,
) {
  if (fields.priceCents > 0 && fields.currency === null)
    context.addIssue({
      code: "custom",
      message: "Pick the currency of the price.",
      path: ["currency"],
    });
}

/**
 * The package with its own booking limits, saved in the same write (null = the host's default).
 * Zod 4 refuses to extend a refined object, so the limits join before the price rule.
 */
const packageWithLimits = packageFields.extend(packageLimitsInput.shape);

export const createPackageInput = packageWithLimits.superRefine(priceNeedsCurrency);

/**
 * An update gives every field again, as the form does: what is left out takes its default, except
 * a limit left out, which stays as it is.
 */
export const updatePackageInput = packageWithLimits
  .extend({ packageId: recordId })
  .superRefine(priceNeedsCurrency);

export const reorderPackagesInput = z.object({
  packageIds: z
    .array(recordId)
    .max(500, "This is not the list of your packages.")
    .refine((ids) => new Set(ids).size === ids.length, "List each package once."),
});

export type PackageFields = z.output<typeof createPackageInput>;
