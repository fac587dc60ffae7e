import { z } from "zod";

/** Input schemas every domain shares: one definition per concept, inferred everywhere else. */

/** The address of an existing host's page. */
export const hostSlug = z
  .string()
  .trim()
  .min(1, "Give the host's address.")
  .max(60, "Use at most 60 characters.")
  .regex(/^[a-z0-9-]+$/, "Use lowercase letters, digits and dashes.");

/** An instant: a Date (superjson) or an ISO 8601 string from a plain JSON client. */
export const instant = (message: string) => z.coerce.date({ error: message });

export const timeZone = z.string().refine(isKnownTimeZone, "Pick a time zone from the list.");

export const recordId = z.string().trim().min(1, "Give an id.").max(100, "This is not a valid id.");

/** The unguessable token from a customer's link to their booking. */
export const bookingToken = z.string().min(1).max(200);

function isKnownTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return value.length > 0;
  } catch {
    return false;
  }
}
