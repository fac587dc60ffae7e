import { z } from "zod";

/** Shared input schemas: one definition per concept, inferred everywhere else. */
export const hostSlug = z
  .string()
  .trim()
  .min(3, "Use at least 3 characters.")
  .max(60, "Use at most 60 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single dashes.");

export const timeZone = z.string().refine(isKnownTimeZone, "Pick a time zone from the list.");

export const recordId = z.string().uuid("This is not a valid id.");

function isKnownTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return value.length > 0;
  } catch {
    return false;
  }
}
